/**
 * How many worker threads a plain-directory scan starts beside its main thread: one fewer than
 * the worker count, none on a machine already busier than its cores (default count only).
 */
import { describe, expect, it } from 'vitest';
import { threadsBesideMain } from '../../src/scan/scan-directory.js';

describe('threadsBesideMain', () => {
  it('counts the main thread as one of the workers', () => {
    expect(threadsBesideMain(2, true, 2, 0.4)).toBe(1);
    expect(threadsBesideMain(4, true, 4, 2)).toBe(3);
    expect(threadsBesideMain(1, true, 1, 0)).toBe(0);
  });

  it('starts none with the default count when the load fills every core and one more', () => {
    expect(threadsBesideMain(2, true, 2, 3)).toBe(0);
    expect(threadsBesideMain(2, true, 2, 12.5)).toBe(0);
    expect(threadsBesideMain(2, true, 2, 2.9)).toBe(1);
  });

  it('keeps a count the user asked for, whatever the load', () => {
    expect(threadsBesideMain(2, false, 2, 12.5)).toBe(1);
    expect(threadsBesideMain(3, false, 2, 12.5)).toBe(2);
  });
});
