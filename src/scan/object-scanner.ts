/**
 * Scans one object's bytes: blobs as text (binary ones counted and skipped), commit and tag
 * objects by their message only, with their author and date read from the headers. The
 * secret never leaves this function: matches come back as hash + redacted preview.
 */
import { Matcher } from '../detect/matcher.js';
import { redact, secretSha256 } from '../detect/redact.js';
import type { RawMatch, Ruleset } from '../detect/types.js';
import { textBudgetMs } from './match-watch.js';
import { decodeText, hasUtf16Bom, isBinary } from './is-binary.js';
import type { ObjectMeta, ObjectResult, SafeMatch } from '../domain/finding.js';

export function toSafeMatch(m: RawMatch): SafeMatch {
  const safe: SafeMatch = {
    ruleId: m.ruleId,
    secretSha256: secretSha256(m.secret),
    redacted: redact(m.secret),
    line: m.line,
    endLine: m.endLine,
    column: m.column,
  };
  if (m.related) {
    safe.related = { ruleId: m.related.ruleId, secretSha256: secretSha256(m.related.secret), redacted: redact(m.related.secret) };
  }
  if (m.yieldsTo) safe.yieldsTo = m.yieldsTo;
  if (m.confidence) safe.confidence = m.confidence;
  return safe;
}

/** Splits "name <email> 1700000000 +0000" from an author/committer/tagger header. */
function parseIdent(value: string): { name: string; email: string; time: number } {
  const m = /^(.*?) <([^>]*)> (\d+)/.exec(value);
  return m ? { name: m[1]!, email: m[2]!, time: Number(m[3]) } : { name: value, email: '', time: 0 };
}

/** Splits a commit or tag object into its headers and its message's bytes. */
function splitMessageObject(data: Buffer): { head: Buffer; message: Buffer } {
  const split = data.indexOf('\n\n');
  return split < 0 ? { head: data, message: data.subarray(data.length) } : { head: data.subarray(0, split), message: data.subarray(split + 2) };
}

/** A commit's or a tag's author, date and commit, from its headers (UTF-8, as git writes names). */
function parseMessageMeta(oid: string, headBytes: Buffer): ObjectMeta {
  const head = headBytes.toString('utf8');
  let author = { name: '', email: '', time: 0 };
  let committer = author;
  let target = oid;
  for (const line of head.split('\n')) {
    const sp = line.indexOf(' ');
    const key = line.slice(0, sp);
    const value = line.slice(sp + 1);
    if (key === 'author' || key === 'tagger') author = parseIdent(value);
    else if (key === 'committer') committer = parseIdent(value);
    else if (key === 'object') target = value;
  }
  const time = committer.time || author.time;
  return { commit: target, time, author: author.name, email: author.email };
}

/**
 * Time budget for one text: a second plus a second per MB, a hundred times normal speed. Checked
 * between regex calls; the pool's hard deadline (match-watch.ts) stops one call that runs on.
 */
function deadlineFor(bytes: number): number {
  return Date.now() + textBudgetMs(bytes);
}

export class ObjectScanner {
  private readonly matcher: Matcher;

  constructor(ruleset: Ruleset) {
    this.matcher = new Matcher(ruleset);
  }

  /** Returns null for binary content. */
  scan(oid: string, type: ObjectResult['type'], data: Buffer, path?: string): ObjectResult | null {
    if (type === 'commit' || type === 'tag') {
      const { head, message } = splitMessageObject(data);
      // A message is no file: whole-file rules (a Rails master.key) do not read it.
      const outcome = this.matcher.matchBytesWithin(message, null, deadlineFor(message.length), false);
      // Most messages hold nothing: their headers (who, when) are read only for a finding.
      if (outcome.matches.length === 0 && !outcome.partial) return { oid, type, matches: [] };
      return { oid, type, matches: outcome.matches.map(toSafeMatch), meta: parseMessageMeta(oid, head), ...(outcome.partial ? { partial: true } : {}) };
    }
    if (!hasUtf16Bom(data) && isBinary(data)) return null;
    const outcome = hasUtf16Bom(data)
      ? this.matcher.matchWithin(decodeText(data), path ?? null, deadlineFor(data.length))
      : this.matcher.matchBytesWithin(data, path ?? null, deadlineFor(data.length));
    const result: ObjectResult = { oid, type, matches: outcome.matches.map(toSafeMatch) };
    if (path !== undefined) result.path = path;
    if (outcome.partial) result.partial = true;
    return result;
  }
}
