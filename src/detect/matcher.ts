/**
 * Runs a ruleset over one text (a blob, a file, a commit message): keyword pass, full regexes
 * on candidate regions only, then the precision filters (entropy, allowlists, placeholders,
 * validators, inline `leakwatch:allow`), pairing, and overlap suppression.
 * Texts are latin1 strings: one character per byte, so offsets are byte offsets.
 */
import { LineFinder, RangeSet } from './candidate-ranges.js';
import { shannonEntropy } from './entropy.js';
import { judgeAssignment } from './generic/judge-assignment.js';
import { judgeEncodedCredentials } from './generic/judge-credentials.js';
import { judgeCsvRow } from './generic/judge-csv.js';
import { judgeSqlRows } from './generic/judge-sql.js';
import type { SqlJudgement } from './generic/judge-sql.js';
import { isPlaceholder } from './is-placeholder.js';
import { repeatsOneCharacter } from './repeats-one-character.js';
import { PRIVATE_KEY_FAMILY } from './rule-confidence.js';
import { TextRegions } from './text-regions.js';
import type { KeywordIndex } from './keyword-index.js';
import { locateMatches } from './locate-matches.js';
import { matcherParts } from './matcher-tables.js';
import { bufferSource, stringSource } from './source.js';
import type { Source } from './source.js';
import type { CompiledRule, Confidence, RawMatch, Ruleset } from './types.js';
import { WASM_MAX_BYTES } from './wasm-keyword-scanner.js';
import type { WasmKeywordScanner } from './wasm-keyword-scanner.js';
import { validators } from './validators/api.js';

const INLINE_ALLOW = 'leakwatch:allow';
const LINE_PEEK = 4096;
/** What the assignment tokenizer sees around a generic match: the key's context, a quoted value's end. */
const JUDGE_BEFORE = 512;
const JUDGE_AFTER = 1100;
/** Long regions are matched in slices so a deadline can be checked between them. */
const SLICE = 256 * 1024;
/** Context before a slice, so look-behind boundaries see the real preceding bytes. */
const SLICE_CONTEXT = 256;
/** Bytes of an SQL statement read at a time past its region (see pushSqlRows). */
const SQL_CHUNK = 256 * 1024;
/**
 * Each keyword hit adds this to a text's deadline: judging candidates costs time by their number,
 * not by the text's size, so a text dense with keywords (a 20 MB line of `secret=password`) is
 * slow to judge, not stuck. The pool's hard deadline (match-watch.ts) still bounds it.
 */
const MS_PER_HIT = 0.02;
/** More matches than this in one text is a dump or an attack; stop and say it was partial. */
const MAX_MATCHES = 10_000;

export interface MatchOutcome {
  matches: RawMatch[];
  /** The deadline passed: the text was only partly matched. */
  partial: boolean;
}

function lineAround(text: Source, start: number, end: number): string {
  const lo = Math.max(0, start - LINE_PEEK);
  const before = text.lastNewline(lo, start);
  const from = before < 0 ? lo : before + 1;
  const hi = Math.min(text.length, end + LINE_PEEK);
  const after = text.firstNewline(end, hi);
  return text.slice(from, after < 0 ? hi : after);
}

/**
 * Runs the assignment tokenizer and value classifier on a generic match: the text from the
 * start of the match's first line to the end of the value's line, so a multi-line shape (a
 * Kubernetes env entry) is seen whole. Returns the value as read (a quoted value to its
 * closing quote) with its offsets in the text, or null where it is not a secret.
 */
function judgeMatch(
  text: Source,
  matchStart: number,
  start: number,
  end: number,
  keyHint: string | undefined,
): { value: string; start: number; end: number; confidence: Confidence } | null {
  const lo = Math.max(0, matchStart - JUDGE_BEFORE);
  const before = text.lastNewline(lo, matchStart);
  const from = before < 0 ? lo : before + 1;
  const hi = Math.min(text.length, end + JUDGE_AFTER);
  const after = text.firstNewline(end, hi);
  const line = text.slice(from, after < 0 ? hi : after);
  // A line cut short starts with a character no test reads as code or a line start, so a
  // comment marker that happens to begin the cut (`//`, `#`) is not taken for a comment line.
  const shift = before < 0 && lo > 0 ? 1 : 0;
  const judged = judgeAssignment(shift ? `x${line}` : line, start - from + shift, end - from + shift, keyHint);
  if (!judged) return null;
  const at = from - shift;
  return { value: judged.value, start: at + judged.start, end: at + judged.end, confidence: judged.confidence };
}

