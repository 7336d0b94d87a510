// Part of `npm run build`: parses and checks the built-in detector catalogue once, so a scan
// starts by reading one JSON file instead of parsing a hundred YAML files (see load-rules.ts).
import { BUILTIN_RULES_CACHE, loadRules } from '../dist/detect/load-rules.js';

loadRules([], { cacheFile: BUILTIN_RULES_CACHE });
