/**
 * Makes every path-valued option (`isPath` in options.ts) absolute once, at load time, so no
 * user of the configuration resolves it against the wrong folder: a relative value written in
 * the config file is relative to that file's folder (`leakwatch daemon --config
 * config/default.yaml` run from anywhere reads the same inventory), while a value from the
 * environment or a built-in default is relative to the working directory, where it was typed.
 */
import { isAbsolute, resolve } from 'node:path';
import type { LeakwatchConfig } from './config-types.js';
import { OPTIONS } from './options.js';

export interface PathBases {
  /** Folder of the config file read, or null when none was. */
  fileDir: string | null;
  cwd: string;
  /** Option paths whose value came from an environment variable. */
  fromEnv: ReadonlySet<string>;
}

function hasPath(raw: Record<string, unknown>, path: string): boolean {
  let node: unknown = raw;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return node !== undefined && node !== null;
}

function getPath(target: Record<string, unknown>, path: string): unknown {
  let node: unknown = target;
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  node[parts[parts.length - 1]!] = value;
}

/** Returns a copy of `config` with every path-valued option absolute. */
export function resolveConfigPaths(config: LeakwatchConfig, fileRaw: Record<string, unknown>, bases: PathBases): LeakwatchConfig {
  const copy = structuredClone(config) as unknown as Record<string, unknown>;
  for (const option of OPTIONS) {
    if (!('isPath' in option) || !option.isPath) continue;
    const value = getPath(copy, option.path);
    if (value === undefined) continue;
    const inFile = bases.fileDir !== null && !bases.fromEnv.has(option.path) && hasPath(fileRaw, option.path);
    const base = inFile ? bases.fileDir! : bases.cwd;
    const absolute = (path: string): string => (isAbsolute(path) ? path : resolve(base, path));
    setPath(copy, option.path, Array.isArray(value) ? value.map((item: string) => absolute(item)) : absolute(value as string));
  }
  return copy as unknown as LeakwatchConfig;
}
