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
];

describe('shapes of daemons and their configs that hold no secret, each beside a secret in the same shape', () => {
  for (const [negative, positive] of pairs) {
    it(`does not report: ${negative.name} (${negative.path})`, () => {
      expect(runCase(negative).map((m) => m.ruleId)).toEqual([]);
    });
    it(`reports: ${positive.name} (${positive.path})`, () => {
      const found = runCase(positive);
      expect(found.some((m) => covers(m, positive.value!)), found.map((m) => m.ruleId).join(',')).toBe(true);
    });
  }
});
