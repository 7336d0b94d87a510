/**
 * Shapes the generic rules used to miss (passphrases with spaces, .properties lines written with
 * a space, flow-style Kubernetes env entries, JWE with a short ciphertext or an empty key part,
 * crypt hashes with their dollars escaped, a password among comma-separated options, a query
 * string's `&amp;pass=`, a salt of random letters), each beside a line of the same shape that
 * holds no secret and must stay unreported (and SQLSTATE codes under sign-in error constants). Values are built at run time from a seeded generator.
 */
import { describe, expect, it } from 'vitest';
import { ALNUM, covers, credentials, LOWER, ruleset, runCase, valueMaker } from './shape-cases.js';
import type { ShapeCase as Case } from './shape-cases.js';

const { rand, short } = valueMaker(0x2eca11);
/** Values for the later cases, from their own generator so the earlier ones stay as they were. */
const more = valueMaker(0x5a17);
const LETTERS = `${LOWER}${LOWER.toUpperCase()}`;
const HEX = '0123456789abcdef';
const CRYPT = `./${ALNUM}`;
/** A passphrase of a few words with a digit and a symbol run into one of them. */
const passphrase = (): string => [rand(7, LOWER), rand(5, LOWER), rand(6, LOWER), `${rand(2, '0123456789')}!`].join(' ');
const b64url = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
const b64 = (n: number): string => rand(n, `${ALNUM}-_`);
/** Escapes a crypt hash's dollars as a double-quoted shell or Perl string does. */
const escaped = (hash: string): string => hash.replaceAll('$', '\\$');

const positives: Case[] = [
  { name: 'quoted passphrase with a digit and a symbol', path: 'app/settings.py', text: "password='§'", value: passphrase() },
  { name: 'quoted passphrase with leet words', path: 'src/main/java/com/acme/Db.java', text: '    String dbPassword = "§";', value: `${rand(3, LOWER)}0${rand(3, LOWER)} & ${rand(1, '23456789')} ${rand(6, LOWER)}` },
  { name: '.properties with a space', path: 'src/main/resources/db.properties', text: 'db.password §', value: short(12) },
  { name: '.properties with a tab', path: 'conf/jdbc.properties', text: 'jdbc.password\t§', value: rand(16) },
  { name: '.properties with a spaced colon', path: 'conf/jdbc.properties', text: 'jdbc.password : §', value: rand(14) },
  { name: 'flow-style env list', path: 'k8s/deployment.yaml', text: '        env: [{name: DB_PASSWORD, value: "§"}]', value: rand(18) },
  { name: 'flow-style env entry, bare value', path: 'k8s/worker.yaml', text: '        - {name: API_TOKEN, value: §}', value: rand(24) },
  { name: 'block-style env entry', path: 'k8s/worker.yaml', text: '        - name: X_PASSWORD\n          value: §', value: short(12) },
  {
    name: 'JWE with an encrypted key and a short ciphertext',
    path: 'lib/jose/jwe.ex',
    text: '      "§"',
    value: `${b64url({ alg: 'A192GCMKW', enc: 'A192GCM', iv: b64(16), tag: b64(22) })}.${b64(32)}.${b64(16)}.${b64(3)}.${b64(22)}`,
  },
  { name: 'JWE in the dir form (empty key part)', path: 'test/session.test.js', text: "const session = '§';", value: `${b64url({ alg: 'dir', enc: 'A128GCM' })}..${b64(16)}.${b64(40)}.${b64(22)}` },
  { name: 'password among comma-separated options', path: 'app/db.py', text: 'DSN = "user=app,password=§,host=db"', value: more.short(14) },
  { name: 'password among options after a flag', path: 'app/client.py', text: 'opts = "ssl=1,password=§,timeout=5"', value: more.short(14) },
  { name: 'password after an escaped ampersand', path: 'conf/feeds.xml', text: '<feed url="https://api.example.com/rss?user=bob&amp;pass=§&amp;fmt=xml"/>', value: more.short(12) },
  { name: 'salt of random letters, PHP', path: 'config.php', text: "$salt = '§';", value: more.rand(16, LETTERS) },
  { name: 'salt of random letters, Python', path: 'settings.py', text: "salt = '§'", value: more.rand(20, LETTERS) },
  { name: 'a code-like password under a password constant', path: 'src/main/java/com/acme/Seed.java', text: '    static final String ADMIN_PASSWORD = "§";', value: `${more.rand(2, '0123456789')}${more.rand(3, 'ABCDEFGHJKLMNPQRSTUVWXYZ')}` },
  { name: 'a password under a constant named for its condition', path: 'src/test/java/com/acme/LoginTest.java', text: '    static final String EXPIRED_PASSWORD = "§";', value: more.short(10) },
  { name: 'typed TypeScript declaration', path: 'src/client.ts', text: 'const apiToken: string = "§";', value: rand(32) },
  { name: 'typed Kotlin property', path: 'app/src/main/kotlin/Api.kt', text: '    private val apiToken: String = "§"', value: rand(28) },
  { name: 'Python annotation with a default', path: 'app/settings.py', text: '    api_key: str = "§"', value: rand(32) },
  { name: 'optional Swift property', path: 'Sources/App/Config.swift', text: '    let password: String? = "§"', value: short(12) },
  { name: 'Rust string slice', path: 'src/main.rs', text: '    let token: &str = "§";', value: rand(40) },
  { name: 'Python optional annotation', path: 'app/config.py', text: "    db_password: Optional[str] = '§'", value: short(14) },
];

