/**
 * Shapes that read as a credential-named assignment but hold no secret, found by scanning the
 * unlabelled sources of daemons and servers (mail, DNS, SIP, VPN, proxies, Go services) with
 * their configs, scripts and docs: each negative is written in the shape seen there, and beside
 * it a positive holds a real secret in the same shape, so the fix is the shape's and not one
 * string's. Values are built at run time from a seeded generator.
 */
import { describe, expect, it } from 'vitest';
import { covers, runCase, valueMaker } from './shape-cases.js';
import type { ShapeCase as Case } from './shape-cases.js';
import { describeShapePairs } from './describe-shape-pairs.js';

const { rand, short } = valueMaker(0xd43305);

/** [not a secret, a secret in the same shape]. */
const pairs: Array<[Case, Case]> = [
  [
    { name: 'lookup table named by type and file', path: 'conf/main.cf', text: 'smtp_sasl_password_maps = texthash:/etc/mail/relay_passwd' },
    { name: 'password in the same file', path: 'conf/main.cf', text: 'ldap_bind_password = §', value: rand(20) },
  ],
  [
    { name: 'variables run together', path: 'configure', text: 'ac_cv_path_ASK_PASSWORD="$as_dir$ac_word$ac_exec_ext"' },
    { name: 'literal in the same place', path: 'configure', text: 'ac_cv_path_ASK_PASSWORD="§"', value: rand(18) },
  ],
  [
    { name: 'flag before a variable', path: 'tests/clean.sh', text: 'mysql_pass="-p$1"' },
    { name: 'flag before a literal', path: 'tests/clean.sh', text: 'mysql_pass="-p§"', value: short(12) },
  ],
  [
    { name: 'path with a variable part', path: 'doc/spec.txt', text: 'signing_private_key = CONF_DIR/$key_name' },
    { name: 'key written out', path: 'conf/signing.conf', text: 'signing_private_key = §', value: rand(32) },
  ],
  [
    { name: 'protocol text with escaped line breaks', path: 'src/proto.c', text: 'const char *PREFACE_TOKEN = "HELLO * PROTO/1.0\\r\\n\\r\\nOK\\r\\n\\r\\n";' },
    { name: 'token constant', path: 'src/proto.c', text: 'const char *PREFACE_TOKEN = "§";', value: rand(28) },
  ],
  [
    { name: 'Perl call without parentheses and a condition', path: 'support/pwtool.in', text: '    $salt = make_salt unless $salt;' },
    { name: 'Perl salt literal', path: 'support/pwtool.in', text: "    $salt = '§';", value: `${rand(15)}7` },
  ],
  [
    { name: 'Perl call without parentheses and an argument', path: 'support/pwtool.in', text: '    $hashed_pwd = crypt_pw $plain;' },
    { name: 'Perl password literal', path: 'support/pwtool.in', text: "    $db_pwd = '§';", value: short(12) },
  ],
  [
    { name: "list of a checker's token kinds", path: 'checkstyle.xml', text: '<property name="tokens" value="CLASS_DEF, METHOD_DEF, CTOR_DEF"/>' },
    { name: 'token property', path: 'conf/app.xml', text: '<property name="token" value="§"/>', value: rand(32) },
  ],
  [
    { name: 'macro pasting a name', path: 'src/stat_config.c', text: '\t\t.learn_secret = mod_##name##_learn_secret, \\' },
    { name: 'C initializer with a literal', path: 'src/stat_config.c', text: '\t\t.secret = "§",', value: rand(24) },
  ],
  [
    { name: 'options as name=value pairs', path: 'tests/e2e/cluster.go', text: '\tauthTokenOpts: "jwt,pub-key=certs/a.crt,priv-key=certs/a.key,sign-method=RS256,ttl=5m",' },
    { name: 'password among the pairs', path: 'tests/e2e/cluster.go', text: '\tdsnOpts: "host=db,user=app,password=§",', value: short(14) },
  ],
  [
    { name: 'format string after a status word', path: 'cmd/check.go', text: '\t\tfmt.Printf("PASS: Latency is %fs\\n", s.Latency)' },
    { name: 'pass in a config', path: 'conf/relay.yaml', text: 'pass: §', value: short(12) },
  ],
  [
    { name: 'printf pointer conversion', path: 'wap/pdu.c', text: '    debug(dbg, 0, "%*sSession Secret: 0x%p", level, "", secret);' },
    { name: 'secret in a config', path: 'conf/session.yaml', text: 'session_secret: §', value: rand(24) },
  ],
  [
    { name: 'Markdown link reference definition', path: 'docs/install.md', text: '[apitoken]: setup.md#create-an-api-token' },
    { name: 'api token in a config', path: 'conf/app.yaml', text: 'apitoken: §', value: rand(32) },
  ],
  [
    { name: 'query string joined to a variable (Perl, PHP)', path: 'contrib/monitor.pl', text: '$url = $base."?password=".$password;' },
    { name: 'query string with a literal', path: 'contrib/monitor.pl', text: '$url = $base."?password=§";', value: short(12) },
  ],
  [
    { name: 'query string joined to a variable (Go, JavaScript)', path: 'discovery/client.go', text: '\treq.Header.Set("Authorization", "token="+authToken)' },
    { name: 'literal after token=', path: 'discovery/client.go', text: '\treq.Header.Set("X-Auth", "token=§")', value: rand(32) },
  ],
  [
    { name: 'flag with a marked-up placeholder', path: 'doc/tool.8.html', text: '<kbd><span class="option">--secret <var>file</var></span></kbd>' },
    { name: 'flag with a value', path: 'scripts/connect.sh', text: 'tool --secret § --quiet', value: rand(20) },
  ],
  [
    { name: "usage line's placeholder in brackets", path: 'src/client.c', text: '"        [--secret <password>] [--mutual] [--quiet]\\n"' },
    { name: 'flag with a value in a script', path: 'scripts/connect.sh', text: 'client --secret § --mutual', value: short(12) },
  ],
  [
    { name: 'PKCS#11 URI naming a token', path: 'docs/mod_ssl.html', text: 'SSLCertificateFile "pkcs11:token=Web%20Server%20Keys;id=45"' },
    { name: 'token under its own key', path: 'conf/ssl.conf', text: 'token = §', value: rand(32) },
  ],
  [
    { name: "build flags of a program named after passwords", path: 'configure', text: 'htpasswd_LDFLAGS="-static-libgcc"' },
    { name: 'htpasswd password variable', path: 'scripts/setup.sh', text: 'HTPASSWD_PASS="§"', value: short(12) },
  ],
  [
    { name: 'password made by command substitution from a redirect', path: 'docker/init.sh', text: 'ADMIN_PASSWORD="$(< /dev/urandom tr -dc A-Za-z0-9 | head -c24)"' },
    { name: 'password literal in the same script', path: 'docker/init.sh', text: 'ADMIN_PASSWORD="§"', value: rand(24) },
  ],
  [
    { name: 'password made by a program named by its path', path: '.github/workflows/images.yml', text: '    PASSWORD="$(/usr/bin/openssl rand -base64 18)"' },
    { name: 'password literal in a workflow', path: '.github/workflows/images.yml', text: '    PASSWORD="§"', value: rand(20) },
  ],
  [
    { name: "routing script's pseudo-variable as the bind password", path: 'modules/ldap/doc/ldap_admin.xml', text: 'if (!ldap_check("cn=$avp(s:user)", "$avp(s:user_pw)"))' },
    { name: 'literal bind password', path: 'src/directory.c', text: 'ldap_check("cn=admin,dc=acme,dc=dev", "§");', value: short(12) },
  ],
  [
    { name: "/etc/passwd entry in a test's expected file", path: 'oci/spec_opts_test.go', text: '\texpectedPasswd := `daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin' },
    { name: 'password in a raw string', path: 'oci/spec_opts_test.go', text: '\texpectedPasswd := `§`', value: short(12) },
  ],
  [
    { name: "censor's word where a password was", path: 'doc/userguide.xml', text: 'GET /cgi-bin/sendsms?user=tester&pass=*removed*&to=%2B15550100' },
    { name: 'password in the same request', path: 'doc/userguide.xml', text: 'GET /cgi-bin/sendsms?user=tester&pass=§&to=%2B15550100', value: short(10) },
  ],
  [
    { name: "PIN's stand-in in groups of runs", path: 'doc/hsm_howto.xml', text: 'HSM_INIT = 0:1:2:password=5678-EFGH-1234-ABCD' },
    { name: 'PIN in groups', path: 'conf/hsm.conf', text: 'HSM_INIT = 0:1:2:password=§', value: [rand(4), rand(4), rand(4), rand(4)].join('-') },
  ],
  [
    { name: 'the word for password in Dutch, a label', path: 'gui/assets/lang/lang-nl.json', text: '   "Settings Password": "Instellingen-wachtwoord",' },
    { name: 'password in a JSON config', path: 'config/settings.json', text: '   "Settings Password": "§",', value: short(12) },
  ],
  [
    { name: 'the word for password in Finnish in a .properties catalogue', path: 'web/res/_text_fi.prop', text: 'login.password=Salasana' },
    { name: 'password in a .properties file', path: 'conf/app.properties', text: 'login.password=§', value: short(12) },
  ],
  [
    { name: 'shell pipeline read as a value', path: 'script/upload.sh', text: `    token="$(echo "$cfg" | grep 'upload_token="' | sed -e 's/upload_token="//' | sed -e 's/"//')"` },
    { name: 'token literal in a script', path: 'script/upload.sh', text: '    upload_token="§"', value: rand(32) },
  ],
  [
    { name: 'index named in an error message', path: 'tests/master/dml.out', text: "ERROR 23505: duplicate key value in a unique index identified by 'ORDERS_PNUM' defined on 'ORDERS'." },
    { name: 'user identified by a password', path: 'db/init.sql', text: "CREATE USER app IDENTIFIED BY '§';", value: short(12) },
  ],
  [
    { name: 'connection attribute naming a path as the password argument', path: 'tests/store/BackupRestore.java', text: 'Connection c = TestUtil.getConnection("orders", "restoreFrom=backups/full/orders");' },
    { name: 'password argument', path: 'src/store/Backup.java', text: 'Connection c = DriverManager.getConnection(url, "backup", "§");', value: short(12) },
  ],
  [
    { name: "JDBC URL after a driver's class in a connection call", path: 'src/test/unit/TestTools.java', text: '        JdbcUtils.getConnection("org.acme.Driver", "jdbc:acme:mem:", "sa", "");' },
    { name: 'password in the same call', path: 'src/test/unit/TestTools.java', text: '        JdbcUtils.getConnection("jdbc:acme:mem:", "sa", "§");', value: short(12) },
  ],
];

