/**
 * Shapes that read as a credential-named assignment, or as a credential at full confidence, but
 * hold no secret of anyone's, found by scanning the unlabelled sources of Rust crates (TLS,
 * HTTP, OAuth, OpenPGP, crypto, keyring and database crates, as Debian ships them with their
 * tests and docs), Perl modules (authentication, LDAP, OAuth, SSH, payment and web frameworks,
 * single sign-on) and Lua libraries: Rust's reference types after a parameter's colon and its
 * macro calls, Rust's unit tests inside source files, Perl's POD and Ruby's `=begin`
 * documentation, Basic pairs of repeated letters, table rows of colon-separated fields, matches
 * held in strings, Lua's `..` joins, paths of names in a tree. Each negative is written in the shape
 * seen there, and beside it a positive holds a secret in the same shape, so the fix is the
 * shape's and not one string's. Values are built at run time from a seeded generator.
 */
import { describe, expect, it } from 'vitest';
import { covers, runCase, valueMaker } from './shape-cases.js';
import type { ShapeCase as Case } from './shape-cases.js';
import { describeShapePairs, itLowersEachPair } from './describe-shape-pairs.js';

const { rand, short } = valueMaker(0x7a5f0b);
const HEX = '0123456789abcdef';
const CRYPT = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const b64 = (text: string): string => Buffer.from(text).toString('base64');
/** A test's stand-in Basic pair: a user and a password of one letter each, repeated. */
const repeated = (user: string, password: string, tail = ''): string => [user.repeat(3) + tail, password.repeat(3) + tail].join(':');

/** [not a secret, a secret in the same shape]. */
const pairs: Array<[Case, Case]> = [
  [
    { name: "Rust parameter's slice reference type", path: 'src/secure/key.rs', text: '    pub fn derive_from(master_key: &[u8]) -> Self {' },
    { name: 'byte string under the same type', path: 'src/secure/key.rs', text: '    const MASTER_KEY: &[u8] = b"§";', value: rand(32) },
  ],
  [
    { name: "Rust closure parameter's reference type", path: 'src/parse/stream.rs', text: '        let decryption_proxy = |algo, secret: &SessionKey| {' },
    { name: 'string literal under a reference type', path: 'src/parse/stream.rs', text: '        let secret: &str = "§";', value: rand(28) },
  ],
  [
    { name: "Rust parameter's mutable reference type", path: 'src/crypto/mem.rs', text: '    pub fn scrub(secret: &mut Vec<u8>, len: usize) {' },
    { name: 'secret written out in the same file', path: 'src/crypto/mem.rs', text: '    let secret = "§";', value: rand(28) },
  ],
  [
    { name: "Rust macro's call as the value", path: 'src/session.rs', text: '        let mut common_secret_padded = vec![0; 128 - common_secret_bytes.len()];' },
    { name: 'secret literal in the same function', path: 'src/session.rs', text: '        let common_secret = "§";', value: rand(32) },
  ],
  [
    { name: "cipher suites' table row, fields between colons", path: 'scripts/tls-ciphersuites.txt', text: `00af:TLS_PSK_WITH_AES_256_CBC_SHA384:PSK:${['PSK', 'AES', 'CBC', '256', 'HMAC-SHA384', '384', 'SHA384', '384', 'rfc5487', '0', '0300', 'ffff'].join(':')}` },
    { name: 'pre-shared key holding a colon', path: 'conf/psk.txt', text: 'PSK: §', value: `${rand(20)}:${rand(20)}` },
  ],
  [
    { name: "cipher suite's name under its constant, in the constant's words", path: 'http/tls.lua', text: '\tTLS_ECDHE_PSK_WITH_CAMELLIA_256_CBC_SHA384    = "ECDHE-PSK-CAMELLIA256-SHA384";' },
    { name: 'pre-shared key under a constant of the same form', path: 'http/tls.lua', text: '\tTLS_ECDHE_PSK_SECRET    = "§";', value: `${rand(12)}-${rand(12)}-${rand(12)}` },
  ],
  [
    { name: 'Perl match held in a string, as a default rule', path: 'lib/Lemonldap/NG/Common/Conf/DefaultValues.pm', text: "        'portalDisplayChangePassword' => '$_auth =~ /^(LDAP|DBI|Demo)$/'," },
    { name: 'password in the same hash', path: 'lib/Lemonldap/NG/Common/Conf/DefaultValues.pm', text: "        'managerPassword' => '§',", value: rand(24) },
  ],
  [
    { name: 'Lua message string joined with `..` to a call', path: 'http/socks.lua', text: '\t\t\treturn nil, "username_password_auth: "..ce.strerror(ce.EPIPE), ce.EPIPE' },
    { name: 'Lua secret joined with `..` to a name', path: 'http/socks.lua', text: '\tlocal secret = "§"..suffix', value: rand(24) },
  ],
  [
    { name: 'LPeg repetition of a pattern', path: 'lpeg_patterns/http.lua', text: 'local ptoken = ptokenchar^1' },
    { name: 'token written out in the same file', path: 'lpeg_patterns/http.lua', text: 'local ptoken = "§"', value: rand(28) },
  ],
  [
    { name: "lintian override of a Perl library's package named for a password", path: 'usr/share/lintian/overrides/libdata-password-zxcvbn-perl', text: `libdata-password-zxcvbn-perl: ${['application', 'in', 'library', 'section'].join('-')} perl [usr/bin/zxcvbn-password-strength]` },
    { name: 'a passphrase of hyphenated words under a password key', path: 'conf/app.yaml', text: 'db-password: §', value: ['copper', 'lantern', 'orbit', 'meadow'].join('-') },
  ],
];

