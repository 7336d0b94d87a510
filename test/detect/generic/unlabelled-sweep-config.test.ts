/**
 * Shapes that read as a credential-named assignment but hold no secret, found by scanning the
 * configuration, example and support files that server packages ship (mail, RADIUS, IRC, LDAP
 * tools, web applications, directory and groupware servers): each negative is written in the
 * shape seen there, and beside it a positive holds a secret in the same shape, so the fix is the
 * shape's and not one string's. Values are built at run time from a seeded generator.
 */
import { describe, expect, it } from 'vitest';
import { pathContext } from '../../../src/scan/path-context.js';
import { runCase, valueMaker } from './shape-cases.js';
import type { ShapeCase as Case } from './shape-cases.js';
import { describeShapePairs } from './describe-shape-pairs.js';

const { rand, short } = valueMaker(0xc0f1a9);
const CRYPT = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const HEX = '0123456789abcdef';

/** Lower-case words joined by hyphens, none of them prose: a passphrase someone chose. */
const passphrase = ['copper', 'lantern', 'orbit', 'meadow'].join('-');

/** [not a secret, a secret in the same shape]. */
const pairs: Array<[Case, Case]> = [
  [
    { name: "package's substitution marker between XXX_ and _XXX", path: 'defconfig/bacula-fd.conf', text: '  Password = "XXX_MONFDPASSWORD_XXX"' },
    { name: 'password in the same place', path: 'defconfig/bacula-fd.conf', text: '  Password = "§"', value: rand(32) },
  ],
  [
    { name: "package's substitution marker between @@", path: 'conf/app.ini.in', text: 'db_password = @@DB_PASSWORD@@' },
    { name: 'password written out', path: 'conf/app.ini', text: 'db_password = §', value: short(14) },
  ],
  [
    { name: "Template Toolkit's tag as a field's value", path: 'web_tt2/login.tt2', text: '<input type="hidden" name="only_passwd" value="[% only_passwd %]" />' },
    { name: 'literal as the same field\'s value', path: 'web_tt2/login.tt2', text: '<input type="hidden" name="only_passwd" value="§" />', value: rand(20) },
  ],
  [
    { name: "FreeRADIUS expansion, whole, with a nested one", path: 'sites-available/dynamic-clients', text: '\t&FreeRADIUS-Client-Secret = "%{ldap:ldap:///OU=Clients,OU=Radius,DC=CORP,DC=LAN?ou?sub?cn=%{Packet-Src-IP-Address}}"' },
    { name: 'client secret written out', path: 'sites-available/dynamic-clients', text: '\t&FreeRADIUS-Client-Secret = "§"', value: rand(24) },
  ],
  [
    { name: 'FreeRADIUS expansion after a flag in a command', path: 'mods-available/ntlm_auth', text: '\tprogram = "/usr/bin/ntlm_auth --request-nt-key --username=%{mschap:User-Name} --password=%{User-Password}"' },
    { name: 'literal after the same flag', path: 'mods-available/ntlm_auth', text: '\tprogram = "/usr/bin/ntlm_auth --request-nt-key --username=radius --password=§"', value: short(14) },
  ],
  [
    { name: 'PHP namespaced function under its name', path: 'vendor-src/safe/rector-migrate.php', text: "    'ssh2_auth_password' => 'Safe\\ssh2_auth_password'," },
    { name: 'literal under the same key', path: 'config/ssh.php', text: "    'ssh2_auth_password' => '§',", value: rand(20) },
  ],
  [
    { name: 'PHP controller class in a routing table', path: 'libraries/cache/routes.cache.php', text: "    '/user-password' => 'App\\\\Controllers\\\\UserPasswordController'," },
    { name: 'random value in a PHP array', path: 'config/settings.php', text: "    'user_password' => '§',", value: rand(24) },
  ],
  [
    { name: 'prose joined by hyphens saying the value is unused', path: 'sites-available/aws-nlb', text: '\tsecret = "this-will-never-be-used"' },
    { name: 'words joined by hyphens, no prose', path: 'sites-available/aws-nlb', text: '\tsecret = "§"', value: passphrase },
  ],
  [
    { name: 'HTML entities for layout', path: 'lib/modules/shadowAccount.inc', text: '\t\t$pwdChangeDate = "&nbsp;&nbsp;&nbsp;-&nbsp;&nbsp;&nbsp;";' },
    { name: 'password literal', path: 'lib/modules/shadowAccount.inc', text: '\t\t$pwd = "§";', value: short(12) },
  ],
  [
    { name: "highlighter's token type, dotted with a hyphen", path: 'ace/mode-coldfusion.js', text: '            {token : "xml-pe.doctype.xml", regex : ">", next : "start"},' },
    { name: 'token literal in an object', path: 'src/client.js', text: '            {token : "§", url : "/api"},', value: rand(32) },
  ],
  [
    { name: "highlighter's token type with an empty part", path: 'ace/mode-slim.js', text: "                token: 'constant.begin..filter.slim'," },
    { name: 'token literal in the same place', path: 'src/client.js', text: "                token: '§',", value: rand(32) },
  ],
  [
    { name: "store's magic key: a capital word behind marks", path: 'lib/BayesStore/DBM.pm', text: "  my $DB_LAST_EXPIRE_MAGIC_TOKEN = '**LASTEXPIRE';" },
    { name: 'token literal in Perl', path: 'lib/Client.pm', text: "  my $API_TOKEN = '§';", value: rand(28) },
  ],
  [
    { name: "query's SET fragment in a string", path: 'lib/BayesStore/MySQL.pm', text: '    $token_count_update = "token_count = token_count + $new_tokens," if ($new_tokens);' },
    { name: 'token literal in the same statement', path: 'lib/BayesStore/MySQL.pm', text: '    $token_update = "§" if ($new_tokens);', value: rand(28) },
  ],
  [
    { name: 'default shown as (none)', path: 'installer/test.php', text: "$pass = $RCI->getprop('smtp_pass', '(none)');" },
    { name: 'literal default', path: 'installer/setup.php', text: "$pass = $RCI->getprop('smtp_pass', '§');", value: short(12) },
  ],
  [
    { name: 'usage placeholder before a line continuation', path: 'examples/reports/report.pl', text: '      report.pl --host db.example.org --password <dbpassword>\\' },
    { name: 'flag value before a line continuation', path: 'scripts/report.sh', text: '      report.pl --host db.example.org --password §\\', value: short(12) },
  ],
  [
    { name: "the key's own name behind My", path: 'Resources/SOGoDefaults.plist', text: '  SOGoEncryptionKey = "MySOGoEncryptionKey";' },
    { name: 'key written out', path: 'Resources/SOGoDefaults.plist', text: '  SOGoEncryptionKey = "§";', value: rand(24) },
  ],
  [
    { name: 'query string of names and short words', path: 'includes/api/ApiLogin.php', text: "\t\t$this->addDeprecation( 'apiwarn-deprecation-login-token', 'action=login&!lgtoken' );" },
    { name: 'random value in the same call', path: 'includes/api/ApiLogin.php', text: "\t\t$this->addDeprecation( 'apiwarn-deprecation-login-token', '§' );", value: rand(32) },
  ],
  [
    { name: "variable named for a password's abbreviation", path: 'lualib/rspamadm/configwizard.lua', text: '      password = pw_encrypted' },
    { name: 'password literal in the same place', path: 'lualib/rspamadm/configwizard.lua', text: "      password = '§'", value: short(12) },
  ],
];

