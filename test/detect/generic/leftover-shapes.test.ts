/**
 * Shapes of real code that earlier sweeps left: values that read as a credential under a
 * credential-ish name but are public or stand for nothing (error codes, token labels, key
 * fingerprints, public keys, grammar scopes, lists of names in SQL, sentinels, nil UUIDs, AWS's
 * own ARNs), and credentials that were missed where the key or the declaration hides the name
 * (a word in the middle of a C# property, Go's typed `var`/`const`, a short salt of random
 * letters). Each negative is written in the shape seen, and beside it a positive holds a real
 * secret in the same shape, so the fix is the shape's and not one string's. Values are built at
 * run time from a seeded generator.
 */
import { valueMaker } from './shape-cases.js';
import type { ShapeCase as Case } from './shape-cases.js';
import { describeShapePairs } from './describe-shape-pairs.js';

const { rand, short } = valueMaker(0x1e4f70);

const HEX = '0123456789abcdef';
const DIGITS = '0123456789';
const CONSONANTS = 'bcdfghjklmnpqrstvwxz';
const LOWER_LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** A v4-looking UUID from the seeded generator. */
const uuid = (): string => [rand(8, HEX), rand(4, HEX), `4${rand(3, HEX)}`, `a${rand(3, HEX)}`, rand(12, HEX)].join('-');
/** A 12-digit account that is none of documentation's. */
const account = (): string => `${rand(1, '123456789')}${rand(11, DIGITS)}`;
/** An OpenPGP v4 fingerprint as gpg prints it: ten groups of four capital hex digits. */
const fingerprint = (): string => Array.from({ length: 10 }, () => rand(4, HEX.toUpperCase())).join(' ');

/** Bytes from the seeded generator. */
const bytes = (n: number): Buffer => Buffer.from(rand(n * 2, HEX), 'hex');
/** A DER length for `n` bytes (up to 65535). */
const derLength = (n: number): Buffer => Buffer.from(n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff]);
const der = (tag: number, body: Buffer): Buffer => Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
/** An RSA public key as X.509 SubjectPublicKeyInfo in base64 (`MIGfMA0G…` for 1024 bits), as DKIM's `p=` holds it. */
function rsaPublicKeyInfo(modulusBytes: number): string {
  const rsaEncryption = Buffer.from('06092a864886f70d0101010500', 'hex');
  const modulus = Buffer.concat([Buffer.from([0]), bytes(modulusBytes)]);
  modulus[1]! |= 0x80;
  const rsaKey = der(0x30, Buffer.concat([der(0x02, modulus), der(0x02, Buffer.from([1, 0, 1]))]));
  return der(0x30, Buffer.concat([der(0x30, rsaEncryption), der(0x03, Buffer.concat([Buffer.from([0]), rsaKey]))])).toString('base64');
}
/** The body of an `ssh-rsa` public key: the length-prefixed algorithm name, exponent and modulus. */
function sshRsaBody(): string {
  const field = (b: Buffer): Buffer => Buffer.concat([Buffer.from([0, 0, b.length >> 8, b.length & 0xff]), b]);
  return Buffer.concat([field(Buffer.from('ssh-rsa')), field(Buffer.from([1, 0, 1])), field(Buffer.concat([Buffer.from([0]), bytes(256)]))]).toString('base64');
}

