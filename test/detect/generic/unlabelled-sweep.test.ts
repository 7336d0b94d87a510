/**
 * Shapes that read as a credential-named assignment but hold no secret, found by scanning large
 * amounts of real, unlabelled code (installed Python, Perl and Node packages, /usr/share, /etc):
 * each negative is written in the shape seen there, and beside it a positive holds a real
 * secret in the same shape, so the fix is the shape's and not one string's. Values are built at
 * run time from a seeded generator.
 */
import { describe, expect, it } from 'vitest';
import { covers, runCase, valueMaker } from './shape-cases.js';
import type { ShapeCase as Case } from './shape-cases.js';
import { describeShapePairs } from './describe-shape-pairs.js';

const { rand, short } = valueMaker(0x5feeb11);

/** [not a secret, a secret in the same shape]. */
const pairs: Array<[Case, Case]> = [
  [
    { name: 'enum member named as its key', path: 'dist-cjs/index.js', text: '  UNUSED_IAM_USER_PASSWORD: "UnusedIAMUserPassword",' },
    { name: 'constant holding a password', path: 'dist-cjs/index.js', text: '  ADMIN_USER_PASSWORD: "§",', value: short(12) },
  ],
  [
    { name: 'header name constant', path: 'src/config/index.js', text: 'const X_AWS_EC2_METADATA_TOKEN = "x-aws-ec2-metadata-token";' },
    { name: 'token constant', path: 'src/config/index.js', text: 'const X_AWS_EC2_METADATA_TOKEN = "§";', value: rand(32) },
  ],
  [
    { name: 'resource type in a namespace', path: 'dist-cjs/index.js', text: '  MSKBatchScramSecret: "AWS::MSK::BatchScramSecret",' },
    { name: 'secret field', path: 'dist-cjs/index.js', text: '  ScramSecret: "§",', value: rand(24) },
  ],
  [
    { name: 'dependency range', path: 'node_modules/.package-lock.json', text: '        "@octokit/auth-token": "^6.0.0",' },
    { name: 'token in a JSON config', path: 'config/settings.json', text: '  "auth-token": "§",', value: rand(32) },
  ],
  [
    { name: 'dependency range in a manifest', path: 'package.json', text: '    "credential-provider-node": "~3.972.63",' },
    { name: 'credentials string in a manifest', path: 'config/app.json', text: '    "credentials": "§",', value: rand(28) },
  ],
  [
    { name: '/etc/passwd line', path: 'share/base-passwd/passwd.master', text: 'daemon:*:1:1:daemon:/usr/sbin:/usr/sbin/nologin' },
    { name: '.pgpass line', path: 'home/.pgpass', text: 'db.internal:5432:orders:app:§', value: rand(20) },
  ],
  [
    { name: 'Vim script variable', path: 'autoload/netrw.vim', text: '  let s:netrw_passwd = s:netrw_hup[host].passwd' },
    { name: 'Vim script string', path: 'autoload/netrw.vim', text: '  let s:netrw_passwd = "§"', value: short(10) },
  ],
  [
    { name: 'regex literal in a declaration', path: 'lib/index.js', text: "const UNEXPECTED_TOKEN = /^Unexpected token '?(.)'?(,)? /i" },
    { name: 'string in a declaration', path: 'lib/index.js', text: "const UNEXPECTED_TOKEN = '§'", value: rand(30) },
  ],
  [
    { name: 'how passwords are stored', path: 'postgresql/15/main/postgresql.conf', text: '#password_encryption = scram-sha-256\t# scram-sha-256 or md5' },
    { name: 'password in a conf file', path: 'app/main.conf', text: 'db_password = §', value: short(10) },
  ],
  [
    { name: 'constant name with a number under key', path: 'build/amd/luxon.js', text: '    key: "TIME_24_WITH_SECONDS",' },
    { name: 'random value under key', path: 'src/client.js', text: '    key: "§",', value: `${rand(20)}7Q` },
  ],
  [
    { name: 'CSS in a string', path: 'lib/bundle.js', text: 'const css = "x-pw-action-item:hover{background-color:#f2f2f2}";' },
    { name: 'pw key', path: 'conf/ldap.env', text: 'LDAP_BIND_PW=§', value: short(12) },
  ],
  [
    { name: 'CSS attribute selector', path: 'lib/bundle.js', text: 'body[data-pw-cursor=pointer] * { cursor: pointer; }' },
    { name: 'pw key with a bare value', path: 'conf/app.ini', text: 'bind_pw=§', value: short(12) },
  ],
  [
    { name: 'CSS colour under a token name', path: 'assets/index.css', text: ':root{--vscode-debugTokenExpression-value:#6c6c6ccc;--x:#fff}' },
    { name: 'token value', path: 'conf/app.yaml', text: 'api_token: §', value: rand(24) },
  ],
  [
    { name: 'command-line option compared', path: 'lib/transport.js', text: "    if (token === '--require' || token === '-r') {" },
    { name: 'token compared', path: 'lib/transport.js', text: "    if (token === '§') {", value: rand(24) },
  ],
  [
    { name: 'member set from a variable', path: 'argcomplete/my_shlex.py', text: '                self.token = nextchar' },
    { name: 'member set from a literal', path: 'app/client.py', text: '        self.token = "§"', value: rand(32) },
  ],
  [
    { name: 'C address of an element', path: 'src/sqlite3.c', text: '    zToken = &zInput[iStart];' },
    { name: 'C string', path: 'src/main.c', text: '    const char *password = "§";', value: short(10) },
  ],
  [
    { name: 'C arithmetic', path: 'src/sqlite3.c', text: '      token.n = nToken+1;' },
    { name: 'C string under token', path: 'src/main.c', text: '    token = "§";', value: rand(24) },
  ],
  [
    { name: 'Perl typeglob', path: 'XML/Twig.pm', text: '*all_children_pass = *all_children_are;' },
    { name: 'Perl string', path: 'lib/App/Config.pm', text: "$pass = '§';", value: short(10) },
  ],
  [
    { name: 'MIME type', path: 'mime/generic-icons', text: 'application/x-pw:x-office-document' },
    { name: 'pw key', path: 'deploy/settings.yaml', text: 'ldap-pw: §', value: short(12) },
  ],
  [
    { name: 'Make rule', path: 'contrib/credential/wincred/Makefile', text: 'git-credential-wincred.exe : git-credential-wincred.c' },
    { name: 'Make variable', path: 'Makefile', text: 'DEPLOY_PASSWORD = §', value: short(12) },
  ],
  [
    { name: 'escaped type in HTML', path: 'api/all.html', text: '<code>{pem: &#x3C;string|buffer>[, passphrase: &#x3C;string>]}</code>' },
    { name: 'password after an escaped quote in XML', path: 'test/UserDatabaseTests.java', text: 'xml.contains("<user username=\\"bob\\" password=\\"&quot;§\\" />")', value: short(12) },
  ],
  [
    { name: "key's word inflected", path: 'dist/chunks/index.js', text: '  pass: "passed",' },
    { name: 'short pass field', path: 'src/config.js', text: '  pass: "§",', value: short(10) },
  ],
  [
    { name: 'TypeScript unique symbol', path: 'dist/utils.d.ts', text: 'declare const secret: unique symbol;' },
    { name: 'TypeScript constant', path: 'src/utils.ts', text: "const secret = '§';", value: rand(24) },
  ],
  [
    { name: 'flags named in prose', path: 'pip/_internal/vcs/subversion.py', text: '        # --username and --password options instead of via the URL.' },
    { name: 'flag with a value', path: 'scripts/sync.sh', text: 'tool sync --username ci --password §', value: short(12) },
  ],
  [
    { name: 'numbered placeholder', path: 'docs/npmrc.md', text: '//somewhere-else.com/myorg/:_authToken=MYTOKEN1' },
    { name: 'auth token in .npmrc', path: '.npmrc', text: '//registry.acme.dev/:_authToken=§', value: rand(36) },
  ],
  [
    { name: 'escaped line break after -p', path: 'mysql/fill_help_tables.sql', text: "'`bash\\nmysql --enable-cleartext-plugin --user=alice -p\\n`\\n\\nOther clients may'" },
    { name: 'mysql -p with a value', path: 'scripts/backup.sh', text: 'mysql --user=alice -p§ shop', value: short(10) },
  ],
  [
    { name: 'SQL account option after PASSWORD', path: 'mysql/fill_help_tables.sql', text: "ALTER USER 'monty'@'localhost' PASSWORD EXPIRE INTERVAL 120 DAY;" },
    { name: 'SQL password', path: 'db/init.sql', text: "ALTER USER 'monty'@'localhost' IDENTIFIED BY '§';", value: short(12) },
  ],
  [
    { name: 'statement named in prose', path: 'mysql/fill_help_tables.sql', text: '(a CREATE USER or SET PASSWORD statement). For example' },
    { name: 'SET PASSWORD with a value', path: 'db/init.sql', text: "SET PASSWORD FOR 'app'@'%' = '§';", value: short(12) },
  ],
  [
    { name: 'Maven coordinate', path: 'package-lists/maven-partial.tsv', text: 'io.jsonwebtoken:jjwt-jackson\t0.13.0\t0.11.2 0.11.3' },
    { name: 'dotted key in .properties', path: 'conf/app.properties', text: 'spring.datasource.password:§', value: short(12) },
  ],
  [
    { name: 'docstring field', path: 'oauthlib/request_validator.py', text: '        :param refresh_token: Unicode refresh_token.' },
    { name: 'docstring example', path: 'app/client.py', text: "        refresh_token: '§'", value: rand(24) },
  ],
  [
    { name: 'redaction censor', path: 'docs/redaction.md', text: '{"secret":"**GDPR COMPLIANT**","logme":"will be logged"}' },
    { name: 'secret in JSON', path: 'config/app.json', text: '{"secret":"§","logme":"will be logged"}', value: rand(24) },
  ],
  // Python, Ruby and PHP web applications and their configuration (Debian application packages).
  [
    { name: 'syntax grammar scope name under token', path: 'modules/ace/mode-lua.js', text: "        { token: 'comment.line.double-dash.lua', regex: '--.*$' }," },
    { name: 'token in an object literal', path: 'src/client.js', text: "        { token: '§', regex: '--.*$' },", value: rand(32) },
  ],
  [
    { name: 'grammar scope name with a numbered part', path: 'modules/ace/mode-as.js', text: "  [ { token: 'punctuation.definition.string.end.actionscript.3'," },
    { name: 'token first in an object', path: 'src/client.js', text: "  [ { token: '§',", value: rand(32) },
  ],
  [
    { name: 'PHP complex interpolation', path: 'includes/installer/SettingsGenerator.php', text: `\\$wgSMTPPassword = \\"{$this->values['wgSMTPPassword']}\\";` },
    { name: 'PHP double-quoted password', path: 'includes/installer/SettingsGenerator.php', text: '$wgSMTPPassword = "§";', value: short(14) },
  ],
  [
    { name: 'Ruby i18n interpolation in a message', path: 'config/mail.yml', text: '  mail_subject_lost_password: "Dein %{value} Kennwort"' },
    { name: 'quoted password in YAML', path: 'config/mail.yml', text: '  smtp_password: "§"', value: short(12) },
  ],
  [
    { name: 'message with a numbered parameter', path: 'resources/messages.json', text: '  "login-error-password": "Kennwort abgelehnt: $1",' },
    { name: 'password in JSON', path: 'config/settings.json', text: '  "login-password": "§",', value: short(12) },
  ],
  [
    { name: 'message in another script with a parameter', path: 'resources/messages.json', text: '  "api-param-token": "令牌须在$1text之后发送。",' },
    { name: 'token in JSON', path: 'config/settings.json', text: '  "api-token": "§",', value: rand(32) },
  ],
  [
    { name: 'message in another script with a parameter, in PHP', path: 'includes/Messages.php', text: "  'api-param-token' => '令牌须在$1text之后发送。'," },
    { name: 'password chosen to test encodings', path: 'src/PasswordEncoding.java', text: '  private static final String exoticPwd = "§";', value: `${short(10)}àèìòù你好` },
  ],
  [
    { name: 'label in brackets', path: 'resources/messages.json', text: '  "botpasswords-needsreset": "(kennwort muss erneuert werden)",' },
    { name: 'bot password in JSON', path: 'config/settings.json', text: '  "bot-password": "§",', value: short(12) },
  ],
  [
    { name: 'one-word label ending a sentence', path: 'resources/messages.json', text: '  "login-param-password": "Kennwort.",' },
    { name: 'password param in JSON', path: 'config/settings.json', text: '  "login-param-password": "§",', value: short(12) },
  ],
  [
    { name: 'translation catalogue entry', path: 'languages/i18n/da.json', text: '  "userlogin-yourpassword": "Kodeordet",' },
    { name: 'same entry outside a catalogue folder', path: 'config/da.json', text: '  "userlogin-yourpassword": "§",', value: short(12) },
  ],
  [
    { name: 'YAML label of several words', path: 'config/ui.yml', text: '  notice_wrong_password: Falsches Kennwort.' },
    { name: 'bare password in YAML', path: 'config/app.yml', text: '  smtp_password: §', value: short(12) },
  ],
  [
    { name: 'Ruby instance variable call', path: 'app/models/account.rb', text: '    secret = @account.rotate_secret!' },
    { name: 'Ruby string', path: 'app/models/account.rb', text: '    secret = "§"', value: rand(24) },
  ],
  [
    { name: 'command-line flag before a concatenation', path: 'lib/snmp.php', text: "\t$auth_pass = '-A ' . escapeshellarg($auth_pass);" },
    { name: 'PHP password', path: 'lib/snmp.php', text: "\t$auth_pass = '§';", value: short(12) },
  ],
  [
    { name: 'access key modifiers', path: 'resources/accesskey.js', text: "  accessKeyModifiers = 'alt-shift';" },
    { name: 'access key', path: 'src/storage.js', text: "  accessKey = '§';", value: rand(20) },
  ],
  [
    { name: 'route to a controller action', path: 'config/routes_check.rb', text: "  should_route 'POST /account/reset_password' => 'account#reset_password'" },
    { name: 'hash rocket password', path: 'config/seed.rb', text: "  'reset_password' => '§',", value: rand(20) },
  ],
  [
    { name: 'censor stars around a word', path: 'includes/user/Account.php', text: "  public const INVALID_PASSWORD = '*** NOT SET ***';" },
    { name: 'class constant password', path: 'includes/user/Account.php', text: "  public const DEFAULT_PASSWORD = '§';", value: short(12) },
  ],
  [
    { name: 'change-this placeholder', path: 'project/settings.py', text: "SECRET_KEY = 'change-this-before-deploying'" },
    { name: 'Django secret key', path: 'project/settings.py', text: "SECRET_KEY = '§'", value: rand(40) },
  ],
  [
    { name: 'rate limit', path: 'accounts/app_settings.py', text: '    "reset_password": "10/m",' },
    { name: 'password in a dict', path: 'accounts/app_settings.py', text: '    "reset_password": "§",', value: short(10) },
  ],
  [
    { name: 'printf format then a value made at run time', path: 'captcha/generate.py', text: '    salt = "%016x" % random.getrandbits(64)' },
    { name: 'salt literal', path: 'captcha/generate.py', text: '    salt = "§"', value: rand(16) },
  ],
  [
    { name: 'path under a variable', path: 'tests/common/AutoLoader.php', text: `    'TokenStoreCase' => \\"$testDir/unit/TokenStoreCase.php\\",` },
    { name: 'token in a PHP array', path: 'includes/Config.php', text: "    'ApiToken' => '§',", value: rand(32) },
  ],
  [
    { name: 'variable joined after the key string', path: 'core/Backend.php', text: "$query .= '&user='.$user.'&secret='.$secret;" },
    { name: 'secret inside the query string', path: 'core/Backend.php', text: "$query .= '&user=admin&secret=§';", value: rand(24) },
  ],
  [
    { name: 'command run on a password change', path: 'contrib/app.conf', text: '  passwordHook="NEWPW=%new_password /usr/local/sbin/sync-pw.sh"' },
    { name: 'password attribute', path: 'contrib/app.conf', text: '  adminPassword="§"', value: short(12) },
  ],
  [
    { name: "token's owner", path: 'database/versions/4a1b_indexes.py', text: "    'token_owner': 'subscription'," },
    { name: 'token in a dict', path: 'database/seed.py', text: "    'token': '§',", value: rand(32) },
  ],
  [
    { name: 'stored password hash under hashed_password', path: 'db/migrate/001_setup.rb', text: '    user.hashed_password = "§"', value: rand(40, '0123456789abcdef') },
    { name: 'password under a member', path: 'db/seeds.rb', text: '    user.password = "§"', value: short(12) },
  ],
  [
    { name: 'typed hash of the old MediaWiki scheme', path: 'maintenance/import.php', text: "  'password' => '§',", value: `:B:${rand(8, '0123456789abcdef')}:${rand(32, '0123456789abcdef')}` },
    { name: 'password in a PHP array', path: 'maintenance/import.php', text: "  'password' => '§',", value: short(12) },
  ],
  [
    { name: 'PHP catalogue array with a prefix', path: 'lib/strings.php', text: "$PALANG['password_repeat'] = 'Kennwort (wiederholen)';" },
    { name: 'PHP configuration array', path: 'lib/config.php', text: "$CONF['admin_password'] = '§';", value: short(12) },
  ],
  [
    { name: 'catalogue in a lang folder, as PHP', path: 'adminer/lang/nl.inc.php', text: "  'Password' => 'Wachtwoord'," },
    { name: 'same entry in ordinary PHP', path: 'adminer/include/auth.inc.php', text: "  'Password' => '§',", value: short(12) },
  ],
  [
    { name: "password scheme's tag before a hash made at run time", path: 'functions.inc.php', text: "    $password = '{SHA256-CRYPT}' . crypt($pw, $salt);" },
    { name: 'PHP password', path: 'functions.inc.php', text: "    $password = '§';", value: short(12) },
  ],
  [
    { name: 'namespaced name ending in the key', path: 'oauth/core.py', text: '_REQUEST_TOKEN = "OS-OAUTH2:request_token"' },
    { name: 'token constant', path: 'oauth/core.py', text: '_REQUEST_TOKEN = "§"', value: rand(32) },
  ],
  [
    { name: 'route with a parameter', path: 'api/versions.py', text: "APP_CREDENTIALS = '/users/{user_id}/app_credentials'" },
    { name: 'credentials constant', path: 'api/client.py', text: "APP_CREDENTIALS = '§'", value: rand(32) },
  ],
  [
    { name: "cookie's name under a token's key", path: 'config/config.php', text: "    'session.authtoken.cookiename' => 'PortalSSOAuthToken'," },
    { name: 'token under a dotted key', path: 'config/config.php', text: "    'session.authtoken' => '§',", value: rand(32) },
  ],
  [
    { name: 'expression joined after the key string', path: 'lib/Auth/Filter.php', text: "        $msg .= ' Password: '.(empty($password) ? '' : '***');" },
    { name: 'password in a PHP array', path: 'lib/Auth/Filter.php', text: "        $opts = array('password' => '§');", value: short(12) },
  ],
  [
    { name: "PHP preg_match pattern naming an SQL password", path: 'adminer/user.inc.php', text: `    if (preg_match("~ IDENTIFIED BY PASSWORD '([^']*)'~i", $grant, $m)) {` },
    { name: 'SQL password in a PHP string', path: 'install/setup.php', text: `    $sql = "CREATE USER 'app'@'%' IDENTIFIED BY '§'";`, value: short(12) },
  ],
  [
    { name: 'Smarty variable with a modifier', path: 'templates/message.tpl', text: '<input type="hidden" name="token" value="{$smarty.session.csrf_token|escape:"url"}" />' },
    { name: 'token in a hidden input', path: 'templates/message.html', text: '<input type="hidden" name="token" value="§" />', value: rand(32) },
  ],
];

