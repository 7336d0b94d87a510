/**
 * What a Matcher builds from a ruleset besides its rules: the keyword index (which rules each
 * keyword stands for) and the WebAssembly prefilter's tables. Built once per ruleset and kept
 * with it, so every Matcher of the ruleset in a thread shares them; handed to worker threads as
 * plain data (workerData), so a worker copies them instead of building them again (10-20 ms of
 * its start-up, cold).
 */
import { buildKeywordIndex, keywordIndexOf } from './keyword-index.js';
import type { KeywordIndex } from './keyword-index.js';
import type { CompiledRule, Ruleset } from './types.js';
import { WasmKeywordScanner } from './wasm-keyword-scanner.js';
import type { WasmTables } from './wasm-keyword-scanner.js';

/** Plain data (structured-clonable). */
export interface MatcherTables {
  /** The ids of `ruleset.rules`, in order: the rules the positions below refer to. */
  ruleIds: string[];
  /** Every keyword, longest first, with the positions in `ruleset.rules` of the rules it stands for. */
  keywords: [keyword: string, rules: number[]][];
  /** The WebAssembly prefilter's tables for these keywords; null where it does not apply. */
  wasm: WasmTables | null;
}

interface Built {
  tables: MatcherTables;
  index: KeywordIndex;
}

const built = new WeakMap<Ruleset, Built>();

function make(ruleset: Ruleset): Built {
  const index = buildKeywordIndex(ruleset.rules);
  const position = new Map<CompiledRule, number>(ruleset.rules.map((r, i) => [r, i]));
  const keywords: [string, number[]][] = [...index.rulesFor].map(([k, rules]) => [k, rules.map((r) => position.get(r)!)]);
  const wasm = WasmKeywordScanner.create(keywords.map(([k]) => k))?.tables() ?? null;
  return { tables: { ruleIds: ruleset.rules.map((r) => r.id), keywords, wasm }, index };
}

/** The ruleset's tables, built on first use. */
export function matcherTables(ruleset: Ruleset): MatcherTables {
  return keywordTables(ruleset).tables;
}

function keywordTables(ruleset: Ruleset): Built {
  let b = built.get(ruleset);
  if (b === undefined) built.set(ruleset, (b = make(ruleset)));
  return b;
}

/**
 * Takes tables made for the same rules elsewhere (another thread's `matcherTables` of a ruleset
 * built from the same specs) as this ruleset's own.
 */
export function adoptMatcherTables(ruleset: Ruleset, tables: MatcherTables): void {
  const { rules } = ruleset;
  if (tables.ruleIds.length !== rules.length || tables.ruleIds.some((id, i) => rules[i]!.id !== id)) {
    throw new Error('matcher tables made for other rules than this ruleset\'s');
  }
  const rulesFor = new Map<string, CompiledRule[]>();
  for (const [k, positions] of tables.keywords) rulesFor.set(k, positions.map((p) => rules[p]!));
  built.set(ruleset, { tables, index: keywordIndexOf(rulesFor) });
}

/** The keyword index and a prefilter of its own (its memory is per scanner) for a Matcher of the ruleset. */
export function matcherParts(ruleset: Ruleset): { index: KeywordIndex; wasm: WasmKeywordScanner | null } {
  const { tables, index } = keywordTables(ruleset);
  return { index, wasm: tables.wasm ? WasmKeywordScanner.fromTables(tables.wasm) : null };
}
