/**
 * Adjacent quantified parts over overlapping characters (`[a-z]{0,300}[a-z]{0,300}X`) can
 * split one text in (300+1)^2 ways at every start position: polynomial, but a constant large
 * enough to hang a scan. Along each sequence, the ways a chain of neighbouring parts whose
 * characters overlap can split one text are estimated (below) and must stay under a bound.
 * Zero-width assertions are transparent. Only single-character parts (x, [a-z], \w, each
 * quantified or not) form chains: a group ends one. What a group does inside is
 * regex-ambiguity.ts's part; how a group's length trades off against its neighbours is not
 * bounded by either check (a known gap, docs/detectors.md).
 */
import type { Element, Node, Pattern } from '@eslint-community/regexpp/ast';
import { charSetOf } from './regex-charset.js';
import type { CharSet } from './regex-charset.js';

export const MAX_ADJACENT_SPLITS = 20_000;

interface Shape {
  min: number;
  max: number;
  chars: CharSet;
}

function shapeOf(node: Node, flags: string, cache: Map<Node, Shape>): Shape {
  const known = cache.get(node);
  if (known) return known;
  let shape: Shape;
  switch (node.type) {
    case 'Character':
    case 'CharacterSet':
    case 'CharacterClass':
    case 'ExpressionCharacterClass':
      shape = { min: 1, max: 1, chars: charSetOf(node, flags.includes('i'), flags.includes('s')) };
      break;
    case 'Quantifier': {
      const inner = shapeOf(node.element, flags, cache);
      shape = { min: node.min * inner.min, max: node.max * inner.max, chars: inner.chars };
      break;
    }
    case 'Group':
    case 'CapturingGroup':
    case 'Pattern': {
      const chars = new Uint8Array(0x10000);
      let min = Infinity;
      let max = 0;
      for (const alt of node.alternatives) {
        let lo = 0;
        let hi = 0;
        for (const el of alt.elements) {
          const s = shapeOf(el, flags, cache);
          lo += s.min;
          hi += s.max;
          for (let c = 0; c < 0x10000; c++) if (s.chars[c]) chars[c] = 1;
        }
        min = Math.min(min, lo);
        max = Math.max(max, hi);
      }
      shape = { min: min === Infinity ? 0 : min, max, chars };
      break;
    }
    default:
      shape = { min: 0, max: 0, chars: new Uint8Array(0x10000) };
  }
  cache.set(node, shape);
  return shape;
}

function overlaps(a: CharSet, b: CharSet): boolean {
  for (let c = 0; c < 0x10000; c++) if (a[c] && b[c]) return true;
  return false;
}

/**
 * Where a part B follows a chain of parts over overlapping characters whose lengths can vary by
 * `slack` in total, the text can be split between them in at most min(slack, B's range) + 1
 * ways; the chain's product bounds the splits of the whole chain.
 */
function checkSequence(elements: readonly Element[], flags: string, cache: Map<Node, Shape>): string | null {
  let product = 1;
  let slack = 0;
  let chain: Element[] = [];
  let previous: Shape | null = null;
  for (const el of elements) {
    const s = shapeOf(el, flags, cache);
    if (s.max === 0) continue; // assertions
    const inner = el.type === 'Quantifier' ? el.element : el;
    if (inner.type === 'Group' || inner.type === 'CapturingGroup') {
      // Not bounded here (see the file comment): a group starts a new chain.
      product = 1;
      slack = 0;
      chain = [];
      previous = null;
      continue;
    }
    if (previous && !overlaps(previous.chars, s.chars)) {
      product = 1;
      slack = 0;
      chain = [];
    }
    chain.push(el);
    const range = s.max - s.min;
    product *= Math.min(slack, range) + 1;
    slack += range;
    if (product > MAX_ADJACENT_SPLITS) {
      const raw = chain.map((e) => e.raw).join('');
      return `adjacent parts "${raw}" can split one text in more than ${MAX_ADJACENT_SPLITS} ways (neighbouring variable-length parts over overlapping characters)`;
    }
    previous = s;
  }
  return null;
}

export function checkAdjacent(pattern: Pattern, flags: string): string | null {
  const cache = new Map<Node, Shape>();
  const visit = (node: Node): string | null => {
    if ('alternatives' in node) {
      for (const alt of node.alternatives) {
        const problem = checkSequence(alt.elements, flags, cache);
        if (problem) return problem;
        for (const el of alt.elements) {
          const inner = visit(el);
          if (inner) return inner;
        }
      }
    } else if (node.type === 'Quantifier') return visit(node.element);
    return null;
  };
  return visit(pattern);
}
