/**
 * A password column of a CSV or TSV export (`id,email,password` over `1,a@b.co,v`): the header
 * names the column, the first row under it holds the value. The header and the row must split
 * into the same number of fields on the same delimiter, so prose with commas is not taken for a
 * table; the value is then judged as an assigned literal under the column's name (a template, a
 * stored hash or a placeholder is no finding, a dictionary word is low).
 */
import type { Confidence } from '../types.js';
import { classifyKey } from './classify-key.js';
import { classifyValue } from './classify-value.js';
import { confidenceFor } from './judge-assignment.js';
import type { Assignment } from './read-assignment.js';

const DELIMITERS = [',', ';', '\t', '|'];
/** A header field: a column name, optionally quoted. */
const HEADER_FIELD = /^"?[A-Za-z_][\w .-]{0,39}"?$/;
/** The column names of a password, not of its hash, hint or policy (password_hash is a hash column). */
const PASSWORD_COLUMN = /^(?:[a-z]+[_ .-])?(?:password|passwd|pwd|pass|passphrase)$/i;

export interface CsvJudgement {
  confidence: Confidence;
  value: string;
  /** Offsets of the value within the row. */
  start: number;
  end: number;
}

/** Splits on a delimiter outside double quotes: each field with its start offset. */
function split(line: string, delimiter: string): { text: string; at: number }[] {
  const fields: { text: string; at: number }[] = [];
  let at = 0;
  let quoted = false;
  for (let i = 0; i <= line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if ((c === delimiter && !quoted) || i === line.length) {
      fields.push({ text: line.slice(at, i), at });
      at = i + 1;
    }
  }
  return fields;
}

export function judgeCsvRow(header: string, row: string): CsvJudgement | null {
  const head = header.replace(/\r$/, '');
  const body = row.replace(/\r$/, '');
  for (const delimiter of DELIMITERS) {
    if (!head.includes(delimiter)) continue;
    const names = split(head, delimiter);
    if (names.length < 2 || !names.every((n) => HEADER_FIELD.test(n.text.trim()))) continue;
    const column = names.findIndex((n) => PASSWORD_COLUMN.test(n.text.trim().replace(/^"|"$/g, '')));
    if (column < 0) continue;
    const fields = split(body, delimiter);
    if (fields.length !== names.length) continue;
    // A row that repeats a header's name in its column is another line of the same list, as an
    // index of topics is (R's help/AnIndex: `password<TAB>Credentials-class` over
    // `password,Credentials-method<TAB>Credentials-class`), not a table under its header.
    if (fields.some((f, i) => i !== column && f.text.trim() !== '' && f.text.trim() === names[i]!.text.trim())) continue;
    const field = fields[column]!;
    const quoted = /^".*"$/.test(field.text);
    const value = quoted ? field.text.slice(1, -1) : field.text;
    const start = field.at + (quoted ? 1 : 0);
    const key = names[column]!.text.trim().replace(/^"|"$/g, '');
    const a: Assignment = { key, operator: '=', quote: quoted ? '"' : '', value, start, end: start + value.length, shape: 'literal', concatenated: false };
    const strength = classifyKey(key);
    const confidence = confidenceFor(a, strength, classifyValue(value, 'literal'));
    return confidence === null ? null : { confidence, value, start, end: a.end };
  }
  return null;
}
