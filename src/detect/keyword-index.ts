/**
 * The cheap first pass: one case-insensitive alternation of every rule keyword. A keyword hit
 * stands for every keyword it contains, so rules keyed on "secret" still see "client_secret".
 */
import type { CompiledRule } from './types.js';

export interface KeywordIndex {
  re: RegExp;
  rulesFor: Map<string, CompiledRule[]>;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

export function buildKeywordIndex(rules: CompiledRule[]): KeywordIndex {
  const byKeyword = new Map<string, Set<CompiledRule>>();
  for (const rule of rules) {
    for (const kw of rule.keywords) {
      let set = byKeyword.get(kw);
      if (!set) byKeyword.set(kw, (set = new Set()));
      set.add(rule);
    }
  }
  const keywords = [...byKeyword.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const rulesFor = new Map<string, CompiledRule[]>();
  for (const kw of keywords) {
    const set = new Set<CompiledRule>();
    for (const other of keywords) if (kw.includes(other)) for (const r of byKeyword.get(other)!) set.add(r);
    rulesFor.set(kw, [...set].sort((a, b) => a.index - b.index));
  }
  const re = new RegExp(keywords.map(escape).join('|'), 'gi');
  return { re, rulesFor };
}
