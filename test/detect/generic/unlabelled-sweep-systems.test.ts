/**
 * Shapes that read as a credential-named assignment but hold no secret, found by scanning the
 * unlabelled sources of systems and security libraries and tools in C and C++ (TLS and SSH
 * libraries, Kerberos, SASL, sudo, VPN and Wi-Fi daemons, Samba, git, PostgreSQL, SQLite) with
 * their tests, docs and example configs: each negative is written in the shape seen there, and
 * beside it a positive holds a real secret in the same shape, so the fix is the shape's and not
 * one string's. Values are built at run time from a seeded generator.
 */
import { valueMaker } from './shape-cases.js';
import type { ShapeCase as Case } from './shape-cases.js';
import { describeShapePairs } from './describe-shape-pairs.js';

const { rand, short } = valueMaker(0x5e7c0d);
const HEX_UPPER = '0123456789ABCDEF';
const CRYPT_CHARS = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const guid = [8, 4, 4, 4, 12].map((n) => rand(n, HEX_UPPER)).join('-');

/** [not a secret, a secret in the same shape]. */
const pairs: Array<[Case, Case]> = [
  [
    { name: 'command substitution cut at its first quoted argument', path: 'ci/mount-share.sh', text: `pass="$(echo "$3" | sed -e 's/\\//%2F/g')" &&` },
    { name: 'password literal in the same script', path: 'ci/mount-share.sh', text: 'pass="§" &&', value: short(14) },
  ],
  [
    { name: 'Perl hash element interpolated', path: 'contrib/wiki/setup.pl', text: `my $wiki_admin_pass = "$config{'WIKI_PASSW'}";` },
    { name: 'Perl password literal', path: 'contrib/wiki/setup.pl', text: 'my $wiki_admin_pass = "§";', value: short(14) },
  ],
  [
    { name: "Perl hash reference's member interpolated", path: 'selftest/target/Server.pm', text: `\t$cmd = "NSS_WRAPPER_PASSWD='$ret->{NSS_WRAPPER_PASSWD}' ";` },
    { name: 'literal in the same command', path: 'selftest/target/Server.pm', text: `\t$cmd = "NSS_WRAPPER_PASSWD='§' ";`, value: rand(20) },
  ],
  [
    { name: 'shell variable escaped for a generated script', path: 'scripts/pp', text: '    mkssys -s \\$svc -u \\$uid -p "\\$cmd_cmd" -S -n \\$stop_signal' },
    { name: 'password literal on the same command line', path: 'scripts/pp', text: '    mkssys -s \\$svc -u admin -p "§" -S -n \\$stop_signal', value: short(14) },
  ],
  [
    { name: 'variable extended with its own value', path: 'lib/credential.sh', text: `\tcredential_opts="$credential_opts -c credential.helper='$arg'"` },
    { name: 'literal under the same name', path: 'lib/credential.sh', text: '\tcredential_opts="§"', value: rand(32) },
  ],
  [
    { name: "URL's scheme read as a key", path: 'tests/credentials.sh', text: '\ttest_config "credential.https://*.org.useHttpPath" true &&' },
    { name: "a user's password in the same config call's URL", path: 'tests/credentials.sh', text: '\ttest_config "credential.https://deploy:§@git.acme.io/repo.git.username" deploy &&', value: short(14) },
  ],
  [
    { name: "a token's user login", path: '.github/workflows/l10n.yml', text: "          repo-token-user-login: 'github-actions[bot]'" },
    { name: 'the token itself', path: '.github/workflows/l10n.yml', text: "          repo-token: '§'", value: rand(40) },
  ],
  [
    { name: "installer component's GUID", path: 'windows/installer/platform.wxi', text: `<?define cmf_kpasswd_exe_guid="${guid}"?>` },
    { name: 'secret defined in the same file', path: 'windows/installer/platform.wxi', text: '<?define cmf_kpasswd_secret="§"?>', value: rand(24) },
  ],
  [
    { name: "policy's password age mapped to an attribute", path: 'python/gp/sec_ext.py', text: "        apply_map = { 'MinimumPasswordAge':     'minPwdAge'," },
    { name: 'password in the same map', path: 'python/gp/sec_ext.py', text: "        apply_map = { 'MinimumPassword':     '§',", value: short(14) },
  ],
  [
    { name: "variable's name as a debug message's label", path: 'libcli/auth/encrypt.c', text: '\tDEBUG(100,("decode_pw_buffer: new_pwrd: "));' },
    { name: 'password literal in C', path: 'libcli/auth/encrypt.c', text: '\tconst char *new_pwd = "§";', value: short(14) },
  ],
  [
    { name: 'encoding with its byte order', path: 'python/join.py', text: `            "clearTextPassword": ctx.trustdom_pass.encode('utf-16-le'),` },
    { name: 'literal encoded the same way', path: 'python/join.py', text: `            "clearTextPassword": '§'.encode('utf-16-le'),`, value: short(14) },
  ],
  [
    { name: "catalogue's null marker", path: 'src/include/catalog/authid.dat', text: "  rolpassword => '_null_', rolvaliduntil => '_null_' }," },
    { name: 'password in the same catalogue', path: 'src/include/catalog/authid.dat', text: "  rolpassword => '§', rolvaliduntil => '_null_' },", value: short(14) },
  ],
  [
    { name: 'arithmetic on numbers in an initialiser', path: 'lib/nettle/rnd.c', text: '\t[RND_NONCE] = 16*1024*1024, /* 16 MB, then re-seeded */' },
    { name: 'secret in an initialiser', path: 'lib/nettle/rnd.c', text: '\t[RND_SECRET] = "§", /* fixed for the self-test */', value: rand(24) },
  ],
  [
    { name: "usage line's placeholder before an escaped line break", path: 'src/tool_help.c', text: '    "       --pass <phrase>\\n"' },
    { name: 'password in a usage example', path: 'src/tool_help.c', text: '    "  e.g.: --pass §\\n"', value: short(14) },
  ],
  [
    { name: "usage line's optional group closed before its line break", path: 'cmd/signtool/util.c', text: '    FPS "\\t%s -G nickname [--keysize|-s size] [-t |--token tokenname]\\n",' },
    { name: 'token in a usage example', path: 'cmd/signtool/util.c', text: '    FPS "\\t%s -G nickname --token §\\n",', value: rand(32) },
  ],
  [
    { name: "crypt scheme's rounds alone, a hash's expected prefix", path: 'python/tests/user_crypt.py', text: '        self.assertTrue(sha512.startswith("{CRYPT}$6$rounds=10456$"))' },
    { name: 'whole crypt hash after the same prefix', path: 'python/tests/user_crypt.py', text: '        self.assertEqual(sha512, "{CRYPT}$6$rounds=10456$§")', value: `${rand(16, CRYPT_CHARS)}$${rand(86, CRYPT_CHARS)}` },
  ],
  [
    { name: "logging call's message naming what it prints", path: 'src/eap_common/eap_pwd_common.c', text: '\t\twpa_hexdump_key(MSG_DEBUG, "EAP-pwd: x_candidate",' },
    { name: 'password literal in the same file', path: 'src/eap_common/eap_pwd_common.c', text: '\tconst char *eap_pwd = "§";', value: short(14) },
  ],
  [
    { name: "usage line's optional argument", path: 'src/pki/commands/req.c', text: '\t\t "[--profile server|client|dual|ocsp] [--password challengePassword]",' },
    { name: 'password on a command line in the same file', path: 'src/pki/commands/req.c', text: '\t\t "pki --req --in key.der --password §",', value: short(14) },
  ],
  [
    { name: "Sphinx's LaTeX label of an API page", path: 'doc/pdf/appdev.tex', text: '\\label{\\detokenize{appdev/refs/api/krb5_change_password:krb5-change-password-change-a-password-for-an-existing-kerberos-account}}' },
    { name: 'password in the same LaTeX', path: 'doc/pdf/appdev.tex', text: '    kdc\\_password = §', value: short(14) },
  ],
  [
    { name: "full-text tokenizer's options", path: 'ext/fts5/test/tokenizer.test', text: "  CREATE VIRTUAL TABLE a3 USING fts5(x, y, tokenize = 'unicode61 remove_diacritics 3');" },
    { name: 'token among the same arguments', path: 'ext/fts5/test/tokenizer.test', text: "  CREATE VIRTUAL TABLE a3 USING fts5(x, y, token = '§');", value: rand(32) },
  ],
  [
    { name: "another provider's SigV4-style credential scope", path: 'tests/data/test1933', text: 'Authorization: XXX4-HMAC-SHA256 Credential=xxx/19700101/0/127/xxx4_request, SignedHeaders=content-type;host;x-xxx-date' },
    { name: 'secret in the same header', path: 'tests/data/test1933', text: 'Authorization: XXX4-HMAC-SHA256 Credential=xxx/19700101/0/127/xxx4_request, SignedHeaders=host, Secret=§', value: rand(40) },
  ],
  [
    { name: 'PKCS#11 URI naming the key in a token', path: 'wpa_supplicant/wpa_supplicant.conf', text: '\tprivate_key="pkcs11:manufacturer=piv_II;id=%01"' },
    { name: "the key's passphrase in the same network block", path: 'wpa_supplicant/wpa_supplicant.conf', text: '\tprivate_key_passwd="§"', value: short(14) },
  ],
  [
    { name: "crypt()'s salt after a password literal", path: 'contrib/pgcrypto/sql/crypt-xdes.sql', text: "SELECT crypt('longlongpassword', '_J9..j2zz');" },
    { name: 'password literal in the same statement as crypt()', path: 'contrib/pgcrypto/sql/crypt-xdes.sql', text: "UPDATE ctest SET res = crypt(data, salt), password = '§';", value: short(14) },
  ],
];

describeShapePairs('shapes of systems code that hold no secret, each beside a secret in the same shape', pairs);