describeShapePairs('shapes of shipped server configs and support files that hold no secret, each beside a secret in the same shape', pairs);

describe('a folder named _test holds tests (DokuWiki plugins and others)', () => {
  it('reads _test/ and _tests/ as tests', () => {
    expect(pathContext('lib/plugins/authpdo/_test/mysql/users.sql')).toBe('test');
    expect(pathContext('pkg/_tests/fixtures.php')).toBe('test');
  });
  it('does not read a folder that only starts with _test as tests', () => {
    expect(pathContext('lib/_testimonials/config.php')).toBeNull();
  });
});

/**
 * [a hash on a commented-out line, the same hash on a live line]: the comment shows the format
 * of a setting (an example config's `#password="$2a$…"`), so it is medium, not high, and falls
 * to low in an example, a test or documentation; the live line stays high.
 */
const commented: Array<[Case, Case]> = [
  [
    { name: 'sha512-crypt hash in a commented-out tag', path: 'docs/examples/modules.conf.example', text: `#          password="$6$${rand(16, CRYPT)}$${rand(86, CRYPT)}"` },
    { name: 'the same tag live', path: 'conf/modules.conf', text: `          password="$6$${rand(16, CRYPT)}$${rand(86, CRYPT)}"` },
  ],
  [
    { name: 'sha256-crypt hash after # in a daemon config', path: 'etc/turnserver.conf', text: `#cli-password=$5$${rand(16, HEX)}$${rand(64, HEX)}` },
    { name: 'the same setting live', path: 'etc/turnserver.conf', text: `cli-password=$5$${rand(16, HEX)}$${rand(64, HEX)}` },
  ],
  [
    { name: 'md5-crypt hash in a // comment', path: 'src/auth.c', text: `    // e.g. "$1$${rand(8, CRYPT)}$${rand(22, CRYPT)}"` },
    { name: 'md5-crypt hash in a C string', path: 'src/auth.c', text: `    static const char *stored = "$1$${rand(8, CRYPT)}$${rand(22, CRYPT)}";` },
  ],
];

