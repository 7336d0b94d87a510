/**
 * Compiles checked rule specs into a ruleset, with the hash that keys incremental state. Kept
 * apart from the loader so worker threads, which receive specs as plain data, do not load the
 * YAML parser or the schema library.
 */
import { createHash } from 'node:crypto';
import { LeakwatchError } from '../errors.js';
import { compileRule } from './compile-rule.js';
import { ENGINE_VERSION } from './engine-version.js';
import type { RuleSpec, Ruleset } from './types.js';

// The engine version lives in its own module, so what keys a rerun's report loads no matcher.
export { ENGINE_VERSION } from './engine-version.js';

/**
 * Compiles specs (also inside worker threads, which receive the specs as plain data). `hash`:
 * these specs' hash, computed already (a worker is handed its main thread's).
 */
export function buildRuleset(specs: RuleSpec[], options: { checked?: boolean; hash?: string } = {}): Ruleset {
  const rules = specs.map((spec, i) => compileRule(spec, i, options.checked ?? false));
  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const r of rules) {
    if (r.requires && !byId.has(r.requires.rule)) {
      throw new LeakwatchError('rules', `${r.source}: rule ${r.id}: requires unknown rule "${r.requires.rule}"`);
    }
  }
  const hash =
    options.hash ??
    createHash('sha256')
      .update(JSON.stringify({ engine: ENGINE_VERSION, rules: specs.map(({ source: _s, ...rest }) => rest) }))
      .digest('hex');
  return { specs, rules, byId, hash };
}