/**
 * [not a secret, a secret in the same shape], where the negative may still be reported at low
 * (a name or a stand-in under a password's key), but never at medium or high.
 */
const loweredPairs: Array<[Case, Case]> = [
  [
    { name: 'CSS id selector', path: 'include/layout.js', text: "  var pass = '#smtp_auth_password';" },
    { name: 'password in a JS variable', path: 'include/layout.js', text: "  var pass = '§';", value: short(12) },
  ],
  [
    { name: 'hashing algorithm named under a password key', path: 'includes/config-schema.php', text: "    'PasswordDefault' => 'bcrypt'," },
    { name: 'password under the same key', path: 'includes/config-schema.php', text: "    'PasswordDefault' => '§',", value: short(12) },
  ],
  [
    { name: 'plain-text scheme around a test word', path: 'rest/checks.py', text: "        self.assertEqual(anne.password, '{plaintext}hello7')" },
    { name: 'plain-text scheme around a random password', path: 'rest/checks.py', text: "        self.assertEqual(anne.password, '{plaintext}§')", value: rand(20) },
  ],
  [
    { name: 'key that calls its value a stand-in', path: 'forms/ResourceForm.php', text: "    protected static $dummyPassword = '§';", value: `_form_${rand(13, '0123456789abcdef')}` },
    { name: 'key of a real password', path: 'forms/ResourceForm.php', text: "    protected static $adminPassword = '§';", value: `_form_${rand(13, '0123456789abcdef')}` },
  ],
  [
    { name: "scanner's suppression marker after the value", path: 'app/settings.py', text: 'DB_PASSWORD = "§"  # nosec', value: rand(16) },
    { name: 'same value without a marker', path: 'app/settings.py', text: 'DB_PASSWORD = "§"  # see ops', value: rand(16) },
  ],
];

describeShapePairs('shapes of real unlabelled code that hold no secret, each beside a secret in the same shape', pairs);

describe('shapes of real unlabelled code that are at most low, each beside a secret in the same shape reported higher', () => {
  for (const [negative, positive] of loweredPairs) {
    it(`does not report at medium or high: ${negative.name} (${negative.path})`, () => {
      expect(runCase(negative).filter((m) => m.confidence !== 'low').map((m) => m.ruleId)).toEqual([]);
    });
    it(`reports at medium or high: ${positive.name} (${positive.path})`, () => {
      const found = runCase(positive).filter((m) => m.confidence !== 'low');
      expect(found.some((m) => covers(m, positive.value!)), found.map((m) => m.ruleId).join(',')).toBe(true);
    });
  }
});
