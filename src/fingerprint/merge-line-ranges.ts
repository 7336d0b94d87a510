/**
 * Merges line ranges ([start, end], 1-based, inclusive) that overlap or touch into the fewest
 * ranges, so a match reads as "lines 10–42" rather than forty overlapping k-grams. Ranges whose
 * gap is at most `gap` lines are joined too: a changed line between two matched blocks does not
 * split the block a reader should look at.
 */
export type LineRange = [start: number, end: number];

export function mergeLineRanges(ranges: readonly LineRange[], gap = 1): LineRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: LineRange[] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1] + gap + 1) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
