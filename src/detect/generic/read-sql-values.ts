/**
 * Reads the rows of an SQL dump's data statement: the tuples after an `INSERT ... VALUES`
 * (quoted strings with `''` and `\'` escapes, NULL, numbers, calls such as NOW()) and the
 * tab-separated rows after PostgreSQL's `COPY ... FROM stdin;` up to `\.`. One pass, never
 * further than `limit` and at most MAX_ROWS rows a call, so the rows in memory are bounded; a
 * caller reads on from `end` while `full` (more rows follow) or `cut` (the statement goes on
 * past `limit`), so a long statement is read whole in linear time.
 */

/** One field of a row: its offsets in the text, and whether it was a quoted string. */
export interface SqlField {
  start: number;
  end: number;
  quoted: boolean;
}

export interface SqlRows {
  rows: SqlField[][];
  /** Where reading stopped: the statement's end, or the start of the first row not read. */
  end: number;
  /** MAX_ROWS rows were read and another row starts at `end`. */
  full: boolean;
  /** The statement goes on past `limit` (the text does): its next row starts at `end`. */
  cut: boolean;
}

/** Rows read per call: a caller reads on from `end` (see SqlRows). */
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

/** Returned where a field runs into `limit`: the statement may go on past it. */
const AT_LIMIT = -2;

/** A quoted string from its opening quote: the index after its closing quote, or AT_LIMIT. */
function endOfQuoted(text: string, at: number, limit: number): number {
  const quote = text[at];
  for (let i = at + 1; i < limit; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === quote) {
      // (A doubled quote at the limit may be a closing quote and the next one's start: cut.)
      if (i + 1 >= limit) return AT_LIMIT;
      if (text[i + 1] === quote) i++;
      else return i + 1;
    }
  }
  return AT_LIMIT;
}

/** A bare field (NULL, 42, NOW(), x'00'): the index of the `,` or `)` that ends it, -1 or AT_LIMIT. */
function endOfBare(text: string, at: number, limit: number): number {
  let depth = 0;
  for (let i = at; i < limit; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const next = endOfQuoted(text, i, limit);
      if (next < 0) return next;
      i = next - 1;
    } else if (c === '(') {
      if (++depth > MAX_DEPTH) return -1;
    } else if (c === ')') {
      if (depth === 0) return i;
      depth--;
    } else if ((c === ',' && depth === 0) || c === ';') return c === ';' ? -1 : i;
  }
  return AT_LIMIT;
}

/**
 * One `( ... )` tuple from its `(`: its fields and the index after `)`, null where it is not
 * one, or 'cut' where it runs into `limit`.
 */
function readTuple(text: string, at: number, limit: number): { fields: SqlField[]; next: number } | null | 'cut' {
  const fields: SqlField[] = [];
  let i = at + 1;
  while (fields.length < MAX_FIELDS) {
    i = skipSpace(text, i, limit);
    if (i >= limit) return 'cut';
    let end: number;
    let quoted = false;
    if (text[i] === "'" || text[i] === '"') {
      end = endOfQuoted(text, i, limit);
      if (end < 0) return end === AT_LIMIT ? 'cut' : null;
      quoted = true;
      fields.push({ start: i + 1, end: end - 1, quoted });
    } else {
      end = endOfBare(text, i, limit);
      if (end < 0) return end === AT_LIMIT ? 'cut' : null;
      fields.push({ start: i, end: end, quoted });
    }
    i = skipSpace(text, end, limit);
    if (i >= limit) return 'cut';
    if (text[i] === ')') return { fields, next: i + 1 };
    if (text[i] !== ',') return null;
    i++;
  }
  return null;
}

/**
 * The tuples of `VALUES (...), (...);` from `at` (the first `(`). Stops at the statement's end,
 * at anything that is not a tuple, at `limit` or after MAX_ROWS tuples. `cut`: the text goes on
 * past `limit`, so a tuple that runs into it (or a `,` or space just before it) is the
 * statement going on, not its end.
 */
export function readValueTuples(text: string, at: number, limit: number, cut = false): SqlRows {
  const rows: SqlField[][] = [];
  let i = skipSpace(text, at, limit);
  // (Reading on where an earlier call stopped at the limit may start at the `,` between tuples.)
  if (text[i] === ',') i = skipSpace(text, i + 1, limit);
  // Where a call stops short of the statement's end, the next one starts there (at the limit, or
  // at a row not read); at the statement's end, reading has gone at least one character on.
  const stop = (full: boolean, atLimit: boolean): SqlRows => ({ rows, end: full || (cut && atLimit) ? i : Math.max(i, at + 1), full, cut: cut && atLimit });
  if (i >= limit) return stop(false, true);
  while (text[i] === '(') {
    if (rows.length >= MAX_ROWS) return stop(true, false);
    const tuple = readTuple(text, i, limit);
    if (tuple === 'cut') return stop(false, true);
    if (tuple === null) break;
    rows.push(tuple.fields);
    const next = skipSpace(text, tuple.next, limit);
    if (next >= limit) {
      i = tuple.next;
      return stop(false, true);
    }
    i = next;
    if (text[i] !== ',') break;
    i = skipSpace(text, i + 1, limit);
    if (i >= limit) return stop(false, true);
  }
  return stop(false, false);
}

/**
 * The rows of a `COPY ... FROM stdin;` from `at` (the first row's start): tab-separated fields
 * (`\N` is NULL, read as unquoted), up to the `\.` line, `limit` or MAX_ROWS rows. `cut`: the
 * statement goes on past `limit`, so a last row without its newline may be cut short.
 */
export function readCopyRows(text: string, at: number, limit: number, cut: boolean): SqlRows {
  const rows: SqlField[][] = [];
  let i = at;
  while (i < limit) {
    if (rows.length >= MAX_ROWS) return { rows, end: i, full: true, cut: false };
    let nl = text.indexOf('\n', i);
    if (nl < 0 || nl > limit) nl = limit;
    const line = text.slice(i, nl).replace(/\r$/, '');
    if (line === '\\.') return { rows, end: nl, full: false, cut: false };
    const fields: SqlField[] = [];
    let start = i;
    for (const part of line.split('\t', MAX_FIELDS)) {
      fields.push({ start, end: start + part.length, quoted: part !== '\\N' });
      start += part.length + 1;
    }
    // A row cut by the limit is not read: its last field may be cut too.
    if (nl === limit && cut) return { rows, end: i, full: false, cut: true };
    rows.push(fields);
    i = nl + 1;
  }
  return { rows, end: Math.max(i, at + 1), full: false, cut: cut && i >= limit };
}
