/**
 * The confidence of a generic match, from the tokenizer's reading of the line and the value
 * classifier: null where the value is certainly not a secret (a template, a reference, code, a
 * stored hash, a number, a placeholder, nothing), otherwise high, medium or low. Context lowers
 * confidence instead of hiding the finding: a dictionary word, a commented-out line, a value
 * joined to code. The path's context (tests, docs) is applied later, where the path is known.
 */
import { boundedMemo } from '../../util/bounded-memo.js';
import { shannonEntropy } from '../entropy.js';
import type { Confidence } from '../types.js';
import { classifyKey, keyWords, namesCredential } from './classify-key.js';
import type { KeyStrength } from './classify-key.js';
import { classifyValue } from './classify-value.js';
import type { ValueClass } from './classify-value.js';
import { countingBytes } from './counting-bytes.js';
import { inExampleUrl } from './library-shapes.js';
import { namesSetting, notASecretInContext } from './not-a-secret.js';
import { oddQuotes } from './quote-parity.js';
import { DEFAULT_PASSWORD, readAssignmentKey, readAssignmentValue } from './read-assignment.js';
import type { Assignment } from './read-assignment.js';

export interface Judgement {
  confidence: Confidence;
  /** The value as the tokenizer read it (a quoted value whole), and its offsets in the line. */
  value: string;
  start: number;
  end: number;
}

/** The shortest value reported under a strong key as a quoted literal, and otherwise. */
const MIN_QUOTED = 3;
const MIN_BARE = 6;
const MIN_WEAK_KEY = 8;

/**
 * How far before a value the comment and regex-literal tests look, and how far either side of
 * it the minified-code test does. The matcher hands over a window of the line (the 512 bytes
 * before a match, 1,100 after its value), so these bounds never cut what it passes; they keep
 * a caller that passes a whole megabyte-long line from scanning that line once per candidate.
 */
const LOOK_BEHIND = 2048;
const LOOK_AROUND = 4096;

/**
 * The text of the value's line before `at`, at most LOOK_BEHIND characters. A line cut short
 * starts with a character no test reads as code or a line start (`x`), so a marker that
 * happens to start the cut is not taken for the start of the line.
 */
function lineBefore(line: string, at: number): string {
  const lo = Math.max(0, at - LOOK_BEHIND);
  const window = line.slice(lo, at);
  const nl = window.lastIndexOf('\n');
  if (nl >= 0) return window.slice(nl + 1);
  return lo === 0 ? window : `x${window}`;
}

/**
 * A value inside a comment: on a comment line (`#`, `//`, `/*`, `--`, `;`, `*`, `<!--`, `%`,
 * `REM`) or after a trailing `//` or ` # ` comment that no open quote holds (`f(); // key: v`).
 */
export function isCommentLine(line: string, at: number): boolean {
  return commentBefore(lineBefore(line, at));
}

/**
 * An .npmrc setting scoped to a registry (`//npm.acme.dev/:_authToken=`, `//host/path/:_password=`):
 * it opens with `//`, but is a key, not a comment.
 */
const NPMRC_SCOPED_KEY = /^\s*\/\/[A-Za-z0-9.-]{1,253}(?::\d{1,5})?(?:\/[\w.@%~-]{0,100}){0,10}:_?[A-Za-z]{2,20}\s{0,3}=\s{0,3}$/;