const hashes: Case[] = [
  { name: 'escaped SHA-256 crypt (hex form) in a shell here-document', path: 'turndb/setup.sh', text: "db.admin_user.insert({ name: 'ops', password: '§' });", value: escaped(`$5$${rand(16, HEX)}$${rand(64, HEX)}`), kind: 'password-hash' },
  { name: 'escaped SHA-512 crypt in a Perl string', path: 't/lib/Tests/Auth.pm', text: '  my $passwd = "§";', value: escaped(`$6$${rand(16, CRYPT)}$${rand(86, CRYPT)}`), kind: 'password-hash' },
  { name: 'MD5 crypt with doubled dollars in Compose', path: 'docker-compose.yml', text: '      - "traefik.http.middlewares.auth.basicauth.users=admin:§"', value: `$$apr1$$${rand(8, CRYPT)}$$${rand(22, CRYPT)}`, kind: 'password-hash' },
  { name: 'MD5 crypt in an AuthUserFile line', path: 'etc/proftpd/ftpd.passwd', text: 'bob:§:1001:1001::/home/bob:/bin/false', value: `$1$${rand(8, CRYPT)}$${rand(22, CRYPT)}`, kind: 'password-hash' },
];

const negatives: Case[] = [
  { name: 'a message under a password key', path: 'app/forms.py', text: "password='Password is required'" },
  { name: 'a message with a count', path: 'app/forms.py', text: "password_error = 'Minimum 8 characters, 1 number'" },
  { name: 'a translated message with a count', path: 'app/i18n/de.py', text: "password = 'Passwort muss 8 Zeichen haben!'" },
  { name: 'a translated message naming an algorithm', path: 'app/i18n/de.py', text: "password = 'Kennwort mit SHA256 gehasht'" },
  { name: '.properties with a space, a reference', path: 'src/main/resources/db.properties', text: 'db.password ${DB_PASSWORD}' },
  { name: 'a message catalogue written with a space', path: 'src/main/resources/messages.properties', text: 'password.required Password is required' },
  { name: '"password value" outside a .properties file', path: 'docs/setup.md', text: `db.password ${short(12)}` },
  { name: 'flow-style env entry from a secret', path: 'k8s/deployment.yaml', text: '        env: [{name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}]' },
  { name: 'flow-style env entry, a template', path: 'charts/app/templates/deploy.yaml', text: '        - {name: API_TOKEN, value: "{{ .Values.apiToken }}"}' },
  { name: 'env entry built in code from a variable', path: 'src/k8s.ts', text: "  env: [{name: 'DB_PASSWORD', value: dbPassword}]," },
  { name: 'five parts without a JWE header', path: 'test/session.test.js', text: `const id = 'eyJ${b64(30)}.${b64(40)}.${b64(16)}.${b64(3)}.${b64(22)}';` },
  { name: 'shell positional parameters', path: 'configure', text: '    as_echo_body=\'eval /usr/ucb/echo -n "\\$1\\$as_nl"\'' },
  { name: 'escaped crypt prefix joined to code', path: 't/lib/Tests/Auth.pm', text: `  my $hash = "\\$6\\$${rand(8, CRYPT)}\\$" . $digest;` },
  { name: 'options with a password reference', path: 'app/client.py', text: 'opts = "ssl=1,password=${DB_PASS},timeout=5"' },
  { name: 'keyword arguments without spaces', path: 'app/db.py', text: 'db = connect(user=u,password=pw,host=h)' },
  { name: 'escaped ampersand before a reference', path: 'conf/feeds.xml', text: '<feed url="https://api.example.com/rss?user=bob&amp;pass=${FEED_PASS}&amp;fmt=xml"/>' },
  { name: 'salt in capitalised words', path: 'config.php', text: "$salt = 'ChangeThisSaltToSomethingRandom';" },
  { name: 'salt in a short camel name', path: 'settings.py', text: "salt = 'SessionSaltValue'" },
  { name: 'an SQLSTATE under a failed sign-in constant', path: 'src/main/java/org/acme/SQLState.java', text: '    String AUTH_PASSWORD_INVALID = "28P01";' },
  { name: 'a numeric SQLSTATE under an authorization constant', path: 'src/main/java/org/acme/SQLState.java', text: '    String INVALID_AUTHORIZATION_SPEC_PASSWORD = "28502";' },
  { name: 'a GPG fingerprint in groups of four', path: 'docs/release.md', text: `signing key: ${Array.from({ length: 10 }, () => more.rand(4, '0123456789ABCDEF')).join(' ')}` },
  { name: 'a WireGuard public key', path: 'etc/wireguard/wg0.conf', text: `PublicKey = ${more.rand(43, `${ALNUM}+/`)}=` },
  { name: 'typed declaration of an empty string', path: 'src/client.ts', text: 'let apiToken: string = "";' },
  { name: 'typed declaration read from the environment', path: 'src/client.ts', text: 'const apiToken: string = process.env.API_TOKEN ?? "";' },
  { name: 'annotation with a field call', path: 'app/settings.py', text: '    api_key: str = Field(default="", env="API_KEY")' },
  { name: 'typed declaration of a placeholder', path: 'app/settings.py', text: '    api_key: str = "<your-api-key>"' },
  { name: 'type alias of a token', path: 'src/types.ts', text: 'type Token = string;' },
];

describe('shapes the generic rules used to miss', () => {
  for (const c of positives) {
    it(`reports: ${c.name} (${c.path})`, () => {
      const found = credentials(runCase(c));
      expect(found.some((m) => covers(m, c.value!)), found.map((m) => m.ruleId).join(',')).toBe(true);
    });
  }
  for (const c of hashes) {
    it(`reports as a password hash: ${c.name} (${c.path})`, () => {
      const found = runCase(c);
      expect(found.filter((m) => covers(m, c.value!)).map((m) => ruleset.byId.get(m.ruleId)!.kind)).toContain(c.kind);
    });
  }
  for (const c of negatives) {
    it(`does not report: ${c.name} (${c.path})`, () => {
      expect(credentials(runCase(c)).map((m) => m.ruleId)).toEqual([]);
    });
  }
});
