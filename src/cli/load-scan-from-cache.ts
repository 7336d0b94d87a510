/**
 * Loads scan-from-cache.ts, the answer of a rerun from its cached report. From the sources (the
 * TypeScript loader, tests) it is an ordinary dynamic import. The build (scripts/bundle-cli.mjs)
 * puts another body in this module's place: a `require` of dist/cli/scan-from-cache.cjs, the
 * same module and everything it imports bundled as one CommonJS file, which Node.js loads in a
 * fraction of the time the ES module loader takes over the same code spread across shared chunks
 * (issue 14: a rerun with nothing to do in 0.15 s).
 */
import type * as ScanFromCache from './scan-from-cache.js';

export type ScanFromCacheModule = typeof ScanFromCache;

export function loadScanFromCache(): Promise<ScanFromCacheModule> {
  return import('./scan-from-cache.js');
}
