/**
 * The two winnowing parameters and their defaults. k is the noise threshold: runs shorter than
 * k tokens are never evidence (and k normalised tokens must be distinctive on their own). The
 * guarantee threshold t = w + k - 1: any run of t tokens shared with one of our files is always
 * found (unless its k-grams are masked as repetitive or data-only, see uninformative-kgrams.ts).
 * An index is only comparable with fingerprints made with the same parameters.
 *
 * Choice: k = 15 normalised tokens (about two lines of code) is the shortest k-gram that stays
 * distinctive once identifiers and literals are folded: on the benchmark k = 12 lost two points
 * of precision. w = 16 makes t = 30 tokens (three to four lines): a copied block of that size is
 * always caught, and about 2/(w+1) ≈ 12% of k-grams (one fingerprint per two source lines) are
 * kept. w = 10 kept 1.5x as many fingerprints for no gain in F1; w = 24 missed more short
 * pasted excerpts.
 * Measurements: docs/benchmarks.md, "Code match".
 */
export interface WinnowParameters {
  readonly k: number;
  readonly w: number;
}

export const DEFAULT_WINNOW_PARAMETERS: WinnowParameters = { k: 15, w: 16 };

/** The shortest shared run (in tokens) that winnowing is guaranteed to detect. */
export function guaranteeThreshold(params: WinnowParameters): number {
  return params.w + params.k - 1;
}
