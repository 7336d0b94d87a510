/**
 * The daemon's store in PostgreSQL, shared by every replica: the scan state of PgScanStore plus
 * the inventory with each repository's mirror history, findings per repository, the watch
 * cursors, the SNS message ids acted on, and the response outbox filled in the findings' own
 * transaction. The same contract as SqliteMonitorStore (test/store/monitor-store-contract.ts).
 */
import { redactUrl } from '../../git/redact-url.js';
import type { Repository } from '../../domain/repository.js';
import type { Finding } from '../../domain/finding.js';
import type { MirrorOutcome, MonitorStore, OutboxItem, RepositoryLeaseStore, StoredFinding, StoredRepository, WatchState } from '../types.js';
import { PgScanStore, insertRows } from './pg-scan-store.js';

interface RepositoryRow {
  id: string;
  name: string;
  clone_url: string;
  owner_email: string | null;
  team: string | null;
  classification: string;
  data: string;
  last_mirror_at: string | null;
  last_mirror_ok: boolean | null;
  last_mirror_error: string | null;
  last_mirror_ok_at: string | null;
}

interface FindingRow {
  repository_id: string;
  status: 'open';
  first_seen: string;
  last_seen: string;
  data: string;
}

function withoutCredentials(repository: Repository): Repository {
  return { ...repository, cloneUrl: redactUrl(repository.cloneUrl) };
}

function toRepository(row: RepositoryRow): StoredRepository {
  return {
    id: row.id,
    name: row.name,
    cloneUrl: redactUrl(row.clone_url),
    ownerEmail: row.owner_email,
    team: row.team,
    classification: row.classification,
    repository: withoutCredentials(JSON.parse(row.data) as Repository),
    lastMirrorAt: row.last_mirror_at,
    lastMirrorOk: row.last_mirror_ok,
    lastMirrorError: row.last_mirror_error,
    lastMirrorOkAt: row.last_mirror_ok_at,
  };
}

function toFinding(row: FindingRow): StoredFinding {
  return { repositoryId: row.repository_id, finding: JSON.parse(row.data) as Finding, status: row.status, firstSeen: row.first_seen, lastSeen: row.last_seen };
}

function hasNewLocation(before: Finding, next: Finding): boolean {
  const key = (l: Finding['locations'][number]): string => JSON.stringify([l.commit, l.path]);
  const known = new Set(before.locations.map(key));
  return next.locations.some((l) => !known.has(key(l)));
}

const ENQUEUE = `INSERT INTO response_outbox (repository_id, finding_id, seq, queued_at) VALUES ($1, $2, nextval('response_outbox_seq'), $3)
  ON CONFLICT (repository_id, finding_id) DO UPDATE SET seq = excluded.seq, queued_at = excluded.queued_at`;

export class PgMonitorStore extends PgScanStore implements MonitorStore, RepositoryLeaseStore {
  upsertRepositories(repositories: readonly Repository[]): void {
    const now = new Date().toISOString();
    // Deduplicated by id: one statement may not touch a row twice.
    const byId = new Map(repositories.map((r) => [r.id, r]));
    const rows = [...byId.values()].map((r) => {
      const stored = withoutCredentials(r);
      return [r.id, r.name, stored.cloneUrl, r.owner.email ?? null, r.owner.team ?? null, r.classification, JSON.stringify(stored), now];
    });
    this.conn.transaction(() =>
      this.conn.batch(
        insertRows(
          'INSERT INTO repositories (id, name, clone_url, owner_email, team, classification, data, updated_at)',
          rows,
          `ON CONFLICT (id) DO UPDATE SET name = excluded.name, clone_url = excluded.clone_url, owner_email = excluded.owner_email,
             team = excluded.team, classification = excluded.classification, data = excluded.data, updated_at = excluded.updated_at`,
        ),
      ),
    );
  }

  listRepositories(): StoredRepository[] {
    return this.conn.query<RepositoryRow>('SELECT * FROM repositories ORDER BY id COLLATE "C"').rows.map(toRepository);
  }

  getRepository(id: string): StoredRepository | null {
    const row = this.conn.one<RepositoryRow>('SELECT * FROM repositories WHERE id = $1', [id]);
    return row ? toRepository(row) : null;
  }

  recordMirror(id: string, outcome: MirrorOutcome): void {
    const at = outcome.at.toISOString();
    this.conn.query(
      `UPDATE repositories SET last_mirror_at = $1, last_mirror_ok = $2, last_mirror_error = $3,
         last_mirror_ok_at = CASE WHEN $2 THEN $1 ELSE last_mirror_ok_at END
       WHERE id = $4`,
      [at, outcome.ok, outcome.ok ? null : (outcome.error ?? 'failed'), id],
    );
  }

