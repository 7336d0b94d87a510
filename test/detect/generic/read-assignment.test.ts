import { describe, expect, it } from 'vitest';
import { readAssignment, readAssignmentKey } from '../../../src/detect/generic/read-assignment.js';

/** A random-looking value built at run time, never a committed literal. */
const value = ['Qx7', 'Lm2', 'Zp9', 'Kd4'].join('');

/** Reads the assignment of `value` in `line`, as a rule's regex would hand it over. */
function read(line: string, v = value, keyHint?: string) {
  const at = line.lastIndexOf(v);
  return readAssignment(line, at, at + v.length, keyHint);
}

describe('readAssignment: shapes a credential is written in', () => {
  const shapes: [string, string, string, string][] = [
    ['an assignment', `password = "${value}"`, 'password', '='],
    ['YAML', `  db_password: ${value}`, 'db_password', ':'],
    ['Go :=', `secret := "${value}"`, 'secret', ':='],
    ['JSON', `"apiKey": "${value}",`, 'apiKey', ':'],
    ['PHP / Ruby =>', `'password' => '${value}',`, 'password', '=>'],
    ['a keyword argument', `connect(user="app", password="${value}")`, 'password', '='],
    ['a Go struct field', `  Password: "${value}",`, 'Password', ':'],
    ['a JS object', `{password: '${value}'}`, 'password', ':'],
    ['an XML attribute', `<db password="${value}" />`, 'password', '='],
    ['an XML element', `<password>${value}</password>`, 'password', '>'],
    ['.properties', `db.password=${value}`, 'db.password', '='],
    ['a shell export', `export DB_PASSWORD=${value}`, 'DB_PASSWORD', '='],
    ['a long flag', `tool --password ${value}`, 'password', ' '],
    ['mysql -p', `mysql -u app -p${value} shop`, 'password', ' '],
    ['a connection string', `Server=db;Password=${value};`, 'Password', '='],
    ['a PHP define', `define('AUTH_KEY', '${value}');`, 'AUTH_KEY', ','],
    ['a PHP array', `$cfg['password'] = '${value}';`, 'password', '='],
    ['.netrc', `machine h login u password ${value}`, 'password', ' '],
  ];
  for (const [name, line, key, operator] of shapes) {
    it(`reads the key, operator and value of ${name}`, () => {
      const a = read(line);
      expect(a).toMatchObject({ key, operator, value });
      expect(['literal', 'bare']).toContain(a.shape);
    });
  }

  it('reads URL user info as a password', () => {
    expect(read(`nats://orders:${value}@nats:4222`)).toMatchObject({ key: 'password', operator: '@', value, shape: 'bare' });
  });

  it('reads the key alone as readAssignment does, and says where the value may change it (URL user info)', () => {
    const keyOf = (line: string, keyHint?: string) => readAssignmentKey(line, line.lastIndexOf(value), keyHint);
    for (const line of [`token_type = "${value}"`, `x.put("password", "${value}")`, `f(a, "${value}")`, `keyName = ${value}`, `login(user, ${value})`]) {
      const head = keyOf(line);
      expect(head.keyMayChange).toBe(false);
      // The whole read's key is the key read first, or none at all.
      expect([head.key, '']).toContain(read(line).key);
    }
    const url = `amqp://worker:${value}@mq:5672`;
    expect(keyOf(url)).toMatchObject({ key: 'worker', keyMayChange: true });
    expect(read(url).key).toBe('password');
    // With a key the rule captured, the key is that one whatever the value.
    expect(keyOf(url, 'AMQP_PASS').keyMayChange).toBe(false);
    expect(read(url, value, 'AMQP_PASS').key).toBe('AMQP_PASS');
  });

  it('takes the key a multi-line rule captured (a Kubernetes env entry)', () => {
    expect(read(`- name: DB_PASSWORD\n  value: "${value}"`, value, 'DB_PASSWORD')).toMatchObject({ key: 'DB_PASSWORD', quote: '"', shape: 'literal' });
  });

  it('reads a quoted value whole, spaces and symbols included', () => {
    const spaced = `${value} ;x`;
    const line = `password = "${spaced}"`;
    const a = readAssignment(line, line.indexOf(value), line.indexOf(value) + value.length);
    expect(a.value).toBe(spaced);
    expect(a.shape).toBe('literal');
  });

  it('reads an escaped quote pair (JSON inside a string)', () => {
    expect(read(`"{\\"password\\": \\"${value}\\"}"`)).toMatchObject({ key: 'password', quote: '"', value });
  });

  it('marks a quoted literal joined to code as concatenated', () => {
    expect(read(`token = "${value}" + suffix`).concatenated).toBe(true);
    expect(read(`token = "${value}";`).concatenated).toBe(false);
  });
});