describe('a password hash on a commented-out line is medium, beside the same hash on a live line at high', () => {
  for (const [comment, live] of commented) {
    it(`medium: ${comment.name} (${comment.path})`, () => {
      const found = runCase(comment).filter((m) => m.ruleId.startsWith('password-hash-'));
      expect(found.map((m) => m.confidence)).toEqual(['medium']);
    });
    it(`high: ${live.name} (${live.path})`, () => {
      const found = runCase(live).filter((m) => m.ruleId.startsWith('password-hash-'));
      expect(found.length).toBe(1);
      expect(found[0]!.confidence ?? 'high').toBe('high');
    });
  }
});

/** A Basic header's pair built at run time. */
const basic = (pair: string): string => Buffer.from(pair).toString('base64');

describe('a short password under a made-up user in a Basic header is low, beside a real user\'s pair reported higher', () => {
  it('reports at low only: foo and a short password', () => {
    const text = `        $this->assertSame('Basic ${basic(['foo', 'b=ar'].join(':'))}', $body['HTTP_PROXY_AUTHORIZATION']);`;
    expect(runCase({ name: 'made-up pair', path: 'src/HttpClientTestCase.php', text }).map((m) => m.confidence)).toEqual(['low']);
  });
  it('reports at medium or high: a service account and a short password', () => {
    const text = `        $this->assertSame('Basic ${basic(['svc-report', short(6)].join(':'))}', $body['HTTP_PROXY_AUTHORIZATION']);`;
    expect(runCase({ name: 'service pair', path: 'src/HttpClientTestCase.php', text }).map((m) => m.confidence)).toContainEqual(expect.stringMatching(/^(?:medium|high)$/));
  });
  it('reports at medium or high: a made-up user with a long random password', () => {
    const text = `        $this->assertSame('Basic ${basic(['foo', rand(20)].join(':'))}', $body['HTTP_PROXY_AUTHORIZATION']);`;
    expect(runCase({ name: 'made-up user, real password', path: 'src/HttpClientTestCase.php', text }).map((m) => m.confidence)).toContainEqual(expect.stringMatching(/^(?:medium|high)$/));
  });
});
