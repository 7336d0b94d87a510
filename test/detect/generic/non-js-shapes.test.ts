/**
 * Generic detection on non-JavaScript code (PHP, Ruby, C, shell, Make, FreeRADIUS, Ant, Java,
 * Python, .properties): lines that read as an assignment to a credential-named key but hold no
 * secret, each beside a realistic line of the same shape that does hold one and must still be
 * reported. Each row goes through the whole ruleset (Matcher). Values are built at run time.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../../src/detect/load-rules.js';
import { Matcher } from '../../../src/detect/matcher.js';
import type { RawMatch } from '../../../src/detect/types.js';

const matcher = new Matcher(loadRules());
const rules = new Map(loadRules().rules.map((r) => [r.id, r]));

function findings(text: string): RawMatch[] {
  return matcher.match(text).filter((m) => rules.get(m.ruleId)?.kind !== 'sensitive-data');
}

const random = ['x7Hq', '9LmZ', 'p2Rt', 'Kw4B', 'v8Nc'].join('');
const hex32 = ['09ee', 'ab5a', 'a415', 'd6e4', 'd408', 'e6b1', '0574', '1864'].join('');

/** Lines that hold no secret: nothing reported, at any confidence. */
const NOT_SECRETS: ReadonlyArray<[string, string]> = [
  // A settings key whose last word says what it configures.
  ['PHP', `$config['password_driver'] = 'sql';`],
  ['PHP', `$host = $rcmail->config->get('password_pop_${'host'}', 'localhost');`],
  ['PHP', `$config['password_ldap_search_filter'] = '(uid=%login)';`],
  ['Java', `public static final String USER_PASSWORD_ATTR = "test-${'pwd'}";`],
  ['Python', `secret_case_insensitive = "verify-only"`],
  // A translation catalogue's entries and form labels.
  ['PHP', `$labels['newpasswd']  = 'Neues Passwort:';`],
  ['PHP', `$labels['password'] = 'Mot de passe';`],
  ['PHP', `$messages['passwordtooweak'] = 'Senha demasiado fraca';`],
  ['PHP', `'curpasswd' => 'Kadarnaat ar ger-tremen :',`],
  // A possessive, an article or an owner run into the key's word; a camelCase slot name.
  ['XML', `            password="db${'password'}"`],
  ['properties', `manager.password=my${'password'}`],
  ['Go', `  SecretAccessKey: "MY${'SECRET'}",`],
  ['Ruby', `#   user.login_profile.password = "TheNew${'Password'}"`],
  ['FreeRADIUS', `  secret = 'radiusClient${'Secret'}'`],
  // Ruby durations.
  ['Ruby', `  config.reset_password_within = 6.hours`],
  ['Ruby', `  @@remember_token_expires = 2.weeks.from_now`],
  // References to another attribute or variable, and pointer chains.
  ['FreeRADIUS', `  TOTP-Password := &User-${'Password'}`],
  ['FreeRADIUS', `  &request:User-Password := &request:Tmp-String-5`],
  ['C', `  password = request->password->vp_strvalue;`],
  ['Go', `  token = &Token{Raw: tokenString}`],
  ['ERB', `<%= link_to 'Change', edit_password_url(@resource, reset_password_token: @token) %>`],
  // Code between two string literals; a query fragment.
  ['PHP', `        salt = ".$this->pdo->quote($salt).",";`],
  ['Java', `System.out.println(" User:"+rs.getString("User")+" Password:"+rs.getString("Password"));`],
  ['PHP', `$pass_query_part = "pwd_hash = ".$this->pdo->quote($pwd_hash).",`],
  // Shell and Make: the working directory, command substitution, an installer's marker.
  ['shell', 'PWD=`dirname "$0"`'],
  ['shell', 'ac_pwd_ls_di=`cd "$ac_pwd" && ls -di .` ||'],
  ['shell', 'DB_PASSWORD=`cat /run/secrets/db | tr -d "\\n"`'],
  ['Make', `\t@echo "PASSWORD_SERVER\t= '$(shell grep output_password server.cnf | sed 's/.*=//')'" > $@`],
  ['PHP', `define('DB_PASS', '%DB_${'PASS'}');`],
  // Scope paths in YARD tags; the first word of a sentence.
  ['Ruby', `# @param [CredentialProviders::Provider] credentials`],
  ['Markdown', `- Password: Removed old 'cpanel' driver, renamed to 'cpanel'`],
  ['properties', `passwdUserDatabase.readFail=Failed to obtain a complete set of users`],
  // A column in SQL; a phrase naming a way of signing in.
  ['SQL', `UPDATE users SET password=cryptpass WHERE username=user AND password=ENCRYPT(oldpass,salt);`],
  ['PHP', `        NET_SSH1_AUTH_PASSWORD   => '${'password'} authentication',`],
  // A hash function's (plaintext, digest) test vector; markup text under a token's key.
  ['Python', `        ("NEW${'PASSWORD'}", '${hex32}'),`],
  ['XML', `        token="rtext=&quot;in development&quot;"`],
  // Salts spelled in letters; a nonce written as a backwards run; a constant's name under a token key.
  ['PHP', `    var $password_default_salt = 'phpseclib';`],
  ['Python', `        # salt=b"NaCl"`],
  ['Python', `        self.assertEqual(c2.genconfig(salt="nacl"), "$5$rounds=1000$nacl$" + STUB)`],
  ['Java', `final String challenge = "Digest qop=\\"auth\\", nonce=\\"${'fedcba'}0987654321\\", " +`],
  ['Ant', `    <filter token="JDT_VERSION" value="\${jdt.version}"/>`],
  // An AWS Signature V4 credential scope.
  ['Go', `authValue: "AWS4-HMAC-SHA256 Credential=12312313/20170613/us-east-1/s3/aws4_request, SignedHeaders=host"`],
];

