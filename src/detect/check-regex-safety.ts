/**
 * Rejects rule regexes that could backtrack badly on hostile input. Every quantifier must have
 * a finite maximum, nested quantifiers may not multiply past a bound, and backreferences are
 * refused. With bounded work per start position, matching stays linear in the input size.
 */
import { RegExpParser } from '@eslint-community/regexpp';
import type { Node } from '@eslint-community/regexpp/ast';

const MAX_NESTED_PRODUCT = 100_000;

export function checkRegexSafety(source: string, flags: string): string | null {
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
  return problem;
}
