import { describe, expect, it } from 'vitest';
import { judgeSqlRows } from '../../../src/detect/generic/judge-sql.js';
import { MAX_ROWS, readColumns, readCopyRows, readValueTuples } from '../../../src/detect/generic/read-sql-values.js';
import { valueMaker } from './shape-cases.js';

const { rand, short } = valueMaker(0x5a1d0);
const HEX = '0123456789abcdef';

/** The fields of each row read from `text`, as text. */
function fieldsOf(text: string, rows: { start: number; end: number; quoted: boolean }[][]): string[][] {
  return rows.map((row) => row.map((f) => (f.quoted ? `'${text.slice(f.start, f.end)}'` : text.slice(f.start, f.end))));
}

/** Judges an INSERT's rows: the column list and what follows VALUES. */
function judgeInsert(columns: string, tuples: string) {
  return judgeSqlRows(tuples, { columns, at: 0, copy: false }, tuples.length, false).found;
}

describe('readColumns', () => {
  it('reads plain, backquoted, double-quoted and bracketed names', () => {
    expect(readColumns(' id, `login`, "passwd" ,[created] ')).toEqual(['id', 'login', 'passwd', 'created']);
  });

  it('refuses what is no list of names (a type, an expression)', () => {
    expect(readColumns('id int, password varchar')).toBeNull();
    expect(readColumns("'a', 'b'")).toBeNull();
  });
});

describe('readValueTuples', () => {
  it('reads quoted strings with doubled and backslashed quotes, NULL, numbers and calls', () => {
    const text = "(1, 'it''s', 'a\\'b', NULL, -2.5, NOW(), CONCAT('x', 'y')),(2,'b','c',NULL,0,NOW(),'z');";
    const { rows, end } = readValueTuples(text, 0, text.length);
    expect(fieldsOf(text, rows)).toEqual([
      ['1', "'it''s'", "'a\\'b'", 'NULL', '-2.5', 'NOW()', "CONCAT('x', 'y')"],
      ['2', "'b'", "'c'", 'NULL', '0', 'NOW()', "'z'"],
    ]);
    expect(text[end]).toBe(';');
  });

  it('reads tuples one to a line', () => {
    const text = "\n  (1, 'a'),\n  (2, 'b');\nINSERT INTO t (x) VALUES (3);";
    expect(fieldsOf(text, readValueTuples(text, 0, text.length).rows)).toEqual([['1', "'a'"], ['2', "'b'"]]);
  });

  it('drops a tuple cut by the limit or by an unclosed string', () => {
    const text = "(1, 'a'),(2, 'b";
    expect(fieldsOf(text, readValueTuples(text, 0, text.length).rows)).toEqual([['1', "'a'"]]);
  });

  it(`stops after ${MAX_ROWS} tuples, saying where the next one starts`, () => {
    const text = Array.from({ length: MAX_ROWS + 50 }, (_, i) => `(${i},'v')`).join(',');
    const first = readValueTuples(text, 0, text.length);
    expect(first.rows).toHaveLength(MAX_ROWS);
    expect(first.full).toBe(true);
    expect(readValueTuples(text, first.end, text.length).rows).toHaveLength(50);
  });

  it('says a statement cut by the limit goes on, and reads on from where it stopped', () => {
    const text = "(1,'a'),(2,'b'),(3,'c');";
    const limit = text.indexOf("'b'") + 1;
    const first = readValueTuples(text, 0, limit, true);
    expect(first.cut).toBe(true);
    expect(text[first.end]).toBe('(');
    expect(readValueTuples(text, 0, limit, false).cut).toBe(false);
    const rest = text.slice(first.end);
    expect(fieldsOf(rest, readValueTuples(rest, 0, rest.length).rows)).toEqual([['2', "'b'"], ['3', "'c'"]]);
  });
});

