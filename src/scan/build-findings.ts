/**
 * Groups matches into findings: one finding per rule and secret, however many blobs, commits
 * and paths it appears in, with its first exposure (oldest commit) on top and every place it
 * occurs in `locations`. Path allowlists apply here, where paths are finally known, and so do
 * the overlaps a path-restricted rule wins only where it applies (RawMatch.yieldsTo), and each
 * place's confidence (finding-confidence.ts): a finding takes the highest level among its
 * places, since its most exposed place is the one that matters.
 */
import { createHash } from 'node:crypto';
import type { CompiledRule, Confidence, Ruleset } from '../detect/types.js';
import { higherConfidence } from '../domain/confidence.js';
import type { Introduction } from '../domain/introduction.js';
import type { Finding, Location, ObjectResult, SafeMatch } from '../domain/finding.js';
import { confidenceIn } from './finding-confidence.js';
import { pathContext } from './path-context.js';
import type { PathContext } from './path-context.js';

export interface FindingFilter {
  /** Drops a location (e.g. an ignored path); the finding goes when no location is left. */
  dropLocation?: (ruleId: string, path: string | null) => boolean;
  /** Drops a whole finding (e.g. a baseline or an ignored fingerprint). */
  dropFinding?: (finding: Finding) => boolean;
}

const SEVERITY_ORDER = { critical: 0, high: 1, medium: 2, low: 3 } as const;

export function findingId(ruleId: string, secretSha256: string): string {
  return createHash('sha256').update(`${ruleId}:${secretSha256}`).digest('hex').slice(0, 32);
}

/**
 * A rule applies at a path its allowPath does not exclude; a location without a path has no
 * filter. A commit or tag message is filtered as the empty path: it is no file, so a rule
 * written for one kind of file (`^(?!….properties$)`) does not apply to it, while lists of
 * files to leave out (lockfiles, catalogues) do not name it.
 */
function appliesAt(rule: CompiledRule | undefined, path: string | null): boolean {
  return rule !== undefined && !(path !== null && rule.allowPathRes.some((re) => re.test(path)));
}

/** Commit times as ISO dates, once per time: a blob in many commits gives a location per commit. */
const isoDates = new Map<number, string>();
function iso(seconds: number): string {
  let date = isoDates.get(seconds);
  if (date === undefined) {
    date = new Date(seconds * 1000).toISOString();
    if (isoDates.size > 100_000) isoDates.clear();
    isoDates.set(seconds, date);
  }
  return date;
}

/** The order localeCompare gives (the default locale's), from one collator made once. */
const collator = new Intl.Collator();
const compareText = collator.compare;

function locationsOf(result: ObjectResult, m: SafeMatch, intros: Introduction[] | undefined): Location[] {
  const at = { line: m.line, endLine: m.endLine, column: m.column };
  if (result.type === 'commit' || result.type === 'tag') {
    const meta = result.meta!;
    return [{ commit: meta.commit, path: null, ...at, blob: null, date: iso(meta.time), author: meta.author, email: meta.email }];
  }
  if (result.type === 'file') {
    return [{ commit: null, path: result.path ?? null, ...at, blob: null, date: null, author: null, email: null }];
  }
  if (!intros || intros.length === 0) {
    // In the object store but in no commit: staged and abandoned, or its commit is gone.
    return [{ commit: null, path: null, ...at, blob: result.oid, date: null, author: null, email: null }];
  }
  return intros.map((i) => ({ commit: i.commit, path: i.path, ...at, blob: result.oid, date: iso(i.time), author: i.author, email: i.email }));
}

function byExposure(a: Location, b: Location): number {
  if (a.date !== b.date) return a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1;
  return compareText(a.commit ?? '', b.commit ?? '') || compareText(a.path ?? '', b.path ?? '') || a.line - b.line;
}

export function buildFindings(
  ruleset: Ruleset,
  results: ObjectResult[],
  introductions: Introduction[],
  filter: FindingFilter = {},
): Finding[] {
  const introsByOid = new Map<string, Introduction[]>();
  for (const i of introductions) {
    const list = introsByOid.get(i.oid);
    if (list) list.push(i);
    else introsByOid.set(i.oid, [i]);
  }
  const groups = new Map<string, { match: SafeMatch; locations: Location[]; confidence: Confidence }>();
  // Many places share a path (a file changed in many commits): each path is classified once.
  const contexts = new Map<string, PathContext | null>();
  const contextOf = (path: string | null): PathContext | null => {
    if (path === null) return null;
    let context = contexts.get(path);
    if (context === undefined) {
      context = pathContext(path);
      contexts.set(path, context);
    }
    return context;
  };
  for (const result of results) {
    for (const m of result.matches) {
      const rule = ruleset.byId.get(m.ruleId);
      if (!rule) continue;
      const message = result.type === 'commit' || result.type === 'tag';
      const kept = locationsOf(result, m, introsByOid.get(result.oid)).filter((l) => {
        const path = l.path ?? (message ? '' : null);
        return appliesAt(rule, path) && !(m.yieldsTo?.some((id) => appliesAt(ruleset.byId.get(id), path)) ?? false) && !filter.dropLocation?.(m.ruleId, l.path);
      });
      if (kept.length === 0) continue;
      let confidence = confidenceIn(rule, m.confidence, contextOf(kept[0]!.path));
      for (let i = 1; i < kept.length && confidence !== 'high'; i++) confidence = higherConfidence(confidence, confidenceIn(rule, m.confidence, contextOf(kept[i]!.path)));
      const key = `${m.ruleId}\0${m.secretSha256}`;
      const group = groups.get(key);
      if (group) {
        group.locations.push(...kept);
        group.confidence = higherConfidence(group.confidence, confidence);
      } else groups.set(key, { match: m, locations: kept, confidence });
    }
  }
  const findings: Finding[] = [];
  for (const { match, locations, confidence } of groups.values()) {
    const rule = ruleset.byId.get(match.ruleId)!;
    const seen = new Set<string>();
    const unique = locations.sort(byExposure).filter((l) => {
      const k = `${l.commit}\0${l.path}\0${l.line}\0${l.blob}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    const first = unique[0]!;
    const finding: Finding = {
      id: findingId(rule.id, match.secretSha256),
      ruleId: rule.id,
      title: rule.title,
      severity: rule.severity,
      kind: rule.kind,
      secretSha256: match.secretSha256,
      redacted: match.redacted,
      commit: first.commit,
      author: first.author,
      email: first.email,
      date: first.date,
      path: first.path,
      line: first.line,
      endLine: first.endLine,
      column: first.column,
      blob: first.blob,
      verified: null,
      confidence,
      ...(match.related ? { related: match.related } : {}),
      locations: unique.map(({ commit, path, line, endLine, blob }) => ({ commit, path, line, endLine, blob })),
    };
    if (!filter.dropFinding?.(finding)) findings.push(finding);
  }
  return findings.sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || compareText(a.ruleId, b.ruleId) || byExposure(a, b),
  );
}
