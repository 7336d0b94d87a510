/**
 * Compiles checked rule specs into a ruleset, with the hash that keys incremental state. Kept
 * apart from the loader so worker threads, which receive specs as plain data, do not load the
 * YAML parser or the schema library.
 */
import { createHash } from 'node:crypto';
import { LeakwatchError } from '../errors.js';
import { compileRule } from './compile-rule.js';
import type { RuleSpec, Ruleset } from './types.js';

/**
 * Bump when matching semantics change in a way that needs old results rescanned.
 * 2: commit and tag authors are decoded as UTF-8.
 * 3: a match that yields to a path-restricted rule is kept (with `yieldsTo`) when the path is
 *    not yet known, so old states, which dropped it, scan again.
 * 4: generic rules read the line with the assignment tokenizer and value classifier (shorter
 *    quoted passwords, more shapes, confidence levels), so old states scan again.
 * 5: generic rules drop regular-expression source, relative file paths and paths of type names,
 *    read block and trailing comments as comments and lower-case phrases as chosen passphrases,
 *    and the URL password rules read letters-only passwords, so old states scan again.
 * 6: generic rules read more shapes (connection calls, XML name/value pairs, getters, literals
 *    handed to hashing calls, hyphenated chosen passwords, short nonces, random salts with any
 *    punctuation) and carry new levels (a long random value under a token name is high, chosen
 *    words with digits are low); Basic-auth pairs are judged by their password, and secret
 *    names and the jwt.io sample token are dropped, so old states scan again.
 * 7: LDAP bind passwords after a literal DN, whole-file rules (`fileBytes`: a Rails master.key)
 *    and more generic shapes (see the rules' history), so old states scan again.
 */
export const ENGINE_VERSION = 7;

/** Compiles specs (also inside worker threads, which receive the specs as plain data). */
export function buildRuleset(specs: RuleSpec[], options: { checked?: boolean } = {}): Ruleset {
  const rules = specs.map((spec, i) => compileRule(spec, i, options.checked ?? false));
  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const r of rules) {
    if (r.requires && !byId.has(r.requires.rule)) {
      throw new LeakwatchError('rules', `${r.source}: rule ${r.id}: requires unknown rule "${r.requires.rule}"`);
    }
  }
  const hash = createHash('sha256')
    .update(JSON.stringify({ engine: ENGINE_VERSION, rules: specs.map(({ source: _s, ...rest }) => rest) }))
    .digest('hex');
  return { specs, rules, byId, hash };
}

