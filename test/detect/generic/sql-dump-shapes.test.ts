/**
 * Credentials in SQL dumps, as database exports committed to a repository hold them: an INSERT's
 * column list (MySQL's backquoted, several tuples, one tuple to a line) or a PostgreSQL COPY's,
 * and the value at the credential column's position in each row. Each negative is a shape that
 * holds no credential (a date under a describing column, NULL, a placeholder, DDL, an UPDATE's
 * parameter), beside a credential in the same shape. Password hashes are their own kind.
 * Values are built at run time from a seeded generator.
 */
import { describe, expect, it } from 'vitest';
import { describeShapePairs } from './describe-shape-pairs.js';
import { covers, matcher, ruleset, runCase, valueMaker } from './shape-cases.js';
import type { ShapeCase as Case } from './shape-cases.js';

const { rand, short } = valueMaker(0x5a1d);
const HEX = '0123456789abcdef';
const CRYPT = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const DUMP = 'db/backup-2020-01-02.sql';

/** [not a secret, a secret in the same shape]. */
const pairs: Array<[Case, Case]> = [
  [
    { name: 'a date under password_reset_at', path: DUMP, text: "INSERT INTO users (id, email, password_reset_at) VALUES (2, 'ann@example.org', '2024-01-02 10:00:00');" },
    { name: 'a password column', path: DUMP, text: "INSERT INTO users (id, email, password) VALUES (2, 'ann@example.org', '§');", value: short(12) },
  ],
  [
    { name: 'NULL and empty passwords, MySQL style', path: DUMP, text: "INSERT INTO `users` (`id`,`login`,`passwd`,`created`) VALUES (1,'admin',NULL,'2020-01-01'),(2,'bob','','2020-01-02');" },
    { name: 'passwords in several tuples, MySQL style', path: DUMP, text: `INSERT INTO \`users\` (\`id\`,\`login\`,\`passwd\`,\`created\`) VALUES (1,'admin','${short(10)}','2020-01-01'),(2,'bob','§','2020-01-02');`, value: short(12) },
  ],
  [
    { name: 'placeholders in a seed file, one tuple to a line', path: DUMP, text: "INSERT INTO users (id, login, password)\nVALUES\n  (1, 'admin', '<password>'),\n  (2, 'bob', '${BOB_PASSWORD}');" },
    { name: 'passwords one tuple to a line', path: DUMP, text: `INSERT INTO users (id, login, password)\nVALUES\n  (1, 'admin', '${short(12)}'),\n  (2, 'bob', '§');`, value: short(12) },
  ],
  [
    { name: 'the schema declaring a password column', path: DUMP, text: 'CREATE TABLE users (id int NOT NULL, password varchar(255) NOT NULL, api_token text);' },
    { name: 'the data under it', path: DUMP, text: "INSERT INTO users (id, password, api_token) VALUES (1, NULL, '§');", value: rand(40) },
  ],
  [
    { name: "an UPDATE's parameter", path: 'src/db/users.sql', text: 'UPDATE users SET password = ? WHERE id = ?;' },
    { name: 'a token under an UPDATE-less INSERT', path: 'src/db/users.sql', text: "INSERT INTO sessions (id, user_id, auth_token) VALUES (1, 2, '§');", value: rand(32) },
  ],
  [
    { name: 'a COPY with no credential column', path: 'db/dump.sql', text: `COPY public.accounts (id, username, email, created_at) FROM stdin;\n1\tann\tann@example.org\t2020-01-01 10:00:00\n2\tbob\t${rand(24)}\t2020-01-02 10:00:00\n\\.\n` },
    { name: 'a COPY with an api_token column', path: 'db/dump.sql', text: 'COPY public.accounts (id, username, api_token, created_at) FROM stdin;\n1\tann\t§\t2020-01-01 10:00:00\n2\tbob\t\\N\t2020-01-02 10:00:00\n\\.\n', value: rand(32) },
  ],
  [
    { name: 'a hex checksum under a column that names no password', path: DUMP, text: `INSERT INTO files (id, name, checksum) VALUES (1, 'a.txt', '${rand(32, HEX)}');` },
    { name: 'an MD5 digest under a password column', path: DUMP, text: "INSERT INTO members (id, name, password) VALUES (1, 'ann', '§');", value: rand(32, HEX), kind: 'password-hash' },
  ],
  [
    { name: 'a phpass-looking value cut short, without a column list', path: DUMP, text: `INSERT INTO wp_users VALUES (1,'admin','$P$B${rand(12, CRYPT)}','admin');` },
    { name: 'a WordPress phpass hash without a column list', path: DUMP, text: "INSERT INTO wp_users VALUES (1,'admin','§','admin','ann@example.org','','2020-01-01 00:00:00','',0,'admin');", value: `$P$B${rand(30, CRYPT)}`, kind: 'password-hash' },
  ],
  [
    { name: "a Drupal hash's prefix alone", path: DUMP, text: "INSERT INTO users (uid, name, pass) VALUES (1, 'admin', '$S$');" },
    { name: 'a Drupal 7 hash under pass', path: DUMP, text: "INSERT INTO users (uid, name, pass) VALUES (1, 'admin', '§');", value: `$S$D${rand(51, CRYPT)}`, kind: 'password-hash' },
  ],
  [
    { name: 'an empty user_pass', path: DUMP, text: "INSERT INTO wp_users (ID, user_login, user_pass) VALUES (1, 'admin', '');" },
    { name: 'a WordPress 6.8 bcrypt hash ($wp$2y$) under user_pass', path: DUMP, text: "INSERT INTO wp_users (ID, user_login, user_pass) VALUES (1, 'admin', '§');", value: ['$wp$2y$10$', rand(21, CRYPT), 'e', rand(30, CRYPT), 'G'].join(''), kind: 'password-hash' },
  ],
  [
    { name: "Perl's interpolated hash members in a test's SQL", path: 'tests/t/lib/Tests/Modules/mod_sql.pm', text: "INSERT INTO users (userid, passwd, uid, gid) VALUES ('$setup->{user}', '$setup->{passwd}', $setup->{uid}, $setup->{gid});" },
    { name: "a literal password in a module's SQL", path: 'lib/Acme/Schema.pm', text: "INSERT INTO users (userid, passwd, uid, gid) VALUES ('ops', '§', $setup->{uid}, $setup->{gid});", value: short(12) },
  ],
];

