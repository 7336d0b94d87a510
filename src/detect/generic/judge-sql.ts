/**
 * Credentials in an SQL dump's data statements: an `INSERT INTO t (id, login, passwd) VALUES
 * (...), (...)` or a PostgreSQL `COPY t (id, api_token) FROM stdin;` names its columns once, and
 * each row holds a value at the credential column's position. Each such value is judged as an
 * assigned literal under the column's name (a template, a stored crypt hash, a placeholder or
 * NULL is no finding, a dictionary word is low); a hex digest under a password's column (an
 * unsalted MD5 or SHA) is a stored password hash, judged apart so the password-hash rule can
 * report it as its own kind.
 */
import type { Confidence } from '../types.js';
import { classifyKey, keyWords, namesCredential } from './classify-key.js';
import { classifyValue } from './classify-value.js';
import { confidenceFor } from './judge-assignment.js';
import { namesSetting } from './not-a-secret.js';
import type { Assignment } from './read-assignment.js';
import { readColumns, readCopyRows, readValueTuples } from './read-sql-values.js';
import type { SqlField } from './read-sql-values.js';

export interface SqlJudgement {
  /** The value as written in the text (escapes and all), and its offsets there. */
  value: string;
  start: number;
  end: number;
  /** Absent for a digest: the rule's own level applies. */
  confidence?: Confidence;
  /** A hex digest under a password's column: a password hash, not a password. */
  digest: boolean;
}

export interface SqlStatement {
  /** The column list between the brackets. */
  columns: string;
  /** Where the rows start in `text`: the first tuple's `(`, or the first COPY row. */
  at: number;
  /** A COPY's tab-separated rows rather than VALUES tuples. */
  copy: boolean;
}

/** The column names of a password or of its stored form: passwd, user_pass, password_hash, hashed_password. */
const PASSWORD_COLUMN =
  /(?:^|_)(?:password|passwd|passwort|pwd|pw|pass|passphrase|userpass|userpassword)(?:_(?:hash|hashed|digest|md5|sha1|sha256|sha512|crypt|enc|encrypted))?$|^(?:hashed|encrypted|crypted)_(?:password|passwd|pass|pwd)$/;
/** An unsalted digest as a dump stores a password: MD5, SHA-1, SHA-256 or SHA-512 in hex. */
const HEX_DIGEST = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128})$|^(?:[0-9A-F]{32}|[0-9A-F]{40}|[0-9A-F]{64}|[0-9A-F]{128})$/;

interface Column {
  index: number;
  name: string;
  /** The column holds a credential (password, api_token, secret, salt). */
  credential: boolean;
  /** The column holds a password or its stored hash. */
  password: boolean;
}

/** The columns worth reading: those that name a credential or a password's hash. */
function credentialColumns(names: readonly string[]): Column[] {
  const out: Column[] = [];
  names.forEach((name, index) => {
    const strength = classifyKey(name);
    const credential = !namesSetting(name) && (strength === 'strong' || (strength === 'weak' && namesCredential(name)));
    const password = PASSWORD_COLUMN.test(keyWords(name).join('_'));
    if (credential || password) out.push({ index, name, credential, password });
  });
  return out;
}

/** A field's value without its SQL escapes (`''`, `\'`, `\\`). */
function unescape(raw: string, copy: boolean): string {
  return copy ? raw.replace(/\\(.)/g, '$1') : raw.replace(/''/g, "'").replace(/\\(.)/g, '$1');
}

function judgeField(text: string, field: SqlField, column: Column, copy: boolean): SqlJudgement | null {
  if (!field.quoted || field.end <= field.start) return null;
  const raw = text.slice(field.start, field.end);
  const value = unescape(raw, copy);
  const cls = classifyValue(value, 'literal');
  if (column.password && HEX_DIGEST.test(value)) {
    return cls === 'placeholder' ? null : { value: raw, start: field.start, end: field.end, digest: true };
  }
  if (!column.credential) return null;
  const a: Assignment = { key: column.name, operator: '=', quote: copy ? '' : "'", value, start: field.start, end: field.end, shape: 'literal', concatenated: false };
  const confidence = confidenceFor(a, classifyKey(column.name), cls);
  return confidence === null ? null : { value: raw, start: field.start, end: field.end, confidence, digest: false };
}

/**
 * Judges the rows of one statement in text[0, limit): each credential column's value in each
 * row, every row up to the statement's end or `limit`, in batches of MAX_ROWS. `cut`: the text
 * goes on past `limit`. Returns what was found, where reading stopped (the matcher goes on from
 * there, so no statement is read twice) and whether the statement goes on past `limit` (`more`:
 * the caller reads on from `end` with `at` 0 in the text that follows, the same columns).
 */
export function judgeSqlRows(text: string, statement: SqlStatement, limit: number, cut: boolean): { found: SqlJudgement[]; end: number; more: boolean } {
  const names = readColumns(statement.columns);
  const columns = names === null ? [] : credentialColumns(names);
  if (names === null || columns.length === 0) return { found: [], end: statement.at, more: false };
  const found: SqlJudgement[] = [];
  let at = statement.at;
  for (;;) {
    const batch = statement.copy ? readCopyRows(text, at, limit, cut) : readValueTuples(text, at, limit, cut);
    for (const row of batch.rows) {
      if (row.length !== names.length) continue;
      for (const column of columns) {
        const judged = judgeField(text, row[column.index]!, column, statement.copy);
        if (judged) found.push(judged);
      }
    }
    if (!batch.full) return { found, end: batch.end, more: batch.cut };
    at = batch.end;
  }
}
