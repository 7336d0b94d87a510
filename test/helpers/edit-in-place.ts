/**
 * Edits a rule file the way a cache must not be fooled by: other bytes of the same length, with
 * its modification time put back. Shared by the rules-key and the rerun-stamp tests.
 */
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

/** The times setTimes gives a file (seconds), for editInPlace to put back. */
export const WHEN = 1_700_000_000;

/** Gives a file the times WHEN. */
export function setTimes(file: string): void {
  utimesSync(file, WHEN, WHEN);
}

/** Rewrites a file (given its times by setTimes) with other bytes of the same length, and puts its times back. */
export function editInPlace(file: string, edit: (text: string) => string): void {
  const before = statSync(file);
  expect(before.mtimeMs).toBe(WHEN * 1000);
  const text = readFileSync(file, 'utf8');
  const edited = edit(text);
  expect(edited).not.toBe(text);
  expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
  writeFileSync(file, edited);
  setTimes(file);
  const after = statSync(file);
  expect([after.size, after.mtimeMs, after.ino]).toEqual([before.size, before.mtimeMs, before.ino]);
}