/**
 * The line holding `at` is commented out before it: a shell, INI or config file's `#` or `;`,
 * C's and JavaScript's `//`, SQL's `--`, or a block comment's ` * `, with only blanks before.
 */
function commentedOut(text: Source, at: number): boolean {
  const lo = Math.max(0, at - 400);
  const before = text.lastNewline(lo, at);
  if (before < 0 && lo > 0) return false;
  return /^[ \t]{0,40}(?:#|;|\/\/|--|\*(?!\/))/.test(text.slice(before + 1, at));
}

export class Matcher {
  private readonly keywords: KeywordIndex;
  /** The fast keyword pass over bytes; null where the WebAssembly module is not built. */
  private readonly wasm: WasmKeywordScanner | null;
  /** By the index the WebAssembly pass gives a keyword: the rules it stands for, and its length. */
  private readonly rulesByIndex: CompiledRule[][];
  private readonly lengthByIndex: number[];
  /** Keywords of specific rules: a generic match starting with one is a look-alike they rejected. */
  private readonly specificPrefixes: string[];
  /** Rules that take a whole short text as their region, keyword or not (`fileBytes`). */
  private readonly wholeFileRules: CompiledRule[];
  /** The widest window of a single-line rule: how far the line finder looks. */
  private readonly lineWindow: number;
  /** Per text: where each rule+secret was last accepted, to fold repeats on one line. */
  private readonly lastEnd = new Map<string, number>();
  /** Per text: by `regionNeeds` source, region start → [region end, whether the region has it]. */
  private readonly regionHas = new Map<string, Map<number, [number, boolean]>>();
  /** Per text: its documentation and test regions (text-regions.ts), found when a match first needs them. */
  private regions: TextRegions | null = null;
  /** Keyword hits of the text being matched (see MS_PER_HIT). */
  private hits = 0;
  /** By rule, its regex sticky and with offsets of groups (secretSpan), made on the rule's first match. */
  private readonly withIndices = new Map<CompiledRule, RegExp>();

  constructor(readonly ruleset: Ruleset) {
    // Built once per ruleset (or handed to a worker thread with it): matcher-tables.ts.
    const parts = matcherParts(ruleset);
    this.keywords = parts.index;
    const keywords = [...this.keywords.rulesFor.keys()];
    this.wasm = parts.wasm;
    this.rulesByIndex = keywords.map((k) => this.keywords.rulesFor.get(k)!);
    this.lengthByIndex = keywords.map((k) => k.length);
    const prefixes = new Set<string>();
    for (const r of ruleset.rules) if (!r.generic) for (const k of r.keywords) if (/^[a-z0-9]{2,8}[_.-]$|^[a-z]{4}$/.test(k)) prefixes.add(k);
    this.specificPrefixes = [...prefixes];
    this.wholeFileRules = ruleset.rules.filter((r) => r.fileBytes !== undefined);
    this.lineWindow = Math.max(0, ...ruleset.rules.filter((r) => !r.multiline).map((r) => r.windowBytes));
  }

  match(text: string, path: string | null = null): RawMatch[] {
    return this.matchWithin(text, path, Infinity).matches;
  }

  /**
   * Matches until `deadline` (a Date.now() value); what was found by then is kept. `file` is
   * false for a text that is no file's content (a commit or tag message): rules that read a
   * whole short file (`fileBytes`) do not apply to it.
   */
  matchWithin(text: string, path: string | null, deadline: number, file = true): MatchOutcome {
    const source = stringSource(text);
    this.hits = 0;
    const ranges = this.candidateRanges(text, source);
    return this.matchRanges(source, ranges, path, deadline + this.hits * MS_PER_HIT, file);
  }

  /**
   * Matches raw bytes read as latin1 (one character per byte). The keyword pass runs in
   * WebAssembly on the bytes; the text is only made when some keyword is present.
   */
  matchBytesWithin(data: Buffer, path: string | null, deadline: number, file = true): MatchOutcome {
    if (!this.wasm || data.length >= WASM_MAX_BYTES) return this.matchWithin(data.toString('latin1'), path, deadline, file);
    // Pairs of offset and keyword index, in order of their start, as regions want them; read
    // before the prefilter runs again (nothing below runs it).
    const hits = this.wasm.scan(data);
    if (hits.length === 0 && !(file && this.wholeFileRules.some((r) => data.length <= r.fileBytes!))) return { matches: [], partial: false };
    const text = bufferSource(data);
    const lines = new LineFinder(text, this.lineWindow);
    const ranges = new Map<CompiledRule, RangeSet>();
    for (let h = 0; h < hits.length; h += 2) {
      const index = hits[h + 1]!;
      this.addHit(ranges, text, lines, hits[h]!, this.rulesByIndex[index]!, this.lengthByIndex[index]!);
    }
    return this.matchRanges(text, ranges, path, deadline + (hits.length / 2) * MS_PER_HIT, file);
  }

  /** One keyword hit of `length` bytes at `offset`: a region for each of the keyword's `rules`. */
  private addHit(ranges: Map<CompiledRule, RangeSet>, text: Source, lines: LineFinder, offset: number, rules: readonly CompiledRule[], length: number): void {
    this.hits++;
    for (const rule of rules) {
      let set = ranges.get(rule);
      if (!set) ranges.set(rule, (set = new RangeSet()));
      set.add(text, lines, rule, offset, length);
    }
  }

  private matchRanges(text: Source, ranges: Map<CompiledRule, RangeSet>, path: string | null, deadline: number, file: boolean): MatchOutcome {
    if (file) for (const rule of this.wholeFileRules) if (text.length <= rule.fileBytes!) ranges.set(rule, RangeSet.whole(text.length));
    if (ranges.size === 0) return { matches: [], partial: false };
    const found: RawMatch[] = [];
    this.lastEnd.clear();
    this.regionHas.clear();
    this.regions = null;
    // Searched for only once a match needs it: most texts with keywords have no match.
    let inlineAllow: boolean | undefined;
    const hasInlineAllow = (): boolean => (inlineAllow ??= text.includes(INLINE_ALLOW));
    let partial = false;
    for (const [rule, set] of ranges) {
      if (path !== null && rule.allowPathRes.some((re) => re.test(path))) continue;
      if (!this.runRule(text, rule, set.bounds, found, deadline, hasInlineAllow)) {
        partial = true;
        break;
      }
    }
    if (found.length === 0) return { matches: found, partial };
    locateMatches(text, found);
    return { matches: this.suppressOverlaps(this.pair(found), path !== null), partial };
  }

  private candidateRanges(text: string, source: Source): Map<CompiledRule, RangeSet> {
    const ranges = new Map<CompiledRule, RangeSet>();
    // Latin1 text lower-cases character for character, so offsets carry over unchanged; other
    // text (a UTF-16 string from elsewhere) takes the slower case-insensitive pass.
    let subject = text.toLowerCase();
    let re = this.keywords.re;
    if (subject.length !== text.length) {
      subject = text;
      re = this.keywords.reIgnoreCase;
    }
    re.lastIndex = 0;
    const lines = new LineFinder(source, this.lineWindow);
    let m: RegExpExecArray | null;
    while ((m = re.exec(subject)) !== null) {
      const keyword = m[0].toLowerCase();
      this.addHit(ranges, source, lines, m.index, this.keywords.rulesFor.get(keyword) ?? [], keyword.length);
      // Step one character, not the whole keyword, so overlapping keywords are all seen.
      re.lastIndex = m.index + 1;
    }
    return ranges;
  }

  /** Returns false when the deadline passed before every region was matched. */
  private runRule(text: Source, rule: CompiledRule, bounds: number[], out: RawMatch[], deadline: number, inlineAllow: () => boolean): boolean {
    // A match may run past its slice by at most this much (multi-line rules span their window).
    const overlap = rule.multiline ? rule.windowBytes + 1024 : 8192;
    for (let i = 0; i < bounds.length; i += 2) {
      const regionEnd = bounds[i + 1]!;
      if (rule.regionNeedsRe && !this.regionNeeds(text, rule.regionNeedsRe, bounds[i]!, regionEnd)) continue;
      for (let from = bounds[i]!; from < regionEnd; from += SLICE) {
        const own = Math.min(regionEnd, from + SLICE);
        const base = Math.max(bounds[i]!, from - SLICE_CONTEXT);
        this.runSlice(text, rule, base, from, own, Math.min(regionEnd, own + overlap), out, inlineAllow, deadline);
        if (Date.now() > deadline || out.length >= MAX_MATCHES) return false;
      }
    }
    return true;
  }

  /**
   * Whether text[start, end) holds a match of a rule's `regionNeeds`: asked once per region for
   * all the rules that give the same one (rules with the same keywords have the same regions).
   */
  private regionNeeds(text: Source, re: RegExp, start: number, end: number): boolean {
    let byStart = this.regionHas.get(re.source);
    if (!byStart) this.regionHas.set(re.source, (byStart = new Map()));
    const known = byStart.get(start);
    if (known && known[0] === end) return known[1];
    const has = re.test(text.slice(start, end));
    byStart.set(start, [end, has]);
    return has;
  }

  /** Matches text[base, end) and keeps the matches that start in [from, own). */
  private runSlice(
    text: Source,
    rule: CompiledRule,
    base: number,
    from: number,
    own: number,
    end: number,
    out: RawMatch[],
    inlineAllow: () => boolean,
    deadline: number,
  ): void {
    const re = rule.re;
    const region = text.slice(base, end);
    re.lastIndex = from - base;
    let m: RegExpExecArray | null;
    while ((m = re.exec(region)) !== null) {
      if (m[0].length === 0) re.lastIndex++;
      if (base + m.index >= own) break;
      if (rule.classify === 'sql-values') {
        // Reading goes on from the statement's end: no row is read twice, however many statements overlap.
        // (A statement read on past the region leaves lastIndex past it: the slice is done.)
        re.lastIndex = Math.max(re.lastIndex, this.pushSqlRows(text, rule, region, base, m, end, out, inlineAllow, deadline));
        if (out.length >= MAX_MATCHES) return;
        continue;
      }
      const key = rule.secretIndex;
      const secret = typeof key === 'string' ? m.groups?.[key] : m[key];
      if (!secret) continue;
      let stop: number;
      if (rule.secretEndsMatch) {
        stop = base + m.index + m[0].length;
      } else {
        const span = this.secretSpan(rule, region, m.index);
        if (!span) continue;
        stop = base + span[1];
      }
      let start = stop - secret.length;
      let value = secret;
      let confidence: Confidence | undefined;
      if (rule.classify === 'assignment') {
        const judged = judgeMatch(text, base + m.index, start, stop, m.groups?.key);
        if (!judged) continue;
        ({ value, start, end: stop, confidence } = judged);
      } else if (rule.classify === 'csv-column') {
        const judged = m.groups?.key === undefined ? null : judgeCsvRow(m.groups.key, value);
        if (!judged) continue;
        stop = start + judged.end;
        start += judged.start;
        ({ value, confidence } = judged);
      } else if (rule.classify === 'credentials') {
        const judged = judgeEncodedCredentials(value);
        if (judged === null) continue;
        confidence = judged;
      } else if (rule.kind === 'password-hash' && commentedOut(text, start)) {
        // A hash on a commented-out line shows the format of a setting, as a generic value there does.
        confidence = 'medium';
      }
      if (this.repeatsOnLine(text, rule.id, value, start, stop)) continue;
      if (this.accepts(text, rule, value, start, stop, inlineAllow)) {
        confidence = this.inRegion(text, rule, start, confidence);
        out.push({ ruleId: rule.id, secret: value, start, end: stop, line: 0, endLine: 0, column: 0, ...(confidence ? { confidence } : {}) });
        if (out.length >= MAX_MATCHES) return;
      }
    }
  }

  /**
   * Where the secret's group of the match at `at` in `region` lies, for a rule whose secret does
   * not end its match: the regex again, sticky at the match and with the `d` flag, finds the
   * same match with its groups' offsets.
   */
  private secretSpan(rule: CompiledRule, region: string, at: number): [number, number] | undefined {
    let re = this.withIndices.get(rule);
    if (!re) this.withIndices.set(rule, (re = new RegExp(rule.re.source, `${rule.re.flags.replace('g', '')}dy`)));
    re.lastIndex = at;
    const m = re.exec(region);
    const key = rule.secretIndex;
    return typeof key === 'string' ? m?.indices?.groups?.[key] : m?.indices?.[key];
  }

  /**
   * The credentials in the rows of an SQL data statement whose head `m` matched in `region` (at
   * `base` in the text, ending at `end`): a password-hash rule takes the hex digests under a
   * password's column, the others every other judged value. A statement that goes on past the
   * region is read on, in chunks of the text after it, to its end: every row is read, in one
   * linear pass, until the deadline (which the caller then reports as a partial match).
   * Returns where reading stopped, relative to the region (past it where the statement went on).
   */
  private pushSqlRows(
    text: Source,
    rule: CompiledRule,
    region: string,
    base: number,
    m: RegExpExecArray,
    end: number,
    out: RawMatch[],
    inlineAllow: () => boolean,
    deadline: number,
  ): number {
    const copy = m.groups?.copykey !== undefined;
    const columns = (copy ? m.groups?.copykey : m.groups?.key) ?? '';
    let judged = judgeSqlRows(region, { columns, at: m.index + m[0].length, copy }, region.length, end < text.length);
    let offset = base;
    let chunkBytes = SQL_CHUNK;
    for (;;) {
      if (this.pushSqlFound(text, rule, judged.found, offset, out, inlineAllow)) return judged.end + offset - base;
      if (!judged.more || Date.now() > deadline) return judged.end + offset - base;
      // The statement goes on past what was read: read on from its next row, in a chunk of the
      // text after it (a larger one where a single row did not fit in the last).
      const from = offset + judged.end;
      const to = Math.min(text.length, from + chunkBytes);
      const chunk = text.slice(from, to);
      const next = judgeSqlRows(chunk, { columns, at: 0, copy }, chunk.length, to < text.length);
      chunkBytes = next.end === 0 && next.more ? chunkBytes * 2 : SQL_CHUNK;
      offset = from;
      judged = next;
    }
  }

  /** Pushes one chunk's SQL findings (offsets from `offset` in the text); true at MAX_MATCHES. */
  private pushSqlFound(text: Source, rule: CompiledRule, found: readonly SqlJudgement[], offset: number, out: RawMatch[], inlineAllow: () => boolean): boolean {
    const hashes = rule.kind === 'password-hash';
    for (const { value, start, end: stop, confidence, digest } of found) {
      if (digest !== hashes || this.repeatsOnLine(text, rule.id, value, offset + start, offset + stop)) continue;
      if (!this.accepts(text, rule, value, offset + start, offset + stop, inlineAllow)) continue;
      out.push({ ruleId: rule.id, secret: value, start: offset + start, end: offset + stop, line: 0, endLine: 0, column: 0, ...(confidence ? { confidence } : {}) });
      if (out.length >= MAX_MATCHES) return true;
    }
    return false;
  }

  /**
   * A match's confidence in a documentation or test region of its text (text-regions.ts), read as
   * the path table reads a docs or test path (finding-confidence.ts): a generic value or a
   * private key there is low; a password hash in documentation shows a format, as on a
   * commented-out line (medium), and keeps its level in a test. Provider rules keep theirs.
   */
  private inRegion(text: Source, rule: CompiledRule, start: number, confidence: Confidence | undefined): Confidence | undefined {
    if (confidence === 'low') return confidence;
    const hash = rule.kind === 'password-hash';
    if (!hash && !rule.generic && rule.provider?.family !== PRIVATE_KEY_FAMILY) return confidence;
    const region = (this.regions ??= new TextRegions(text)).at(start);
    if (region === null) return confidence;
    if (hash) return region === 'docs' ? 'medium' : confidence;
    return 'low';
  }

  /** A generic value that starts like a provider's token but that provider's rule did not accept. */
  private looksLikeRejectedToken(secret: string): boolean {
    const lower = secret.slice(0, 12).toLowerCase();
    return this.specificPrefixes.some((p) => lower.startsWith(p));
  }

  /** The same secret again on the same line is the same place: no second match. */
  private repeatsOnLine(text: Source, ruleId: string, secret: string, start: number, end: number): boolean {
    const key = `${ruleId}\0${secret}`;
    const previous = this.lastEnd.get(key);
    this.lastEnd.set(key, end);
    return previous !== undefined && previous <= start && text.firstNewline(previous, start) < 0;
  }

  private accepts(text: Source, rule: CompiledRule, secret: string, start: number, end: number, inlineAllow: () => boolean): boolean {
    if (rule.entropy !== undefined && shannonEntropy(secret) < rule.entropy) return false;
    if (rule.allowRes.some((re) => re.test(secret)) || repeatsOneCharacter(secret)) return false;
    // Rules read by the value classifier were judged already; isPlaceholder is its older, blunter form.
    if (rule.generic && ((!rule.classify && isPlaceholder(secret)) || this.looksLikeRejectedToken(secret))) return false;
    for (const name of rule.validators) if (!validators.get(name)!(secret)) return false;
    if (rule.allowLineRes.length === 0 && !inlineAllow()) return true;
    const line = lineAround(text, start, end);
    if (line.includes(INLINE_ALLOW)) return false;
    return !rule.allowLineRes.some((re) => re.test(line));
  }

  /** Paired rules survive only with their partner within N lines; the partner rides along. */
  private pair(found: RawMatch[]): RawMatch[] {
    const out: RawMatch[] = [];
    for (const match of found) {
      const rule = this.ruleset.byId.get(match.ruleId)!;
      if (!rule.requires) {
        out.push(match);
        continue;
      }
      const { rule: partnerId, within } = rule.requires;
      let best: RawMatch | undefined;
      for (const other of found) {
        if (other.ruleId !== partnerId) continue;
        const distance = Math.abs(other.line - match.line);
        if (distance <= within && (!best || distance < Math.abs(best.line - match.line))) best = other;
      }
      if (best) out.push({ ...match, related: { ruleId: best.ruleId, secret: best.secret } });
    }
    return out;
  }

  /**
   * A generic rule's match yields to a specific rule's match on overlapping bytes. Among
   * overlapping generic matches one survives, so a value is not reported twice: the one with
   * the narrower secret (a password inside a URL beats the whole URL), then the rule keyed on
   * fewer words (a .pypirc or docker-login rule beats the catch-all assignment rule), then the
   * later rule.
   * A winner whose rule is path-restricted (`allowPath`) wins only where its path filter lets
   * it through. With the path known, rules filtered out never ran; with it unknown (blobs of a
   * history scan) the loser is kept with `yieldsTo`, and build-findings decides per path.
   */
  private suppressOverlaps(matches: RawMatch[], pathKnown: boolean): RawMatch[] {
    if (matches.length < 2) return matches;
    const rule = (m: RawMatch): CompiledRule => this.ruleset.byId.get(m.ruleId)!;
    const beats = (o: RawMatch, m: RawMatch): boolean => {
      // A match a validator vouched for (a decodable JWT, a PEM body) is the more specific one.
      const validated = rule(o).validators.length - rule(m).validators.length;
      if (validated !== 0 && (rule(o).validators.length === 0 || rule(m).validators.length === 0)) return validated > 0;
      const width = o.end - o.start - (m.end - m.start);
      if (width !== 0) return width < 0;
      const words = rule(o).keywords.length - rule(m).keywords.length;
      return words < 0 || (words === 0 && rule(o).index > rule(m).index);
    };
    const out: RawMatch[] = [];
    matches.forEach((m, i) => {
      if (!rule(m).generic) {
        out.push(m);
        return;
      }
      let yieldsTo: Set<string> | undefined;
      for (let j = 0; j < matches.length; j++) {
        const o = matches[j]!;
        if (j === i || o.start >= m.end || m.start >= o.end) continue;
        if (rule(o).generic && !beats(o, m)) continue;
        if (pathKnown || rule(o).allowPathRes.length === 0) return;
        (yieldsTo ??= new Set()).add(o.ruleId);
      }
      out.push(yieldsTo ? { ...m, yieldsTo: [...yieldsTo] } : m);
    });
    return out;
  }
}
