/**
 * The two winnowing parameters and their defaults. k is the noise threshold: runs shorter than
 * k tokens are never evidence (and k normalised tokens must be distinctive on their own). The
 * guarantee threshold t = w + k - 1: any run of t tokens shared with one of our files is always
 * found. The defaults and how they were measured are in docs/benchmarks.md ("Code match").
 * An index is only comparable with fingerprints made with the same parameters.
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
