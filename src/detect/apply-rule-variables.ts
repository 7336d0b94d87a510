/**
 * Rules about the organisation itself (its internal domains, its e-mail domains) take their
 * values from configuration: `{{var:NAME}}` in a regex becomes an alternation of the escaped
 * values. A rule whose variable has no values is left out, since it has nothing to look for.
 */
import type { RuleSpec } from './types.js';

export type RuleVariables = Record<string, string[] | undefined>;

const VAR = /\{\{var:([A-Za-z][A-Za-z0-9]*)\}\}/g;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

export function applyRuleVariables(specs: RuleSpec[], variables: RuleVariables): RuleSpec[] {
  const out: RuleSpec[] = [];
  for (const spec of specs) {
    const names = [...spec.regex.matchAll(VAR)].map((m) => m[1]!);
    if (names.length === 0) {
      out.push(spec);
      continue;
    }
    if (names.some((n) => !variables[n]?.length)) continue;
    const expand = (text: string): string =>
      text.replace(VAR, (_m, name: string) => `(?:${variables[name]!.map(escape).join('|')})`);
    const keywords = spec.keywords.flatMap((k) => {
      const m = /^\{\{var:([A-Za-z][A-Za-z0-9]*)\}\}$/.exec(k);
      return m ? variables[m[1]!]!.map((v) => v.toLowerCase()) : [k];
    });
    out.push({ ...spec, regex: expand(spec.regex), keywords });
  }
  return out;
}
