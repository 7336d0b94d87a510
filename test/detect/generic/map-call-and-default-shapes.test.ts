/**
 * Credentials in shapes of real code the generic rules used to miss: Kotlin's `"key" to "v"`
 * pairs, Erlang's and Elixir's `{password, "v"}` tuples, Java key stores' `"v".toCharArray()`
 * passwords, login calls whose user is a variable, sbt's `Credentials(…)`, `gh secret set
 * --body`, Express's `cookieParser("v")`, random seeds, a shell expansion's default under a
 * credential's name, Rust byte-string keys, OpenVPN's inline `<auth-user-pass>` block and PostgreSQL's hashed passwords in a PgBouncer auth
 * file (as password hashes). Each beside a line of the same shape that holds
 * no secret (a variable, a reference, a number, code) and must stay unreported. Values are built
 * at run time from a seeded generator.
 */
import { describe, expect, it } from 'vitest';
import { covers, ruleset, runCase, valueMaker } from './shape-cases.js';
import type { ShapeCase as Case } from './shape-cases.js';
import { describeShapePairs } from './describe-shape-pairs.js';

const { rand, short } = valueMaker(0x8ec411);
const HEX = '0123456789abcdef';
const B64 = `${'abcdefghijklmnopqrstuvwxyz'}${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'}0123456789+/`;

