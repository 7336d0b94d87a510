/**
 * The value classifier of the generic rules: what an assigned value is, read from the value
 * alone and the shape the tokenizer saw. Only `word`, `plausible` and `random` can be secrets;
 * the rest are what a value looks like when the line holds no secret (a template, a reference
 * to a secret kept elsewhere, code, a stored hash, a number, a documentation placeholder, public
 * key material).
 */
import { shannonEntropy } from '../entropy.js';
import { isSampleJwt } from '../validators/jwt.js';
import { notASecretValue } from './not-a-secret.js';
import { keyboardMash } from './keyboard-mash.js';
import { isPublishedSample } from './published-samples.js';
import type { ValueShape } from './read-assignment.js';

export type ValueClass =
  | 'empty'
  | 'placeholder'
  | 'template'
  | 'reference'
  | 'code'
  | 'hash'
  | 'number'
  | 'word'
  | 'identifier'
  | 'public'
  | 'plausible'
  | 'random';

/**
 * Documentation and example values: `<your-password>` (in a usage line's brackets too:
 * `[--secret <password>]`, before a shell line's continuation `\`, or marked up:
 * `<var>args</var>`), changeme, xxx, ***, TODO, a default shown as `(none)`.
 */
const PLACEHOLDER =
  /^<[^<>]{0,60}>[\])},.;|]{0,3}\\?$|^<(?:var|em|i|code|replaceable|arg)>|^\[[A-Za-z _-]{1,40}\]$|^\{[A-Za-z _-]{1,60}\}$|^\(?[A-Za-z _-]{0,20}(?:required|optional|here)\)?$|^\((?:none|empty|unset|not[ _-]set|blank)\)$|^(?:your|enter|insert|put|replace)[_ -]?[a-z]|changeme|change[_-]me|change[_-]?it|^change[_-]?this|^x{3,}$|xxxx|^\*+$|\*\*\*|^\.{3}|\.{3}$|…|^-+$|^\?+$|placeholder|redacted|example|sample|dummy|^todo\b|^tbd$|^fixme|^none$|^_{0,2}null_{0,2}$|^nil$|^undefined$|^true$|^false$|^yes$|^no$|^on$|^off$|^n\/a$|secret[_-]?here|not[_-]?a[_-]?real|^fake|^mock/i;

/**
 * A sentinel that stands for a state, not a secret: capital words naming it joined by `_` to an
 * id (`__app_EMPTY_VALUE_<uuid>`, `UNSET_SECRET_MARKER`), which a form puts where a value is not
 * shown. (Case-sensitive and between underscores, as generated values never spell them.)
 */
const STATE_SENTINEL = /(?:^|_)(?:EMPTY|BLANK|UNSET|NOT_SET|MISSING|MASKED|HIDDEN|OMITTED)_(?:VALUE|MARKER|SENTINEL|SECRET|PASSWORD|TOKEN|KEY)(?:_|$)/;

/**
 * A sentinel constant put where a value is hidden or was not given: three capital words or more
 * joined by `_`, one of them saying so (Ansible's `VALUE_SPECIFIED_IN_NO_LOG_PARAMETER`,
 * `NOT_LOGGING_PARAMETER_VALUE`, `PASSWORD_NOT_PROVIDED`). A generated value is not words.
 */
const SENTINEL_CONSTANT =
  /^(?=[A-Z]+(?:_[A-Z]+){2,}$)(?:[A-Z]+_)*(?:VALUE|PARAMETER|SPECIFIED|PROVIDED|GIVEN|LOGGING|REDACTED|HIDDEN|MASKED|CENSORED|OMITTED|SUPPRESSED|FILTERED|REMOVED|SENTINEL|PLACEHOLDER)(?:_[A-Z]+)*$/;

/**
 * Templates and interpolations, anywhere in the value (Perl's `$setup->{passwd}` whole among
 * them); also printf's positional `%1$s`, the runtime macros of Nagios and Icinga
 * (`$mysql_password$`, `$USER1$`), whole, a package's substitution markers (`@@DB_PASSWORD@@`,
 * `XXX_DIRPASSWORD_XXX`), whole, and Template Toolkit's tags (`[% only_passwd %]`).
 */
