/**
 * What a key says about its value: `strong` names hold a secret and nothing else (password,
 * client_secret, api_key, salt); `weak` ones often do (token, key, credentials, nonce) but also
 * name ids, types and counts; `none` names something about a secret, not the secret (its name,
 * length, path, hash, field, prompt).
 */
import { boundedMemo } from '../../util/bounded-memo.js';

export type KeyStrength = 'strong' | 'weak' | 'none';

/**
 * Split into lower-case words: DB_PASSWORD, dbPassword, db-password, db.password → db password.
 * Remembered: the judge asks for the same few keys' words several times per candidate, and four
 * regex passes per ask were its largest cost.
 */
export const keyWords: (key: string) => readonly string[] = boundedMemo(splitKey, 4096);

function splitKey(key: string): string[] {
  return key
    // A plural acronym is one word: signingKeyIDs, tokenURLs.
    .replace(/([A-Z]{2,})s(?![a-z])/g, (_m, acronym: string) => `${acronym[0]}${acronym.slice(1).toLowerCase()}s`)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

const STRONG_WORDS = new Set(['password', 'passwd', 'passwort', 'pwd', 'pw', 'pass', 'passphrase', 'secret', 'apikey', 'salt', 'pepper', 'privatekey', 'secretkey', 'psk', 'presharedkey']);
const STRONG_PAIRS = /(?:^|\s)(?:api key|access key|private key|auth key|secret key|signing key|encryption key|master key|consumer key|consumer secret|client secret|app secret|auth token|access token|refresh token|api token|bearer token|session secret|secret token|bind credentials|security credentials|bind password|shared key)(?:\s|$)/;
const WEAK_WORDS = new Set(['token', 'key', 'credential', 'credentials', 'auth', 'nonce', 'seed', 'signature', 'pin']);
/**
 * Last words that make the key a description of a secret rather than the secret: its name, id,
 * path, hash, length, type, form field, ... (`password_hash`, `secret_name`, `token_type`).
 */
const DESCRIBING_WORDS = new Set([
  'name', 'names', 'id', 'ids', 'arn', 'ref', 'type', 'types', 'url', 'urls', 'uri', 'uris', 'path', 'file', 'dir', 'env', 'var', 'field',
  'label', 'prompt', 'hint', 'policy', 'regex', 'pattern', 'format', 'length', 'len', 'size', 'count', 'max', 'min', 'limit',
  'ttl', 'timeout', 'expiry', 'expires', 'expiration', 'expire', 'expired', 'enabled', 'required', 'hash', 'hashed',
  'digest', 'checksum', 'sha', 'sha1', 'sha256', 'md5', 'header', 'param', 'endpoint', 'version', 'provider', 'mode',
  'strategy', 'validation', 'validator', 'reset', 'input', 'placeholder', 'error', 'message', 'msg', 'text', 'title',
  'description', 'location', 'store', 'manager', 'generator', 'index', 'usage', 'used', 'count', 'key_id', 'column',
  'table', 'class', 'method', 'handler', 'callback', 'service', 'client', 'policy', 'rotation', 'source', 'kind', 'fingerprint', 'algorithm', 'algo', 'scheme', 'encoding', 'cipher',
  'strength', 'complexity', 'changed', 'updated', 'created', 'at', 'level', 'state', 'status', 'scope', 'scopes', 'visibility',
  'lifetime', 'audience', 'issuer', 'options', 'settings', 'config', 'manager', 'store', 'storage', 'cache', 'listener', 'event',
  'entropy', 'bits', 'rounds', 'iterations', 'cost', 'interval', 'attempts', 'retries', 'days', 'seconds', 'ms', 'port', 'chars',
  'characters', 'alphabet', 'charset', 'prefix', 'suffix', 'encoder', 'decoder', 'hasher', 'encryptor', 'arg', 'args', 'argument', 'option', 'opt', 'flag', 'flags',
  // A policy's checks and a pinned revision: `passwd_check_rules`, `pkg_x_passwd_commit = master`.
  'rule', 'rules', 'commit',
  // Whose a token is, and a pattern's name (`token_owner`, `$token_regexp`).
  'owner', 'regexp',
  // A pre-shared key's identity is the name it is known by (`psk_identity`); so is a token's
  // identifier, the name a store keeps it under (`GLOBAL_CSRF_TOKEN_IDENTIFIER = "!real_csrf_token"`).
  'identity', 'identifier', 'identifiers',
  // Who signs in with it, an installer's component id, a policy's age (`repo-token-user-login`,
  // `kpasswd_exe_guid`, `MaximumPasswordAge`).
  'login', 'user', 'username', 'guid', 'uuid', 'age',
  // A file name: `password_validation.py:102` in a translation catalogue's reference.
  'py', 'js', 'ts', 'rb', 'go', 'java', 'php', 'json', 'yml', 'yaml', 'xml', 'txt', 'md', 'html', 'cs', 'h', 'c',
]);

/**
 * Tokens that are not credentials: paging cursors (NextToken, continuation_token, page_token),
 * idempotency tokens (ClientRequestToken, ClientToken), CSRF (Rails' authenticity_token) and device/push registration
 * tokens, KMS grant tokens (which AWS documents as not secret), the parser's tokens of grammar
 * code, and .NET's strong-name `PublicKeyToken` (a hash of the signer's public key, printed in
 * every assembly reference). They name a token that is not secret.
 */
const NON_SECRET_TOKENS =
  /(?:^|\s)(?:public key|next|grant|page|paging|pagination|continuation|marker|cursor|sync|output|input|client request|creation|change|idempotency|device|push|registration|lexer|parser|term|csrf|xsrf|authenticity|cancel|cancellation|start|end|stop|last|first|prev|previous|resume|lifecycle action)\s(?:token|tokens)$/;
/**
 * Keys of data that are no secret: a public key, a database's primary, foreign, sort or
 * partition key, a cache's or a lookup's key, a row's, a shard's, a route's, a list item's (React's
 * `itemKey`), a translation's, an idempotency key (a request's id), a hot key (a shortcut), a
 * WebSocket handshake's `Sec-WebSocket-Key` (a nonce sent in the clear).
 */
const NON_SECRET_KEYS =
  /(?:^|\s)(?:public|primary|foreign|sort|partition|range|composite|unique|cache|lookup|row|shard|routing|route|item|list|node|translation|i18n|idempotency|dedup|deduplication|hot|short|shortcut|socket)\skey$/;
/** The last word of a build's variable: compiler, linker and libtool flags, libraries, objects. */
const BUILD_VARIABLE = /^(?:c|cpp|cxx|ld|lt|f|objc|go|rust|rs)flags$|^(?:libs|objs|srcs|deps|ldadd|libadd)$/;
/** Compounds written without separators that name a place for secrets, not a secret: secretsmanager, passwordfield. */
const DESCRIBING_COMPOUND = /^(?:password|passwd|secret|secrets|token|tokens|key|keys)(?:manager|store|field|name|type|length|input|prompt|hash|file|path|id)$/;

/**
 * A weak key that names a credential, not a part of a protocol: a token, credentials, an auth
 * value (`token`, `oauth_token`, `authToken`, `credentials`), as opposed to a key, a nonce, a
 * seed or a signature. A random-looking value under it is as sure a secret as under a strong key.
 */
export function namesCredential(key: string): boolean {
  const words = keyWords(key);
  return words.some((w) => w === 'token' || w === 'tokens' || w === 'credential' || w === 'credentials' || w === 'auth') || /token|credential/.test(words.join(''));
}

/** The language a Debian library package's name ends in (lib…-perl, lib…-java, lib…-ocaml-dev is not one). */
const LIBRARY_PACKAGE_LANGUAGE = /^(?:perl|java|ruby|php|lua|ocaml|cil|tcl|guile|racket)$/;

export function classifyKey(key: string): KeyStrength {
  const words = keyWords(key);
  if (words.length === 0) return 'none';
  const last = words[words.length - 1]!;
  // (Not after `from`: `PasswordFromFile`, `token_from_env` hold the value read, not its place.)
  if (DESCRIBING_WORDS.has(last) && words.length > 1 && words[words.length - 2] !== 'from') return 'none';
  // A build's variables for a program named after a secret: htpasswd_LTFLAGS, PASSWD_CFLAGS, libsecret_LIBS.
  if (BUILD_VARIABLE.test(last) && words.length > 1) return 'none';
  // A Debian package of a library for a language, named after a secret's module: libauthen-sasl-perl,
  // libdata-password-zxcvbn-perl (a lintian override or a control file's field starts a line with it).
  if (/^lib[a-z0-9]+(?:-[a-z0-9.+]+)+$/.test(key) && LIBRARY_PACKAGE_LANGUAGE.test(last)) return 'none';
  // Helm's `existingSecret`, `existingPasswordSecret`: the name of a Secret object kept elsewhere.
  // A stored hash of a password: `hashed_password`, `crypted_password` (what a hash rule judges).
  if (words[0] === 'existing' && words.length > 1) return 'none';
  if (words.slice(0, -1).some((w) => w === 'hashed' || w === 'crypted')) return 'none';
  // A name run together with what it names: `session.authtoken.cookiename`, `token_filename`.
  if (words.length > 1 && last.length > 4 && last.endsWith('name')) return 'none';
  // `id` in any position but the secret's own word is about an id: token_id_x, key id.
  const joined = words.join(' ');
  if (NON_SECRET_TOKENS.test(joined) || NON_SECRET_KEYS.test(joined) || DESCRIBING_COMPOUND.test(last)) return 'none';
  // A lexer's settings, not a token: SQLite's `tokenize = 'porter unicode61'`, `tokenchars`, a tokenizer.
  if (words.some((w) => /^tokeni[sz]/.test(w) || w === 'tokenchars')) return 'none';
  if (/(?:^|\s)(?:key|token|secret) id(?:\s|$)/.test(joined)) return 'none';
  if (STRONG_PAIRS.test(joined) || words.some((w) => STRONG_WORDS.has(w))) return 'strong';
  // A compound written without separators (dbpassword, apitoken).
  if (/password|passwd|secret|apikey|accesskey|privatekey/.test(words.join(''))) return 'strong';
  // A short name run into `pw`, as directives of LDAP's and installers' files write it: bindpw, rootpw.
  if (/^[a-z]{2,8}pw$/.test(last)) return 'strong';
  if (words.some((w) => WEAK_WORDS.has(w)) || /token|credential/.test(joined)) return 'weak';
  return 'none';
}
