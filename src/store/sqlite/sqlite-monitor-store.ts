/**
 * The daemon's store in SQLite: the scan state of SqliteScanStore plus the inventory with each
 * repository's mirror history, findings per repository (first and last seen), and the public
 * watch's cursors, and the response outbox filled in the same transaction as the findings. Each
 * write is one transaction.
 */
import { redactUrl } from '../../git/redact-url.js';
import type { Repository } from '../../domain/repository.js';
import type { Finding } from '../../domain/finding.js';
import type { MirrorOutcome, MonitorStore, OutboxItem, StoredFinding, StoredRepository, WatchState } from '../types.js';
import { SqliteScanStore } from './sqlite-scan-store.js';

interface RepositoryRow {
  id: string;
  name: string;
  clone_url: string;
  owner_email: string | null;
  team: string | null;
  classification: string;
  data: string;
  last_mirror_at: string | null;
  last_mirror_ok: number | null;
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

/** The store keeps clone URLs without credentials: the daemon clones from the inventory's. */
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
    lastMirrorOk: row.last_mirror_ok === null ? null : row.last_mirror_ok === 1,
    lastMirrorError: row.last_mirror_error,
    lastMirrorOkAt: row.last_mirror_ok_at,
  };
}

function toFinding(row: FindingRow): StoredFinding {
  return {
    repositoryId: row.repository_id,
    finding: JSON.parse(row.data) as Finding,
    status: row.status,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
  };
}

/** Whether `next` holds the secret somewhere (commit and file) that `before` did not. */
function hasNewLocation(before: Finding, next: Finding): boolean {
  const key = (l: Finding['locations'][number]): string => JSON.stringify([l.commit, l.path]);
  const known = new Set(before.locations.map(key));
  return next.locations.some((l) => !known.has(key(l)));
}

export class SqliteMonitorStore extends SqliteScanStore implements MonitorStore {
  constructor(...args: ConstructorParameters<typeof SqliteScanStore>) {
    super(...args);
    this.redactStoredUrls();
  }

  /**
   * Rows an older leakwatch wrote hold clone URLs with their credentials: rewrite them once,
   * at open. (In code rather than a numbered migration: the redaction is redactUrl's.)
   */
  private redactStoredUrls(): void {
    const rows = this.db.prepare(`SELECT id, clone_url, data FROM repositories WHERE clone_url LIKE '%@%' OR clone_url LIKE '%?%' OR data LIKE '%://%@%' OR data LIKE '%://%?%'`).all() as Pick<RepositoryRow, 'id' | 'clone_url' | 'data'>[];
    const update = this.db.prepare('UPDATE repositories SET clone_url = ?, data = ? WHERE id = ?');
    this.db.transaction(() => {
      for (const row of rows) {
        const data = JSON.stringify(withoutCredentials(JSON.parse(row.data) as Repository));
        const cloneUrl = redactUrl(row.clone_url);
        if (cloneUrl !== row.clone_url || data !== row.data) update.run(cloneUrl, data, row.id);
      }
    })();
  }