describe('readCopyRows', () => {
  it('reads tab-separated rows up to \\., NULL as \\N', () => {
    const text = 'a\tb\n\\N\tc\n\\.\nmore\tlines\n';
    const { rows } = readCopyRows(text, 0, text.length, false);
    expect(fieldsOf(text, rows)).toEqual([["'a'", "'b'"], ['\\N', "'c'"]]);
  });

  it('drops a last row the limit may have cut', () => {
    const text = 'a\tb\nc\td';
    expect(readCopyRows(text, 0, text.length, true).rows).toHaveLength(1);
    expect(readCopyRows(text, 0, text.length, false).rows).toHaveLength(2);
  });
});

describe('judgeSqlRows', () => {
  it(`reads every row of a statement, past ${MAX_ROWS} of them`, () => {
    const value = short(12);
    const tuples = [...Array.from({ length: MAX_ROWS * 3 }, (_, i) => `(${i},'u${i}',NULL)`), `(9999,'last','${value}')`];
    const found = judgeInsert('id, login, password', `${tuples.join(',')};`);
    expect(found.map((f) => f.value)).toEqual([value]);
  });

  it('says where a statement cut by the limit goes on (more)', () => {
    const text = `(1,'a','${short(12)}'),(2,'b','${short(12)}');`;
    const judged = judgeSqlRows(text, { columns: 'id, login, password', at: 0, copy: false }, text.indexOf('(2'), true);
    expect(judged.found).toHaveLength(1);
    expect(judged.more).toBe(true);
    expect(text.slice(judged.end).startsWith('(2')).toBe(true);
  });

  it('reports the value at the credential column of each tuple', () => {
    const [a, b] = [short(12), short(12)];
    const found = judgeInsert('`id`,`login`,`passwd`,`created`', `(1,'admin','${a}','2020-01-01'),(2,'bob','${b}','2020-01-02');`);
    expect(found.map((f) => f.value)).toEqual([a, b]);
    expect(found.every((f) => !f.digest && f.confidence !== undefined)).toBe(true);
  });

  it('reads token, secret and salt columns as well as passwords', () => {
    const token = rand(32);
    const salt = rand(16);
    const found = judgeInsert('id, api_token, salt', `(1, '${token}', '${salt}')`);
    expect(found.map((f) => f.value)).toEqual([token, salt]);
  });

  it('gives the value as written, escapes and all', () => {
    const value = `${rand(8)}''${rand(4)}`;
    const found = judgeInsert('id, password', `(1, '${value}')`);
    expect(found.map((f) => f.value)).toEqual([value]);
  });

  it('reports nothing for NULL, empty, placeholder, template or crypt-hash values', () => {
    const bcrypt = ['$2y$10$', rand(53, './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')].join('');
    const found = judgeInsert('id, password', `(1, NULL),(2, ''),(3, '<password>'),(4, '\${DB_PASSWORD}'),(5, '${bcrypt}')`);
    expect(found).toEqual([]);
  });

  it('reports nothing where no column names a credential, or one only describes it', () => {
    expect(judgeInsert('id, email, name', `(1, 'a@b.co', '${rand(20)}')`)).toEqual([]);
    expect(judgeInsert('id, password_reset_at, password_changed', `(1, '2024-01-02 10:00:00', '${rand(20)}')`)).toEqual([]);
  });

  it('skips a row whose field count is not the column count', () => {
    expect(judgeInsert('id, password', `(1, 'x', '${short(12)}')`)).toEqual([]);
  });

  it('marks a hex digest under a password column, and only there', () => {
    const digest = rand(32, HEX);
    expect(judgeInsert('id, user_pass', `(1, '${digest}')`)).toEqual([{ value: digest, start: 5, end: 37, digest: true }]);
    expect(judgeInsert('id, password_hash', `(1, '${digest}')`).map((f) => f.digest)).toEqual([true]);
    expect(judgeInsert('id, api_token', `(1, '${digest}')`).map((f) => f.digest)).toEqual([false]);
  });

  it('reads a COPY statement\'s rows', () => {
    const token = rand(32);
    const text = `1\tann\t${token}\t2020-01-01\n2\tbob\t\\N\t2020-01-02\n\\.\n`;
    const found = judgeSqlRows(text, { columns: 'id, username, api_token, created_at', at: 0, copy: true }, text.length, false).found;
    expect(found.map((f) => f.value)).toEqual([token]);
  });
});
