/**
 * What the shape tables (real-shapes, audit-shapes) share: the whole ruleset's matcher, values
 * built at run time from a seeded generator (never a literal credential), and a case's run.
 */
import { expandExample } from '../../../src/detect/expand-example.js';
import { loadRules } from '../../../src/detect/load-rules.js';
import { Matcher } from '../../../src/detect/matcher.js';
import type { RawMatch, RuleKind } from '../../../src/detect/types.js';

export const ruleset = loadRules();
export const matcher = new Matcher(ruleset);

export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const ALNUM = `${LOWER}${LOWER.toUpperCase()}0123456789`;

export interface ValueMaker {
  /** `n` characters drawn from `chars`. */
  rand(n: number, chars?: string): string;
  /** A short random password with at least one digit and one capital. */
  short(n: number): string;
  /** A dictionary-ish password: a capitalised word (given in two parts) and a year. */
  seasonal(first: string, second: string): string;
  /** A dictionary-ish password: a word and digits. */
  wordDigits(): string;
}

/** Values from a seeded generator (mulberry32), so a table's values are the same on every run. */
export function valueMaker(initialSeed: number): ValueMaker {
  let seed = initialSeed;
  const next = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rand = (n: number, chars = ALNUM): string => Array.from({ length: n }, () => chars[Math.floor(next() * chars.length)]).join('');
  return {
    rand,
    short: (n) => `${rand(n - 2, LOWER)}${rand(1, '0123456789')}${rand(1, LOWER.toUpperCase())}`,
    seasonal: (first, second) => [first, second, String(2000 + Math.floor(next() * 25))].join(''),
    wordDigits: () => ['pass', 'word', '123'].join(''),
  };
}

export interface ShapeCase {
  name: string;
  path: string;
  /** The text, with § where the value goes. */
  text: string;
  value?: string;
  kind?: RuleKind;
  /** Still missed (or still reported): listed so the gap stays visible, not asserted. */
  todo?: true;
}

export function runCase(c: ShapeCase): RawMatch[] {
  const text = expandExample(c.text);
  return matcher.match(c.value === undefined ? text : text.replace('§', () => c.value!), c.path);
}

/** The match holds the value (or a long enough part of it). */
export function covers(m: RawMatch, value: string): boolean {
  return m.secret.includes(value) || (value.includes(m.secret) && m.secret.length >= Math.min(8, value.length));
}

/** Findings that claim a secret (sensitive-data rules name places and card numbers, checked apart). */
export function credentials(found: RawMatch[]): RawMatch[] {
  return found.filter((m) => ruleset.byId.get(m.ruleId)!.kind !== 'sensitive-data');
}
