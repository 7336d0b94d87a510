/**
 * The scan state in SQLite: which objects a target has had scanned under which ruleset, the
 * matches found in them (hash and redacted preview only), and where they entered history.
 */
import type { Database as Db } from 'better-sqlite3';
import type { Introduction } from '../../domain/introduction.js';
import { isConfidence } from '../../domain/confidence.js';
import type { ObjectResult } from '../../domain/finding.js';
import type { ScanDelta, ScanStore, TargetState } from '../types.js';
import { openDatabase } from './open-database.js';

interface MatchRow {
  oid: string;
  object_type: ObjectResult['type'];
  path: string | null;
  rule_id: string;
  secret_sha256: string;
  redacted: string;
  line: number;
  end_line: number;
  col: number;
  related: string | null;
  yields_to: string | null;
  confidence: string | null;
  meta: string | null;
}

/** Object ids as packed binary, one buffer per id width (SHA-1 and SHA-256 stores differ). */
function packOids(oids: string[]): Map<number, Buffer> {
  const byWidth = new Map<number, string[]>();
  for (const oid of oids) {
    const list = byWidth.get(oid.length / 2);
    if (list) list.push(oid);
    else byWidth.set(oid.length / 2, [oid]);
  }
  const packed = new Map<number, Buffer>();
  for (const [width, list] of byWidth) {
    const buf = Buffer.allocUnsafe(width * list.length);
    list.forEach((oid, i) => buf.write(oid, i * width, 'hex'));
    packed.set(width, buf);
  }
  return packed;
}

export class SqliteScanStore implements ScanStore {
  protected readonly db: Db;

  constructor(file: string) {
    this.db = openDatabase(file);
  }

  openTarget(key: string, rulesetHash: string): TargetState {
    const row = this.db.prepare('SELECT id, ruleset_hash, store_fingerprint, options_key, gaps FROM scan_targets WHERE key = ?').get(key) as
      | { id: number; ruleset_hash: string; store_fingerprint: string | null; options_key: string | null; gaps: string | null }
      | undefined;
    const now = new Date().toISOString();
    if (!row) {
      const info = this.db
        .prepare('INSERT INTO scan_targets (key, ruleset_hash, updated_at) VALUES (?, ?, ?)')
        .run(key, rulesetHash, now);
      return { id: Number(info.lastInsertRowid), key, rulesetHash, storeFingerprint: null, optionsKey: null, gaps: null };
    }
    if (row.ruleset_hash !== rulesetHash) {
      this.db.transaction(() => {
        for (const table of ['scanned_sets', 'object_matches', 'introductions']) {
          this.db.prepare(`DELETE FROM ${table} WHERE target_id = ?`).run(row.id);
        }
        this.db
          .prepare('UPDATE scan_targets SET ruleset_hash = ?, store_fingerprint = NULL, options_key = NULL, gaps = NULL, updated_at = ? WHERE id = ?')
          .run(rulesetHash, now, row.id);
      })();
      return { id: row.id, key, rulesetHash, storeFingerprint: null, optionsKey: null, gaps: null };
    }
    return { id: row.id, key, rulesetHash, storeFingerprint: row.store_fingerprint, optionsKey: row.options_key, gaps: row.gaps };
  }

  scannedObjects(targetId: number): Set<string> {
    const set = new Set<string>();
    const rows = this.db.prepare('SELECT width, oids FROM scanned_sets WHERE target_id = ?').iterate(targetId) as Iterable<{ width: number; oids: Buffer }>;
    for (const { width, oids } of rows) {
      for (let at = 0; at + width <= oids.length; at += width) set.add(oids.toString('hex', at, at + width));
    }
    return set;
  }

  scannedCount(targetId: number): number {
    return this.db.prepare('SELECT coalesce(sum(length(oids) / width), 0) FROM scanned_sets WHERE target_id = ?').pluck().get(targetId) as number;
  }

  saveScan(targetId: number, delta: ScanDelta, within?: () => void): void {
    const insertScanned = this.db.prepare('INSERT INTO scanned_sets (target_id, width, oids) VALUES (?, ?, ?)');
    const insertMatch = this.db.prepare(
      `INSERT INTO object_matches (target_id, oid, object_type, path, rule_id, secret_sha256, redacted, line, end_line, col, related, meta, yields_to, confidence)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertIntro = this.db.prepare(
      `INSERT OR IGNORE INTO introductions (target_id, oid, commit_id, path, time, author, email) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    // An object read again (cut short last time) replaces its earlier matches.
    const dropMatches = this.db.prepare('DELETE FROM object_matches WHERE target_id = ? AND oid = ?');
    this.db.transaction(() => {
      for (const [width, oids] of packOids(delta.scanned)) insertScanned.run(targetId, width, oids);
      for (const r of delta.results) dropMatches.run(targetId, r.oid);
      for (const r of delta.results) {
        const meta = r.meta ? JSON.stringify(r.meta) : null;
        for (const m of r.matches) {
          insertMatch.run(targetId, r.oid, r.type, r.path ?? null, m.ruleId, m.secretSha256, m.redacted, m.line, m.endLine, m.column, m.related ? JSON.stringify(m.related) : null, meta, m.yieldsTo ? JSON.stringify(m.yieldsTo) : null, m.confidence ?? null);
        }
      }
      for (const i of delta.introductions) insertIntro.run(targetId, i.oid, i.commit, i.path, i.time, i.author, i.email);
      this.db
        .prepare('UPDATE scan_targets SET store_fingerprint = ?, options_key = ?, gaps = ?, updated_at = ? WHERE id = ?')
        .run(delta.storeFingerprint, delta.optionsKey, delta.gaps, new Date().toISOString(), targetId);
      within?.();
    })();
  }

  loadResults(targetId: number): { results: ObjectResult[]; introductions: Introduction[] } {
    const byOid = new Map<string, ObjectResult>();
    const rows = this.db.prepare('SELECT * FROM object_matches WHERE target_id = ? ORDER BY rowid').all(targetId) as MatchRow[];
    for (const row of rows) {
      let result = byOid.get(row.oid);
      if (!result) {
        result = { oid: row.oid, type: row.object_type, matches: [] };
        if (row.path !== null) result.path = row.path;
        if (row.meta) result.meta = JSON.parse(row.meta) as ObjectResult['meta'];
        byOid.set(row.oid, result);
      }
      result.matches.push({
        ruleId: row.rule_id,
        secretSha256: row.secret_sha256,
        redacted: row.redacted,
        line: row.line,
        endLine: row.end_line,
        column: row.col,
        ...(row.related ? { related: JSON.parse(row.related) as ObjectResult['matches'][number]['related'] } : {}),
        ...(row.yields_to ? { yieldsTo: JSON.parse(row.yields_to) as string[] } : {}),
        ...(isConfidence(row.confidence) ? { confidence: row.confidence } : {}),
      });
    }
    const introductions = (
      this.db
        .prepare('SELECT oid, commit_id AS "commit", path, time, author, email FROM introductions WHERE target_id = ?')
        .all(targetId) as Introduction[]
    );
    return { results: [...byOid.values()], introductions };
  }

  close(): void {
    this.db.close();
  }
}