function commentBefore(before: string): boolean {
  if (NPMRC_SCOPED_KEY.test(before)) return false;
  // (A C preprocessor's `#define NAME` is code, not a shell or Python comment.)
  if (/^\s*(?:#(?![{!]|\s{0,3}define\s{1,5}[A-Z_][A-Z0-9_]*\s)|\/\/|\/\*|--(?![\w-])|;|\*|<!--|%|rem\s)/i.test(before)) return true;
  const trailing = /(?:^|\s)(?:\/\/|\/\*|#)\s/.exec(before);
  return trailing !== null && oddQuotes(before, 0, trailing.index) === 0;
}

/**
 * A value inside a regular expression's source: a regex literal opened before it on the line
 * (`/password=(\w+)/`, a pattern continued on its own line), a `RegExp(...)` call's
 * arguments or a PHP `preg_*` call's pattern string. Patterns that match credentials name them;
 * they do not hold one.
 */
export function inRegexSource(line: string, at: number): boolean {
  return regexBefore(lineBefore(line, at));
}

function regexBefore(before: string): boolean {
  if (/\bRegExp\([^)]*$/.test(before)) return true;
  // A pattern given as a string to Python's re module (`re.sub(r"\"accessToken\": \"(.*?)", …`).
  if (/\bre\.(?:sub|subn|match|search|fullmatch|findall|finditer|compile|split)\(\s{0,3}[rRbBuU]{0,2}(["'])(?:\\.|(?!\1)[^\n])*$/.test(before)) return true;
  // A pattern given as a string to PHP's preg_* (`preg_match("~ IDENTIFIED BY PASSWORD '([^']+)~", …`).
  if (/\bpreg_[a-z_]{4,16}\(\s{0,3}(?:"[^"\n]*|'[^'\n]*)$/.test(before)) return true;
  // The last slash that can open a literal (after an operator, a bracket or `return`), with no
  // unescaped slash between it and the value to close it.
  const open = /(?:^|[=(:,!&|?;{}[]|\breturn)\s*\/(?![/*\s])(?:[^/\\\n]|\\.)*$/.exec(before);
  return open !== null;
}

/** A bundler's output: a long line dense with code punctuation and nearly without spaces. */
export function looksMinified(line: string): boolean {
  if (line.length < 600) return false;
  let punctuation = 0;
  let spaces = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32) spaces++;
    else if (c === 59 || c === 123 || c === 125 || c === 40 || c === 41) punctuation++; // ; { } ( )
  }
  return punctuation * 25 >= line.length && spaces * 8 < line.length;
}

/**
 * The key and the value share a compound that holds a credential's name (libsecret, apitoken):
 * the plain words (secret, password) are left to the classifier, since a chosen passphrase
 * repeats them (super-secret-123).
 */
const PLAIN_WORDS = new Set(['pass', 'password', 'passwd', 'passphrase', 'secret', 'secrets', 'token', 'tokens', 'auth', 'salt', 'nonce', 'apikey', 'keys']);

function sharesCredentialWord(key: string, value: string): boolean {
  const keyed = new Set(keyWords(key).filter((w) => w.length >= 4 && !PLAIN_WORDS.has(w) && /pass|pwd|secret|token|key|auth|salt|nonce/.test(w)));
  if (keyed.size === 0) return false;
  return value.toLowerCase().split(/[^a-z0-9]+/).some((w) => keyed.has(w));
}

/** A class's name: Capitalised words (and acronyms, numbers) ending in a word that names a type. */
const CLASS_NAME =
  /^[A-Z][a-z]+(?:[A-Z][a-z]+|[A-Z]{2,4}|\d{1,2})*(?:Properties|Details|Type|Reference|Source|Info|Parameters?|Settings|Model|Request|Response|Result|Options|Spec|Configuration|Contract|Definition|Descriptor|Dto|Object|Entity|Schema)$/;

/** Letters and digits only, lower-cased: the spelling of a name whatever its case and separators. */
function bareName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The value spells the key's name (in another case, with other separators, or as the last
 * part of a namespaced path), or the key's last word with an inflection (pass, passed).
 */
function namesItself(key: string, value: string): boolean {
  const name = bareName(key.replace(/^.*[.:>]/, ''));
  if (name.length < 4 || value.length > 120) return false;
  if (!/^[A-Za-z][\w:./# -]*$/.test(value)) return false;
  if (bareName(value) === name) return true;
  // ...after a short prefix of capitals that sorts the constants, as OpenSSL's object names
  // do (`SN_id_PasswordBasedMAC "id-PasswordBasedMAC"`, `LN_private_key_usage_period "X509v3
  // Private Key Usage Period"`): the value spells the rest of the key, or ends with it.
  const unprefixed = /^[A-Z]{1,3}_(\w{8,})$/.exec(key);
  if (unprefixed && bareName(value).endsWith(bareName(unprefixed[1]!))) return true;
  // ...with a possessive before it, as a shipped default names its own slot
  // (SOGoEncryptionKey = "MySOGoEncryptionKey"): a long name, not a short one such as password.
  if (name.length >= 10 && /^(?:my|your|some|the)/i.test(value) && bareName(value).replace(/^(?:my|your|some|the)/, '') === name) return true;
  // A path of names ending in the key's (AWS::MSK::BatchScramSecret under MSKBatchScramSecret),
  // and a route to a controller's action named as the key ('account#lost_password').
  if (/^[A-Za-z][\w-]*(?:(?:::|[:/.#])[A-Za-z]\w*)+$/.test(value) && (bareName(value.replace(/^.*(?:::|[:/.#])/, '')) === name || (name.length >= 6 && bareName(value).endsWith(name)))) return true;
  // A class named after the key, as a model's type map or a discriminator's map names its types
  // (gcpCredentials: "GcpCredentialsDetailsProperties", AccessKey: "AccessKeyAuthTypeProperties"):
  // Capitalised words, the key's name first and a word that names a type last. (A password
  // someone chose may start with the key's words: DbPasswordForProduction.)
  if (name.length >= 6 && CLASS_NAME.test(value) && bareName(value).startsWith(name) && value.length >= name.length + 5) return true;
  const words = keyWords(key);
  if (abbreviatesKey(words, value)) return true;
  if (spellsKeyWords(words, value)) return true;
  const word = words[words.length - 1] ?? '';
  if (word.length < 4) return false;
  // (The value is ASCII here and the word lower-case letters and digits: a case-insensitive
  // comparison without a regex made per call.)
  const lower = value.toLowerCase();
  const ending = lower.slice(word.length);
  return lower.startsWith(word) && (ending === 'ed' || ending === 'es' || ending === 'ing');
}

/**
 * The value is three or more of the key's own words joined by hyphens, as a TLS cipher suite's
 * OpenSSL name is under its IANA constant (TLS_ECDHE_PSK_WITH_CAMELLIA_256_CBC_SHA384 =
 * "ECDHE-PSK-CAMELLIA256-SHA384"): each part a word of the key, or a word and a number that are.
 */
function spellsKeyWords(words: readonly string[], value: string): boolean {
  if (words.length < 4 || value.length > 80 || !/^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+){2,}$/.test(value)) return false;
  const known = new Set(words);
  return value.toLowerCase().split('-').every((part) => known.has(part) || part.split(/(?<=[a-z])(?=\d)/).every((piece) => known.has(piece)));
}

/**
 * The value abbreviates the key's words in order, a part for one or more of them: an option's
 * name under its constant (PasswordEncrypted = "pw-enc", PasswordStdIn = "pw-stdin"). Each part
 * starts a word and spells letters of the words from there in order; two parts or more, none a
 * whole word of the key or a word passwords are made of.
 */
const SPELT_CREDENTIAL = /^(?:pass|passwd|pwd|pword|secret|token|tok|key|auth|admin|adm|root|user|test)$/;
function abbreviatesKey(words: readonly string[], value: string): boolean {
  if (value.length > 40 || !/^[a-z][a-z0-9]*(?:[-_.][a-z][a-z0-9]*)+$/.test(value)) return false;
  // Shortened, not the words themselves nor a password's words: `tomcat-pass` or `adm-pass`
  // under TOMCAT_PASSWORD or ADMIN_PASSWORD is a chosen password.
  if (value.replace(/[-_.]/g, '').length >= words.join('').length) return false;
  let w = 0;
  for (const part of value.split(/[-_.]/)) {
    if (w >= words.length || words[w]![0] !== part[0] || words.includes(part) || SPELT_CREDENTIAL.test(part)) return false;
    // Spell the part through the words from w on, moving to the next word only at its start.
    let i = 0;
    let at = 0;
    while (i < part.length && w < words.length) {
      const word = words[w]!;
      const found = word.indexOf(part[i]!, at);
      if (found >= 0) { i++; at = found + 1; continue; }
      if (w + 1 < words.length && words[w + 1]![0] === part[i]) { w++; at = 1; i++; continue; }
      return false;
    }
    if (i < part.length) return false;
    w++;
  }
  return true;
}

/** The key argument of a keyed-hash or cipher call, as readAssignment names it. */
function keyedCall(a: Assignment): boolean {
  return a.key === 'secret key' && a.operator === ',' && a.shape === 'literal';
}

/** The share of a value made of pronounceable words (`[A-Z]?[a-z]{3,}` with a vowel): random base64 stays under half. */
function wordShare(value: string): number {
  let letters = 0;
  for (const m of value.match(/[A-Z]?[a-z]{3,}/g) ?? []) if (/[aeiouy]/i.test(m)) letters += m.length;
  return letters / value.length;
}

/** Long and dense: 16 characters or more at 3.5 bits each or better. */
function longRandom(value: string): boolean {
  return value.length >= 16 && shannonEntropy(value) >= 3.5;
}

/** A scanner's suppression marker after the value, on the same line. */
const REVIEWED = /^[^\n]*?(?:#|\/\/|\/\*)[^\n]*?(?:\bnosec\b|pragma:\s?allowlist[ -]secret|gitleaks:allow|NOSONAR|noqa:\s?S10[5-7])/;

/** Words of a key that name its value a stand-in, not a live secret. */
const STAND_IN_WORDS = new Set(['dummy', 'fake', 'mock', 'placeholder', 'sample', 'example']);

const DROP: ReadonlySet<ValueClass> = new Set(['empty', 'placeholder', 'template', 'reference', 'code', 'hash', 'number', 'public']);

/** Last words of weak keys that hold names as often as secrets. */
const KEY_OR_SEED: ReadonlySet<string> = new Set(['key', 'seed']);

/** A key whose last word is `nonce` or `salt`. */
const SALT_WORD = /(?:^|\s)(?:nonce|salt)$/;
function saltKey(key: string): boolean {
  return SALT_WORD.test(keyWords(key).join(' '));
}

/** The value tests judgeAssignment makes of every candidate (a regex literal in a function is made anew each call). */
const AUTH_SCHEME = /^(?:Bearer|Basic|Token)\s{1,3}(?=\S+$)/i;
const BARE_WORD = /^([A-Za-z]+)(?:[.:]|\\n)?$/;
const ALPHANUMERIC = /^[A-Za-z0-9]{6,}$/;

/**
 * A weak key's value too short for confidenceFor whatever its class: under MIN_WEAK_KEY, save a
 * nonce's or a salt's of six characters or more. (A keyed call's key, kept at low before
 * confidenceFor is asked, is a strong key: `secret key`.)
 */
function tooShortForWeakKey(a: Assignment, key: KeyStrength): boolean {
  return key === 'weak' && a.value.length < MIN_WEAK_KEY && !(a.value.length >= 6 && saltKey(a.key));
}

/** classifyKey, remembered: code dense in credential words judges the same few keys thousands of times. */
const keyStrength = boundedMemo(classifyKey, 4096);

/** The level of one classified value under a key; null: not a secret. */
export function confidenceFor(a: Assignment, key: KeyStrength, cls: ValueClass): Confidence | null {
  if (DROP.has(cls) || key === 'none') return null;
  const literal = a.shape === 'literal';
  const length = a.value.length;
  if (length < MIN_QUOTED) return null;
  // A nonce or a salt is short in examples and tests (`nonce: 'd3d345f'`): kept at low when it is not a word.
  const shortSalt = key === 'weak' && length >= 6 && saltKey(a.key) && (cls === 'plausible' || cls === 'random' || (cls === 'word' && /\d/.test(a.value) && /[a-z]/i.test(a.value)));
  if (key === 'weak' && length < MIN_WEAK_KEY && !shortSalt) return null;
  if (shortSalt && (length < MIN_WEAK_KEY || cls === 'word')) return 'low';
  // (A flag's or a .netrc entry's value is a value whatever its length: mysql -pfoo, password bar.)
  if (!literal && a.operator !== ' ' && length < MIN_BARE && key === 'strong' && cls !== 'random') {
    // Short bare values are what config files hold (`password: abc1`), but also enum-like words;
    // a server's default password (`value: root`, `password: admin`) is a value, reported at low.
    if (!/\d/.test(a.value) && !DEFAULT_PASSWORD.test(a.value)) return null;
  }
  // A name under a key that only ever holds a secret may still be a password someone chose
  // (MySecretPassword); under `token` or `*_key` it is an identifier (NextToken, LIB-NAME).
  if (cls === 'identifier' && key !== 'strong') return null;
  // A word under `token`, `credentials` or `*_key` is a mode or a name (same-origin, bearer);
  // only under a password-like name is it a password someone chose.
  if (cls === 'word' && key === 'weak' && !/\d/.test(a.value)) return null;
  let level: Confidence;
  if (cls === 'word' || cls === 'identifier') level = 'low';
  // A token's or credentials' name takes a long random value as surely as a strong key does;
  // a short one (jwt_abc123) is as often a stand-in.
  else if (cls === 'random') level = key === 'strong' || (namesCredential(a.key) && longRandom(a.value)) ? 'high' : 'medium';
  else level = key === 'strong' || length >= 12 ? 'medium' : 'low';
  if (a.concatenated) level = level === 'high' ? 'medium' : level;
  return level;
}

/**
 * Judges the value a generic rule found at [valueStart, valueEnd) of `line` (a line, or the
 * window of a multi-line rule). `keyHint`: the key when the regex captured it apart. The
 * judgement is read from these alone, and a history holds the same lines in many versions of a
 * file: judgements are remembered (the same object for the same question; callers only read it),
 * emptied at JUDGEMENT_MEMO lines so a text of unique lines cannot grow the memo.
 */
export function judgeAssignment(line: string, valueStart: number, valueEnd: number, keyHint?: string): Judgement | null {
  // (By the line first: the matcher hands the same line's string to each rule that matches in
  // it, and a string keeps its hash, so the long key is hashed once.)
  let ofLine = judgements.get(line);
  if (ofLine === undefined) {
    if (judgements.size >= JUDGEMENT_MEMO) judgements.clear();
    ofLine = new Map();
    // (Kept as copies: a slice of a whole text would hold the text alive.)
    judgements.set(copied(line), ofLine);
  }
  const question = `${valueStart},${valueEnd},${keyHint === undefined ? '-' : `+${keyHint}`}`;
  let judged = ofLine.get(question);
  if (judged === undefined) {
    judged = judgeAssignmentOnce(line, valueStart, valueEnd, keyHint);
    if (judged !== null) judged.value = copied(judged.value);
    ofLine.set(question, judged);
  }
  return judged;
}

/** At most this many lines' judgements remembered (the matcher's windows are up to 1,600 characters each). */
const JUDGEMENT_MEMO = 1024;
const judgements = new Map<string, Map<string, Judgement | null>>();

/** A string of its own, not a slice of a longer one (short strings are always copied). */
function copied(text: string): string {
  if (text.length < 13) return text;
  // (One byte a character where the text allows, as the matcher's latin1 text does.)
  const encoding = /[\u0100-\uffff]/.test(text) ? 'utf16le' : 'latin1';
  return Buffer.from(text, encoding).toString(encoding);
}

function judgeAssignmentOnce(line: string, valueStart: number, valueEnd: number, keyHint?: string): Judgement | null {
  const head = readAssignmentKey(line, valueStart, keyHint);
  // A third of candidates have a key that names no secret (`keyName`, `tokenType`, an argument
  // list): rejected before the value is read, where reading it cannot change the key.
  if (!head.keyMayChange && keyStrength(head.key) === 'none') return null;
  const a = readAssignmentValue(line, valueEnd, head, keyHint);
  // `token: "Bearer abc..."`: the credential is what follows the auth scheme, as the Bearer
  // rule reports it, so both rules see the same bytes and one finding survives.
  const scheme = AUTH_SCHEME.exec(a.value);
  if (scheme) {
    a.start += scheme[0].length;
    a.value = a.value.slice(scheme[0].length);
  }
  // A shell's expansion with a default or an alternative (`${PASSWORD_STORE_X_SELECTION:-clipboard}`):
  // the value is what follows the `:-`, `:=`, `:+` or `:?`, not the sign.
  if (a.operator === ':' && a.quote === '' && /^[-=+?]/.test(a.value) && /\$\{[A-Za-z_]\w*:$/.test(line.slice(0, a.start))) {
    a.start += 1;
    a.value = a.value.slice(1);
  }
  const key = keyStrength(a.key);
  // Most candidates fail on the key or the length; the value classifier is the dearer part.
  if (key === 'none' || a.value.length < MIN_QUOTED || namesSetting(a.key)) return null;
  // A short value under a weak key ends in confidenceFor's null whatever the tests between say
  // (they only drop values): a fifth of candidates, ruled out before the value classifier.
  if (tooShortForWeakKey(a, key)) return null;
  // A value that repeats a word of its key names the slot: access_token: "access".
  // (A help text's `--password  Password.` too; and the key's words run together: LOGIN_SECRET: loginsecret.)
  // Not a service's or an account's default password under its own name (POSTGRES_PASSWORD: postgres,
  // root_password: root), which is reported at low as a word.
  const bareWord = BARE_WORD.exec(a.value);
  if (bareWord && keyWords(a.key).includes(bareWord[1]!.toLowerCase()) && !(key === 'strong' && DEFAULT_PASSWORD.test(a.value))) return null;
  if (ALPHANUMERIC.test(a.value) && a.value.toLowerCase() === keyWords(a.key).join('')) return null;
  // ...and so does one that repeats the key's own credential-bearing word, as a mapping of names
  // does: "libsecret-1.so.0": "libsecret-1-0", "apiTokenV2": "api_token_v2".
  if (sharesCredentialWord(a.key, a.value)) return null;
  // ...and so does the key's own name in another case or namespace, as enums and string
  // constants map names to names: UNUSED_IAM_USER_PASSWORD: "UnusedIAMUserPassword",
  // X_AWS_EC2_METADATA_TOKEN = "x-aws-ec2-metadata-token", Secret: "AWS::SecretsManager::Secret";
  // and the key's word inflected (`pass: "passed"`).
  if (namesItself(a.key, a.value)) return null;
  // The value's class decides most of the rest: a class confidenceFor drops (code, a reference,
  // a number, ...) is no secret whatever the line around it says, so the context tests below are
  // skipped for it; save a placeholder phrase keying a hash or cipher call, which is kept at low.
  const cls = classifyValue(a.value, a.shape);
  if (DROP.has(cls) && !(cls === 'placeholder' && keyedCall(a))) return null;
  // Minified code: names and fragments of expressions stand where values would; only a random literal is worth a look.
  const minified = looksMinified(line.length <= 2 * LOOK_AROUND ? line : line.slice(Math.max(0, a.start - LOOK_AROUND), a.end + LOOK_AROUND));
  const before = lineBefore(line, a.start);
  if (regexBefore(before) || notASecretInContext(line, a, before, key === 'weak')) return null;
  // (A URL's password is a value wherever the URL is written.)
  if (minified && (cls !== 'random' || (a.shape !== 'literal' && a.operator !== '@'))) return null;
  // The key argument of a keyed-hash or cipher call holds a key whatever it reads as: tutorials
  // key their examples with a phrase (`HmacSHA256("Message", "Secret Passphrase")`), which
  // elsewhere would name a slot. Reported at low, as a chosen phrase is.
  if (keyedCall(a) && cls === 'placeholder' && /^[A-Za-z]{3,}(?: [A-Za-z]{3,}){1,3}$/.test(a.value)) return { confidence: 'low', value: a.value, start: a.start, end: a.end };
  // A field named only `key`, or a name ending in it that names no secret (`"Key"`,
  // `replicaSetKey`, `clientKey`), holds names as often as secrets: only a random value that is
  // not words run together (createdAtTimestamp2024) is one. So with a seed (`SEED`, `RANDOM_SEED`):
  // a random one seeds keys, anything else names or numbers an RNG's start.
  if (key === 'weak' && KEY_OR_SEED.has(keyWords(a.key).at(-1) ?? '') && (cls !== 'random' || wordShare(a.value) >= 0.6)) return null;
  const confidence = confidenceFor(a, key, cls);
  if (confidence === null) return null;
  // Commented-out configuration is most often an example of the format, kept for reference; a
  // key that calls its value a stand-in (dummyPassword, fake_token, SAMPLE_API_KEY) says so too.
  const standIn = keyWords(a.key).some((w) => STAND_IN_WORDS.has(w));
  // ...and so does a reviewer's marker on the line: bandit's `# nosec`, detect-secrets'
  // `pragma: allowlist secret`, `gitleaks:allow`, Sonar's NOSONAR, ruff's `noqa: S105`.
  const vouched = REVIEWED.test(line.slice(a.end, a.end + 200));
  // ...and so does a URL on a domain reserved for examples (`https://example.com/cb#access_token=v`).
  // ...and so does a hex key whose bytes count up or down (`000102…`): a test vector's.
  const lowered = commentBefore(before) || standIn || vouched || inExampleUrl(before) || countingBytes(a.value);
  return { confidence: lowered ? 'low' : confidence, value: a.value, start: a.start, end: a.end };
}