/** The same shapes holding a secret: still reported. */
const SECRETS: ReadonlyArray<[string, string]> = [
  ['PHP', `$config['password_ldap_adminPW'] = '${random}';`],
  ['PHP', `$rcmail_config['db_pass'] = '${random}';`],
  ['Java', `public static final String USER_PASSWORD = "${random}";`],
  ['XML', `            password="${random}"`],
  ['properties', `manager.password=${random}`],
  ['Go', `  SecretAccessKey: "${random}",`],
  ['FreeRADIUS', `  Cleartext-Password := "${random}"`],
  ['FreeRADIUS', `  secret = '${random}'`],
  ['Ruby', `  config.secret_key = '${random}'`],
  ['shell', `PASSWORD=${random}`],
  ['JavaScript', `const password = \`${random}\`;`],
  ['PHP', `define('DB_PASS', '${random}');`],
  ['PHP', `$labels_password = '${random}';`],
  ['Python', `data = [("username", "svc"), ("password", "${random}")]`],
  ['XML', `        token="${random}"`],
  ['YAML', `password: ${random}`],
  ['SQL', `UPDATE users SET password=${random} WHERE username=user;`],
  ['SQL', `UPDATE users SET password='${random}' WHERE username='svc';`],
  ['PHP', `        'db_password'   => '${random} authentication',`],
  ['PHP', `    var $password_default_salt = '${random}';`],
  ['Python', `        salt = b"${random}"`],
  ['Java', `final String challenge = "Digest qop=\\"auth\\", nonce=\\"${random}\\", " +`],
];

describe('generic detection on non-JavaScript code', () => {
  it.each(NOT_SECRETS)('%s: %s → nothing', (_lang, line) => {
    expect(findings(line).map((m) => `${m.ruleId}: ${m.secret}`)).toEqual([]);
  });

  it.each(SECRETS)('%s: %s → reported', (_lang, line) => {
    expect(findings(line).some((m) => m.secret.includes(random))).toBe(true);
  });

  it('leaves a constant that names a credential to the placeholder tests', () => {
    expect(findings(`  ENV_AUTH_TOKEN = 'AWS_CONTAINER_AUTHORIZATION_${'TOKEN'}',`)).toEqual([]);
    expect(findings(`ADMIN_PASSWORD=CHANGE_${'ME'}`)).toEqual([]);
  });

  it('keeps a chosen passphrase that starts with a possessive at low', () => {
    const found = findings(`  passphrase: 'My${'Secret'}Password',`);
    expect(found.map((m) => m.confidence)).toEqual(['low']);
  });
});

/** Characters of crypt's and base64's alphabets, drawn at run time. */
function chars(alphabet: string, n: number, seed: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[(seed * 31 + i * 17 + ((i * i) % 7)) % alphabet.length];
  return out;
}
const CRYPT64 = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** A bcrypt hash whose padding bits are right (the salt's last character `O`, the digest's `u`). */
const bcryptHash = `$2a$06$${chars(CRYPT64, 21, 3)}O${chars(CRYPT64, 30, 5)}u`;