/** A JWT signed with HS256 (the signature random), with the given claims, built at run time. */
function jwt(claims: object): string {
  const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return [part({ alg: 'HS256', typ: 'JWT' }), part(claims), rand(43, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_')].join('.');
}

pairs.push([
  { name: "jwt.io's sample token in a verifier's test request", path: 'reg-tests/jwt/verify.vtc', text: `    txreq -url "/hs256" -hdr "Authorization: Bearer ${jwt({ sub: '1234567890', name: 'John Doe', iat: 1516239022 })}"` },
  { name: 'token with claims of its own', path: 'reg-tests/jwt/verify.vtc', text: '    txreq -url "/hs256" -hdr "Authorization: Bearer §"', value: jwt({ sub: 'svc-orders', iss: 'auth.acme.dev', exp: 1893456000 }) },
]);

/** [reported only at low, a secret in the same shape reported at medium or high]. */
const lowered: Array<[Case, Case]> = [
  [
    { name: 'constant with abbreviations under pass', path: 'lualib/auth_results.lua', text: "    pass = 'R_DKIM_ALLOW'," },
    { name: 'random value under pass', path: 'lualib/auth_results.lua', text: "    pass = '§',", value: rand(14) },
  ],
  [
    { name: 'words joined by commas compared in a script', path: 'autotools/ltmain.sh', text: '  if test "$mode,$pass" = "prog,link"; then' },
    { name: 'password compared in a script', path: 'scripts/check.sh', text: '  if test "$pass" = "§"; then', value: short(12) },
  ],
];

describe('shapes reported at low only, each beside a secret in the same shape reported higher', () => {
  for (const [negative, positive] of lowered) {
    it(`reports at low only: ${negative.name} (${negative.path})`, () => {
      expect(runCase(negative).map((m) => m.confidence)).toEqual(['low']);
    });
    it(`reports at medium or high: ${positive.name} (${positive.path})`, () => {
      const found = runCase(positive).filter((m) => covers(m, positive.value!));
      expect(found.map((m) => m.confidence)).toContainEqual(expect.stringMatching(/^(?:medium|high)$/));
    });
  }
});

describeShapePairs('shapes of daemons and their configs that hold no secret, each beside a secret in the same shape', pairs);
