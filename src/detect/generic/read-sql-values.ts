/**
 * Reads the rows of an SQL dump's data statement: the tuples after an `INSERT ... VALUES`
 * (quoted strings with `''` and `\'` escapes, NULL, numbers, calls such as NOW()) and the
 * tab-separated rows after PostgreSQL's `COPY ... FROM stdin;` up to `\.`. One pass, never
 * further than `limit` and never more than MAX_ROWS rows, so a hostile 20 MB statement costs
 * what its first rows cost.
 */

/** One field of a row: its offsets in the text, and whether it was a quoted string. */
export interface SqlField {
  start: number;
  end: number;
  quoted: boolean;
}

export interface SqlRows {
  rows: SqlField[][];
  /** Where reading stopped: the statement's end, or where it was cut. */
  end: number;
}

/** Rows read per statement: the first rows say the table holds credentials. */
export const MAX_ROWS = 200;
/** Fields read per row. */
const MAX_FIELDS = 256;
/** Nesting of a bare field's brackets (a call's arguments): deeper is no data a dump writes. */
const MAX_DEPTH = 8;

/** Splits a column list (`id, "email", \`passwd\``) into names; null where it is no list of names. */
export function readColumns(list: string): string[] | null {
  const names = list.split(',').map((n) => n.trim().replace(/^[`"[]|[`"\]]$/g, ''));
  if (names.length > MAX_FIELDS || !names.every((n) => /^[A-Za-z_][\w$]{0,63}$/.test(n))) return null;
  return names;
}

function skipSpace(text: string, at: number, limit: number): number {
  while (at < limit && /\s/.test(text[at]!)) at++;
  return at;
}

/** A quoted string from its opening quote: the index after its closing quote, or -1 if cut. */
function endOfQuoted(text: string, at: number, limit: number): number {
  const quote = text[at];
  for (let i = at + 1; i < limit; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === quote) {
      if (text[i + 1] === quote) i++;
      else return i + 1;
    }
  }
  return -1;
}

/** A bare field (NULL, 42, NOW(), x'00'): the index of the `,` or `)` that ends it, or -1. */
function endOfBare(text: string, at: number, limit: number): number {
  let depth = 0;
  for (let i = at; i < limit; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const next = endOfQuoted(text, i, limit);
      if (next < 0) return -1;
      i = next - 1;
    } else if (c === '(') {
      if (++depth > MAX_DEPTH) return -1;
    } else if (c === ')') {
      if (depth === 0) return i;
      depth--;
    } else if ((c === ',' && depth === 0) || c === ';') return c === ';' ? -1 : i;
  }
  return -1;
}

/** One `( ... )` tuple from its `(`: its fields and the index after `)`, or null where it is not one. */
function readTuple(text: string, at: number, limit: number): { fields: SqlField[]; next: number } | null {
  const fields: SqlField[] = [];
  let i = at + 1;
  while (fields.length < MAX_FIELDS) {
    i = skipSpace(text, i, limit);
    if (i >= limit) return null;
    let end: number;
    let quoted = false;
    if (text[i] === "'" || text[i] === '"') {
      end = endOfQuoted(text, i, limit);
      if (end < 0) return null;
      quoted = true;
      fields.push({ start: i + 1, end: end - 1, quoted });
    } else {
      end = endOfBare(text, i, limit);
      if (end < 0) return null;
      fields.push({ start: i, end: end, quoted });
    }
    i = skipSpace(text, end, limit);
    if (text[i] === ')') return { fields, next: i + 1 };
    if (text[i] !== ',') return null;
    i++;
  }
  return null;
}

/**
 * The tuples of `VALUES (...), (...);` from `at` (the first `(`). Stops at the statement's end,
 * at anything that is not a tuple, at `limit` or after MAX_ROWS tuples.
 */
export function readValueTuples(text: string, at: number, limit: number): SqlRows {
  const rows: SqlField[][] = [];
  let i = skipSpace(text, at, limit);
  while (rows.length < MAX_ROWS && text[i] === '(') {
    const tuple = readTuple(text, i, limit);
    if (!tuple) break;
    rows.push(tuple.fields);
    i = skipSpace(text, tuple.next, limit);
    if (text[i] !== ',') break;
    i = skipSpace(text, i + 1, limit);
  }
  return { rows, end: Math.max(i, at + 1) };
}

/**
 * The rows of a `COPY ... FROM stdin;` from `at` (the first row's start): tab-separated fields
 * (`\N` is NULL, read as unquoted), up to the `\.` line, `limit` or MAX_ROWS rows. `cut`: the
 * statement goes on past `limit`, so a last row without its newline may be cut short.
 */
export function readCopyRows(text: string, at: number, limit: number, cut: boolean): SqlRows {
  const rows: SqlField[][] = [];
  let i = at;
  while (rows.length < MAX_ROWS && i < limit) {
    let nl = text.indexOf('\n', i);
    if (nl < 0 || nl > limit) nl = limit;
    const line = text.slice(i, nl).replace(/\r$/, '');
    if (line === '\\.') return { rows, end: nl };
    const fields: SqlField[] = [];
    let start = i;
    for (const part of line.split('\t', MAX_FIELDS)) {
      fields.push({ start, end: start + part.length, quoted: part !== '\\N' });
      start += part.length + 1;
    }
    // A row cut by the limit is not read: its last field may be cut too.
    if (nl === limit && cut) break;
    rows.push(fields);
    i = nl + 1;
  }
  return { rows, end: Math.max(i, at + 1) };
}