/** Password hashes in the formats of Django, passlib, libsodium, OpenLDAP and FreeRADIUS. */
const HASHES: ReadonlyArray<[string, string]> = [
  ['Python (Django)', `            ('bcrypt_sha256$${bcryptHash}'),`],
  ['Python (split literal)', `h = ("$argon2id$v=19$m=65536,t=2,p=1$${chars(BASE64, 16, 7)}"\n     "$${chars(BASE64, 43, 9)}")`],
  ['Python (passlib)', `  ('$scrypt$ln=7,r=8,p=1$${chars(BASE64, 22, 11)}$${chars(BASE64, 43, 13)}'),`],
  ['libsodium', `backup:$7$C6..../....${chars(CRYPT64, 14, 15)}$${chars(CRYPT64, 43, 17)}`],
  ['LDIF', `userPassword: {PBKDF2-SHA512}10000$${chars(CRYPT64, 22, 19)}$${chars(CRYPT64, 86, 21)}`],
  ['slapd.conf', `rootpw {CRYPT}${chars(CRYPT64, 13, 23)}`],
  ['FreeRADIUS', `  &PBKDF2-Password := 'HMACSHA2+256:AAAnEA:${chars(BASE64, 22, 25)}==:${chars(BASE64, 43, 27)}='`],
  ['Python (split literal)', `    b'user6:$6$rounds=110000$${chars(CRYPT64, 16, 33)}$'\n    b'${chars(CRYPT64, 86, 35)}\\n'`],
  ['reST', `an example hash is \`\`{SHA}${chars('0123456789abcdef', 40, 29)}\`\`.`],
];

/** The formats' documentation: no hash. */
const HASH_FORMATS: ReadonlyArray<[string, string]> = [
  ['reST', 'format: $scrypt$ln=<log2 n>,r=<r>,p=<p>$<salt>$<digest>'],
  ['reST', '# PBKDF2-Password := "HMACSHA2+256:<iterations>:<salt>:<digest>"'],
  ['LDIF', 'userPassword: {CRYPT}'],
  ['Python', `config = '$6$rounds=1000$${chars(CRYPT64, 8, 41)}$' + digest`],
  ['Python', `params = "$argon2id$v=19$m=65536,t=3,p=4$${chars(BASE64, 22, 31)}" + suffix`],
];

describe('password hashes in more formats (issue 11)', () => {
  it.each(HASHES)('%s: %s → one password-hash finding', (_lang, text) => {
    expect(findings(text).map((m) => rules.get(m.ruleId)?.kind)).toEqual(['password-hash']);
  });

  it.each(HASH_FORMATS)('%s: %s → no password-hash finding', (_lang, text) => {
    expect(findings(text).filter((m) => rules.get(m.ruleId)?.kind === 'password-hash')).toEqual([]);
  });
});

describe('names and styles that read as values (Python typing, Pygments)', () => {
  const key = ['private', 'key'].join('_');
  it.each([
    ['a private class named in a forward-referenced annotation', `    ${key}: "_RSAPrivateKey",`],
    ['a key class named in an annotation', `def load(${key}: "EllipticCurvePrivateKey") -> None:`],
    ['a style spec under a token type', '    Token.Name.Builtin.Context: "bold #038B8B",'],
  ])('%s is not reported', (_name, line) => {
    expect(matcher.match(line, 'lib/backend.py').map((m) => m.ruleId)).toEqual([]);
  });
  it('a random value in the same places still is', () => {
    const value = randomBytes(12).toString('base64url');
    expect(matcher.match(`    ${key}: "${value}",`, 'lib/backend.py').map((m) => m.ruleId)).not.toEqual([]);
  });
});

describe('a public key pinned under a key field', () => {
  it('an X.509 SubjectPublicKeyInfo in base64 is public; a random value of the same length is still reported', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const spki = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    expect(matcher.match(`      key: "${spki}",`, 'dist/lib/signers.cjs').map((m) => m.ruleId)).toEqual([]);
    const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    expect(matcher.match(`      key: "${pkcs8}",`, 'dist/lib/signers.cjs').map((m) => m.ruleId)).not.toEqual([]);
    const random = randomBytes(spki.length * 3 / 4).toString('base64');
    expect(matcher.match(`      key: "${random}",`, 'dist/lib/signers.cjs').map((m) => m.ruleId)).not.toEqual([]);
  });
});

describe('Perl: interpolated variables and anonymous FTP', () => {
  it.each([
    ['a package variable interpolated into the password', `    $ftp->login("anonymous", "$Config::Config{cf_email}");`],
    ['a hash element interpolated', `    $ftp->login($user, "$opts{password}");`],
    ['anonymous FTP with the quiet dash', `    $ftp->login("anonymous", '-anonymous@');`],
  ])('%s is not reported', (_name, line) => {
    expect(matcher.match(line, 'lib/Net/Fetch.pm').map((m) => m.ruleId)).toEqual([]);
  });
  it('a literal password in the same call still is', () => {
    const value = `${randomBytes(6).toString('hex')}Q7`;
    expect(matcher.match(`    $ftp->login("backup", "${value}");`, 'lib/Net/Fetch.pm').map((m) => m.ruleId)).not.toEqual([]);
  });
});
