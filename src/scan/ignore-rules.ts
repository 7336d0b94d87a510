/**
 * `.leakwatchignore`: one entry per line, `#` comments.
 *   path:GLOB (or a bare GLOB)   leave out locations under matching paths, with .gitignore
 *                                semantics (`*`, `?`, `[...]`, `**`, trailing `/`, `!` to re-include)
 *   rule:RULE-ID                 leave out a rule entirely
 *   fingerprint:ID (or a bare finding id, 32 hex)   leave out one finding
 * A line that cannot mean what it says is an error naming the file and line, never skipped: a
 * silently ignored ignore file hides nothing, or hides everything, without a word. Messages
 * never repeat a fingerprint or rule value: someone may have pasted a secret there.
 */
import { LeakwatchError } from '../errors.js';
import { createPathMatcher, globProblem } from '../util/glob-matcher.js';
import type { PathMatcher } from '../util/glob-matcher.js';
import { ignoreDigest } from './ignore-digest.js';

export interface IgnoreRules {
  /** True for a path under an ignored glob. */
  matchesPath: PathMatcher;
  rules: Set<string>;
  fingerprints: Set<string>;
  /** Where each `rule:` entry was written, to name the line of an unknown rule id. */
  ruleLines: Map<string, number>;
  source: string;
  /** A hash of the file's text ('' for no file): what a cached report depends on (report-cache.ts). */
  digest: string;
}

export function emptyIgnoreRules(): IgnoreRules {
  return { matchesPath: () => false, rules: new Set(), fingerprints: new Set(), ruleLines: new Map(), source: '', digest: '' };
}

const KINDS = new Set(['path', 'rule', 'fingerprint']);

export function parseIgnoreRules(text: string, source: string): IgnoreRules {
  const fail = (line: number, why: string): never => {
    throw new LeakwatchError('usage', `${source}:${line}: ${why} (fix or delete the line; entries are path:GLOB, rule:ID, fingerprint:ID)`);
  };
  if (text.includes('\0')) fail(text.slice(0, text.indexOf('\0')).split('\n').length, 'not a text file (a NUL byte)');
  const rules = emptyIgnoreRules();
  rules.source = source;
  rules.digest = ignoreDigest(text);
  const globs: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const prefixed = /^([a-z][a-z-]*):(.*)$/.exec(line);
    if (prefixed && !KINDS.has(prefixed[1]!)) fail(i + 1, `unknown entry kind "${prefixed[1]}:" (write a path that holds a colon as path:GLOB)`);
    const kind = prefixed ? prefixed[1]! : /^[0-9a-f]{32}$/.test(line) ? 'fingerprint' : 'path';
    const value = (prefixed ? prefixed[2]! : line).trim();
    if (value === '') fail(i + 1, `empty ${kind} entry`);
    if (kind === 'path') {
      const problem = globProblem(value);
      if (problem) fail(i + 1, problem);
      globs.push(value);
    } else if (kind === 'rule') {
      rules.rules.add(value);
      if (!rules.ruleLines.has(value)) rules.ruleLines.set(value, i + 1);
    } else {
      if (!/^[0-9a-f]{32}$/.test(value)) fail(i + 1, 'a fingerprint is a finding id of 32 lower-case hex digits');
      rules.fingerprints.add(value);
    }
  });
  rules.matchesPath = createPathMatcher(globs);
  return rules;
}

/** Rule ids an ignore file names that the ruleset does not have: a typo ignores nothing. */
export function checkIgnoredRuleIds(rules: IgnoreRules, known: ReadonlyMap<string, unknown>): void {
  for (const [id, line] of rules.ruleLines) {
    if (!known.has(id)) {
      const named = /^[a-z0-9][a-z0-9-]{0,80}$/.test(id) ? ` "${id}"` : '';
      throw new LeakwatchError('usage', `${rules.source}:${line}: unknown rule${named} (see 'leakwatch rules list'; fix or delete the line)`);
    }
  }
}
