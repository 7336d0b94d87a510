/**
 * Persistence interface. Callers depend on this, never on a backend, so the embedded SQLite
 * store can be swapped for PostgreSQL (scale-out) without touching them.
 */
import type { Introduction } from '../git/walk-introductions.js';
import type { ObjectResult } from '../scan/types.js';

export interface TargetState {
  id: number;
  key: string;
  rulesetHash: string;
  /** Fingerprint of the object store at the last completed scan, if any. */
  storeFingerprint: string | null;
}

export interface ScanDelta {
  /** Every object id scanned in this run (blobs, commits, tags), with or without matches. */
  scanned: string[];
  /** Objects with matches (and commit/tag metadata) found in this run. */
  results: ObjectResult[];
  /** Where objects with matches entered history, found in this run. */
  introductions: Introduction[];
  storeFingerprint: string | null;
}

export interface ScanStore {
  /** Opens (or creates) a target's state; a different ruleset hash discards what was scanned. */
  openTarget(key: string, rulesetHash: string): TargetState;
  scannedObjects(targetId: number): Set<string>;
  scannedCount(targetId: number): number;
  /** Records a completed scan in one transaction: all of it, or none of it. */
  saveScan(targetId: number, delta: ScanDelta): void;
  loadResults(targetId: number): { results: ObjectResult[]; introductions: Introduction[] };
  close(): void;
}