describe('readAssignment: values that are not literals', () => {
  const code: [string, string, string][] = [
    ['a member chain', 'url.password = this.#internals.password', 'this.#internals.password'],
    ['a Go bitmask', 'hasPassword := cp.flags & passwordFlag', 'cp.flags'],
    ['a call', 'token = getToken(request)', 'getToken(request)'],
    ['a variable in code', 'password = userPassword;', 'userPassword'],
    ['a variable named like its key', 'password=password', 'password'],
    ['a Go variable', 'pass := secretValue', 'secretValue'],
    ['a keyword', 'password = None', 'None'],
  ];
  for (const [name, line, v] of code) {
    it(`reads ${name} as an expression`, () => {
      expect(read(line, v).shape).toBe('expression');
    });
  }
  it('reads env reads and templates as references', () => {
    expect(read('password = $DB_PASS', '$DB_PASS').shape).toBe('reference');
    expect(read('password: %DB_PASS%', '%DB_PASS%').shape).toBe('reference');
    expect(read('password: "${DB_PASS}"', '${DB_PASS}').shape).toBe('reference');
    expect(read('password: @DB_PASS@', '@DB_PASS@').shape).toBe('reference');
  });
  it('reads an empty quoted value as empty', () => {
    const line = 'password = ""';
    expect(readAssignment(line, 12, 12).shape).toBe('empty');
  });
});

describe('readAssignment: calls, assertions and code', () => {
  it('reads a map put or a property assertion, where the key is the first argument in quotes', () => {
    expect(read(`props.put("password", "${value}");`)).toMatchObject({ key: 'password', operator: ',', shape: 'literal' });
    expect(read(`expect(opts).to.have.property('passphrase', '${value}');`)).toMatchObject({ key: 'passphrase', operator: ',' });
  });
  it('does not take an item of a list, or a later argument, for a key', () => {
    expect(read(`const keys = ['ca', 'passphrase', '${value}'];`).key).toBe('');
    expect(read(`hash('password', '${value}', 10);`).key).toBe('');
    expect(read(`Buffer.from(secret, '${value}')`).key).toBe('');
  });
  it('reads the expected value of a test assertion on a credential', () => {
    expect(read(`expect(result.oauth_nonce).to.equal("${value}");`)).toMatchObject({ key: 'result.oauth_nonce', operator: '==' });
    expect(read(`cfg.password.should.eql("${value}");`)).toMatchObject({ key: 'cfg.password', operator: '==' });
  });
  it('reads the password argument of login and basic-auth calls, and the key of an HMAC call', () => {
    expect(read(`request(app).get('/').auth('admin', '${value}')`)).toMatchObject({ key: 'password', operator: ',' });
    expect(read(`await client.login("ftp", "${value}");`)).toMatchObject({ key: 'password' });
    expect(read(`crypto.createHmac('sha256', '${value}')`)).toMatchObject({ key: 'secret key' });
  });
  it('reads calls and assertions with up to three spaces or tabs before the value, and none with four', () => {
    // The call patterns end in `,\s{0,3}` or `(\s{0,3}`: the character before those spaces decides whether they are tried.
    for (const gap of ['', ' ', '\t ', ' \t ']) {
      expect(read(`client.login("ftp",${gap}"${value}");`), JSON.stringify(gap)).toMatchObject({ key: 'password', operator: ',' });
      expect(read(`DriverManager.getConnection(url, "root",${gap}"${value}");`)).toMatchObject({ key: 'password', operator: ',' });
      expect(read(`crypto.createHmac('sha256',${gap}'${value}')`)).toMatchObject({ key: 'secret key' });
      expect(read(`new SecretKeySpec(${gap}"${value}".getBytes(), "HmacSHA256")`)).toMatchObject({ key: 'secret key' });
      expect(read(`expect(cfg.password).toBe(${gap}"${value}");`)).toMatchObject({ key: 'cfg.password', operator: '==' });
    }
    expect(read(`client.login("ftp",    "${value}");`).key).not.toBe('password');
    expect(read(`crypto.createHmac('sha256',    '${value}')`).key).not.toBe('secret key');
  });
  it('takes indexes, type unions, ternaries, chained assignments and statement constants for code', () => {
    const cases: [string, string][] = [
      ['password: arguments[3],', 'arguments[3'],
      ['export type MqttPassword = Buffer|Uint8Array|string;', 'Buffer|Uint8Array|string'],
      ['fetch(u,{credentials:U?w:void 0})', 'U?w:void'],
      ['exports.ResetPassword = exports.Other = void 0;', 'exports.Other'],
      ['exports.ER_PASSWORD_EXPIRED = 1862;', '1862'],
      ['elif token == TOKEN_STRING:', 'TOKEN_STRING'],
      ['break if handle_consume_token == :want_read', ':want_read'],
      ['    bindCredentials: BIND_PW', 'BIND_PW'],
    ];
    for (const [line, v] of cases) expect(read(line, v).shape, line).toBe('expression');
  });
  it('reads the compared literal of a comparison call, and the -w flag of the LDAP tools', () => {
    expect(read(`basicAuth.safeCompare(password, '${value}')`)).toMatchObject({ key: 'password', operator: ',' });
    expect(read(`ldapsearch -x -D cn=admin -w ${value} -b dc=acme`)).toMatchObject({ key: 'password', operator: ' ' });
    expect(read(`tool -x -w ${value}`).key).toBe('w');
  });
  it('ends a value in a query string at the next parameter', () => {
    expect(read(`?oauth_consumer_key=${value}&oauth_nonce=abc`, `${value}&oauth_nonce=abc`)).toMatchObject({ value, shape: 'bare' });
  });
  it('takes prose after a colon for prose, not a value', () => {
    expect(read(' * the premaster secret: either an RSA key', 'either').shape).toBe('expression');
  });
});

