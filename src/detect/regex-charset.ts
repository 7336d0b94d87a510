/**
 * The set of UTF-16 code units one regex atom (a character, a class, an escape like \w, ".")
 * can match, as a bitmap over all 65,536 units, with case folding as JavaScript's
 * non-unicode `i` flag does it. Used by the ambiguity analysis, which must never under-count
 * what a position matches: where unsure (unicode properties), a set covers every unit.
 */
import type { Node } from '@eslint-community/regexpp/ast';

const UNITS = 0x10000;

export type CharSet = Uint8Array;

const LINE_TERMINATORS = [0x0a, 0x0d, 0x2028, 0x2029];
const SPACES: [number, number][] = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];
const WORD: [number, number][] = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];

function fromRanges(ranges: [number, number][], negate = false): CharSet {
  const set = new Uint8Array(UNITS);
  for (const [lo, hi] of ranges) set.fill(1, lo, Math.min(hi, UNITS - 1) + 1);
  return negate ? complement(set) : set;
}

function complement(set: CharSet): CharSet {
  const out = new Uint8Array(UNITS);
  for (let c = 0; c < UNITS; c++) out[c] = set[c] ? 0 : 1;
  return out;
}

function union(into: CharSet, from: CharSet): void {
  for (let c = 0; c < UNITS; c++) if (from[c]) into[c] = 1;
}

let canonTable: Uint16Array | null = null;

/** Canonicalize() of the ECMAScript spec for non-unicode ignoreCase matching. */
function canon(): Uint16Array {
  if (canonTable) return canonTable;
  canonTable = new Uint16Array(UNITS);
  for (let c = 0; c < UNITS; c++) {
    const upper = String.fromCharCode(c).toUpperCase();
    const u = upper.length === 1 ? upper.charCodeAt(0) : c;
    canonTable[c] = c >= 128 && u < 128 ? c : u;
  }
  return canonTable;
}

/** Every unit whose canonical form is that of some unit in the set: what /x/i matches. */
function foldCase(set: CharSet): CharSet {
  const table = canon();
  const canonical = new Uint8Array(UNITS);
  for (let c = 0; c < UNITS; c++) if (set[c]) canonical[table[c]!] = 1;
  const out = new Uint8Array(UNITS);
  for (let c = 0; c < UNITS; c++) if (canonical[table[c]!]) out[c] = 1;
  return out;
}

function escapeSet(node: Extract<Node, { type: 'CharacterSet' }>, dotAll: boolean): CharSet {
  switch (node.kind) {
    case 'any':
      return dotAll ? fromRanges([[0, UNITS - 1]]) : fromRanges(LINE_TERMINATORS.map((c) => [c, c]), true);
    case 'digit':
      return fromRanges([[0x30, 0x39]], node.negate);
    case 'space':
      return fromRanges(SPACES, node.negate);
    case 'word':
      return fromRanges(WORD, node.negate);
    default:
      // Unicode properties (u/v flag only): assume they can match anything.
      return fromRanges([[0, UNITS - 1]]);
  }
}

/** Before case folding and negation: the units the class lists. */
function classMembers(node: Extract<Node, { type: 'CharacterClass' }>, dotAll: boolean): CharSet {
  const set = new Uint8Array(UNITS);
  for (const el of node.elements) {
    if (el.type === 'Character') set[el.value & 0xffff] = 1;
    else if (el.type === 'CharacterClassRange') set.fill(1, el.min.value, Math.min(el.max.value, UNITS - 1) + 1);
    else if (el.type === 'CharacterSet') union(set, escapeSet(el, dotAll));
    else set.fill(1); // v-flag constructs: assume anything
  }
  return set;
}

/** The units `node` (a Character, CharacterSet or CharacterClass) matches under the flags. */
export function charSetOf(node: Node, ignoreCase: boolean, dotAll: boolean): CharSet {
  if (node.type === 'Character') {
    const set = fromRanges([[node.value & 0xffff, node.value & 0xffff]]);
    return ignoreCase ? foldCase(set) : set;
  }
  if (node.type === 'CharacterSet') {
    // \w, \d, \s and "." are closed under non-unicode case folding already.
    return escapeSet(node, dotAll);
  }
  if (node.type === 'CharacterClass') {
    const members = classMembers(node, dotAll);
    const folded = ignoreCase ? foldCase(members) : members;
    return node.negate ? complement(folded) : folded;
  }
  return fromRanges([[0, UNITS - 1]]);
}

/**
 * Splits the code units into atoms: maximal runs that every set either holds whole or not at
 * all. Returns, per set, the atoms it holds.
 */
export function atomsOf(sets: CharSet[]): { count: number; members: Uint8Array[] } {
  const starts: number[] = [0];
  for (let c = 1; c < UNITS; c++) {
    for (const s of sets) {
      if (s[c] !== s[c - 1]) {
        starts.push(c);
        break;
      }
    }
  }
  const members = sets.map((s) => {
    const m = new Uint8Array(starts.length);
    for (let a = 0; a < starts.length; a++) m[a] = s[starts[a]!]!;
    return m;
  });
  return { count: starts.length, members };
}