/** [reported only at low, a secret in the same shape reported at medium or high]. */
const lowered: Array<[Case, Case]> = [
  [
    { name: "a password in a Perl module's POD synopsis", path: 'lib/Acme/Client.pm', text: `package Acme::Client;\n\n=head1 SYNOPSIS\n\n    my $client = Acme::Client->new(password => "${short(12)}");\n\n=cut\n\nsub new { bless {}, shift }\n` },
    { name: 'a password in the code after =cut', path: 'lib/Acme/Client.pm', text: 'package Acme::Client;\n\n=head1 SYNOPSIS\n\n    my $client = Acme::Client->new;\n\n=cut\n\nmy $client = Acme::Client->new(password => "§");\n', value: rand(16) },
  ],
  [
    { name: "a salt in POD that runs to the end of the file", path: 'lib/Acme/Hash.pm', text: `sub check { 1 }\n\n1;\n\n=pod\n\n=head1 SYNOPSIS\n\n    $h = Acme::Hash->new(salt => "${rand(16)}");\n` },
    { name: 'a salt in the code before the POD', path: 'lib/Acme/Hash.pm', text: 'my $h = Acme::Hash->new(salt => "§");\n\n1;\n\n=pod\n\n=head1 NAME\n', value: rand(16) },
  ],
  [
    { name: "a secret in Ruby's =begin documentation", path: 'lib/acme/client.rb', text: `=begin\n  client = Acme::Client.new(api_secret: "${rand(32)}")\n=end\n` },
    { name: 'a secret in the code after =end', path: 'lib/acme/client.rb', text: '=begin\n  Usage notes.\n=end\nclient = Acme::Client.new(api_secret: "§")\n', value: rand(32) },
  ],
  [
    { name: "a cipher's test vector in a Rust #[cfg(test)] module", path: 'src/symm.rs', text: `#[cfg(test)]\nmod tests {\n    use super::*;\n\n    #[test]\n    fn aes_128_cbc() {\n        let secret = "${rand(32, HEX)}";\n    }\n}\n` },
    { name: 'the same literal after the module closes', path: 'src/symm.rs', text: '#[cfg(test)]\nmod tests {\n    #[test]\n    fn t() {}\n}\n\npub fn client() -> Client {\n    let secret = "§";\n}\n', value: rand(32, HEX) },
  ],
  [
    { name: 'a password in a Rust #[test] function', path: 'src/parse.rs', text: `#[test]\nfn skesk_parser() {\n    let password = "${rand(16)}";\n}\n` },
    { name: 'a password in an ordinary function after it', path: 'src/parse.rs', text: '#[test]\nfn skesk_parser() {\n}\n\nfn connect() {\n    let password = "§";\n}\n', value: rand(16) },
  ],
  [
    { name: "a tree's path of names, one with a factor's number, under a secret's key", path: 'htdocs/static/reverseTree.json', text: '{"radius2fLogo":"generalParameters/secondFactors/radius2f","radius2fSecret":"generalParameters/secondFactors/radius2f"}' },
    { name: 'a random secret with slashes under the same key', path: 'htdocs/static/reverseTree.json', text: '{"radius2fLogo":"generalParameters/secondFactors/radius2f","radius2fSecret":"§"}', value: `${rand(14)}/${rand(10)}/${rand(8)}` },
  ],
  [
    { name: 'a Basic pair of letters repeated', path: 'src/tests.rs', text: `        (AUTHORIZATION, "Basic ${b64(repeated('a', 'b'))}"),` },
    { name: 'a Basic pair with a random password', path: 'src/tests.rs', text: '        (AUTHORIZATION, "Basic §"),', value: b64(`client-app:${rand(18)}`) },
  ],
  [
    { name: 'a Basic pair of letters repeated with escapes', path: 'src/tests.rs', text: `        (AUTHORIZATION, "Basic ${b64(repeated('a', 'b', '%2F%3B%26'))}"),` },
    { name: 'a Basic pair of a random password with escapes', path: 'src/tests.rs', text: '        (AUTHORIZATION, "Basic §"),', value: b64(`client-app:${rand(12)}%2F%3B${rand(6)}`) },
  ],
];