/** [not a secret, a secret in the same shape]. */
const pairs: Array<[Case, Case]> = [
  [
    { name: "Kotlin map pair, the value a variable", path: 'app/src/main/kotlin/Api.kt', text: '    val body = mapOf("password" to password, "user" to user)' },
    { name: 'Kotlin map pair, the value a literal', path: 'app/src/main/kotlin/Api.kt', text: '    val body = mapOf("password" to "§", "user" to user)', value: short(14) },
  ],
  [
    { name: 'Kotlin pair on its own line, a template', path: 'src/main/kotlin/Headers.kt', text: '        "token" to "${session.token}",' },
    { name: 'Kotlin pair on its own line, a literal', path: 'src/main/kotlin/Headers.kt', text: '        "token" to "§",', value: rand(32) },
  ],
  [
    { name: 'Erlang proplist tuple, the value a variable', path: 'src/db_pool.erl', text: '    [{user, "app"}, {password, Password}, {host, Host}]' },
    { name: 'Erlang proplist tuple, the value a string', path: 'src/db_pool.erl', text: '    [{user, "app"}, {password, "§"}, {host, Host}]', value: short(12) },
  ],
  [
    { name: 'Elixir keyword tuple, the value an environment read', path: 'config/runtime.exs', text: '  {:api_token, System.get_env("API_TOKEN")},' },
    { name: 'Elixir keyword tuple, the value a string', path: 'config/runtime.exs', text: '  {:api_token, "§"},', value: rand(32) },
  ],
  [
    { name: "C table of a constant and its name", path: 'src/lexer.c', text: '    { TOK_PASSWORD, "password" },' },
    { name: 'Erlang tuple of an atom and a string', path: 'src/ldap_client.erl', text: '    {bind_password, "§"},', value: short(12) },
  ],
  [
    { name: 'key store loaded with a variable', path: 'src/main/java/com/acme/Tls.java', text: '        ks.load(new FileInputStream(path), storePassword.toCharArray());' },
    { name: 'key store loaded with a literal', path: 'src/main/java/com/acme/Tls.java', text: '        ks.load(new FileInputStream(path), "§".toCharArray());', value: short(14) },
  ],
  [
    { name: 'key manager initialised with a property', path: 'src/main/java/com/acme/Tls.java', text: '    kmf.init(keyStore, "${keystore.password}".toCharArray());' },
    { name: 'key manager initialised with a literal', path: 'src/main/java/com/acme/Tls.java', text: '    kmf.init(keyStore, "§".toCharArray());', value: rand(16) },
  ],
  [
    { name: 'PasswordAuthentication from a variable', path: 'src/main/java/com/acme/Proxy.java', text: '        return new PasswordAuthentication("proxy", proxyPassword.toCharArray());' },
    { name: 'PasswordAuthentication from a literal', path: 'src/main/java/com/acme/Proxy.java', text: '        return new PasswordAuthentication("proxy", "§".toCharArray());', value: short(12) },
  ],
  [
    { name: 'SMTP login, both arguments variables', path: 'app/mailer.py', text: '    smtp.login(user, password)' },
    { name: 'SMTP login, a variable user and a literal password', path: 'app/mailer.py', text: '    smtp.login(user, "§")', value: short(12) },
  ],
  [
    { name: 'FTP login, the password from the environment', path: 'scripts/backup.py', text: "    ftp.login(self.user, os.environ['FTP_PASSWORD'])" },
    { name: 'FTP login, a variable user and a literal password', path: 'scripts/backup.py', text: "    ftp.login(self.user, '§')", value: short(12) },
  ],
  [
    { name: "a login check named for its role, not a login call", path: 'src/routes.js', text: "  requireAuth(req, 'administrators');" },
    { name: 'session login, a variable user and a literal password', path: 'src/client.js', text: "  await s.login(userName, '§');", value: rand(16) },
  ],
  [
    { name: "sbt Credentials from the environment", path: 'build.sbt', text: 'credentials += Credentials("Sonatype Nexus Repository Manager", "oss.sonatype.org", "deploy", sys.env("SONATYPE_PASSWORD"))' },
    { name: 'sbt Credentials with a literal password', path: 'build.sbt', text: 'credentials += Credentials("Sonatype Nexus Repository Manager", "oss.sonatype.org", "deploy", "§")', value: short(14) },
  ],
  [
    { name: 'gh secret set from a variable', path: 'scripts/bootstrap.sh', text: 'gh secret set NPM_TOKEN --body "$NPM_TOKEN"' },
    { name: 'gh secret set with a literal body', path: 'scripts/bootstrap.sh', text: 'gh secret set NPM_TOKEN --body "§"', value: rand(36) },
  ],
  [
    { name: 'gh secret set reading standard input', path: 'scripts/bootstrap.sh', text: 'gh secret set DEPLOY_KEY --repo acme/app < deploy_key.txt' },
    { name: 'gh secret set with -b', path: 'scripts/bootstrap.sh', text: 'gh secret set DEPLOY_KEY -b §', value: rand(24) },
  ],
  [
    { name: 'cookieParser given a variable', path: 'src/app.js', text: 'app.use(cookieParser(process.env.COOKIE_SECRET));' },
    { name: 'cookieParser given a literal', path: 'src/app.js', text: "app.use(cookieParser('§'));", value: rand(24) },
  ],
  [
    { name: 'express-session secret from the environment', path: 'src/app.js', text: 'app.use(session({ secret: process.env.SESSION_SECRET, resave: false }));' },
    { name: 'express-session secret as a literal', path: 'src/app.js', text: "app.use(session({ secret: '§', resave: false }));", value: rand(24) },
  ],
  [
    { name: "a number seeding an RNG", path: 'app/settings.py', text: 'SEED = 42' },
    { name: 'a random seed constant', path: 'app/settings.py', text: "SEED = '§'", value: rand(32) },
  ],
  [
    { name: 'a seed named in words', path: 'app/settings.py', text: "RANDOM_SEED = 'deterministic-test-order'" },
    { name: 'a random value under a *_SEED constant', path: 'app/settings.py', text: "WALLET_SEED = '§'", value: rand(40) },
  ],
  [
    { name: "shell default that reads another variable", path: 'docker/entrypoint.sh', text: 'DB_PASSWORD=${DB_PASSWORD:-$POSTGRES_PASSWORD}' },
    { name: 'shell default written out', path: 'docker/entrypoint.sh', text: 'DB_PASSWORD=${DB_PASSWORD:-§}', value: short(14) },
  ],
  [
    { name: 'exported default left empty', path: 'docker/entrypoint.sh', text: 'export API_TOKEN=${API_TOKEN:-}' },
    { name: 'exported default written out', path: 'docker/entrypoint.sh', text: 'export API_TOKEN=${API_TOKEN:-§}', value: rand(32) },
  ],
  [
    { name: 'assigned default from a command', path: 'bin/run.sh', text: ': ${API_TOKEN:=$(cat /run/secrets/api_token)}' },
    { name: 'assigned default written out', path: 'bin/run.sh', text: ': ${API_TOKEN:=§}', value: rand(32) },
  ],
  [
    { name: "Rust byte string of a name, not a key", path: 'src/proto.rs', text: 'const MAGIC: &[u8] = b"§";', value: rand(16) },
    { name: 'Rust static key as a byte string', path: 'src/crypto.rs', text: 'static KEY: &[u8; 32] = b"§";', value: rand(32) },
  ],
  [
    { name: "Rust key's test vector of escapes", path: 'src/crypto.rs', text: `static KEY: &[u8; 4] = b"\\x00\\x01\\x02\\x03";` },
    { name: "Rust 'static byte string under a secret's name", path: 'src/crypto.rs', text: "const SECRET: &'static [u8] = b\"§\";", value: rand(24) },
  ],
  [
    { name: "OpenVPN inline auth block, a template", path: 'roles/vpn/templates/client.ovpn', text: 'client\n<auth-user-pass>\nvpnuser\n{{ vpn_password }}\n</auth-user-pass>' },
    { name: 'OpenVPN inline auth block, a password', path: 'vpn/client.ovpn', text: 'client\n<auth-user-pass>\nvpnuser\n§\n</auth-user-pass>', value: short(14) },
  ],
];

