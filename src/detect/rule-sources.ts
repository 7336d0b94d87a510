/**
 * Where the rules come from: the built-in detectors/*.yaml and any --rules folders, read as
 * bytes, and the hash of them (with the variables and the engine version) that keys the rule
 * caches and a rerun's report. Apart from the loader (load-rules.ts), so a rerun answered from
 * its cached report (scan/report-cache.ts) reads the rule files without loading a parser.
 *
 * The key hashes every file's bytes, the built-in ones too: it says what the files hold, never
 * what a build, a file's size or its modification time said they held, so a rule edited in place
 * (even to the same size, with its time put back) or a detectors/ folder newer than dist/ is
 * never answered from a cache made with other rules. The bytes are hashed as read, without
 * decoding them or copying them into one string (a few milliseconds for the catalogue); they are
 * decoded only when the rules must be parsed. A rerun answered from its cached report may take
 * the key from that report instead, when the files' stamp (rule-stamp.ts: inode, size, and
 * change time, which no edit leaves as it was) is the one taken when the key was made.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { LeakwatchError } from '../errors.js';
import { packagePath, packageRoot } from '../util/package-root.js';
import type { RuleVariables } from './apply-rule-variables.js';
import { ENGINE_VERSION, REGEX_CHECK_VERSION } from './engine-version.js';
import { rulesStamp } from './rule-stamp.js';
import type { StatedRuleDir } from './rule-stamp.js';

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
  /** What the file system said of the files before they were read (rule-stamp.ts), or null. */
  stamp: string | null;
}

export const BUILTIN_RULES_DIR = packagePath('detectors');

/** The rule files' names in a folder, in the order they are read. */
function ruleFileNames(dir: string): string[] {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    entries = readdirSync(dir);
  } catch {
    throw new LeakwatchError('rules', `rules directory ${dir} is not readable: pass a directory of *.yaml rule files`);
  }
  return entries.filter((f) => /\.ya?ml$/.test(f)).sort();
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

const dirsOf = (extraDirs: string[], options: LoadRulesOptions): string[] => (options.builtin === false ? extraDirs : [BUILTIN_RULES_DIR, ...extraDirs]);

// Variables with no values switch nothing on, so they do not change the key.
const keyedVariables = (options: LoadRulesOptions): unknown[] => Object.entries(options.variables ?? {}).filter(([, v]) => v && v.length > 0);

/** The rule files of these folders, stated (not read). */
function statRuleFiles(dirs: string[]): StatedRuleDir[] {
  return dirs.map((dir) => ({ dir, files: ruleFileNames(dir).map((name) => ({ name, stats: statSync(join(dir, name)) })) }));
}

export function readRuleSources(extraDirs: string[], options: LoadRulesOptions): RuleSources {
  const dirs = dirsOf(extraDirs, options);
  const variables = keyedVariables(options);
  // Stated before they are read: a file changed in between gives a stamp that never matches again.
  const stated = statRuleFiles(dirs);
  const stamp = rulesStamp(variables, stated);
  const files = stated.flatMap(({ dir, files: names }) => names.map(({ name }) => join(dir, name))).map((file) => ({ file, bytes: readFileSync(file) }));
  return { dirs, files, key: cacheKey(variables, files), stamp };
}

/**
 * The stamp of the rule files as they are now (rule-stamp.ts), without reading them: when it is
 * the stamp a cached report was made under, that report's rules key is still theirs.
 */
export function currentRulesStamp(extraDirs: string[], options: LoadRulesOptions): string | null {
  return rulesStamp(keyedVariables(options), statRuleFiles(dirsOf(extraDirs, options)));
}

/**
 * What the ruleset `loadRules` would build is made of (the rule files' bytes, the variables,
 * the engine version), as a hash: the same value as that ruleset's `sourceKey`, found without
 * parsing or compiling a rule (scan/report-cache.ts keys a rerun's report with it).
 */
export function rulesSourceKey(extraDirs: string[] = [], options: LoadRulesOptions = {}): string {
  return readRuleSources(extraDirs, options).key;
}
