/**
 * What the generic rules used to report wrongly (issue 11), across the languages and formats
 * credentials are written in: templates and placeholders, code, stored hashes, commented-out
 * examples, dictionary words in test URLs and headers, timestamps, references to secrets and the
 * jwt.io documentation token. Each row goes through the whole ruleset (Matcher), so a shape is
 * right whichever rule finds it. Values are built at run time from parts.
 */
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../../src/detect/load-rules.js';
import { Matcher } from '../../../src/detect/matcher.js';
import type { RawMatch } from '../../../src/detect/types.js';

const matcher = new Matcher(loadRules());
const rules = new Map(loadRules().rules.map((r) => [r.id, r]));

/** Findings that are about credentials (sensitive-data rules name places, not secrets). */
function findings(text: string): RawMatch[] {
  return matcher.match(text).filter((m) => rules.get(m.ruleId)?.kind !== 'sensitive-data');
}

const random = ['x7Hq', '9LmZ', 'p2Rt', 'Kw4B', 'v8Nc'].join('');
const b64 = (s: string): string => Buffer.from(s).toString('base64');
const b64url = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
const bcrypt = `$2b$12$${'aB3dE5gH7jK9mN1pQ3sT5u'.slice(0, 21)}O${'vW7yZ9bC1eF3hJ5kL7nP9rS1tV3x'.padEnd(30, 'Q')}C`;
const ssha = `{SSHA}${b64(['salted', 'digest', 'bytes', '0123'].join('-'))}`;
const word = ['pass', 'word'].join('');
const admin = ['ad', 'min'].join('');
const timestamp = String(1712345678901);

/** none: no finding; low: reported, at low confidence only; quiet: none or low; password-hash: one hash finding. */
type Expect = 'none' | 'low' | 'quiet' | 'password-hash';

const CASES: ReadonlyArray<[string, string, Expect]> = [
  // Templates and placeholders.
  ['shell', `DB_PASSWORD=###ORACLE_${'PWD'}###`, 'none'],
  ['INI', `db.password = @DB_${'PASSWORD'}@`, 'none'],
  ['YAML (Helm)', `  password: {{ .Values.db.${'password'} }}`, 'none'],
  ['Python', `dsn = "host=%(host)s password=%(${'pw'})s"`, 'none'],
  ['shell', `export PGPASSWORD=$DB_${'PASS'}`, 'none'],
  ['YAML', `api_key: "<your-${'api-key'}>"`, 'none'],
  ['XML', `<add key="ClientSecret" value="<your-client-${'secret'}>" />`, 'none'],
  ['Ruby', `  password: "<%= ENV['DB_${'PASSWORD'}'] %>"`, 'none'],
  ['Java', `spring.datasource.password=\${DB_${'PASSWORD'}}`, 'none'],
  ['PHP', `'password' => '%${'s'}',`, 'none'],
  // Code, not literals.
  ['JS', `  url.password = this.#internals.${'password'}`, 'none'],
  ['Go', `  *token = yaml_token_${'t'}{`, 'none'],
  ['Go', `  hasPassword := cp.flags & password${'Flag'}`, 'none'],
  ['Java', `    String password = config.get${'Password'}();`, 'none'],
  ['PHP', `$password = $_POST['${'password'}'];`, 'none'],
  ['Python', `    secret_key = settings.SECRET_${'KEY'}`, 'none'],
  ['Ruby', `  token = request.headers["X-${'Token'}"]`, 'none'],
  // Stored hashes under password-ish keys: a password hash, not a secret.
  ['YAML', `  password: "${bcrypt}"`, 'password-hash'],
  ['Python', `ADMIN_PASSWORD = '${bcrypt}'`, 'password-hash'],
  ['PHP', `  'password' => '${bcrypt}',`, 'password-hash'],
  ['LDIF', `userPassword: ${ssha}`, 'password-hash'],
  // Commented-out example configuration: low.
  ['YAML', `# hmac_secret: ${random}`, 'low'],
  ['INI', `; password = ${random}`, 'low'],
  ['shell', `#export API_TOKEN=${random}`, 'low'],
  ['Go', `// apiKey := "${random}"`, 'low'],
  ['XML', `<!-- <password>${random}</password> -->`, 'low'],
  // Dictionary words in test URLs and basic-auth headers: low.
  ['JS', `const url = 'http://${admin}:${word}@localhost:8080/api';`, 'quiet'],
  ['Python', `engine = create_engine("postgresql://${admin}:${word}@localhost/test")`, 'quiet'],
  ['Ruby', `  url: "redis://tester:${['sun', 'shine', '1'].join('')}@127.0.0.1:6379/0"`, 'low'],
  ['Java', `String url = "jdbc:mysql://localhost:3306/test?user=root&password=${['mon', 'key', '42'].join('')}";`, 'low'],
  ['shell', `curl -H "Authorization: Basic ${b64(`${admin}:${word}123`)}" http://localhost:9000/`, 'low'],
  ['Go', `req.Header.Set("Authorization", "Basic ${b64(`tester:${'secret'}`)}")`, 'quiet'],
  ['Python', `headers = {"Authorization": "Basic ${b64(`tester:${['sun', 'shine', '1'].join('')}`)}"}`, 'low'],
  // Timestamps after a password-ish key.
  ['JSON', `{"passwordChangedAt": ${timestamp}, "password": ${timestamp}}`, 'none'],
  ['YAML', `password: "${timestamp}"`, 'none'],
  // References to secrets, not secrets.
  ['Terraform', `  db_password = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/${'db'}-AbCdEf"`, 'none'],
  ['YAML', `  password: secret/data/app/${'db'}`, 'none'],
  ['YAML', `secret: prod/db/${'password'}`, 'none'],
  ['Python', `client_secret = "projects/acme/secrets/oauth-client/versions/${'latest'}"`, 'none'],
  // The jwt.io documentation token, whatever its claims' order or signature.
  ['JS', `const token = "${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: '1234567890', name: 'John Doe', iat: 1516239022 })}.${random}${random}"`, 'none'],
  ['Python', `token = "${b64url({ typ: 'JWT', alg: 'HS256' })}.${b64url({ name: 'John Doe', admin: true, sub: '1234567890' })}.${random}${random}"`, 'none'],
];

describe('generic findings reported wrongly (issue 11)', () => {
  it.each(CASES)('%s: %s → %s', (_lang, line, expected) => {
    const found = findings(line);
    if (expected === 'none') expect(found.map((m) => m.ruleId)).toEqual([]);
    else if (expected === 'low' || expected === 'quiet') {
      if (expected === 'low') expect(found.length).toBeGreaterThan(0);
      expect(found.map((m) => m.confidence ?? 'rule level')).toEqual(found.map(() => 'low'));
    } else {
      expect(found.map((m) => rules.get(m.ruleId)?.kind)).toEqual(['password-hash']);
    }
  });

  it('still reports a JWT whose claims are not the documentation sample', () => {
    const jwt = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: 'svc-billing', iat: 1700000000 })}.${random}${random}`;
    expect(findings(`const token = "${jwt}"`).map((m) => m.ruleId)).toContain('jwt-token');
  });
});
