/**
 * Proves that no repeated group of a rule regex can make V8's backtracking engine (irregexp)
 * take exponential time, or names the group that can.
 *
 * Exponential backtracking needs a quantifier over a group whose iterations can split the same
 * text in many ways (`(?:\w{1,20}-?){1,20}`: 200 letters split 20 ways, each in up to 20
 * places). For each quantified group (max > 1, more than one character), the group is expanded
 * into its position automaton (every iteration a fresh copy, so bounds are exact), keeping
 * multiplicities (two ways to reach one position count twice), and every reachable subset
 * state is visited over the alphabet split into atoms. The largest number of parses of one
 * string, and of partial paths alive after one prefix, is the number of ways a backtracking
 * engine can retry the group at one start position; it must stay under MAX_AMBIGUITY.
 * Assertions count as always true (more paths, never fewer). Together with bounded quantifiers
 * (check-regex-safety.ts) the work per start position is a constant of the pattern.
 */
import type { Alternative, Element, Node, Pattern, Quantifier } from '@eslint-community/regexpp/ast';
import { atomsOf, charSetOf } from './regex-charset.js';
import type { CharSet } from './regex-charset.js';

/** Most parses of one string (and live partial paths) allowed for a repeated group. */
export const MAX_AMBIGUITY = 1_000_000;
/** Larger expanded automata are refused as too large to analyse (and to run fast). */
const MAX_POSITIONS = 120_000;
/** Subset states explored before the analysis gives up and refuses the pattern. */
const MAX_STATES = 200_000;

class Refused extends Error {}

/** Multiplicities: how many distinct ways lead to each position. */
type Counts = Map<number, number>;

interface Fragment {
  first: Counts;
  last: Counts;
  /** Ways to match the empty string. */
  empty: number;
}

const CAP = 1e12;

function addInto(into: Counts, from: Counts, factor: number): void {
  if (factor === 0) return;
  for (const [p, c] of from) into.set(p, Math.min(CAP, (into.get(p) ?? 0) + c * factor));
}

class Automaton {
  readonly sets: number[] = [];
  readonly follow: Counts[] = [];
  /** The outermost quantifier around each position, to name in an error. */
  readonly owner: (string | null)[] = [];
  readonly distinct: CharSet[] = [];
  private readonly setIds = new Map<string, number>();
  private quantifier: string | null = null;

  constructor(
    private readonly ignoreCase: boolean,
    private readonly dotAll: boolean,
    private readonly reversed: boolean,
  ) {}

  buildNode(node: Element): Fragment {
    return this.element(node);
  }

  private position(node: Node): Fragment {
    if (this.sets.length >= MAX_POSITIONS) throw new Refused(`expands to more than ${MAX_POSITIONS} positions`);
    const key = `${node.raw}\0${node.type}`;
    let id = this.setIds.get(key);
    if (id === undefined) {
      id = this.distinct.length;
      this.distinct.push(charSetOf(node, this.ignoreCase, this.dotAll));
      this.setIds.set(key, id);
    }
    const p = this.sets.length;
    this.sets.push(id);
    this.follow.push(new Map());
    this.owner.push(this.quantifier);
    return { first: new Map([[p, 1]]), last: new Map([[p, 1]]), empty: 0 };
  }

  private alternation(alternatives: Alternative[]): Fragment {
    const out: Fragment = { first: new Map(), last: new Map(), empty: 0 };
    for (const alt of alternatives) {
      const f = this.sequence(alt.elements);
      addInto(out.first, f.first, 1);
      addInto(out.last, f.last, 1);
      out.empty = Math.min(CAP, out.empty + f.empty);
    }
    return out;
  }

  private sequence(elements: readonly Element[]): Fragment {
    const ordered = this.reversed ? [...elements].reverse() : elements;
    let acc: Fragment = { first: new Map(), last: new Map(), empty: 1 };
    for (const el of ordered) acc = this.concat(acc, this.element(el));
    return acc;
  }

  private concat(a: Fragment, b: Fragment): Fragment {
    for (const [p, cp] of a.last) {
      const follow = this.follow[p]!;
      for (const [q, cq] of b.first) follow.set(q, Math.min(CAP, (follow.get(q) ?? 0) + cp * cq));
    }
    const first = new Map(a.first);
    addInto(first, b.first, a.empty);
    const last = new Map(b.last);
    addInto(last, a.last, b.empty);
    return { first, last, empty: Math.min(CAP, a.empty * b.empty) };
  }

  private element(el: Element): Fragment {
    switch (el.type) {
      case 'Character':
      case 'CharacterSet':
      case 'CharacterClass':
      case 'ExpressionCharacterClass':
        return this.position(el);
      case 'Group':
      case 'CapturingGroup':
        return this.alternation(el.alternatives);
      case 'Assertion':
        // Zero width; a lookaround's own repeated groups are checked on their own.
        return { first: new Map(), last: new Map(), empty: 1 };
      case 'Quantifier':
        return this.repeat(el);
      case 'Backreference':
        throw new Refused('backreferences are not allowed');
      default:
        throw new Refused(`unsupported construct "${(el as Node).raw}"`);
    }
  }

