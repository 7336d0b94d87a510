/**
 * Loads detector rules: the built-in detectors/*.yaml, then any --rules directories, where a
 * rule with the same id replaces the built-in one. The ruleset hash covers every rule and the
 * engine version, so any change to either forces a full rescan.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { LeakwatchError } from '../errors.js';
import { packagePath } from '../util/package-root.js';
import { writeFileSafely } from '../util/write-file-safely.js';
import { describeYamlError } from '../util/describe-parse-error.js';
import { applyRuleVariables } from './apply-rule-variables.js';
import { buildRuleset } from './build-ruleset.js';
import { markProvenSafe } from './check-regex-safety.js';
import { BUILTIN_RULES_DIR, cacheKey, cachedPath, pathOfCached, readRuleSources } from './rule-sources.js';
import type { LoadRulesOptions, RuleFile } from './rule-sources.js';
import { ruleFlags } from './compile-rule.js';
import { ruleSchemas } from './rule-schema.js';
import type { RuleSpec, Ruleset } from './types.js';

export { BUILTIN_RULES_DIR, cachedPath, pathOfCached, rulesSourceKey } from './rule-sources.js';
export type { LoadRulesOptions, RuleFile, RuleSources } from './rule-sources.js';

// The YAML parser loads only when rule files must be parsed (not when the cache answers).
const requireYaml = (): typeof Yaml => createRequire(import.meta.url)('yaml') as typeof Yaml;

export function readRuleFile(file: string, text?: string): RuleSpec[] {
  const name = relative(process.cwd(), file) || file;
  let doc: unknown;
  try {
    doc = requireYaml().parse(text ?? readFileSync(file, 'utf8'));
  } catch (err) {
    throw new LeakwatchError('rules', `${name}: not valid YAML: ${describeYamlError(err)}`);
  }
  const parsed = ruleSchemas().ruleFileSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path;
    const rules = (doc as { rules?: { id?: string }[] } | null)?.rules;
    const ruleId = path[0] === 'rules' && typeof path[1] === 'number' ? rules?.[path[1]]?.id : undefined;
    const where = ruleId ? `rule ${ruleId}: ${path.slice(2).join('.')}` : path.join('.');
    throw new LeakwatchError('rules', `${name}: ${where}: ${issue.message}`);
  }
  const { family, provider, rules } = parsed.data;
  return rules.map((r) => ({
    ...r,
    source: name,
    provider: { family, ...(r.rotate ? { rotate: r.rotate } : {}), ...(r.verify ? { verify: r.verify } : {}) },
    description: r.description ?? `${provider}: ${r.title}`,
  }));
}

interface RuleCache {
  key: string;
  specs: RuleSpec[];
}

/** The built-in catalogue, parsed and checked by `npm run build`. */
export const BUILTIN_RULES_CACHE = packagePath('dist', 'rules-cache.json');

/** Sources are shown relative to the working directory. */
function readCache(file: string, key: string): RuleSpec[] | null {
  try {
    const cache = JSON.parse(readFileSync(file, 'utf8')) as RuleCache;
    if (cache.key !== key || !Array.isArray(cache.specs)) return null;
    return cache.specs.map((s) => {
      const source = pathOfCached(s.source);
      return { ...s, source: relative(process.cwd(), source) || source };
    });
  } catch {
    return null;
  }
}

function writeCache(file: string, cache: RuleCache): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const specs = cache.specs.map((s) => ({ ...s, source: cachedPath(s.source) }));
    writeFileSafely(file, JSON.stringify({ key: cache.key, specs }));
  } catch {
    // A cache that cannot be written only costs time on the next run.
  }
}

/**
 * The regex safety check takes tens of seconds over the whole catalogue; `npm run build` ran it
 * on the built-in rules, so with extra rule folders only the new patterns are checked.
 */
function trustBuiltinChecks(builtinFiles: RuleFile[]): void {
  for (const spec of readCache(BUILTIN_RULES_CACHE, cacheKey([], builtinFiles)) ?? []) {
    const flags = ruleFlags(spec);
    markProvenSafe(spec.regex, flags.regex);
    for (const s of [...spec.allow, ...spec.allowLine, ...spec.allowPath, ...(spec.regionNeeds !== undefined ? [spec.regionNeeds] : [])]) markProvenSafe(s, flags.lists);
  }
}

export function loadRuleSpecs(extraDirs: string[] = [], options: LoadRulesOptions = {}): RuleSpec[] {
  return loadRuleSpecsChecked(extraDirs, options).specs;
}

/** `checked`: the specs have passed compilation and the regex safety check. */
function loadRuleSpecsChecked(extraDirs: string[], options: LoadRulesOptions): { specs: RuleSpec[]; checked: boolean; key: string } {
  const { dirs, files, key } = options.sources ?? readRuleSources(extraDirs, options);
  const cached = (options.cacheFile ? readCache(options.cacheFile, key) : null) ?? readCache(BUILTIN_RULES_CACHE, key);
  if (cached) return { specs: cached, checked: true, key };
  if (options.builtin !== false) trustBuiltinChecks(files.filter((f) => f.file.startsWith(BUILTIN_RULES_DIR)));
  const specs = new Map<string, RuleSpec>();
  for (const { file, bytes } of files) {
    for (const spec of readRuleFile(file, bytes.toString('utf8'))) {
      const prior = specs.get(spec.id);
      if (prior && prior.source === spec.source) {
        throw new LeakwatchError('rules', `${spec.source}: rule ${spec.id}: duplicate rule id`);
      }
      specs.set(spec.id, spec);
    }
  }
  if (specs.size === 0) throw new LeakwatchError('rules', `no rules found in ${dirs.join(', ')}`);
  const result = applyRuleVariables([...specs.values()], options.variables ?? {});
  // Everything must compile and pass the safety check before it is cached or used.
  buildRuleset(result);
  if (options.cacheFile) writeCache(options.cacheFile, { key, specs: result });
  return { specs: result, checked: true, key };
}

export function loadRules(extraDirs: string[] = [], options: LoadRulesOptions = {}): Ruleset {
  const { specs, checked, key } = loadRuleSpecsChecked(extraDirs, options);
  const ruleset = buildRuleset(specs, { checked });
  ruleset.sourceKey = key;
  if (extraDirs.length > 0) ruleset.userRules = true;
  return ruleset;
}