describeShapePairs('map pairs, tuples, calls and defaults', pairs);

/** A PgBouncer auth file's hashed forms, reported as password hashes. */
const pgbouncer: Array<[Case, Case]> = [
  [
    { name: 'auth file line, a placeholder for the md5 hash', path: 'etc/pgbouncer/userlist.txt', text: '"app" "md5<hash>"' },
    { name: 'auth file line, an md5 hash', path: 'etc/pgbouncer/userlist.txt', text: '"app" "§"', value: `md5${rand(32, HEX)}`, kind: 'password-hash' },
  ],
  [
    { name: 'auth file line, a SCRAM secret cut short', path: 'etc/pgbouncer/userlist.txt', text: `"reporting" "SCRAM-SHA-256$4096:${rand(24, B64)}$"` },
    {
      name: 'auth file line, a SCRAM-SHA-256 secret',
      path: 'etc/pgbouncer/userlist.txt',
      text: '"reporting" "§"',
      value: `SCRAM-SHA-256$4096:${rand(24, B64)}$${rand(44, B64)}:${rand(44, B64)}`,
      kind: 'password-hash',
    },
  ],
];

describeShapePairs('PgBouncer auth file hashes', pgbouncer);

describe('PgBouncer auth file hashes are password hashes', () => {
  for (const [, positive] of pgbouncer) {
    it(`reports as ${positive.kind}: ${positive.name}`, () => {
      const kinds = runCase(positive).filter((m) => covers(m, positive.value!)).map((m) => ruleset.byId.get(m.ruleId)!.kind);
      expect(kinds).toEqual([positive.kind]);
    });
  }
});

describe('a Java conversion to char[] keeps the literal whole', () => {
  it('reports the password of PasswordAuthentication at high, not as a concatenation', () => {
    const value = rand(18);
    const found = runCase({ name: 'PasswordAuthentication', path: 'src/main/java/com/acme/Proxy.java', text: '  return new PasswordAuthentication("proxy", "§".toCharArray());', value });
    expect(found.filter((m) => covers(m, value)).map((m) => m.confidence)).toContain('high');
  });
});
