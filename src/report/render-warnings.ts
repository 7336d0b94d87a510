/**
 * The stderr lines that say what a scan did not read — an incomplete repository, blobs
 * history names but the store lacks, unreadable files, blobs over the size limit, texts cut
 * short by the time limit, submodules — whatever the report's
 * format, so a "no findings" is never silent about what it could not see.
 */
import type { IncompleteReason, ScanReport } from '../domain/finding.js';
import { escapeField } from '../util/terminal-text.js';

const NAMED = 5;
/** The error an S3 scan gives an object or archive member over --max-blob-bytes. */
const TOO_LARGE = 'TOO_LARGE';

const REASON: Record<IncompleteReason, string> = {
  shallow: 'a shallow clone (history cut at its graft points)',
  'partial-clone': 'a partial clone (objects left on the server, e.g. --filter=blob:none)',
  'missing-objects': 'blobs that history names are missing from the object store',
  'unread-objects': 'objects or archive members were not read whole (named in the warnings)',
};

const REMEDY: Record<IncompleteReason, string> = {
  shallow: 'git fetch --unshallow',
  'partial-clone': 'clone it again without --filter (or git fetch --refetch with no filter)',
  'missing-objects': 'fetch the missing objects again or run git fsck',
  'unread-objects': 'raise --max-blob-bytes or --max-archive-bytes for what was too large, and check the objects named as unreadable',
};

function more(total: number, named: number): string {
  return total > named ? `, and ${total - named} more` : '';
}

export function renderWarnings(report: Pick<ScanReport, 'target' | 'stats'>): string[] {
  const s = report.stats;
  const lines: string[] = [];
  if (s.incomplete) {
    lines.push(`warning: ${escapeField(report.target)} is incomplete: ${s.incomplete.reasons.map((r) => REASON[r]).join('; ')}; what it lacks was not scanned`);
  }
  if (s.skipped.missing > 0) {
    const named = s.skipped.missingExamples.map((m) => `${m.blob} (${escapeField(m.path)} in ${m.commit.slice(0, 12)})`);
    lines.push(`warning: ${s.skipped.missing} blob${s.skipped.missing === 1 ? '' : 's'} missing from the object store: ${named.join(', ')}${more(s.skipped.missing, named.length)}`);
  }
  if (s.skipped.unreadable > 0) {
    // S3 scans also name their too-large objects here (TOO_LARGE): those get their own line.
    const named = s.skipped.unreadablePaths.filter((u) => u.error !== TOO_LARGE).slice(0, NAMED).map((u) => `${escapeField(u.path)} (${u.error})`);
    lines.push(`warning: ${s.skipped.unreadable} file${s.skipped.unreadable === 1 ? '' : 's'} or folder${s.skipped.unreadable === 1 ? '' : 's'} could not be read and ${s.skipped.unreadable === 1 ? 'was' : 'were'} not scanned: ${named.join(', ')}${more(s.skipped.unreadable, named.length)}`);
  }
  if (s.skipped.tooLarge > 0) {
    const named = s.skipped.unreadablePaths.filter((u) => u.error === TOO_LARGE).slice(0, NAMED).map((u) => escapeField(u.path));
    const which = named.length > 0 ? `: ${named.join(', ')}${more(s.skipped.tooLarge, named.length)}` : '';
    lines.push(`warning: ${s.skipped.tooLarge} blob${s.skipped.tooLarge === 1 ? '' : 's'} larger than --max-blob-bytes ${s.skipped.tooLarge === 1 ? 'was' : 'were'} not scanned (raise --max-blob-bytes to read ${s.skipped.tooLarge === 1 ? 'it' : 'them'})${which}`);
  }
  if (s.skipped.partial > 0) {
    lines.push(`warning: ${s.skipped.partial} text${s.skipped.partial === 1 ? '' : 's'} hit the matching time limit and ${s.skipped.partial === 1 ? 'was' : 'were'} only partly matched; ${s.skipped.partial === 1 ? 'it is' : 'they are'} not recorded as scanned, so the next run reads ${s.skipped.partial === 1 ? 'it' : 'them'} again`);
  }
  if (s.skipped.submodules.length > 0) {
    const named = s.skipped.submodules.slice(0, NAMED).map((m) => `${escapeField(m.path)} @ ${m.commit.slice(0, 12)}`);
    lines.push(`note: ${s.skipped.submodules.length} submodule${s.skipped.submodules.length === 1 ? '' : 's'} not scanned (scan ${s.skipped.submodules.length === 1 ? 'its' : 'their'} own repositories): ${named.join(', ')}${more(s.skipped.submodules.length, named.length)}`);
  }
  return lines;
}

/** The one-line error for an incomplete repository without --allow-incomplete. */
export function incompleteError(report: Pick<ScanReport, 'target' | 'stats'>): string | null {
  const reasons = report.stats.incomplete?.reasons;
  if (!reasons) return null;
  return `${escapeField(report.target)} was not scanned whole (${reasons.join(', ')}): ${reasons.map((r) => REMEDY[r]).join('; ')}; or pass --allow-incomplete to accept the findings of what is there`;
}
