/**
 * Text → winnowed fingerprints, each mapped back to the lines its k tokens span. This is the
 * one entry point both the index and the candidate scorer use, so they always agree. Periodic
 * and data-only k-grams (uninformative-kgrams.ts) are masked so winnowing never picks them.
 */
import { kgramHashes } from './kgram-hashes.js';
import { tokenize } from './tokenize.js';
import type { TokenStream } from './tokenize.js';
import { uninformativeKgrams } from './uninformative-kgrams.js';
import { SKIP_HASH, winnow } from './winnow.js';
import { DEFAULT_WINNOW_PARAMETERS } from './winnow-parameters.js';
import type { WinnowParameters } from './winnow-parameters.js';

export interface TextFingerprints {
  readonly hashes: Uint32Array;
  /** First line of the k-gram each fingerprint hashes (1-based, inclusive). */
  readonly startLines: Uint32Array;
  /** Last line of that k-gram (inclusive). */
  readonly endLines: Uint32Array;
  readonly tokenCount: number;
  readonly lineCount: number;
}

export function fingerprintTokens(stream: TokenStream, params: WinnowParameters = DEFAULT_WINNOW_PARAMETERS): TextFingerprints {
  const all = kgramHashes(stream.ids, params.k);
  const masked = uninformativeKgrams(stream.ids, stream.words, params.k);
  for (let i = 0; i < all.length; i++) if (masked[i] === 1) all[i] = SKIP_HASH;
  const { hashes, positions } = winnow(all, params.w);
  const startLines = new Uint32Array(positions.length);
  const endLines = new Uint32Array(positions.length);
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i]!;
    startLines[i] = stream.lines[p]!;
    endLines[i] = stream.lines[p + params.k - 1]!;
  }
  return { hashes, startLines, endLines, tokenCount: stream.ids.length, lineCount: stream.lineCount };
}

export function fingerprintText(text: string, params: WinnowParameters = DEFAULT_WINNOW_PARAMETERS): TextFingerprints {
  return fingerprintTokens(tokenize(text), params);
}
