/**
 * Loads detector rules: the built-in detectors/*.yaml, then any --rules directories, where a
 * rule with the same id replaces the built-in one. The ruleset hash covers every rule and the
 * engine version, so any change to either forces a full rescan.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { LeakwatchError } from '../errors.js';
import { applyRuleVariables } from './apply-rule-variables.js';
import type { RuleVariables } from './apply-rule-variables.js';
import { compileRule } from './compile-rule.js';
import { ruleFileSchema } from './rule-schema.js';
import type { RuleSpec, Ruleset } from './types.js';

/** Bump when matching semantics change in a way that needs old results rescanned. */
export const ENGINE_VERSION = 1;

export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../detectors/', import.meta.url));

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

export function readRuleFile(file: string): RuleSpec[] {
  const name = relative(process.cwd(), file) || file;
  let doc: unknown;
  try {
    doc = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new LeakwatchError('rules', `${name}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const parsed = ruleFileSchema.safeParse(doc);
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

export interface LoadRulesOptions {
  /** false: only the given directories. */
  builtin?: boolean;
  /** Values for `{{var:NAME}}` in rule regexes (e.g. internalDomains, orgEmailDomains). */
  variables?: RuleVariables;
}

export function loadRuleSpecs(extraDirs: string[] = [], options: LoadRulesOptions = {}): RuleSpec[] {
  const dirs = options.builtin === false ? extraDirs : [BUILTIN_RULES_DIR, ...extraDirs];
  const specs = new Map<string, RuleSpec>();
  for (const dir of dirs) {
    for (const file of ruleFiles(dir)) {
      for (const spec of readRuleFile(file)) {
        const prior = specs.get(spec.id);
        if (prior && prior.source === spec.source) {
          throw new LeakwatchError('rules', `${spec.source}: rule ${spec.id}: duplicate rule id`);
        }
        specs.set(spec.id, spec);
      }
    }
  }
  if (specs.size === 0) throw new LeakwatchError('rules', `no rules found in ${dirs.join(', ')}`);
  return applyRuleVariables([...specs.values()], options.variables ?? {});
}

/** Compiles specs (also inside worker threads, which receive the specs as plain data). */
export function buildRuleset(specs: RuleSpec[]): Ruleset {
  const rules = specs.map((spec, i) => compileRule(spec, i));
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

export function loadRules(extraDirs: string[] = [], options: LoadRulesOptions = {}): Ruleset {
  return buildRuleset(loadRuleSpecs(extraDirs, options));
}
