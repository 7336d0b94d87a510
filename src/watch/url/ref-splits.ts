/**
 * The ways to read `REF/PATH` segments of a GitHub URL, shortest ref first: a branch named
 * `feature/x` makes `feature` alone a wrong guess that GitHub answers with 404, and the next
 * split is tried. Bounded, so that a deep path cannot cost many requests.
 */
const MAX_SPLITS = 4;

export function refSplits(segments: readonly string[], allowEmptyPath: boolean): Array<{ ref: string; path: string }> {
  const out: Array<{ ref: string; path: string }> = [];
  const last = allowEmptyPath ? segments.length : segments.length - 1;
  for (let i = 1; i <= last && out.length < MAX_SPLITS; i++) {
    out.push({ ref: segments.slice(0, i).join('/'), path: segments.slice(i).join('/') });
  }
  return out;
}