describe('shapes of Rust crates and Perl modules reported at low only, each beside a secret in the same shape reported higher', () => {
  itLowersEachPair(lowered);

  it('reports a private key in POD at low, and the same key in code at high', () => {
    const pod = runCase({ name: 'key in POD', path: 'lib/Crypt/JWT.pm', text: "1;\n\n=pod\n\n=head1 SYNOPSIS\n\n my $pem = <<'EOF';\n{{pem:EC PRIVATE KEY}}\nEOF\n" });
    expect(pod.length).toBeGreaterThan(0);
    expect(pod.map((m) => m.confidence)).toEqual(pod.map(() => 'low'));
    const code = runCase({ name: 'key in code', path: 'lib/Crypt/JWT.pm', text: "my $pem = <<'EOF';\n{{pem:EC PRIVATE KEY}}\nEOF\n\n1;\n\n=pod\n\n=head1 NAME\n" });
    expect(code.map((m) => m.confidence ?? 'high')).toContain('high');
  });

  it('reports a JWE in POD at low, and in code at its own level', () => {
    const pod = runCase({ name: 'JWE in POD', path: 'lib/Crypt/JWT.pm', text: '=head1 SYNOPSIS\n\n $t = "{{jwe}}";\n\n=cut\n' });
    expect(pod.length).toBeGreaterThan(0);
    expect(pod.map((m) => m.confidence)).toEqual(pod.map(() => 'low'));
    const code = runCase({ name: 'JWE in code', path: 'lib/Crypt/JWT.pm', text: '=head1 NAME\n\n=cut\n\n$t = "{{jwe}}";\n' });
    expect(code.map((m) => m.confidence ?? 'medium')).toContainEqual(expect.stringMatching(/^(?:medium|high)$/));
  });

  it('reports a password hash in POD at medium (a format shown), and in code at high', () => {
    const hash = `$1$${rand(8)}$${rand(22, CRYPT)}`;
    const pod = runCase({ name: 'hash in POD', path: 'lib/Acme/MD5Crypt.pm', text: `=head1 SYNOPSIS\n\n    $ppr = Acme->from_crypt('${hash}');\n\n=cut\n` });
    expect(pod.length).toBeGreaterThan(0);
    expect(pod.map((m) => m.confidence)).toEqual(pod.map(() => 'medium'));
    const code = runCase({ name: 'hash in code', path: 'lib/Acme/MD5Crypt.pm', text: `=head1 NAME\n\n=cut\n\nmy $ppr = Acme->from_crypt('${hash}');\n` });
    expect(code.map((m) => m.confidence ?? 'high')).toContain('high');
  });

  it('reads a line opening with = that no =cut closes as no documentation', () => {
    const value = rand(20);
    const found = runCase({ name: 'stray = line', path: 'conf/app.conf', text: `=section\npassword = ${value}\n` }).filter((m) => covers(m, value));
    expect(found.map((m) => m.confidence)).toContainEqual(expect.stringMatching(/^(?:medium|high)$/));
  });
});

describeShapePairs('shapes of Rust crates that hold no secret, each beside a secret in the same shape', pairs);
