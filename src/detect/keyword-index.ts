/**
 * The cheap first pass: one alternation of every rule keyword, run on the lower-cased text. A
 * keyword hit stands for every keyword it contains, so rules keyed on "secret" still see
 * "client_secret". The alternation is written as a trie (shared prefixes factored out), which
 * V8 runs faster than a flat list of alternatives.
 */
import type { CompiledRule } from './types.js';

export interface KeywordIndex {
  /** Matches lower-cased text; every match is the longest keyword starting there. */
  re: RegExp;
  /** The same, case-insensitive, for text whose lower-casing changes its length. */
  reIgnoreCase: RegExp;
  rulesFor: Map<string, CompiledRule[]>;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** A trie of keywords by char code; a node that ends a keyword holds the keyword's rules. */
interface RuleTrie {
  rules: Set<CompiledRule> | null;
  next: Map<number, RuleTrie>;
}

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

function trieSource(words: string[]): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const word of words) {
    let node = root;
    for (const ch of word) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const emit = (node: TrieNode): string => {
    if (node.next.size === 0) return '';
    const alts = [...node.next].map(([ch, child]) => escape(ch) + emit(child));
    const body = alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return emit(root);
}


export function buildKeywordIndex(rules: CompiledRule[]): KeywordIndex {
  const byKeyword = new Map<string, Set<CompiledRule>>();
  // The keywords as a trie of char codes, each keyword's end holding its rules.
  const root: RuleTrie = { rules: null, next: new Map() };
  for (const rule of rules) {
    for (const kw of rule.keywords) {
      let set = byKeyword.get(kw);
      if (!set) {
        byKeyword.set(kw, (set = new Set()));
        let node = root;
        for (let i = 0; i < kw.length; i++) {
          const c = kw.charCodeAt(i);
          let child = node.next.get(c);
          if (!child) node.next.set(c, (child = { rules: null, next: new Map() }));
          node = child;
        }
        node.rules = set;
      }
      set.add(rule);
    }
  }
  // Longest first, then by code unit: localeCompare would start the ICU collator, ~10 ms in every thread.
  const keywords = [...byKeyword.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  const rulesFor = new Map<string, CompiledRule[]>();
  for (const kw of keywords) {
    // Every keyword inside this one: from each start, the trie walked along the keyword meets
    // the keywords that start there (slicing every substring and looking it up cost 10-20 ms
    // in every thread).
    const set = new Set<CompiledRule>();
    for (let i = 0; i < kw.length; i++) {
      let node: RuleTrie | undefined = root;
      for (let j = i; j < kw.length; j++) {
        node = node.next.get(kw.charCodeAt(j));
        if (node === undefined) break;
        if (node.rules !== null) for (const r of node.rules) set.add(r);
      }
    }
    rulesFor.set(kw, [...set].sort((a, b) => a.index - b.index));
  }
  return keywordIndexOf(rulesFor);
}

/**
 * The index whose keywords (longest first, as buildKeywordIndex orders them) stand for these
 * rules: how a worker thread rebuilds the index it was handed as plain data (matcher-tables.ts).
 */
export function keywordIndexOf(rulesFor: Map<string, CompiledRule[]>): KeywordIndex {
  const keywords = [...rulesFor.keys()];
  // The regexes serve only texts the WebAssembly prefilter does not take: made on first use.
  let re: RegExp | undefined;
  let reIgnoreCase: RegExp | undefined;
  return {
    get re() {
      return (re ??= new RegExp(trieSource(keywords), 'g'));
    },
    get reIgnoreCase() {
      return (reIgnoreCase ??= new RegExp(trieSource(keywords), 'gi'));
    },
    rulesFor,
  };
}