  upsertRepositories(repositories: readonly Repository[]): void {
    const upsert = this.db.prepare(
      `INSERT INTO repositories (id, name, clone_url, owner_email, team, classification, data, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, clone_url = excluded.clone_url,
         owner_email = excluded.owner_email, team = excluded.team, classification = excluded.classification,
         data = excluded.data, updated_at = excluded.updated_at`,
    );
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const r of repositories) {
        const stored = withoutCredentials(r);
        upsert.run(r.id, r.name, stored.cloneUrl, r.owner.email ?? null, r.owner.team ?? null, r.classification, JSON.stringify(stored), now);
      }
    })();
  }

  listRepositories(): StoredRepository[] {
    return (this.db.prepare('SELECT * FROM repositories ORDER BY id').all() as RepositoryRow[]).map(toRepository);
  }

  getRepository(id: string): StoredRepository | null {
    const row = this.db.prepare('SELECT * FROM repositories WHERE id = ?').get(id) as RepositoryRow | undefined;
    return row ? toRepository(row) : null;
  }

  recordMirror(id: string, outcome: MirrorOutcome): void {
    const at = outcome.at.toISOString();
    this.db
      .prepare(
        `UPDATE repositories SET last_mirror_at = ?, last_mirror_ok = ?, last_mirror_error = ?,
           last_mirror_ok_at = CASE WHEN ? = 1 THEN ? ELSE last_mirror_ok_at END
         WHERE id = ?`,
      )
      .run(at, outcome.ok ? 1 : 0, outcome.ok ? null : (outcome.error ?? 'failed'), outcome.ok ? 1 : 0, at, id);
  }

  recordFindings(repositoryId: string, findings: readonly Finding[], seenAt: Date): StoredFinding[] {
    const at = seenAt.toISOString();
    const previous = this.db.prepare('SELECT data FROM findings WHERE repository_id = ? AND finding_id = ?').pluck();
    const insert = this.db.prepare(
      `INSERT INTO findings (repository_id, finding_id, rule_id, severity, secret_sha256, redacted, status, first_seen, last_seen, data)
       VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
    );
    const touch = this.db.prepare('UPDATE findings SET last_seen = ?, data = ? WHERE repository_id = ? AND finding_id = ?');
    // The next seq is above every seq in the table, so a re-queued item never keeps the seq a consumer read.
    const enqueue = this.db.prepare(
      `INSERT INTO response_outbox (repository_id, finding_id, seq, queued_at)
       VALUES (?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM response_outbox), ?)
       ON CONFLICT (repository_id, finding_id) DO UPDATE SET seq = excluded.seq, queued_at = excluded.queued_at`,
    );
    const added: StoredFinding[] = [];
    this.db.transaction(() => {
      for (const f of findings) {
        const data = JSON.stringify(f);
        const before = previous.get(repositoryId, f.id) as string | undefined;
        if (before === undefined) {
          insert.run(repositoryId, f.id, f.ruleId, f.severity, f.secretSha256, f.redacted, at, at, data);
          added.push({ repositoryId, finding: f, status: 'open', firstSeen: at, lastSeen: at });
          enqueue.run(repositoryId, f.id, at);
        } else {
          touch.run(at, data, repositoryId, f.id);
          // The same secret in a new place (the id is rule + secret) is news for its incident.
          if (hasNewLocation(JSON.parse(before) as Finding, f)) enqueue.run(repositoryId, f.id, at);
        }
      }
    })();
    return added;
  }

  pendingResponses(repositoryId?: string): OutboxItem[] {
    const sql = `SELECT o.seq, o.repository_id, f.data FROM response_outbox o
      JOIN findings f ON f.repository_id = o.repository_id AND f.finding_id = o.finding_id
      ${repositoryId === undefined ? '' : 'WHERE o.repository_id = ?'} ORDER BY o.seq`;
    const rows = (repositoryId === undefined ? this.db.prepare(sql).all() : this.db.prepare(sql).all(repositoryId)) as Array<{
      seq: number;
      repository_id: string;
      data: string;
    }>;
    return rows.map((r) => ({ seq: r.seq, repositoryId: r.repository_id, finding: JSON.parse(r.data) as Finding }));
  }

  completeResponses(items: readonly OutboxItem[]): void {
    const remove = this.db.prepare('DELETE FROM response_outbox WHERE repository_id = ? AND finding_id = ? AND seq = ?');
    this.db.transaction(() => {
      for (const item of items) remove.run(item.repositoryId, item.finding.id, item.seq);
    })();
  }

  listFindings(repositoryId?: string): StoredFinding[] {
    const rows =
      repositoryId === undefined
        ? this.db.prepare('SELECT * FROM findings ORDER BY repository_id, first_seen, finding_id').all()
        : this.db.prepare('SELECT * FROM findings WHERE repository_id = ? ORDER BY first_seen, finding_id').all(repositoryId);
    return (rows as FindingRow[]).map(toFinding);
  }

  countOpenFindings(): Record<string, number> {
    const rows = this.db.prepare("SELECT severity, count(*) AS n FROM findings WHERE status = 'open' GROUP BY severity").all() as Array<{
      severity: string;
      n: number;
    }>;
    return Object.fromEntries(rows.map((row) => [row.severity, row.n]));
  }

  getWatchState(key: string): WatchState | null {
    const row = this.db.prepare('SELECT value, etag, cursor, updated_at FROM watch_state WHERE key = ?').get(key) as
      | { value: string | null; etag: string | null; cursor: string | null; updated_at: string }
      | undefined;
    return row ? { value: row.value, etag: row.etag, cursor: row.cursor, updatedAt: row.updated_at } : null;
  }

  setWatchState(key: string, state: Omit<WatchState, 'updatedAt'>): void {
    this.db
      .prepare(
        `INSERT INTO watch_state (key, value, etag, cursor, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag, cursor = excluded.cursor, updated_at = excluded.updated_at`,
      )
      .run(key, state.value, state.etag, state.cursor, new Date().toISOString());
  }

  claimMessageId(messageId: string, sentAt: number, expireBefore: number): boolean {
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM sns_message_ids WHERE sent_at < ?').run(expireBefore);
      return this.db.prepare('INSERT OR IGNORE INTO sns_message_ids (message_id, sent_at) VALUES (?, ?)').run(messageId, sentAt).changes === 1;
    })();
  }

  releaseMessageId(messageId: string): void {
    this.db.prepare('DELETE FROM sns_message_ids WHERE message_id = ?').run(messageId);
  }

  seenMessageIdCount(): number {
    return this.db.prepare('SELECT count(*) FROM sns_message_ids').pluck().get() as number;
  }
}
