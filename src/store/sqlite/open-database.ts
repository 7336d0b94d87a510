/**
 * Opens the embedded SQLite database: WAL for crash safety and concurrent readers, foreign
 * keys on, and pending migrations applied.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { LeakwatchError } from '../../errors.js';
import { MIGRATIONS } from './migrations.js';

export function openDatabase(file: string): Db {
  let db: Db;
  try {
    mkdirSync(dirname(file), { recursive: true });
    db = new Database(file);
  } catch (err) {
    throw new LeakwatchError('state', `cannot open state database ${file}: ${(err as Error).message}; check --state`);
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new LeakwatchError('state', `state database ${file} was written by a newer leakwatch (schema ${version}); upgrade leakwatch`);
  }
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return db;
}