/** [not a secret, a secret in the same shape]. */
const pairs: Array<[Case, Case]> = [
  // 1. Derby's SQLState table: message ids with a severity suffix under sign-in constants.
  [
    { name: "SQLState message id with a severity and a number under a password constant", path: 'java/shared/org/apache/derby/shared/common/reference/SQLState.java', text: '    String PASSWORD_EXPIRED_FOR_DBO = "08004.C.9";' },
    { name: 'password constant in the same interface', path: 'java/shared/org/apache/derby/shared/common/reference/Credentials.java', text: '    String DBO_PASSWORD = "§";', value: short(12) },
  ],
  [
    { name: 'SQLState message id with a severity under an authentication constant', path: 'java/shared/org/apache/derby/shared/common/reference/SQLState.java', text: '    String AUTH_PASSWORD_MISSING = "28502.C";' },
    { name: 'auth password constant', path: 'java/shared/org/apache/derby/shared/common/reference/Credentials.java', text: '    String AUTH_PASSWORD = "§";', value: short(12) },
  ],
  [
    { name: 'warning SQLState under a password-expiring constant', path: 'java/shared/org/apache/derby/shared/common/reference/SQLState.java', text: '    String PASSWORD_EXPIRING = "01J15";' },
    { name: 'short password constant', path: 'java/shared/org/apache/derby/shared/common/reference/Credentials.java', text: '    String ADMIN_PASSWORD = "§";', value: short(8) },
  ],
  // 2. SoftHSM / PKCS#11 token labels and a PIN that is the word for one.
  [
    { name: "SoftHSM token's label, quoted words", path: 'tests/pkcs11/setup.sh', text: 'softhsm2-util --init-token --free --label "My token 1" --so-pin 0000 --pin 0000' },
    { name: "token's PIN in the test's config", path: 'tests/pkcs11/softhsm2.conf', text: 'token_pin = "§"', value: short(10) },
  ],
  [
    { name: "token's label set to the library's name", path: 'conf/pkcs11.conf', text: 'token_label = softhsm' },
    { name: "token's PIN in the same config", path: 'conf/pkcs11.conf', text: 'token_pin = §', value: short(10) },
  ],
  [
    { name: 'PIN given as the word for one', path: 'tests/pkcs11/login.sh', text: 'pkcs11-tool --module "$MODULE" --login --pin PIN --list-objects' },
    { name: "token's password given as a value", path: 'tests/pkcs11/login.sh', text: 'export TOKEN_PASSWORD=§', value: short(10) },
  ],
  [
    { name: "user PIN given as the placeholder's word", path: 'conf/pkcs11.conf', text: 'user_pin = "placeholder"' },
    { name: 'token PIN written out', path: 'conf/pkcs11.conf', text: 'token_pin = "§"', value: short(10) },
  ],
  // 3. An OpenPGP fingerprint after a key's name: public.
  [
    { name: 'GPG fingerprint in groups of four after signing_key', path: 'release/config.toml', text: 'signing_key = "§"', value: fingerprint() },
    { name: 'hex signing key', path: 'release/config.toml', text: 'signing_key = "§"', value: rand(40, HEX) },
  ],
  [
    { name: 'GPG fingerprint run together after gpg_key', path: 'ci/release.yml', text: '  gpg_key: "§"', value: fingerprint().replace(/ /g, '') },
    { name: 'passphrase of the GPG key', path: 'ci/release.yml', text: '  gpg_passphrase: "§"', value: rand(24) },
  ],
  [
    { name: "GPG key's long id in a Dockerfile", path: 'docker/Dockerfile', text: 'ENV GPG_KEY §', value: fingerprint().replace(/ /g, '') },
    { name: 'API key in the same Dockerfile', path: 'docker/Dockerfile', text: 'ENV API_KEY §', value: rand(32) },
  ],
  [
    { name: 'fingerprint under a GPG signing key constant', path: 'scripts/release.py', text: 'GPG_SIGNING_KEY = "§"', value: fingerprint().replace(/ /g, '') },
    { name: 'random signing key constant', path: 'scripts/release.py', text: 'RELEASE_SIGNING_KEY = "§"', value: rand(40) },
  ],
  // 4. DKIM and rspamd public keys.
  [
    { name: 'rspamd DKIM public key', path: 'conf/modules.d/dkim_signing.conf', text: '    pubkey = "§";', value: rsaPublicKeyInfo(128) },
    { name: 'DKIM private key in the same config', path: 'conf/modules.d/dkim_signing.conf', text: '    private_key = "§";', value: rand(160, BASE64) },
  ],
  [
    { name: "DKIM record's p= in a DNS TXT string", path: 'test/functional/cases/dkim.robot', text: '  dkim_record = "v=DKIM1; k=rsa; p=§"', value: rsaPublicKeyInfo(128) },
    { name: 'DKIM signing secret in the same test', path: 'test/functional/cases/dkim.robot', text: '  dkim_secret = "§"', value: rand(40) },
  ],
  [
    { name: "whole DKIM record under a signing key's name", path: 'conf/dkim.env', text: 'DKIM_SIGNING_KEY = "v=DKIM1; k=rsa; p=§"', value: rsaPublicKeyInfo(128) },
    { name: 'signing key under the same name', path: 'conf/dkim.env', text: 'DKIM_SIGNING_KEY = "§"', value: rand(64, BASE64) },
  ],
  [
    { name: 'public key under a public_key name', path: 'src/mail/dkim.py', text: 'DKIM_PUBLIC_KEY = "§"', value: rsaPublicKeyInfo(256) },
    { name: 'secret key under a secret_key name', path: 'src/mail/dkim.py', text: 'DKIM_SECRET_KEY = "§"', value: rand(64, BASE64) },
  ],
  // 5. Highlighter grammars' token names.
  [
    { name: "Ace rule's token scope", path: 'lib/ace/mode/sql_highlight_rules.js', text: '            token : "keyword.operator",' },
    { name: 'token in a client config', path: 'lib/client/config.js', text: '            token : "§",', value: rand(32) },
  ],
  [
    { name: "Ace rule's token list of scopes", path: 'lib/ace/mode/sh_highlight_rules.js', text: '            token : ["string", "text", "variable.parameter"],' },
    { name: 'token in a client config', path: 'lib/client/config.js', text: '            token : "§",', value: rand(32) },
  ],
  [
    { name: "CodeMirror mode's token style", path: 'mode/shell/shell.js', text: '      token: "paren.lparen",' },
    { name: 'token literal in a mode file', path: 'mode/shell/client.js', text: '      token: "§",', value: rand(32) },
  ],
  // 6. An SQL list of key names.
  [
    { name: "SQL IN list of settings' names", path: 'db/migrations/0042_hide_settings.sql', text: "UPDATE settings SET hidden = 1 WHERE name IN ('Password', 'Secret', 'ApiToken');" },
    { name: 'password set in the same migration', path: 'db/migrations/0042_hide_settings.sql', text: "UPDATE settings SET value = 'x' WHERE name = 'smtp'; UPDATE users SET password = '§' WHERE id = 1;", value: short(14) },
  ],
  [
    { name: 'SQL IN list of lower-case key names', path: 'src/store/settings.py', text: `    cur.execute("DELETE FROM config WHERE key IN ('password', 'secret_key', 'auth_token')")` },
    { name: 'secret key set by the same store', path: 'src/store/settings.py', text: `    cur.execute("UPDATE config SET secret_key = '§'")`, value: rand(32) },
  ],
  // 7. A sentinel constant spelled in capitals.
  [
    { name: "Ansible's no_log sentinel under a password", path: 'test/units/module_utils/basic/test_no_log.py', text: "        password = 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER'" },
    { name: 'password in the same test', path: 'test/units/module_utils/basic/test_no_log.py', text: "        password = '§'", value: short(14) },
  ],
  [
    { name: 'sentinel constant under a secret field', path: 'lib/ansible/module_utils/common/parameters.py', text: '    "secret": "NOT_LOGGING_PARAMETER_VALUE",' },
    { name: 'secret field written out', path: 'lib/ansible/module_utils/common/parameters.py', text: '    "secret": "§",', value: rand(24) },
  ],
  // 8. SSH public keys.
  [
    { name: 'ssh-rsa public key after key =', path: 'provision/users.py', text: 'key = "ssh-rsa § deploy@build"', value: sshRsaBody() },
    { name: 'private key body after private_key =', path: 'provision/users.py', text: 'private_key = "§"', value: rand(200, BASE64) },
  ],
  [
    { name: 'truncated ssh-rsa public key', path: 'docs/users.md', text: '    ssh_key: "ssh-rsa AAA…Xt deploy@build"' },
    { name: 'deploy token in the same doc', path: 'src/users.js', text: '    deploy_token: "§"', value: rand(32) },
  ],
  [
    { name: 'ssh-rsa public key under a secret-ish name', path: 'terraform/keys.tf', text: '  auth_key = "ssh-rsa § ops@bastion"', value: sshRsaBody() },
    { name: 'auth key written out', path: 'terraform/keys.tf', text: '  auth_key = "§"', value: rand(40) },
  ],
  // 9. Nil UUIDs and one digit repeated.
  [
    { name: 'nil UUID under a token', path: 'src/auth/defaults.ts', text: "const token = '00000000-0000-0000-0000-000000000000';" },
    { name: 'UUID token', path: 'src/auth/defaults.ts', text: "const token = '§';", value: uuid() },
  ],
  [
    { name: 'nil UUID under a client secret', path: 'config/app.json', text: '  "clientSecret": "00000000-0000-0000-0000-000000000000",' },
    { name: 'UUID client secret', path: 'config/app.json', text: '  "clientSecret": "§",', value: uuid() },
  ],
  [
    { name: 'one digit repeated under a secret', path: 'config/app.yml', text: 'api_secret: "1111111111111111"' },
    { name: 'random secret of the same length', path: 'config/app.yml', text: 'api_secret: "§"', value: rand(16) },
  ],
  [
    { name: 'UUID of one digit repeated under an API key', path: 'config/heroku.env', text: 'HEROKU_API_KEY=11111111-1111-1111-1111-111111111111' },
    { name: 'UUID API key', path: 'config/heroku.env', text: 'HEROKU_API_KEY=§', value: uuid() },
  ],
  // 10. AWS's own ARNs.
  [
    { name: 'AWS managed policy', path: 'src/iam/policies.ts', text: "const policyArn = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';" },
    { name: "customer's role ARN", path: 'src/iam/policies.ts', text: "const roleArn = 'arn:aws:iam::§:role/deploy';", value: account() },
  ],
  [
    { name: "AWS-published Lambda layer's ARN", path: 'src/functions/stack.ts', text: "  layers: ['arn:aws:lambda:us-east-1:§:layer:AWSLambdaPowertoolsTypeScriptV2:12'],", value: account() },
    { name: "customer's own Lambda layer", path: 'src/functions/stack.ts', text: "  layers: ['arn:aws:lambda:us-east-1:§:layer:shared-deps:4'],", value: account() },
  ],
  [
    { name: "ARN in an SDK's doc comment", path: 'clients/client-lambda/src/commands/GetLayerVersionCommand.ts', text: ' *   LayerArn: "arn:aws:lambda:us-east-1:§:layer:LambdaInsightsExtension",', value: account() },
    { name: 'ARN in the code beside', path: 'clients/client-lambda/src/deploy.ts', text: '    LayerArn: "arn:aws:lambda:us-east-1:§:layer:LambdaInsightsExtension",', value: account() },
  ],
  [
    { name: "account id in an SDK's doc comment", path: 'clients/client-sts/src/commands/GetCallerIdentityCommand.ts', text: ' *   AccountId: "§", // the caller\'s account', value: account() },
    { name: 'account id in code', path: 'src/config.ts', text: '  aws_account_id: "§",', value: account() },
  ],
];

