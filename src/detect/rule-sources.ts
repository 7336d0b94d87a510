/**
 * Where the rules come from: the built-in detectors/*.yaml and any --rules folders, read as
 * bytes, and the hash of them (with the variables and the engine version) that keys the rule
 * caches and a rerun's report. Apart from the loader (load-rules.ts), so a rerun answered from
 * its cached report (scan/report-cache.ts) reads the rule files without loading a parser.
 *
 * Every file's bytes are hashed on every run, the built-in ones too: the key says what the files
 * hold, never what a build, a file's size or its modification time said they held, so a rule
 * edited in place (even to the same size, with its time put back) or a detectors/ folder newer
 * than dist/ is never answered from a cache made with other rules. The bytes are hashed as read,
 * without decoding them or copying them into one string (a few milliseconds for the catalogue);
 * they are decoded only when the rules must be parsed.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { LeakwatchError } from '../errors.js';
import { packagePath, packageRoot } from '../util/package-root.js';
import type { RuleVariables } from './apply-rule-variables.js';
import { ENGINE_VERSION, REGEX_CHECK_VERSION } from './engine-version.js';

export interface LoadRulesOptions {
  /** false: only the given directories. */
  builtin?: boolean;
  /** Values for `{{var:NAME}}` in rule regexes (e.g. internalDomains, orgEmailDomains). */
  variables?: RuleVariables;
  /**
   * A file that keeps the parsed and checked specs, keyed by a hash of the rule files' bytes,
   * so a rerun need not parse and check every YAML file again.
   */
  cacheFile?: string;
  /**
   * The rule files as `readRuleSources` read them for these same folders and options a moment
   * before (a scan reads them first to key its cached report): not read again.
   */
  sources?: RuleSources;
}

/** A rule file as read: its bytes, decoded (as UTF-8) only when the rules must be parsed. */
export interface RuleFile {
  file: string;
  bytes: Buffer;
}

export interface RuleSources {
  dirs: string[];
  files: RuleFile[];
  key: string;
}

export const BUILTIN_RULES_DIR = packagePath('detectors');

function ruleFiles(dir: string): string[] {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    entries = readdirSync(dir);
  } catch {
    throw new LeakwatchError('rules', `rules directory ${dir} is not readable: pass a directory of *.yaml rule files`);
  }
  return entries.filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f));
}

/**
 * A rule file's path as the cache records it: relative to the package folder for the built-in
 * rules, so a cache built in one place (a build stage, a publisher's machine) holds where the
 * package is installed; absolute for other folders.
 */
const IN_PACKAGE = 'leakwatch:';

export function cachedPath(file: string): string {
  const abs = resolve(file);
  const rel = relative(packageRoot(), abs);
  return rel.startsWith('..') || isAbsolute(rel) ? abs : `${IN_PACKAGE}${rel.split(sep).join('/')}`;
}

export function pathOfCached(path: string): string {
  return path.startsWith(IN_PACKAGE) ? packagePath(...path.slice(IN_PACKAGE.length).split('/')) : path;
}

/**
 * The hash of the versions, the variables and every file's path and bytes: one JSON header that
 * names each file (its folder as cachedPath gives it, and its name) with its length, then the files' bytes in that order, so no two different sets
 * of files (or of variables) give the same input to the hash.
 */
export function cacheKey(variables: unknown[], files: RuleFile[]): string {
  // Each folder's place once, then the file's name in it: path.relative for every file of the
  // catalogue cost a rerun several milliseconds.
  const folders = new Map<string, string>();
  const where = (file: string): string => {
    const dir = dirname(file);
    let place = folders.get(dir);
    if (place === undefined) folders.set(dir, (place = cachedPath(dir)));
    return `${place}/${basename(file)}`;
  };
  const hash = createHash('sha256').update(
    `${JSON.stringify([ENGINE_VERSION, REGEX_CHECK_VERSION, variables, files.map((f) => [where(f.file), f.bytes.length])])}\n`,
  );
  for (const f of files) hash.update(f.bytes);
  return hash.digest('hex');
}

export function readRuleSources(extraDirs: string[], options: LoadRulesOptions): RuleSources {
  const dirs = options.builtin === false ? extraDirs : [BUILTIN_RULES_DIR, ...extraDirs];
  const files = dirs.flatMap((dir) => ruleFiles(dir).map((file) => ({ file, bytes: readFileSync(file) })));
  // Variables with no values switch nothing on, so they do not change the key.
  const variables = Object.entries(options.variables ?? {}).filter(([, v]) => v && v.length > 0);
  return { dirs, files, key: cacheKey(variables, files) };
}

/**
 * What the ruleset `loadRules` would build is made of (the rule files' bytes, the variables,
 * the engine version), as a hash: the same value as that ruleset's `sourceKey`, found without
 * parsing or compiling a rule (scan/report-cache.ts keys a rerun's report with it).
 */
export function rulesSourceKey(extraDirs: string[] = [], options: LoadRulesOptions = {}): string {
  return readRuleSources(extraDirs, options).key;
}