const TEMPLATE =
  /\{\{|\}\}|\$\{|#\{|<%|%\([\w.-]{1,40}\)[sdr]|^%[sdr]$|%[sd](?![A-Za-z0-9])|^\$[A-Za-z_]\w*(?:(?:::|->)\w+)*(?:(?:->)?(?:\{\w+\}|\[['"]?\w+['"]?\]))*$|^\$\d$|^@{1,2}[A-Za-z_][\w.]*@{1,2}$|^X{3}_[A-Z][A-Z0-9_]*_X{3}$|\[%[-+=~]?[^%\]]{1,200}[-+=~]?%\]|^#{2,}[A-Za-z_][\w]*#{2,}$|^__[A-Z][A-Z0-9_]*__$|^%[A-Za-z_][\w.-]*%$|^\{[A-Za-z_][\w.]{0,40}\}$|^\{\d\}$|^\[\[.*\]\]$|^\$\([\w -]{1,60}\)$|%\d{1,2}\$[sd](?![A-Za-z0-9])|^\$[A-Za-z_]\w*\$$|^%\{[\w.:-]{1,60}\}$|%\{[A-Za-z_]\w{0,40}\}|\[%[-+=~]?[^%\]]{1,200}[-+=~]?%\]|\{\$[A-Za-z_]\w*(?:->\w+|\.\w+|\[['"]?[\w-]{1,40}['"]?\]){0,6}(?:\}|\|\w)/;

/**
 * In a long value, a template marker counts only when the construct is whole (`${name}`,
 * `{{ .x }}`, `#{name}`, `<%= x %>`, `%(name)s`, ` %s`): a random salt or key drawn from all
 * printable characters (WordPress's salts) holds stray `${`, `{{` or `%s` by chance. (An
 * expression with operators between spaced braces reads a dotted name: `{{ $a.kind === "x" ? … }}`.)
 */
const WHOLE_TEMPLATE =
  /\$\{[A-Za-z_][\w.]{0,60}(?:[:?-][^{}]{0,60})?\}|\{\{\s{0,3}[\w.$|"' ()-]{1,120}\}\}|\{\{ (?=[^{}]{0,200}[$\w]{3,}\.[A-Za-z_]\w{2,})[\w.$|"' ()=!?:<>&-]{1,200} \}\}|#\{[\w.@$]{1,60}\}|<%=?[^%]{1,200}%>|%\([\w.-]{1,40}\)[sdr]|(?:^|[\s=:'"/])%[sd](?![A-Za-z0-9])|%\d{1,2}\$[sd](?![A-Za-z0-9])|%\{[A-Za-z_]\w{0,40}\}|\[%[-+=~]?[^%\]]{1,200}[-+=~]?%\]|\{\$[A-Za-z_]\w*(?:->\w+|\.\w+|\[['"]?[\w-]{1,40}['"]?\]){0,6}(?:\}|\|\w)/;

/**
 * A message's parameter among its words (`Ongeldig wachtwoord: $1`, `Hello {name}`, `{0} tokens`),
 * as MediaWiki, ICU and .NET number or name them: judged only in a value with spaces and a word,
 * which a random secret never is.
 */
const MESSAGE_PARAM = /(?:(?<![\w$\\])|(?<=\\[nrt]))\$\d{1,2}(?![\w$])|\{(?:[A-Za-z_]\w{0,40}|\d{1,2})\}/;

/** A word standing alone in a message: letters only between spaces, perhaps with a closing punctuation mark. */
const MESSAGE_WORD = /(?:^|\s)\p{L}{3,}[,.:;!?]?(?=\s|$)/u;

/** The same in a message written without spaces, where Latin letters may follow a parameter: `在$1text之后`. */
const SCRIPT_MESSAGE_PARAM = /(?<![\w$])\$\d|\{(?:[A-Za-z_]\w{0,40}|\d{1,2})\}/;

/** A printf conversion alone (`"%08x" % n`, `'%-10s'`): the format of a value made at run time. */
const PRINTF_SPEC = /^%[-+ 0#]{0,3}\d{0,3}(?:\.\d{1,3})?(?:ll?|hh?|[zjqL])?[diouxXeEfFgGcsrab]$/;

/**
 * A syntax grammar's scope name (TextMate, Sublime, VS Code, Ace, Monaco): the token type a
 * highlighter gives a piece of text (`keyword.control.catch-exception.vala`,
 * `comment.line.double-slash.actionscript.2`), assigned to `token` in every grammar file.
 */
const SCOPE_NAME =
  /^(?:comment|constant|entity|invalid|keyword|markup|meta|storage|string|support|variable|punctuation|source|text|paren)(?:\.[a-z0-9][a-z0-9-]{0,40}){1,8}$/;

/** A key chord (ctrl-option, Ctrl+Shift+S, alt): an access key's or a shortcut's modifiers, not a key's value. */
const KEY_CHORD =
  /^(?:(?:ctrl|control|alt|shift|meta|cmd|command|option|super|win|mod)(?:[-+](?:ctrl|control|alt|shift|meta|cmd|command|option|super|win|mod|[a-z0-9]|f\d{1,2}|enter|return|tab|space|esc|escape|up|down|left|right|home|end|delete|backspace|insert))+|ctrl|alt|shift|meta|cmd)$/i;

/** A rate, as rate limits are written: 5/m, 20/min, 100/hour. */
const RATE = /^\d{1,6}\/(?:s|m|h|d|sec|second|min|minute|hour|day)$/;

/** A hashing or signing algorithm's name alone ('PasswordDefault' => 'pbkdf2'): which algorithm, not a secret. */
/** A UUID's 8-4-4-4-12 hex groups. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A hash algorithm's or a crypt(3) scheme's name (md5-crypt, sha512_crypt), as a setting's default names it. */
const ALGORITHM_NAME =
  /^(?:(?:md5|sha-?256|sha-?512|blowfish|ext-?des|des)[-_]crypt|pbkdf2(?:[-_]sha\d{1,3})?|bcrypt|scrypt|argon2(?:id|i|d)?|sha-?(?:1|224|256|384|512)|sha3-\d{3}|md5|blake2[bs]?|[hrpe]s(?:256|384|512))$/i;

/**
 * References to a secret kept somewhere else: env reads, secret stores, ARNs, files, a command
 * that prints it (Apache's `exec:/usr/bin/cat /etc/ldap.pw`), and a
 * lookup table named by its type and file (Postfix's `hash:/etc/postfix/sasl_passwd`, `proxy:ldap:/etc/ldap.cf`).
 */
const REFERENCE =
  /process\.env|os\.environ|getenv|System\.getenv|Environment\.GetEnvironmentVariable|ENV\[|ENV\.fetch|^env\(|^env:|^\$env:|^exec:|^secret:|^vault:|^ssm:|^sm:\/\/|^op:\/\/|^arn:aws[\w-]{0,10}:|^projects\/[^/]{1,80}\/secrets\/|\.vault\.azure\.net\/|^(?:secret|kv|kv-v2)\/(?:data\/)?[\w-]|secretKeyRef|valueFrom|^!(?:Ref|Sub|GetAtt|ImportValue)\b|^\{\{resolve:(?:ssm|ssm-secure|secretsmanager):|^(?:file|keyring|keychain):|^\/run\/secrets\/|^\/var\/run\/secrets\/|^~?\.?\.?\/[\w./-]{1,200}$|^(?:[a-z][a-z0-9]{1,15}:){1,3}\/(?!\/)[\w./-]{1,200}$|\.(?:pem|key|crt|cer|p12|pfx|jks|keystore|json|txt|ya?ml|conf|cfg|ini|env|pub|asc|gpg)$/i;

/** A relative path to a file (`src/git/helper.ts`, `certs/client.pem`): where something is kept, not a value. */
const FILE_PATH =
  /^(?:[\w.-]+\/)+[\w-][\w.-]*\.(?:[cm]?[jt]sx?|py|rb|go|rs|java|kt|php|cs|c|h|cc|cpp|sh|bash|ps1|pem|key|crt|cer|der|p8|p12|pfx|jks|keystore|json|ya?ml|toml|ini|conf|cfg|env|txt|md|html?|css|xml|pub|asc|gpg|sql|csv|log|lock|wasm|node)$/i;

/**
 * Regular-expression source (`|^vault:|^ssm:`, `(?:pass|pwd)\s*=`): two or more constructs that
 * only a pattern writes: groups and look-arounds, escapes of classes and dots, negated classes,
 * bounded repeats, anchored alternatives.
 */
const REGEX_CONSTRUCT = /\(\?(?:[:=!]|<[=!]?)|\\[dwsbDWSB.]|\[\^|\{\d{1,3},\d{0,3}\}|\|\^|\$\||\)[?*+]|\][*+?]|\.[*+]\??/g;

/**
 * A pattern opens what it closes: as many `(` as `)` and `[` as `]` once escapes are set aside.
 * Random punctuation (a salt) that happens to hold two regex constructs rarely balances.
 */
function balancedBrackets(v: string): boolean {
  const plain = v.replace(/\\./g, '');
  const count = (c: string): number => plain.split(c).length - 1;
  return count('(') === count(')') && count('[') === count(']');
}

/**
 * Crypt-style password hashes and named digests: stored hashes, not passwords (phpass's $P$ and
 * $H$, WordPress's $wp$ bcrypt and Drupal's $S$ among them).
 */
const CRYPT_HASH =
  /^(?:U?\$S\$[./A-Za-z0-9]{52}|\$(?:2[abxy]?|2|1|5|6|md5|apr1|y|gy|7|sha1|P|H|wp|argon2(?:id|i|d)|pbkdf2(?:-sha\d{1,3})?|scrypt|bcrypt(?:-sha256)?)\$[^\s]{8,}|\{(?:SSHA|SHA|SSHA256|SSHA512|SMD5|MD5|CRYPT|PBKDF2(?:-SHA\d{1,3})?|ARGON2)\}\S{8,}|(?:pbkdf2_sha\d{1,3}|bcrypt_sha256|argon2|sha1|md5|scrypt)\$\S{8,}|[a-f0-9]{32}:[a-f0-9]{2,64}|\*[0-9a-f]{40}|md5[0-9a-f]{32}|SCRAM-SHA-256\$\d{1,7}:\S{8,}|:(?:[AB]|pbkdf2(?:-legacy[AB])?|bcrypt|argon2):\S{8,})$/i;

/** Filler words: a value made only of these names the slot rather than filling it (test-key). */
const FILLER = new Set([
  'password', 'passwd', 'pass', 'pwd', 'pw', 'psw', 'secret', 'token', 'key', 'apikey', 'value', 'string', 'dummy', 'none',
  'default', 'your', 'api', 'the', 'here', 'some', 'xxx', 'user', 'username', 'auth', 'salt', 'nonce', 'my', 'passphrase',
  'credential', 'credentials', 'private', 'access',
]);
/** Words that, run together, spell a credential's name (accesskey, consumersecret, clientsecret): the slot, not a value. */
const NAME_PARTS = /^(?:access|refresh|consumer|client|api|app|secret|key|token|password|pass|passwd|pwd|private|session|bearer)+$/;
/** Prefixes of providers' tokens: the provider's own rule judges them (a short one is a docs stand-in: sk_test_123). */
const PROVIDER_PREFIX = /^(?:[sprk]k_(?:test|live)_|tok_|gh[pousr]_|github_pat_|xox[abpres]-|AKIA|ASIA|AIza|SG\.|npm_|glpat-|hf_|xapp-)/;
/** A size or a duration: 2-byte, 32 bytes, 30 days. */
const MEASURE = /^(?:\d{1,6}[- ]?)?(?:bytes?|octets?|bits?|chars?|characters?|digits?|days?|hours?|minutes?|mins?|seconds?|secs?|ms|milliseconds?|weeks?|months?|years?|kb|mb|gb)$/i;
/** Character encodings, as a call's second argument names them: write('password', 'latin1'), .encode('utf-16-le'). */
const ENCODING = /^(?:utf-?8|utf-?(?:16|32)(?:[-_]?(?:le|be))?|ucs-?2(?:[-_]?(?:le|be))?|latin-?1|ascii|base64(?:url)?|hex|binary|iso-8859-\d{1,2})$/i;
/** A type's name in a namespace: AWS::SecretsManager::Secret, Test2::Event::Pass. */
const NAMESPACED_TYPE = /^[A-Z][A-Za-z0-9]*(?:::[A-Z][A-Za-z0-9]*){1,6}$/;
/** A class or a function in a PHP namespace ('PhpMyAdmin\\Controllers\\UserPasswordController', 'Safe\ftp_pwd'), in code or a routing table. */
const PHP_NAMESPACED = /^\\{0,2}[A-Z][A-Za-z0-9_]*(?:\\{1,2}[A-Za-z_][A-Za-z0-9_]*){1,8}$/;
/** A long command-line option's name. */
const CLI_OPTION = /^--[a-z][a-z0-9]*(?:-[a-z0-9]+)*$|^-[a-z]{2,24}$/;
/**
 * Erlang's code read as a value: a record's update or field (`PSK0#pre_shared_key_client_hello{…}`,
 * `State#state.secret`), and a binary's segment of a size and a type (`Secret1:EvenLength/binary`).
 */
const ERLANG_RECORD = /^(?:[A-Z_]\w*)?#[a-z]\w*(?:\{|\.[a-z])/;
const ERLANG_SEGMENT = /^(?:[A-Z_]\w*|\d{1,5})\/(?:binary|bytes|bitstring|bits|integer|float|utf8|utf16|utf32)(?:-[a-z]+(?::\d{1,3})?)*,?$/;
/** A POSIX character class opening a value, as `tr` and a shell's patterns write a set of characters (`[:punct:][:alnum:]`). */
const POSIX_CLASS = /^\[:(?:alnum|alpha|blank|cntrl|digit|graph|lower|print|punct|space|upper|xdigit):(?:\]|$)/;
/** A file of source, object or build code by its name alone: git-credential-wincred.c, token.o, auth.exe. */
const SOURCE_FILE = /^[A-Za-z_][\w-]*(?:\.[\w-]+)*\.(?:c|h|cc|cpp|cxx|hpp|hh|o|obj|exe|dll|so|dylib|a|lib|[cm]?js|ts|py|pyc|rb|go|rs|java|class|jar|php|pl|pm|sh|mk|in|am)$/;
/** Event names and scopes: token:error:renew, read:user; a list of module names (mod_sql:mod_sql_passwd:mod_tls). */
const COLON_NAME = /^[a-z]{2,20}(?::[a-z]{2,20}){1,4}$|^[a-z][a-z0-9]{1,30}_[a-z0-9_]{1,30}(?::[a-z][a-z0-9_]{1,30}){1,40}$/;

/** Seven fields or more, each of at most twelve word characters, between colons (see classifyValueOnce). */
const COLON_RECORD = /^[\w.+-]{0,12}(?::[\w.+-]{0,12}){6,}$/;

/** The words of a credential's name: a value made of a name around one of these names the slot (user_password). */
const CREDENTIAL_WORDS = new Set([
  'password', 'passwd', 'pass', 'pwd', 'pw', 'passphrase', 'secret', 'secrets', 'token', 'tokens', 'key', 'keys', 'apikey', 'auth',
  'credential', 'credentials', 'salt', 'nonce',
]);
/** Words that make a phrase a chosen password (my-top-secret, super-secret) rather than a name. */
const PHRASE_WORDS = new Set(['top', 'super', 'very', 'so', 'really', 'most', 'ultra', 'mega', 'extra', 'big', 'little', 'a', 'its', 'it', 'is', 'not', 'no', 'shh', 'shhh', 'hush']);
/** Words of prose and of descriptions, not of a passphrase someone chose. */
const PROSE_WORDS = new Set([
  'the', 'of', 'for', 'is', 'are', 'be', 'was', 'must', 'should', 'will', 'your', 'you', 'this', 'that', 'which', 'with', 'enter',
  'please', 'invalid', 'required', 'missing', 'cannot', 'can', 'not', 'from', 'used', 'when', 'if', 'an', 'use', 'see', 'set',
  'value', 'field', 'user', 'users', 'string', 'optional', 'new', 'old', 'current', 'confirm', 'error', 'wrong', 'incorrect',
  // The verbs and adjectives of a form's labels and buttons: show password, reset token, strong password.
  'show', 'hide', 'forgot', 'forget', 'reset', 'change', 'repeat', 'retype', 'type', 'choose', 'create', 'update', 'save',
  'remember', 'generate', 'copy', 'request', 'send', 'verify', 'verification', 'strong', 'weak', 'secure', 'minimum',
  'maximum', 'characters', 'expired', 'expires', 'valid', 'empty',
]);

/**
 * A name made of words around a credential's word, with separators (user_password,
 * smtp-password-value, second-token, AWS_CONTAINER_AUTHORIZATION_TOKEN): the name of a slot,
 * a variable or an environment variable, not a value someone chose for it.
 */
function namesCredential(value: string): boolean {
  const name = value.replace(/^_+|_+$/g, '');
  if (!/^[A-Za-z0-9]+(?:[_ -][A-Za-z0-9]+)+$/.test(name)) return false;
  const parts = name.toLowerCase().split(/[_ -]/);
  // Words of letters; one may be a product's short name with a digit inside (my-k8s-api-key,
  // EC2_ACCESS_TOKEN, oauth2-client-secret).
  const digits = parts.filter((p) => /\d/.test(p));
  if (digits.length > 1 || digits.some((p) => !/^[a-z]{1,5}\d[a-z]{0,2}$/.test(p))) return false;
  return parts.some((p) => CREDENTIAL_WORDS.has(p)) && !parts.some((p) => PHRASE_WORDS.has(p));
}

/**
 * Lower-case words joined by hyphens around a credential's word, as a test or an example picks a
 * password (fallback-password, my-secret, test-token-1): a value someone chose, not a variable's
 * name (those are snake_case or camelCase). Not when every word only names the slot (api-key,
 * secret-key) or reads as a form's label (new-password, current-password).
 */
const PASSWORD_WORDS = new Set(['password', 'passwd', 'pass', 'pwd', 'passphrase', 'secret']);
/**
 * Words that number, rank or own slots (second-token, provider-app-client-secret, admin-password,
 * a Kubernetes Secret's key): names, not values.
 */
const ORDINALS = new Set([
  'first', 'second', 'third', 'other', 'another', 'next', 'last', 'primary', 'secondary', 'old', 'new', 'client', 'app', 'api',
  'access', 'consumer', 'provider', 'service', 'account', 'private', 'session', 'auth', 'user', 'admin', 'root', 'db',
  'database', 'smtp', 'mail', 'redis', 'mysql', 'postgres', 'postgresql', 'mongo', 'mongodb', 'ldap', 'registry', 'webhook',
]);
function chosenKebab(value: string): boolean {
  if (!/^[a-z]+(?:-[a-z]+){1,3}(?:-?\d{1,4})?$/.test(value)) return false;
  const parts = value.replace(/-?\d+$/, '').split('-');
  if (!parts.some((p) => PASSWORD_WORDS.has(p)) || parts.some((p) => PROSE_WORDS.has(p) || PHRASE_WORDS.has(p) || ORDINALS.has(p))) return false;
  return parts.some((p) => !FILLER.has(p) || p === 'my');
}

/** Type names written where a value would be (`secretKey: number`, `password: String=`, `Buffer|string`). */
const TYPE_NAME = /^(?:unique symbol|readonly \w+)$|^[?!]?(?:string|number|boolean|object|any|unknown|never|void|symbol|bigint|buffer|uint8array|array|function|date|null|undefined|int|integer|float|double|long|char|bytes|str|bool)(?:\[\])?[=?!]?$/i;

/** A base64 value whose bytes are text: an encoded word or name (a paging token's label), or OpenSSL's `Salted__` ciphertext. */
function decodedClass(value: string): ValueClass | null {
  if (value.length < 12 || value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return null;
  const text = Buffer.from(value, 'base64').toString('latin1');
  if (text.startsWith('Salted__')) return 'reference';
  if (!/^[\x20-\x7e]+$/.test(text)) return null;
  const inner = classifyValue(text, 'literal');
  if (inner === 'identifier' || inner === 'placeholder' || inner === 'template' || inner === 'reference' || inner === 'code') return 'placeholder';
  return inner === 'word' ? 'word' : null;
}

/**
 * Mostly characters beyond ASCII (a message in Chinese, Greek, Cyrillic), also when read as the
 * bytes of its UTF-8. (A password chosen to test encodings may have as many: Passw0rdé你好.)
 */
function inAnotherScript(value: string): boolean {
  const beyond = value.replace(/\p{ASCII}/gu, '').length;
  return beyond >= 6 && beyond * 2 >= value.length;
}

/** Ciphertext is what a team should commit instead of a secret: sops, sealed-secrets, KMS, Vault transit, Ansible Vault. */
const CIPHERTEXT = /^(?:ENC\[[A-Z0-9_]{3,20},|Ag[AB][A-Za-z0-9+/]{60}|AQICAH[A-Za-z0-9+/]{40}|vault:v\d{1,3}:|\$ANSIBLE_VAULT;)/;

/** Passwords people pick for tests and demos; the roots of their digit and symbol variants. */
const COMMON_WORDS = new Set([
  'password', 'passwd', 'pass', 'pwd', 'secret', 'admin', 'administrator', 'root', 'test', 'tester', 'testing', 'guest',
  'user', 'username', 'default', 'demo', 'letmein', 'qwerty', 'welcome', 'hello', 'foo', 'bar', 'foobar', 'baz', 'abc',
  'abcd', 'abcdef', 'master', 'login', 'access', 'pa', 'sa', 'postgres', 'mysql', 'oracle', 'redis', 'mongo', 'rabbitmq',
  'changeit', 'token', 'key', 'apikey', 'qwertyuiop', 'asdf', 'asdfgh', 'zxcvbn', 'monkey', 'dragon', 'sunshine',
  'iloveyou', 'trustno', 'superman', 'batman', 'football', 'baseball', 'shadow', 'michael', 'hunter', 'opensesame', 'sesame',
  'private', 'public', 'mypassword', 'mysecret', 'testpassword', 'testpass', 'adminadmin', 'rootroot', 'secretkey', 'super',
  'supersecret', 'topsecret', 'userpass', 'pw', 'pword', 'pass', 'system', 'manager', 'server', 'client', 'local', 'dev',
  'develop', 'development', 'prod', 'production', 'staging', 'app', 'application', 'service', 'web', 'db', 'database',
]);

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };

/** A value that reads as words, maybe with digits or a symbol: password123, Passw0rd!, admin. */
function looksLikeWords(value: string): boolean {
  if (value.length > 24) return false;
  // (Digits after a separator too: super-secret-123, admin_2024.)
  const core = value.replace(/[^A-Za-z0-9@$!]+$/, '').replace(/\d+$/, '').replace(/[_.-]+$/, '').replace(/^\d+/, '');
  if (core.length === 0) return false;
  const folded = core.replace(/[013457@$!]/g, (c) => LEET[c] ?? c).toLowerCase();
  if (!/^[a-z]+(?:[_.-]?[a-z]+){0,2}$/.test(folded)) return false;
  const letters = folded.replace(/[_.-]/g, '');
  if (COMMON_WORDS.has(letters)) return true;
  for (const w of COMMON_WORDS) if (w.length >= 4 && letters.startsWith(w) && COMMON_WORDS.has(letters.slice(w.length))) return true;
  // Leet spelling changes a few letters of a word (P4ssw0rd, s3cr3t): digits for a third of the
  // letters or more, or more than three, are a random value's noise (2Ar44U0e3q, 9b1s7eZ4P5).
  // (Short values keep the looser reading: a generated name such as Erlang's `F@_1` is no word either.)
  const folds = (core.match(/[013457@$!]/g) ?? []).length;
  if (core.length >= 6 && (folds > 3 || folds * 3 > core.length)) return false;
  // Words in camel case start each part with a capital (HelloWorld, MySecretPass, dbPassWORD):
  // a lone letter between parts of other case is a random value's (kYyvkH0k7X, qYr1v1BOCP).
  const caseParts = core.replace(/[013457@$!]/g, (c) => LEET[c] ?? c).match(/[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|[A-Z]/g) ?? [];
  if (core.length >= 6 && caseParts.some((p, i) => p.length === 1 && p !== 'I' && !(i === caseParts.length - 1 && /[A-Z]/.test(p)))) return false;
  if (caseParts.filter((p) => /^[A-Z]{2,}$/.test(p)).length > 1) return false;
  // Pronounceable: vowels throughout, no long consonant runs, and little case noise.
  const upper = core.replace(/[^A-Z]/g, '').length;
  const caseFlips = (core.match(/[a-z][A-Z]|[A-Z][a-z]/g) ?? []).length;
  if (upper > 1 && caseFlips > 2) return false;
  const parts = folded.split(/[_.-]/);
  // (One vowel in five letters still reads as a word: bench, script; four consonants in a row do not.)
  return parts.every((p) => /[aeiouy]/.test(p) && !/[^aeiouy]{4,}/.test(p) && (p.match(/[aeiouy]/g)?.length ?? 0) * 5 >= p.length);
}

/** A pronounceable piece of a name: a vowel, and no run of four consonants. */
function pronounceable(part: string): boolean {
  return /[aeiouy]/i.test(part) && !/[^aeiouy\d]{4,}/i.test(part);
}

/** Words and short abbreviations (snmp, api, db), one of them a word of four letters or more: data-api, snmp_priv_passphrase. */
function selectorName(name: string): boolean {
  const parts = name.split(/[_-]/);
  const word = (p: string): boolean => pronounceable(p) || CREDENTIAL_WORDS.has(p);
  return parts.every((p) => p.length <= 4 || word(p)) && parts.some((p) => p.length >= 4 && word(p));
}

/**
 * The name of something rather than a value: a CamelCase name (`NextToken`, `MaxResults`) or a
 * constant (`LIB-NAME`, `IMPORTING`, `AUTH_HEADER`) made of pronounceable parts. API
 * descriptions, type literals and enums assign these to credential-ish keys all the time.
 */
function looksLikeName(value: string): boolean {
  if (value.length > 60) return false;
  let parts: string[] | null = null;
  if (/^[A-Z][A-Z]*(?:[_-][A-Z]+)*$/.test(value) && value.length >= 4) {
    parts = value.split(/[_-]/);
    // Short abbreviations among words (R_SPF_ALLOW, DKIM_SIG_OK): a constant, when a word of four letters or more is one.
    const abbreviated = parts.filter((p) => p.length <= 3);
    if (abbreviated.length > 0 && abbreviated.length < parts.length && parts.some((p) => p.length >= 4 && pronounceable(p))) parts = parts.filter((p) => p.length > 3);
  }
  // A constant with a number among its words (TIME_24_WITH_SECONDS, HTTP_2_ONLY): the numbers set apart.
  else if (/^[A-Z][A-Z]*(?:_(?:[A-Z]+|\d{1,4}))+$/.test(value) && /_\d/.test(value)) {
    parts = value.split('_').filter((p) => !/^\d+$/.test(p));
    if (parts.length < 2) parts = null;
  }
  else if (/^[A-Za-z][a-z]+(?:[A-Z][a-z]+)+$/.test(value)) parts = value.match(/[A-Z]?[a-z]+/g);
  // CamelCase ending in an acronym, or its plural: InterpolationInJSX, parseHTML, postBackControlIDs.
  else if (/^[A-Za-z][a-z]+(?:[A-Z][a-z]+)*[A-Z]{2,5}s?$/.test(value)) {
    const acronym = /[A-Z]{2,5}s?$/.exec(value)![0];
    parts = value.slice(0, -acronym.length).match(/[A-Z]?[a-z]+/g);
  }
  // A class's name after an acronym or a version (V1SecretVolumeSource, V1ServiceAccountTokenProjection),
  // as generated clients name their models: Capitalised words of three letters or more, a vowel
  // in every four letters, making most of the name.
  else if (/^(?:[A-Z]{1,5}\d{0,2}|V\d{1,2})(?:[A-Z][a-z]{2,}\d{0,2}){2,}$/.test(value)) {
    const words = value.match(/[A-Z][a-z]{2,}/g)!;
    if (words.join('').length * 10 >= value.length * 7 && words.every((w) => (w.match(/[aeiouy]/gi)?.length ?? 0) * 4 >= w.length)) parts = words;
  }
  return parts !== null && parts.every((p) => pronounceable(p));
}

/**
 * Names joined by `/`, `.` or `!` (`IAMUser/AnomalousBehavior`, `EC2/DNSDataExfiltration!DNS`,
 * `Kubernetes/MaliciousIPCaller.Custom`): a type or an event written as a path of names, such as
 * GuardDuty's finding types. Each part is CamelCase words or a short acronym, and at least two
 * of the words have four letters or more.
 */
function looksLikeNamePath(value: string): boolean {
  if (value.length > 120 || !/^[A-Za-z][\w]*(?:[/.!][A-Za-z][\w]*)+$/.test(value) || !value.includes('/')) return false;
  let worded = 0;
  for (const part of value.split(/[/.!]/)) {
    const words = part.split(/_|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/);
    // (A word may carry a version or a factor's number: oauth2, radius2f, totp2f.)
    if (!words.every((w) => /^[A-Z][A-Z0-9]{0,4}$/.test(w) || (/^[A-Za-z][a-z]+(?:\d{1,2}[a-z]{0,2})?$/.test(w) && pronounceable(w.replace(/\d.*$/, ''))))) return false;
    worded += words.filter((w) => /^[A-Za-z][a-z]{3,}$/.test(w)).length;
  }
  return worded >= 2;
}

/**
 * A secret's name in a secret store, written as a path of words (`prod/db/password`,
 * `myapp/staging/api-key`, `Prod/Payments/StripeKey`): AWS Secrets Manager, Parameter Store and
 * Vault name secrets this way, and code assigns the name to the key that reads the secret. Every
 * word is letters that read as a word, a short abbreviation (db, kv, v2) or a small number, which
 * a random value's slashes (base64) never give.
 */
function looksLikeSecretName(value: string): boolean {
  if (value.length > 120 || !/^\/?[A-Za-z][\w.-]*(?:\/[A-Za-z0-9][\w.-]*){1,8}\/?$/.test(value)) return false;
  const words = value.split(/[/_.-]+|(?<=[a-z])(?=[A-Z])/).filter((w) => w !== '');
  return words.some((w) => w.length >= 4) && words.every((w) => /^\d{1,4}$/.test(w) || /^[A-Za-z]{1,3}\d{0,2}$/.test(w) || (/^[A-Za-z]+$/.test(w) && pronounceable(w)));
}

/** Code written where a value would be: calls, member chains, struct literals, operators. */
function looksLikeCode(value: string): boolean {
  if (/^[A-Za-z_$][\w$.]*\s*\(|^new\s|^\w+\s*\{$|[\w\]]\{$|^[\w.]+\s+(?:&|\||==|!=|<=|>=|\+|-|\*)\s+[\w.(]|^[?!([]|=>|->|::/.test(value)) return true;
  if (/^(?:this|self)\.|^#[A-Za-z_]/.test(value)) return true;
  // this.#internals.password, req.body.password, cfg.Password — a chain of names.
  if (/^[A-Za-z_$#][\w$#]*(?:\.[A-Za-z_$#][\w$#]*)+$/.test(value) && !/[\w$]{30}/.test(value)) return true;
  return /\s(?:if|else|and|or|not|in|is|return)\s/.test(value);
}

/** A word that mixes letters or digits with a symbol, or letters with digits: horse42, Tr0ub4dor, 42!, &. */
const PASSWORD_TOKEN = /[A-Za-z][0-9]|[0-9][A-Za-z]|[0-9][!@#$%^&*+=~|_/\\-]|[!@#$%^&*+=~|_/\\-][0-9]|^[!@#$%^&*+=~|/\\]{1,3}$/;

/**
 * A passphrase: two to six words joined by single spaces, one of them mixing letters, digits
 * and symbols (`correct horse battery 42!`, `Tr0ub4dor & 3 horses`). A message's words are
 * letters (its numbers stand alone: `at least 8 characters`), it holds words of prose, ends a
 * sentence after a letter (`… Zeichen!`) or pauses at a comma, so none of that is taken.
 */
function chosenPassphrase(v: string): boolean {
  if (v.length > 64 || !/^\S+(?: \S+){1,5}$/.test(v)) return false;
  const tokens = v.split(' ');
  // (An acronym with its number, SHA256, UTF8, IPv6, or a version, v2, is a word of prose too.)
  if (!tokens.some((t) => PASSWORD_TOKEN.test(t) && !/^(?:[A-Z]{2,6}v?-?\d{1,4}|v\d{1,3}(?:\.\d{1,3}){0,2})$/.test(t))) return false;
  if (tokens.some((t) => PROSE_WORDS.has(t.toLowerCase().replace(/[^a-z]/g, '')))) return false;
  if (/[A-Za-z][.!?:]$/.test(v) || tokens.some((t) => /[A-Za-z][,;]$/.test(t))) return false;
  // Words, not code or markup: no quotes, brackets or operators between them.
  return !/["'`()[\]{}<>]|[=!]=|&&|\|\|/.test(v);
}

/**
 * A message whose numbers stand apart from its words (`Min 8 chars`, `Too short (min 8)`,
 * `Use 12 or more`): every word letters only or digits only, two of them words that read as
 * words. In brackets or closed by punctuation it is a message (`placeholder`); bare, it could
 * still be a phrase someone chose, so it is a `word` (low). A passphrase mixes letters, digits or
 * symbols inside one word (`horse42`), and is judged before this.
 */
function messageWithNumbers(tokens: string[]): ValueClass | null {
  if (tokens.length < 2 || tokens.length > 12) return null;
  let words = 0;
  let numbers = 0;
  let marked = false;
  for (const token of tokens) {
    const core = token.replace(/^[(["']+/, '').replace(/[)\]"',.;:!?]+$/, '');
    if (core !== token) marked = true;
    if (/^\d{1,6}$/.test(core)) numbers++;
    else if (/^[A-Za-z]{2,}$/.test(core) && pronounceable(core)) words++;
    else if (!/^[A-Za-z]$/.test(core)) return null;
  }
  if (numbers === 0 || words < 2) return null;
  return marked ? 'placeholder' : 'word';
}

/** The share of characters that follow their predecessor in code order (abc, 789). */
function sequentialShare(value: string): number {
  let run = 0;
  for (let i = 1; i < value.length; i++) if (value.charCodeAt(i) === value.charCodeAt(i - 1) + 1) run++;
  return run / (value.length - 1);
}

function charClasses(value: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
}

/** Random-looking: long enough, several character classes, high entropy, not words. */
function looksRandom(value: string): boolean {
  if (value.length < 10) return false;
  const entropy = shannonEntropy(value);
  if (value.length >= 16 && entropy >= 3.5 && charClasses(value) >= 2) return true;
  return entropy >= 3.0 && charClasses(value) >= 3;
}

/**
 * The class of a value depends on the value and its shape alone, and the same values come back
 * in every version of a file a history holds: each shape remembers the classes it gave to values
 * of up to MEMO_VALUE_CHARS characters, emptied at 4,096 values so that a text of unique values
 * cannot grow it (five shapes of 4,096 values of 256 characters: a few MB at the most).
 */
const MEMO_SIZE = 4096;
const MEMO_VALUE_CHARS = 256;
const memoByShape = new Map<ValueShape, Map<string, ValueClass>>();

export function classifyValue(value: string, shape: ValueShape): ValueClass {
  if (value.length > MEMO_VALUE_CHARS) return classifyValueOnce(value, shape);
  let memo = memoByShape.get(shape);
  if (memo === undefined) {
    memo = new Map();
    memoByShape.set(shape, memo);
  }
  let cls = memo.get(value);
  if (cls === undefined) {
    cls = classifyValueOnce(value, shape);
    if (memo.size >= MEMO_SIZE) memo.clear();
    // (Kept as a copy: a slice of a blob's text would hold the whole blob alive.)
    memo.set(value.length < 13 ? value : Buffer.from(value, 'utf16le').toString('utf16le'), cls);
  }
  return cls;
}

function classifyValueOnce(value: string, shape: ValueShape): ValueClass {
  let v = value.trim();
  if (shape === 'empty' || v === '' || /^["'`]+$/.test(v)) return 'empty';
  // A command-line flag and its separator (`'-X ' . $priv_pass`, `'--password='`): the value is appended to it.
  if (/^-{1,2}[A-Za-z][\w-]{0,40}[ =]$/.test(value)) return 'code';
  // A password stored under a plain-text scheme ({plaintext}abc123, {PLAIN}x): the password is what follows.
  const scheme = /^\{(?:plain|plaintext|cleartext|clear)\}(.+)$/i.exec(v);
  if (scheme) return classifyValue(scheme[1]!, shape);
  // Markdown emphasis or code around a value in prose: **secret**, `token`.
  // (Not a censor's stars: `*** INVALID ***` stays a run of three.)
  const emphasis = /^(\*\*|__|`)(?!\*)(.+?)(?<!\*)\1$/.exec(v);
  if (emphasis) v = emphasis[2]!;
  // A reStructuredText role around a value in a docstring: :code:`<pfx-file-password>`.
  const role = /^:[a-z][\w-]{0,20}:`([^`]{1,200})`$/.exec(v);
  if (role) return classifyValue(role[1]!, shape);
  // Capital words in emphasis stand in for a value, as a redaction's censor does: **GDPR COMPLIANT**.
  if (emphasis && /^[A-Z]+(?: [A-Z]+)+$/.test(v)) return 'placeholder';
  const notSecret = notASecretValue(v, shape);
  if (notSecret !== null) return notSecret;
  // A PEM block is the private-key rules' to judge; a URL without user info names a place.
  // A URN names a class or a namespace (urn:oasis:names:tc:SAML:2.0:ac:classes:Password).
  // So does a JDBC URL without a password in it (jdbc:h2:mem:, jdbc:derby:db;create=true), read
  // as a password where a call's arguments start with a driver's class.
  if (v.startsWith('-----BEGIN') || /^[a-z][a-z0-9+.-]{1,20}:\/\/[^\s@]*$/i.test(v) || /^urn:[a-z0-9][a-z0-9-]{1,31}:\S+$/i.test(v)) return 'reference';
  if (/^jdbc:[a-z][\w-]{0,30}:[^\s@]*$/i.test(v) && !/pass|pwd|secret|token|key=/i.test(v)) return 'reference';
  if (TYPE_NAME.test(v) || /^[\w.<>[\]]+(?:\s{0,3}\|\s{0,3}[\w.<>[\]]+)+$/.test(v) && v.split('|').every((t) => TYPE_NAME.test(t.trim()) || /^[A-Z][A-Za-z.<>[\]]+$/.test(t.trim()))) return 'code';
  if (PROVIDER_PREFIX.test(v) || MEASURE.test(v) || COLON_NAME.test(v) || ENCODING.test(v) || KEY_CHORD.test(v)) return 'placeholder';
  // A record of seven short fields or more between colons, as a table writes a row
  // (`PSK:PSK:AES:GCM:256:AEAD:256:SHA384:384:rfc5487:0:0300:ffff`, a cipher suite's): a secret
  // holding colons holds a few, around long parts.
  if (COLON_RECORD.test(v)) return 'code';
  // A Perl or Ruby match held in a string, as a setting's default rule is (`$_auth =~ /^(LDAP|DBI)$/`).
  if (/^\$[A-Za-z_]\w*(?:->\{?\w+\}?)*\s{0,3}[=!]~\s{0,3}(?:\/|m\W)/.test(v)) return 'code';
  if (RATE.test(v)) return 'number';
  if (PRINTF_SPEC.test(v)) return 'template';
  // A message with its parameters (`Ongeldig wachtwoord: $1`); a path under a variable's folder ("$testDir/unit/x.php").
  // (A message has a word standing alone among its spaces; a salt drawn from a charset with the
  // space in it, as WordPress's are, has `{rHxU}` or `$1` among symbols but no such word.)
  if (/\s/.test(v) && MESSAGE_WORD.test(v) && MESSAGE_PARAM.test(v)) return 'placeholder';
  if (/^\$[A-Za-z_]\w*(?:\/[\w.-]{1,80}){1,20}\/?$/.test(v)) return 'template';
  // A route with its parameters (/users/{user_id}/application_credentials), also under a base's
  // ({url}/realms/{realm}/token); a password scheme's tag alone ('{SHA512-CRYPT.B64}' . $hash).
  if (/^(?:\{[A-Za-z_]\w{0,40}\})?(?:\/[\w.-]{0,80})*\/\{[A-Za-z_]\w{0,40}\}(?:\/[\w.{}-]{0,80})*$/.test(v)) return 'template';
  // A Jinja expression, whole, perhaps after a type's tag (Ansible's `{{ lookup("file", "id") }}`,
  // `str:{{db_password}}`): a random value does not open with `{{` and close with `}}`.
  // (Or cut where a rule's match stops, at the first `}`: `str:{{ovirt_db_password`.)
  if (/^(?:[a-z]{1,10}:)?\{\{-?\s{0,3}(?:[\w("'[].{0,300}\}\}|[A-Za-z_][\w.]{0,80})$/s.test(v)) return 'template';
  // An Azure Resource Manager template's expression: `[parameters('adminPassword')]`.
  if (/^\[(?:parameters|variables|reference|listKeys|listSecrets|concat|format)\(.{1,200}\)\]$/.test(v)) return 'template';
  // A JSONPath template, as kubectl reads a field: `{.credential.access_token}`.
  if (/^\{\.[A-Za-z_][\w.]{0,80}\}$/.test(v)) return 'template';
  // A file's path and a lookup's options after it (Ansible's `/dev/null chars=hexdigits length=64`).
  if (/^(?:\/[\w.-]{1,80}){1,20}(?:\s+[a-z_]{2,20}=[\w,.-]{1,40})+$/.test(v)) return 'reference';
  if (/^\{[A-Z][A-Z0-9]{1,15}(?:[-.][A-Z0-9]{1,15}){0,3}\}$/.test(v)) return 'placeholder';
  if (SCOPE_NAME.test(v) || ALGORITHM_NAME.test(v)) return 'identifier';
  // A crypt scheme's prefix alone ('$1$' . $salt) and Perl's interpolated variables ("$user $pass").
  if (/^\$(?:1|2[abxy]?|5|6|apr1|y)\$$/.test(v) || /^\$[A-Za-z_]\w*(?:\s{1,3}\$[A-Za-z_]\w*)+$/.test(v)) return 'template';
  // A type in a namespace (AWS::SecretsManager::Secret, Crypt::Password), a command-line option
  // (--require, OpenSSL's -nodes), a source or build file's name (git-credential-wincred.c), an escaped line break.
  if (NAMESPACED_TYPE.test(v) || PHP_NAMESPACED.test(v) || CLI_OPTION.test(v) || SOURCE_FILE.test(v) || /^\\[nrt]/.test(v)) return 'code';
  // Erlang's record and binary segment, a POSIX character class.
  if (ERLANG_RECORD.test(v) || ERLANG_SEGMENT.test(v) || POSIX_CLASS.test(v)) return 'code';
  // A crypt salt spec ($6$salt): what follows the scheme decides.
  const saltSpec = /^\$(?:1|2[abxy]?|5|6|apr1|y)\$([^$]{1,30})$/.exec(v);
  if (saltSpec) return classifyValue(saltSpec[1]!, shape);
  if (TEMPLATE.test(v) && (v.length < 32 || WHOLE_TEMPLATE.test(v))) return 'template';
  // A run-time expansion opening the value, whole or cut where a rule's match stops (FreeRADIUS's
  // `%{User-Password}`, `%{ldap:ldap:///ou=...?cn=%{Packet-Src-IP-Address}}`), or a message's
  // numbered argument (a translation's `change your password: %{1}`).
  if (/^%\{(?:[A-Za-z][\w.-]{0,60}|\d{1,2})(?:[:}]|$)/.test(v)) return 'template';
  // A query string of names and short words (MediaWiki's 'action=login&!lgtoken'): a request's
  // shape, so long as no credential's name in it carries a value (`user=ops&pass=word` does).
  if (/^[a-z]\w{0,30}=[a-z]{1,12}(?:&!?[a-z]\w{0,30}(?:=[a-z]{1,12})?)+$/.test(v) && !/(?:pass|pwd|secret|token|key|auth)\w{0,10}=/i.test(v)) return 'reference';
  // An assignment in a query's SET list, held in a string (`token_count = token_count + 1,`).
  if (/^[A-Za-z_]\w*\s?=\s?[A-Za-z_]\w*\s?[-+*/]\s?\$?\w+,?$/.test(v)) return 'code';
  // The jwt.io sample token, known by its claims: documentation (the JWT rules drop it too).
  if (isSampleJwt(v)) return 'placeholder';
  if (shape === 'reference' || REFERENCE.test(v) || FILE_PATH.test(v) || (looksLikeSecretName(v) && !looksLikeNamePath(v))) return 'reference';
  if ((v.match(REGEX_CONSTRUCT)?.length ?? 0) >= 2 && balancedBrackets(v)) return 'code';
  if (shape === 'expression') return 'code';
  if (CRYPT_HASH.test(v)) return 'hash';
  if (CIPHERTEXT.test(v)) return 'reference';
  // Lower-case words with spaces are not a name (names have no spaces): a phrase someone chose
  // (`default password`), unless it reads as prose or a label (judged with the phrases below).
  // One credential word among others: two (`shared key secret`, `auth token`) name a slot.
  const kebab = chosenKebab(v);
  const phrase = (/^[a-z]+(?: [a-z]+){1,3}$/.test(v) && v.split(' ').filter((w) => CREDENTIAL_WORDS.has(w)).length === 1) || kebab;
  if (!phrase && v.toLowerCase().split(/[-_.\s]+/).every((w) => FILLER.has(w))) return 'placeholder';
  if (!phrase && (namesCredential(v) || NAME_PARTS.test(v.toLowerCase()))) return 'placeholder';
  // Names of credentials joined as OAuth 1.0 joins its signing key: consumerSecret&tokenSecret.
  if (/^[A-Za-z_]{3,}(?:&[A-Za-z_]{3,})+$/.test(v) && v.split('&').every((p) => /secret|token|key|pass/i.test(p))) return 'placeholder';
  // Documentation's stand-ins in lower case: someuser, some-password, some_token.
  if (PLACEHOLDER.test(v) || STATE_SENTINEL.test(v) || SENTINEL_CONSTANT.test(v) || /^some[_-]?[a-z]{3,}$/.test(v)) return 'placeholder';
  // Anonymous FTP's conventional password (RFC 1635): `anonymous`, or it with an e-mail address,
  // and a leading `-` that asks the server for short replies.
  if (/^-?anonymous(?:@[\w.-]{0,80})?$/i.test(v)) return 'placeholder';
  // An e-mail address alone: what anonymous FTP asks for as its password, and an identifier
  // wherever else it stands (ftp@example.org).
  if (/^[\w.+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})*\.[a-z]{2,12}$/i.test(v)) return 'placeholder';
  if (kebab) return 'word';
  // Lower-case words joined by commas: a list of modes or names compared in a script ("lib,link").
  if (/^[a-z]{2,12}(?:,[a-z]{2,12}){1,5}$/.test(v)) return 'word';
  // One character repeated, or one short unit repeated (aaaaaa, 121212, abcabcabc).
  if (/^(.{1,3})\1{3,}$/.test(v) || /(.)\1{5,}/.test(v)) return 'placeholder';
  // A few digits are a test PIN or password; longer runs are timestamps, ids and counts.
  if (/^[+-]?\d+(?:\.\d+)?$/.test(v)) return /^\d{3,9}$/.test(v) ? 'word' : 'number';
  if (/^0x[0-9a-f]{1,16}$/i.test(v)) return 'number';
  // A C integer literal with its suffix: 0UL, 1024u, 16LL.
  if (/^(?:0x[0-9a-f]{1,16}|\d{1,20})(?:[uU](?:ll?|LL?)?|(?:ll?|LL?)[uU]?)$/.test(v)) return 'number';
  // A run of the alphabet or of digits: an alphabet for generating, or a test pattern (abcdef…, 0123456789).
  // (In groups too, as a licence key's or a PIN's stand-in is written: 1234-ABCD-5678-EFGH.)
  if (v.length >= 12 && (sequentialShare(v) >= 0.7 || sequentialShare(v.replace(/[-_ ]/g, '')) >= 0.75)) return 'placeholder';
  if (shape === 'bare' && looksLikeCode(v)) return 'code';
  // A UUID made of filler: three of its groups or more one repeated digit or a run of the alphabet
  // or of digits (abcdef01-0000-0000-0000-123456789abc, 1234abcd-1234-abcd-…): a document's stand-in.
  if (UUID.test(v) && v.split('-').filter((g) => /^(.)\1*$/.test(g) || sequentialShare(g) >= 0.6).length >= 3) return 'placeholder';
  if (UUID.test(v)) return 'plausible';
  // A version, or a range of versions as package manifests write them (^3.972.63, ~1.2, >=2.0.0).
  if (/^(?:[~^=]|[<>]=?)?\s?v?\d+(?:\.(?:\d+|x|\*)){1,3}(?:[-+][\w.]+)?$/.test(v) || /^\d{4}-\d{2}-\d{2}/.test(v)) return 'number';
  // An ASN.1 object identifier (an LDAP control's or extended operation's, under a password's name): a registered name.
  if (/^[0-2](?:\.\d{1,10}){4,40}$/.test(v)) return 'number';
  // Words separated by spaces: prose or a label, unless they read as a chosen passphrase.
  if (/^[A-Za-z,.'!?/-]+(?: [A-Za-z,.'!?/-]+){1,}$/.test(v)) {
    const words = v.toLowerCase().split(' ').map((w) => w.replace(/[^a-z]/g, ''));
    return words.length > 8 || words.some((w) => PROSE_WORDS.has(w)) || /[.!?]$/.test(v) ? 'placeholder' : 'word';
  }
  // Words of prose joined by hyphens or underscores (this-will-never-be-used, not_used_here):
  // a sentence saying what the value is, as the spaced ones above; a generated passphrase
  // (correct-horse-battery-staple) does not read as one.
  if (/^[a-z]+(?:[-_][a-z]+){2,}$/.test(v) && v.split(/[-_]/).filter((w) => PROSE_WORDS.has(w)).length >= 2 && !v.split(/[-_]/).some((w) => PHRASE_WORDS.has(w))) return 'placeholder';
  // HTML's entities with spacing marks only (&nbsp;&nbsp;-&nbsp;): layout, not a value.
  if (/^(?:&(?:[a-z]{2,8}|#\d{1,5}|#x[0-9a-f]{1,4});|[\s.,:|/-])+$/i.test(v) && v.includes(';')) return 'placeholder';
  const decoded = decodedClass(v);
  if (decoded !== null) return decoded;
  // Text beyond ASCII is a translated label (Contraseña, Пароль), unless it is one run with
  // ASCII letters and digits in it: a password chosen to test encodings (Passw0rdé…).
  // (A message in another script, written without spaces, with its parameter: 令牌…$1text….)
  if (/[^\x20-\x7e]/.test(v)) return v.length >= 6 && !/[ \t]/.test(v) && /\d/.test(v) && /[A-Za-z]/.test(v) && !(SCRIPT_MESSAGE_PARAM.test(v) && inAnotherScript(v)) ? 'plausible' : 'placeholder';
  // A name behind a sigil: a parser's pseudo-token ('?NoLineTerminatorHere'), a symbol (:name), a private #name.
  const sigilled = /^[?!:@#]([A-Za-z][\w-]*)$/.exec(v);
  if (sigilled && looksLikeName(sigilled[1]!)) return 'identifier';
  if (looksLikeName(v) || looksLikeNamePath(v) || /^[A-Z]{4,24}$/.test(v) || /^_[a-z]+(?:_[a-z]+)*$/.test(v)) return 'identifier';
  // A file's name of hyphen-joined acronyms (two or more) and lower-case words, a version's digits at its end
  // (a repository's signing-key file, `RPM-GPG-KEY-vendor-tools2`): a name, not a key.
  if (/^[A-Za-z]{2,12}(?:-[A-Za-z]{2,12}){2,7}\d{0,3}$/.test(v)) {
    const parts = v.replace(/\d+$/, '').split('-');
    const acronym = (p: string): boolean => /^[A-Z]{2,5}$/.test(p);
    const word = (p: string): boolean => /^[a-z]+$/.test(p) && /[aeiouy]/.test(p);
    if (parts.every((p) => acronym(p) || word(p)) && parts.filter(acronym).length >= 2 && parts.some(word)) return 'identifier';
  }
  // A constant's name with a note after a dash, as a masked value is shown in a diff
  // (`VALUE_HIDDEN_BY_POLICY - changed`): a sentinel, not a value.
  const noted = /^([A-Z][A-Z0-9]*(?:_[A-Z0-9]+){2,}) - [a-z]{2,20}(?: [a-z]{2,20}){0,3}$/.exec(v);
  if (noted && looksLikeName(noted[1]!)) return 'placeholder';
  // A value cut short in the middle, an ellipsis standing for the rest (`ssh-rsa AAAB3Nz...Xt`): elided.
  if (/[A-Za-z0-9]\.{3}[A-Za-z0-9]/.test(v) && !/\.{4}/.test(v)) return 'placeholder';
  // A CSS selector by id or class (`'#snmp_password'`, `'.data-api'`): a place in a page, not a value.
  if (/^[#.][a-z]+(?:[_-][a-z]+){1,6}$/.test(v) && selectorName(v.slice(1))) return 'identifier';
  // A property or module path in quotes ('__webpack_require__.nc', 'db.password'): a name of a value.
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(v) && !/\d/.test(v)) return 'reference';
  // Lower-case names of a highlighter's token types, dotted with hyphens or an empty part
  // (Ace's 'xml-pe.doctype.xml', 'constant.begin..filter.slim'): names, three parts or more.
  if (/^[a-z][a-z-]*(?:\.{1,2}[a-z][a-z-]*){2,}$/.test(v)) return 'reference';
  // A capital word behind or between marks: a magic key of a store or a parser ('**LASTEXPIRE', '__END__').
  if (/^[*#!_~-]{1,3}[A-Z]{3,24}[*#!_~-]{0,3}$/.test(v)) return 'identifier';
  // Several words with a digit or a symbol run into one of them: a passphrase someone chose,
  // before the tests for sentences and messages below, whose words are letters only.
  if (chosenPassphrase(v)) return 'plausible';
  // A sentence: capitalised, words, closing punctuation (Token inesperado. '{' esperado.).
  if (/^[A-Z][a-z]+ [^\n]{2,200}[.?!]$/.test(v) && /[a-z]{2,} [a-z]{2,}|[a-z]{3,}[.?!] /.test(v)) return 'placeholder';
  // One capitalised word ending a sentence: a label in some language (Wachtwoord., Adgangskode.).
  if (/^[A-Z][a-z]{2,30}\.$/.test(v)) return 'placeholder';
  // Prose with punctuation: a message, often translated (several words, most of them letters only).
  const tokens = v.split(/\s+/);
  // (A word may stand in brackets or quotes: `(wagwoord moet teruggestel word)`.)
  if (tokens.length >= 4 && tokens.filter((t) => /^[("'[]?[A-Za-z]{2,}[,.;:!?)"'\]]{0,2}$/.test(t)).length * 5 >= tokens.length * 3) return 'placeholder';
  const message = messageWithNumbers(tokens);
  if (message !== null) return message;
  // Typed along the keyboard's rows (asdkfj23sdf): a stand-in, or a weak password someone typed; a word, low.
  // A token or secret the OAuth specifications print as an example: documentation, quoted where
  // it is written as a credential would be, so it is a word (low), as a password from a list is.
  // (Asked last, of what would be reported: it hashes the value.)
  if (looksLikeWords(v) || keyboardMash(v) || isPublishedSample(v)) return 'word';
  if (looksRandom(v)) return 'random';
  return 'plausible';
}