describeShapePairs('credentials in SQL dumps, each beside a shape that holds none', pairs);

describe('password hashes in SQL dumps', () => {
  for (const [, positive] of pairs.filter(([, p]) => p.kind === 'password-hash')) {
    it(`reports as a password hash, not a password: ${positive.name}`, () => {
      const found = runCase(positive).filter((m) => covers(m, positive.value!));
      expect(found.map((m) => ruleset.byId.get(m.ruleId)!.kind)).toEqual(['password-hash']);
    });
  }

  it('leaves a bcrypt hash under a password column to the bcrypt rule', () => {
    const found = runCase({ name: 'bcrypt', path: DUMP, text: "INSERT INTO users (id, password) VALUES (1, '§');", value: `$2y$10$${rand(53, CRYPT)}` });
    expect(found.filter((m) => m.ruleId.startsWith('generic-'))).toEqual([]);
  });
});

describe('SQL dump rows at scale', () => {
  it('reports each row of a several-tuple INSERT, and a dictionary word at low', () => {
    const word = ['summer', '2020'].join('');
    const tuples = [`(1,'ann','${short(12)}')`, `(2,'bob','${word}')`, `(3,'eve','${short(12)}')`];
    const found = matcher.match(`INSERT INTO users (id, login, password) VALUES ${tuples.join(',')};`, DUMP);
    expect(found.map((m) => m.confidence === 'low')).toEqual([false, true, false]);
  });

  it('reads every row of an INSERT that runs far past its region and past MAX_ROWS tuples', () => {
    const value = short(12);
    const tuples = Array.from({ length: 5000 }, (_, i) => `(${i},'user${i}@example.org',NULL,'2020-01-01 10:00:00')`);
    tuples.push(`(5000,'ann@example.org','${value}','2020-01-01 10:00:00')`);
    const found = matcher.match(`INSERT INTO users (id, email, password, created) VALUES ${tuples.join(',\n')};\n`, DUMP);
    expect(found.map((m) => m.secret)).toEqual([value]);
  });

  it('reads every row of a COPY that runs far past its region', () => {
    const value = rand(32);
    const rows = Array.from({ length: 5000 }, (_, i) => `${i}\tuser${i}\t\\N\t2020-01-01 10:00:00`);
    rows.push(`5000\tann\t${value}\t2020-01-01 10:00:00`);
    const found = matcher.match(`COPY public.accounts (id, username, api_token, created_at) FROM stdin;\n${rows.join('\n')}\n\\.\n`, DUMP);
    expect(found.map((m) => m.secret)).toEqual([value]);
  });

  it('reads on past a single row longer than a chunk', () => {
    const value = short(12);
    const big = `(1,'${'x'.repeat(600 * 1024)}',NULL)`;
    const found = matcher.match(`INSERT INTO notes (id, body, password) VALUES ${big},(2,'b','${value}');`, DUMP);
    expect(found.map((m) => m.secret)).toEqual([value]);
  });

  it('reads a hostile 20 MB INSERT line in bounded time', () => {
    const open = `INSERT INTO users (id, password) VALUES (1, '${'x'.repeat(20 * 1024 * 1024)}`;
    const repeated = "INSERT INTO t (password) VALUES ('a".repeat(600_000);
    for (const text of [open, repeated]) {
      const started = Date.now();
      matcher.match(text, DUMP);
      expect(Date.now() - started).toBeLessThan(20_000);
    }
  });
});