  /** e{m,n} = e^m (e (e (...)?)?)? with a fresh copy of e per iteration. */
  private repeat(q: Quantifier): Fragment {
    if (!Number.isFinite(q.max)) throw new Refused(`unbounded quantifier "${q.raw}" (use {m,n} with a finite n)`);
    const outer = this.quantifier === null;
    if (outer) this.quantifier = q.raw;
    try {
      const copies: Fragment[] = [];
      for (let i = 0; i < q.max; i++) copies.push(this.element(q.element));
      let tail: Fragment = { first: new Map(), last: new Map(), empty: 1 };
      for (let i = q.max - 1; i >= q.min; i--) {
        const body = this.concat(copies[i]!, tail);
        tail = { first: body.first, last: body.last, empty: Math.min(CAP, body.empty + 1) };
      }
      let acc: Fragment = { first: new Map(), last: new Map(), empty: 1 };
      for (let i = 0; i < q.min; i++) acc = this.concat(acc, copies[i]!);
      return this.concat(acc, tail);
    } finally {
      if (outer) this.quantifier = null;
    }
  }
}

/**
 * The most ways (parses) the fragment can match one string, over all strings, counting also
 * the live partial paths after each prefix (the work one backtracking step can fan out to).
 * Breadth first over subset states with multiplicities.
 */
function maxAmbiguity(auto: Automaton, frag: Fragment): number {
  const { count: atomCount, members } = atomsOf(auto.distinct);
  const keyOf = (state: Counts): string => [...state].sort((x, y) => x[0] - y[0]).join(';');
  const seen = new Set<string>();
  let worst = frag.empty;
  let queue: Counts[] = [];
  const visit = (state: Counts): void => {
    if (state.size === 0) return;
    const key = keyOf(state);
    if (seen.has(key)) return;
    if (seen.size >= MAX_STATES) throw new Refused(`too complex to prove linear-time (more than ${MAX_STATES} states)`);
    seen.add(key);
    let live = 0;
    let ends = 0;
    for (const [p, c] of state) {
      live += c;
      ends += c * (frag.last.get(p) ?? 0);
    }
    worst = Math.max(worst, live, ends);
    if (worst > MAX_AMBIGUITY) return;
    queue.push(state);
  };
  for (let a = 0; a < atomCount; a++) {
    const next: Counts = new Map();
    for (const [q, k] of frag.first) if (members[auto.sets[q]!]![a]) next.set(q, k);
    visit(next);
  }
  while (queue.length > 0 && worst <= MAX_AMBIGUITY) {
    const current = queue;
    queue = [];
    for (const state of current) {
      for (let a = 0; a < atomCount; a++) {
        const next: Counts = new Map();
        for (const [p, c] of state) {
          for (const [q, k] of auto.follow[p]!) {
            if (members[auto.sets[q]!]![a]) next.set(q, Math.min(CAP, (next.get(q) ?? 0) + c * k));
          }
        }
        visit(next);
        if (worst > MAX_AMBIGUITY) break;
      }
    }
  }
  return worst;
}

/**
 * A cheap proof for the common shape `(?:[^\n]{0,100}\n){2,400}`: each iteration ends with a
 * character none of its other parts can match, and nothing in it follows that character, so
 * the input alone fixes where every iteration ends. Then one string splits into iterations one
 * way, and the paths through n iterations are at most w^(n+1), w being the paths through one
 * (parses, or partial paths alive). Infinity when the shape does not apply.
 */
function delimitedBound(q: Quantifier, flags: string): number {
  const auto = new Automaton(flags.includes('i'), flags.includes('s'), false);
  const one = auto.buildNode(q.element);
  if (one.empty > 0 || one.last.size === 0) return Infinity;
  const { count: atomCount, members } = atomsOf(auto.distinct);
  const delimiter = new Uint8Array(atomCount);
  for (const p of one.last.keys()) {
    if (auto.follow[p]!.size > 0) return Infinity;
    const m = members[auto.sets[p]!]!;
    for (let a = 0; a < atomCount; a++) if (m[a]) delimiter[a] = 1;
  }
  for (let p = 0; p < auto.sets.length; p++) {
    if (one.last.has(p)) continue;
    const m = members[auto.sets[p]!]!;
    for (let a = 0; a < atomCount; a++) if (m[a] && delimiter[a]) return Infinity;
  }
  const w = maxAmbiguity(auto, one);
  return w <= 1 ? 1 : Math.pow(w, q.max + 1);
}

/** Quantifiers over more than one character: the places exponential backtracking comes from. */
function compoundQuantifiers(node: Node, out: Quantifier[]): void {
  if (node.type === 'Quantifier') {
    const el = node.element;
    if (node.max > 1 && el.type !== 'Character' && el.type !== 'CharacterSet' && el.type !== 'CharacterClass') out.push(node);
    compoundQuantifiers(el, out);
    return;
  }
  if ('alternatives' in node) for (const alt of node.alternatives) for (const el of alt.elements) compoundQuantifiers(el, out);
}

/**
 * Null when every quantified group provably matches any string in at most MAX_AMBIGUITY ways
 * (and keeps at most that many partial paths alive), else the reason, naming the group.
 */
export function checkAmbiguity(pattern: Pattern, flags: string): string | null {
  const groups: Quantifier[] = [];
  compoundQuantifiers(pattern, groups);
  try {
    for (const q of groups) {
      if (delimitedBound(q, flags) <= MAX_AMBIGUITY) continue;
      const auto = new Automaton(flags.includes('i'), flags.includes('s'), false);
      const frag = auto.buildNode(q);
      const degree = maxAmbiguity(auto, frag);
      if (degree > MAX_AMBIGUITY) {
        return (
          `"${q.raw}" can match the same text in more than ${MAX_AMBIGUITY} ways, so it can backtrack exponentially ` +
          '(a repeated group whose parts can match the same characters; make the iterations unambiguous, ' +
          'e.g. end each with a delimiter its other parts cannot match)'
        );
      }
    }
  } catch (err) {
    if (err instanceof Refused) return err.message;
    throw err;
  }
  return null;
}
