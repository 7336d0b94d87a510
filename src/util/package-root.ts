/**
 * The folder leakwatch is installed in (its package.json, detectors/ and dist/), found by walking
 * up from this module. Paths built on it hold wherever the code runs from: the bundled CLI
 * (dist/cli/main.js and its chunks), the compiled tree under dist/, or the TypeScript sources.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root !== undefined) return root;
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'detectors'))) return (root = dir);
    if (dirname(dir) === dir) throw new Error(`no leakwatch package folder above ${start}`);
  }
}

/** A path inside the package folder, e.g. `packagePath('dist', 'rules-cache.json')`. */
export function packagePath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
