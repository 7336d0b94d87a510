/**
 * Rejects rule regexes that could backtrack badly on hostile input. Every quantifier must have
 * a finite maximum, nested quantifiers may not multiply past a bound, backreferences are
 * refused, neighbouring variable-length parts over overlapping characters may not split a text
 * in too many ways (regex-adjacent.ts), and no repeated group may match one text in more than a
 * bounded number of ways (regex-ambiguity.ts). With bounded work per start position, matching stays linear in the
 * input size.
 */
import { RegExpParser } from '@eslint-community/regexpp';
import type { Node } from '@eslint-community/regexpp/ast';
import { checkAdjacent } from './regex-adjacent.js';
import { checkAmbiguity } from './regex-ambiguity.js';

const MAX_NESTED_PRODUCT = 100_000;

export { REGEX_CHECK_VERSION } from './engine-version.js';

/** Patterns (flags, source) proved safe by this check in an earlier run (the built-in cache). */
const provenSafe = new Set<string>();

export function markProvenSafe(source: string, flags: string): void {
  provenSafe.add(`${flags}\0${source}`);
}

export function checkRegexSafety(source: string, flags: string): string | null {
  if (provenSafe.has(`${flags}\0${source}`)) return null;
  let ast;
  try {
    ast = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, {
      unicode: flags.includes('u'),
    });
  } catch (err) {
    return `invalid regex: ${(err as Error).message}`;
  }
  let problem: string | null = null;
  const visit = (node: Node, product: number): void => {
    if (problem) return;
    switch (node.type) {
      case 'Quantifier': {
        if (!Number.isFinite(node.max)) {
          problem = `unbounded quantifier "${node.raw}" (use {m,n} with a finite n)`;
          return;
        }
        const next = product * Math.max(1, node.max);
        if (next > MAX_NESTED_PRODUCT && product > 1) {
          problem = `nested quantifiers multiply to more than ${MAX_NESTED_PRODUCT} at "${node.raw}"`;
          return;
        }
        visit(node.element, next);
        return;
      }
      case 'Backreference':
        problem = 'backreferences are not allowed';
        return;
      case 'Pattern':
      case 'Group':
      case 'CapturingGroup':
      case 'Assertion':
        if ('alternatives' in node) {
          for (const alt of node.alternatives) for (const el of alt.elements) visit(el, product);
        }
        return;
      default:
        return;
    }
  };
  visit(ast, 1);
  return problem ?? checkAdjacent(ast, flags) ?? checkAmbiguity(ast, flags);
}