/** Credentials missed where the key or the declaration hides the credential's name. */
const missed: Array<[Case, Case]> = [
  // 11. C# properties with the credential's word in the middle.
  [
    { name: 'C# property naming the file a password is read from', path: 'src/Options/DbOptions.cs', text: '        public string PasswordFile { get; set; } = "secrets/db.txt";' },
    { name: 'C# property holding the password read from a file', path: 'src/Options/DbOptions.cs', text: '        public string PasswordFromFile { get; set; } = "§";', value: rand(24) },
  ],
  [
    { name: "C# property naming a password's length", path: 'src/Options/DbOptions.cs', text: '        public const int DbPasswordLength = 24;' },
    { name: 'C# property holding a password value', path: 'src/Options/DbOptions.cs', text: '        DbPasswordValue = "§",', value: rand(24) },
  ],
  [
    { name: "C# auto-property's empty initializer", path: 'src/Options/SmtpOptions.cs', text: '        public string Password { get; set; } = "";' },
    { name: "C# auto-property's initializer holding a password", path: 'src/Options/SmtpOptions.cs', text: '        public string Password { get; private set; } = "§";', value: rand(20) },
  ],
  // 12. Go's typed and untyped declarations.
  [
    { name: 'Go var set from an env read', path: 'cmd/server/main.go', text: 'var token string = os.Getenv("TOKEN")' },
    { name: 'Go typed var holding a token', path: 'cmd/server/main.go', text: 'var token string = "§"', value: rand(40) },
  ],
  [
    { name: 'Go var set from a flag', path: 'cmd/server/main.go', text: 'var apiKey = flag.String("api-key", "", "the API key")' },
    { name: 'Go var holding an API key', path: 'cmd/server/main.go', text: 'var apiKey = "§"', value: rand(32) },
  ],
  [
    { name: "Go const naming a secret's env variable", path: 'internal/auth/keys.go', text: 'const secretEnv string = "APP_SECRET"' },
    { name: 'Go typed const holding a secret', path: 'internal/auth/keys.go', text: 'const secret string = "§"', value: rand(32) },
  ],
  [
    { name: 'Go byte-slice var converting an env read', path: 'internal/auth/keys.go', text: 'var secret []byte = []byte(os.Getenv("APP_SECRET"))' },
    { name: 'Go byte-slice var converting a literal', path: 'internal/auth/keys.go', text: 'var secret []byte = []byte("§")', value: rand(32) },
  ],
  // 13. A short salt of random lower-case letters.
  [
    { name: 'salt spelled as a word', path: 'app/models/user.rb', text: '  salt = "seasalt"' },
    { name: 'salt of random lower-case letters', path: 'app/models/user.rb', text: '  salt = "§"', value: rand(8, CONSONANTS) },
  ],
  [
    { name: "salt named for a library", path: 'lib/crypto/hash.py', text: 'SALT = "bcrypt"' },
    { name: 'short salt of random lower-case letters', path: 'lib/crypto/hash.py', text: 'SALT = "§"', value: rand(10, LOWER_LETTERS) },
  ],
  [
    { name: "salt typed along a keyboard's row", path: 'test/fixtures/hash.py', text: 'SALT = "asdfghjk"' },
    { name: 'salt of random lower-case letters in the same shape', path: 'lib/crypto/hash.py', text: 'SALT = "§"', value: rand(8, CONSONANTS) },
  ],
];

describeShapePairs('shapes of public values and sentinels under credential names, each beside a secret in the same shape', pairs);
describeShapePairs('credentials hidden by their key or declaration, each beside a value that is no secret', missed, { aboveLow: true });