  recordFindings(repositoryId: string, findings: readonly Finding[], seenAt: Date): StoredFinding[] {
    const at = seenAt.toISOString();
    const added: StoredFinding[] = [];
    this.conn.transaction(() => {
      // Locked, so a second writer of this repository's findings waits and then sees these rows.
      const { rows } = this.conn.query<{ finding_id: string; data: string }>(
        'SELECT finding_id, data FROM findings WHERE repository_id = $1 AND finding_id = ANY($2::text[]) FOR UPDATE',
        [repositoryId, findings.map((f) => f.id)],
      );
      const before = new Map(rows.map((r) => [r.finding_id, r.data]));
      const statements = [];
      for (const f of findings) {
        const data = JSON.stringify(f);
        const previous = before.get(f.id);
        if (previous === undefined) {
          statements.push({
            sql: `INSERT INTO findings (repository_id, finding_id, rule_id, severity, secret_sha256, redacted, status, first_seen, last_seen, data)
                  VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $7, $8)`,
            params: [repositoryId, f.id, f.ruleId, f.severity, f.secretSha256, f.redacted, at, data],
          });
          statements.push({ sql: ENQUEUE, params: [repositoryId, f.id, at] });
          added.push({ repositoryId, finding: f, status: 'open', firstSeen: at, lastSeen: at });
          before.set(f.id, data);
        } else {
          statements.push({ sql: 'UPDATE findings SET last_seen = $1, data = $2 WHERE repository_id = $3 AND finding_id = $4', params: [at, data, repositoryId, f.id] });
          if (hasNewLocation(JSON.parse(previous) as Finding, f)) statements.push({ sql: ENQUEUE, params: [repositoryId, f.id, at] });
        }
      }
      this.conn.batch(statements);
    });
    return added;
  }

  pendingResponses(repositoryId?: string): OutboxItem[] {
    const sql = `SELECT o.seq, o.repository_id, f.data FROM response_outbox o
      JOIN findings f ON f.repository_id = o.repository_id AND f.finding_id = o.finding_id
      ${repositoryId === undefined ? '' : 'WHERE o.repository_id = $1'} ORDER BY o.seq`;
    const { rows } = this.conn.query<{ seq: number; repository_id: string; data: string }>(sql, repositoryId === undefined ? [] : [repositoryId]);
    return rows.map((r) => ({ seq: r.seq, repositoryId: r.repository_id, finding: JSON.parse(r.data) as Finding }));
  }

  completeResponses(items: readonly OutboxItem[]): void {
    if (items.length === 0) return;
    this.conn.query(
      `DELETE FROM response_outbox o USING unnest($1::text[], $2::text[], $3::bigint[]) AS d(repository_id, finding_id, seq)
       WHERE o.repository_id = d.repository_id AND o.finding_id = d.finding_id AND o.seq = d.seq`,
      [items.map((i) => i.repositoryId), items.map((i) => i.finding.id), items.map((i) => i.seq)],
    );
  }

  listFindings(repositoryId?: string): StoredFinding[] {
    const { rows } =
      repositoryId === undefined
        ? this.conn.query<FindingRow>('SELECT * FROM findings ORDER BY repository_id COLLATE "C", first_seen, finding_id COLLATE "C"')
        : this.conn.query<FindingRow>('SELECT * FROM findings WHERE repository_id = $1 ORDER BY first_seen, finding_id COLLATE "C"', [repositoryId]);
    return rows.map(toFinding);
  }

  countOpenFindings(): Record<string, number> {
    const { rows } = this.conn.query<{ severity: string; n: number }>("SELECT severity, count(*) AS n FROM findings WHERE status = 'open' GROUP BY severity");
    return Object.fromEntries(rows.map((row) => [row.severity, row.n]));
  }

  getWatchState(key: string): WatchState | null {
    const row = this.conn.one<{ value: string | null; etag: string | null; cursor: string | null; updated_at: string }>(
      'SELECT value, etag, cursor, updated_at FROM watch_state WHERE key = $1',
      [key],
    );
    return row ? { value: row.value, etag: row.etag, cursor: row.cursor, updatedAt: row.updated_at } : null;
  }

  setWatchState(key: string, state: Omit<WatchState, 'updatedAt'>): void {
    this.conn.query(
      `INSERT INTO watch_state (key, value, etag, cursor, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag, cursor = excluded.cursor, updated_at = excluded.updated_at`,
      [key, state.value, state.etag, state.cursor, new Date().toISOString()],
    );
  }

  claimMessageId(messageId: string, sentAt: number, expireBefore: number): boolean {
    const [, inserted] = this.conn.batch([
      { sql: 'DELETE FROM sns_message_ids WHERE sent_at < $1', params: [expireBefore] },
      { sql: 'INSERT INTO sns_message_ids (message_id, sent_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', params: [messageId, sentAt] },
    ]);
    return inserted!.rowCount === 1;
  }

  releaseMessageId(messageId: string): void {
    this.conn.query('DELETE FROM sns_message_ids WHERE message_id = $1', [messageId]);
  }

  seenMessageIdCount(): number {
    return this.conn.one<{ n: number }>('SELECT count(*) AS n FROM sns_message_ids')!.n;
  }

  acquireRepositoryLease(repositoryId: string, holder: string, now: Date, until: Date): boolean {
    return (
      this.conn.query(
        `INSERT INTO repository_leases (repository_id, holder, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (repository_id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
         WHERE repository_leases.holder = excluded.holder OR repository_leases.expires_at <= $4`,
        [repositoryId, holder, until.toISOString(), now.toISOString()],
      ).rowCount > 0
    );
  }

  releaseRepositoryLease(repositoryId: string, holder: string): void {
    this.conn.query('DELETE FROM repository_leases WHERE repository_id = $1 AND holder = $2', [repositoryId, holder]);
  }
}
