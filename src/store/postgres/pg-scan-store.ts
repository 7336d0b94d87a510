/**
 * The scan state in PostgreSQL, the same model as SqliteScanStore: which objects a target had
 * scanned under which ruleset (packed binary ids, one row per scan), the matches found in them
 * (hash and redacted preview only), and where they entered history. `saveScan` keeps its
 * transaction open while `within` runs, so the findings it records commit with the scan state.
 */
import type { Introduction } from '../../domain/introduction.js';
import { isConfidence } from '../../domain/confidence.js';
import type { ObjectResult } from '../../domain/finding.js';
import type { ScanDelta, ScanStore, TargetState } from '../types.js';
import type { PgConnection } from './pg-connection.js';
import type { PgTarget } from './pg-connection.js';
import type { PgStatement } from './pg-sync-worker.js';
import { openMigratedConnection } from './pg-migrations.js';

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

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters per statement. */
const ROWS_PER_INSERT = 500;

/** Multi-row INSERTs of `rows` into `head` (which names the columns), `suffix` after VALUES. */
export function insertRows(head: string, rows: readonly unknown[][], suffix = ''): PgStatement[] {
  const statements: PgStatement[] = [];
  for (let at = 0; at < rows.length; at += ROWS_PER_INSERT) {
    const chunk = rows.slice(at, at + ROWS_PER_INSERT);
    const params: unknown[] = [];
    const values = chunk.map((row) => `(${row.map((v) => (params.push(v), `$${params.length}`)).join(', ')})`);
    statements.push({ sql: `${head} VALUES ${values.join(', ')} ${suffix}`, params });
  }
  return statements;
}

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

export class PgScanStore implements ScanStore {
  protected readonly conn: PgConnection;

  constructor(target: PgTarget) {
    this.conn = openMigratedConnection(target);
  }

  openTarget(key: string, rulesetHash: string): TargetState {
    const now = new Date().toISOString();
    // Inserted if missing in one statement, so two processes opening one key share one row.
    this.conn.query('INSERT INTO scan_targets (key, ruleset_hash, updated_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING', [key, rulesetHash, now]);
    const row = this.conn.one<{ id: number; ruleset_hash: string; store_fingerprint: string | null; options_key: string | null; gaps: string | null }>(
      'SELECT id, ruleset_hash, store_fingerprint, options_key, gaps FROM scan_targets WHERE key = $1',
      [key],
    )!;
    if (row.ruleset_hash !== rulesetHash) {
      this.conn.transaction(() => {
        this.conn.batch([
          ...['scanned_sets', 'object_matches', 'introductions'].map((table) => ({ sql: `DELETE FROM ${table} WHERE target_id = $1`, params: [row.id] })),
          {
            sql: 'UPDATE scan_targets SET ruleset_hash = $1, store_fingerprint = NULL, options_key = NULL, gaps = NULL, updated_at = $2 WHERE id = $3',
            params: [rulesetHash, now, row.id],
          },
        ]);
      });
      return { id: row.id, key, rulesetHash, storeFingerprint: null, optionsKey: null, gaps: null };
    }
    return { id: row.id, key, rulesetHash, storeFingerprint: row.store_fingerprint, optionsKey: row.options_key, gaps: row.gaps };
  }

  scannedObjects(targetId: number): Set<string> {
    const set = new Set<string>();
    const { rows } = this.conn.query<{ width: number; oids: Buffer }>('SELECT width, oids FROM scanned_sets WHERE target_id = $1', [targetId]);
    for (const { width, oids } of rows) {
      for (let at = 0; at + width <= oids.length; at += width) set.add(oids.toString('hex', at, at + width));
    }
    return set;
  }

  scannedCount(targetId: number): number {
    return this.conn.one<{ n: number }>('SELECT coalesce(sum(length(oids) / width), 0)::bigint AS n FROM scanned_sets WHERE target_id = $1', [targetId])!.n;
  }

  saveScan(targetId: number, delta: ScanDelta, within?: () => void): void {
    const matchRows: unknown[][] = [];
    for (const r of delta.results) {
      const meta = r.meta ? JSON.stringify(r.meta) : null;
      for (const m of r.matches) {
        matchRows.push([
          targetId, r.oid, r.type, r.path ?? null, m.ruleId, m.secretSha256, m.redacted, m.line, m.endLine, m.column,
          m.related ? JSON.stringify(m.related) : null, meta, m.yieldsTo ? JSON.stringify(m.yieldsTo) : null, m.confidence ?? null,
        ]);
      }
    }
    const statements: PgStatement[] = [
      ...[...packOids(delta.scanned)].map(([width, oids]) => ({ sql: 'INSERT INTO scanned_sets (target_id, width, oids) VALUES ($1, $2, $3)', params: [targetId, width, oids] })),
      // An object read again (cut short last time) replaces its earlier matches.
      ...(delta.results.length === 0 ? [] : [{ sql: 'DELETE FROM object_matches WHERE target_id = $1 AND oid = ANY($2::text[])', params: [targetId, delta.results.map((r) => r.oid)] }]),
      ...insertRows(
        'INSERT INTO object_matches (target_id, oid, object_type, path, rule_id, secret_sha256, redacted, line, end_line, col, related, meta, yields_to, confidence)',
        matchRows,
      ),
      ...insertRows(
        'INSERT INTO introductions (target_id, oid, commit_id, path, time, author, email)',
        delta.introductions.map((i) => [targetId, i.oid, i.commit, i.path, i.time, i.author, i.email]),
        'ON CONFLICT DO NOTHING',
      ),
      {
        sql: 'UPDATE scan_targets SET store_fingerprint = $1, options_key = $2, gaps = $3, updated_at = $4 WHERE id = $5',
        params: [delta.storeFingerprint, delta.optionsKey, delta.gaps, new Date().toISOString(), targetId],
      },
    ];
    this.conn.transaction(() => {
      this.conn.batch(statements);
      within?.();
    });
  }

  loadResults(targetId: number): { results: ObjectResult[]; introductions: Introduction[] } {
    const byOid = new Map<string, ObjectResult>();
    const [matches, intros] = this.conn.batch([
      { sql: 'SELECT * FROM object_matches WHERE target_id = $1 ORDER BY id', params: [targetId] },
      { sql: 'SELECT oid, commit_id AS "commit", path, time, author, email FROM introductions WHERE target_id = $1', params: [targetId] },
    ]);
    for (const row of matches!.rows as unknown as MatchRow[]) {
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
    return { results: [...byOid.values()], introductions: intros!.rows as unknown as Introduction[] };
  }

  close(): void {
    this.conn.close();
  }
}
