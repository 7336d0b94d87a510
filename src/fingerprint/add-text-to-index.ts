/**
 * Puts one of our files into a fingerprint index, unless it is not evidence of anything
 * (vendored, lockfile, generated, minified, licence, binary). Licence-prose fingerprints are
 * removed before indexing so they can never count for or against a match.
 */
import { gitBlobId } from './blob-id.js';
import { findCanaryMarkers } from './canary.js';
import { fingerprintText } from './fingerprint-text.js';
import type { TextFingerprints } from './fingerprint-text.js';
import type { FingerprintIndexStore } from './fingerprint-index.js';
import { ignoreReasonForPath } from './is-ignorable-path.js';
import type { IgnoreReason } from './is-ignorable-path.js';
import { ignoreReasonForText } from './is-ignorable-text.js';
import { licenceStopList } from './licence-stop-list.js';

export interface SourceFile {
  readonly repo: string;
  readonly path: string;
  readonly content: Buffer;
  /** The git blob id when known (from `git ls-tree`); computed from the content otherwise. */
  readonly blobId?: string;
}

export type AddResult = { added: true; id: number } | { added: false; reason: IgnoreReason };

export function addTextToIndex(store: FingerprintIndexStore, file: SourceFile): AddResult {
  const pathReason = ignoreReasonForPath(file.path);
  if (pathReason) return { added: false, reason: pathReason };
  const text = file.content.toString('utf8');
  const textReason = ignoreReasonForText(text);
  if (textReason) return { added: false, reason: textReason };
  const fingerprints = withoutStopListed(fingerprintText(text, store.parameters), licenceStopList(store.parameters));
  const id = store.addFile({
    repo: file.repo,
    path: file.path,
    blobId: file.blobId ?? gitBlobId(file.content),
    fingerprints,
    canaries: findCanaryMarkers(text),
  });
  return { added: true, id };
}

export function withoutStopListed(fp: TextFingerprints, stop: ReadonlySet<number>): TextFingerprints {
  const keep: number[] = [];
  for (let i = 0; i < fp.hashes.length; i++) if (!stop.has(fp.hashes[i]!)) keep.push(i);
  if (keep.length === fp.hashes.length) return fp;
  return {
    hashes: Uint32Array.from(keep, (i) => fp.hashes[i]!),
    startLines: Uint32Array.from(keep, (i) => fp.startLines[i]!),
    endLines: Uint32Array.from(keep, (i) => fp.endLines[i]!),
    tokenCount: fp.tokenCount,
    lineCount: fp.lineCount,
  };
}
