import { describe, expect, it } from 'vitest';
import { mergeLineRanges } from '../../src/fingerprint/merge-line-ranges.js';

describe('mergeLineRanges', () => {
  it('merges overlapping, touching and nearly touching ranges and keeps distant ones apart', () => {
    expect(mergeLineRanges([[13, 15], [1, 3], [4, 5], [14, 20], [7, 8], [30, 31]])).toEqual([[1, 8], [13, 20], [30, 31]]);
    expect(mergeLineRanges([[1, 2], [5, 6]], 0)).toEqual([[1, 2], [5, 6]]);
    expect(mergeLineRanges([])).toEqual([]);
  });
});
