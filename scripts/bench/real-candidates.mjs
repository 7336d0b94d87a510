// Candidate lines of the real-code benchmark: lines that might hold a credential, found by
// shapes written here and independent of leakwatch's own detectors (so the benchmark's recall
// is not bounded by what leakwatch already looks for), plus the lines where leakwatch reports
// a finding (so its precision is measured on what it really says). The shapes are deliberately
// wide: a labeller reads every candidate and decides.
import { createHash } from 'node:crypto';

const KEYWORD = /pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|apikey|auth|credential|salt|nonce|seed|consumer[_-]?(?:key|secret)|private[_-]?key|privkey|bearer|access[_-]?key|signing[_-]?key|session[_-]?key|hmac/gi;
/** After the keyword: the rest of the name, an operator and a quoted literal. */
const AFTER_QUOTED = /[\w.\][-]{0,24}["'`]?\s{0,3}(?::=|=>|==|=|:|,|\()\s{0,3}[rbuf]?(["'`])([^"'`\n]{1,300})\1/y;
/** After the keyword: the rest of the name, `=`, `:` or `>` and a bare value (.env, INI, YAML, XML text). */
const AFTER_BARE = /[\w.-]{0,24}\s{0,3}(?:=|:|>)\s{0,3}(?!(?:true|false|null|undefined|none|nil)\b)([^\s"'`<>{}(),;]{3,300})/iy;
/** In program code a bare value is a variable, a member or a call: not a candidate on its own. */
const AFTER_BARE_CODE = /[\w.-]{0,24}\s{0,3}(?:=|:)\s{0,3}(?![A-Za-z_$][\w$]{0,80}(?:\??\.[A-Za-z_$][\w$]{0,80}){0,8}\s{0,3}(?:[;,([)]|$))(?!(?:true|false|null|undefined|this|new|await|function|async)\b)([^\s"'`<>{}(),;]{3,300})/iy;
const CODE_FILE = /\.(?:[cm]?[jt]sx?|d\.[cm]?ts|java|go|py|rb|php|cs)$/i;

const isLower = (c) => c !== undefined && c >= 'a' && c <= 'z';
const isLetter = (c) => c !== undefined && /[A-Za-z]/.test(c);

/**
 * Whether `line` has a credential-ish name, as a word or a camelCase / snake_case part (so
 * `userPassword` and `api_token` count, `author`, `tokenizer` and `bypass` do not), followed by
 * what `after` matches from the end of the name.
 */
function keywordFollowedBy(line, after) {
  for (const m of line.matchAll(KEYWORD)) {
    const start = m.index;
    let end = start + m[0].length;
    const before = line[start - 1];
    if (isLetter(before) && !(isLower(before) && /[A-Z]/.test(m[0][0]))) continue;
    if (line[end] === 's' && !isLower(line[end + 1])) end++;
    if (isLower(line[end])) continue;
    after.lastIndex = end;
    if (after.test(line)) return true;
  }
  return false;
}

/** A URL or connection URI with `user:password@`. */
const URL_CREDS = /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/"'`]{0,64}:[^\s@/"'`]{1,128}@/i;
/** Database, queue and directory connection URIs (with or without a password). */
const CONN_URI = /\b(?:mongodb(?:\+srv)?|postgres(?:ql)?|mysql|mariadb|redis|rediss|amqps?|nats|tls|mssql|sqlserver|ldaps?|ftps?|sftp|smtps?|imaps?|mqtts?|kafka|cassandra|jdbc:[a-z]{2,12}):\/\/[^\s"'`]{3,}/i;
/** ADO / ODBC style `Password=…;` parts of connection strings. */
const CONN_KV = /\b(?:password|pwd)=[^;"'\s]{1,128};/i;
const AUTH_HEADER = /\bauthorization["']?\s{0,3}[:=,]\s{0,3}["'`]?\s{0,3}(?:basic|bearer|token|digest|hmac|aws4-hmac-sha256|sharedkey)\s/i;
/** `Bearer …` / `Basic …` followed by a token-like value (a digit or symbol in it: not prose). */
const SCHEME_VALUE = /\b(?:[Bb]earer|BEARER|Basic|BASIC)\s{1,3}(?=[A-Za-z0-9._~+/=-]{0,200}[\d._~+/=-])[A-Za-z0-9._~+/=-]{8,}/;
const PEM = /-----BEGIN [A-Z0-9 ]{0,40}(?:PRIVATE KEY|PGP [A-Z ]{0,20}|CERTIFICATE|PUBLIC KEY|ENCRYPTED)/;
const CRYPT_HASH = /\$(?:2[abxy]?|argon2(?:id|i|d)|[1356]|apr1|pbkdf2(?:-sha\d{1,3})?|scrypt|sha1|y|7)\$[^\s"'`]{8,}|\{(?:SSHA|SHA|SMD5|MD5|CRYPT|SSHA256|SSHA512|PBKDF2[\w-]{0,10})\}[A-Za-z0-9+/=$.]{8,}/;
const JWT = /\beyJ[A-Za-z0-9_-]{6,}\.(?:eyJ)?[A-Za-z0-9_-]{4,}/;
const CLI_FLAG = /(?:^|\s)(?:--?(?:password|passwd|pass|token|secret|api-key|apikey|auth|auth-token|access-token|client-secret|key-password)(?:=|\s{1,3})(?!-)\S|-u\s{0,2}[^\s:]{1,64}:\S)/i;
/** `-p<password>` glued to the flag, on the command line of a database or SSH client. */
const CLIENT_P_FLAG = /\b(?:mysql|mysqldump|mysqladmin|mariadb|psql|mongo|mongosh|mongodump|redis-cli|sshpass|ftp|lftp)\b[^\n]{0,200}\s-p[^\s\-'"=]/;
const QUOTED = /(["'`])([^"'`\s\\]{16,400})\1/g;

/** Shannon entropy in bits per character. */
export function entropy(s) {
  const counts = new Map();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** A quoted literal that looks random: long, token alphabet, mixed classes, high entropy. */
function randomLiteral(line) {
  for (const m of line.matchAll(QUOTED)) {
    const v = m[2];
    if (v.length < 20 || !/^[A-Za-z0-9+/=_.~-]+$/.test(v)) continue;
    if (/^[a-z_.-]+$/i.test(v) || /^[\d.]+$/.test(v) || /^\.{0,2}\/|\.\.\/|^@/.test(v)) continue;
    const parts = v.split(/[^A-Za-z0-9]+/).filter(Boolean);
    if (parts.length >= 2 && parts.every((x) => x.length < 16 && /^(?:[A-Za-z]{1,}\d{0,3}|\d{1,4})$/.test(x))) continue;
    const hex = /^[0-9a-f]+$/i.test(v);
    const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((r) => r.test(v)).length;
    if (hex ? v.length >= 32 && entropy(v) >= 3.3 : classes >= 2 && entropy(v) >= 4.0) return true;
  }
  return false;
}

/**
 * The reasons a line is a candidate, strongest first; empty when it is none. The first reason
 * is the guessed category's source.
 */
export function candidateReasons(line, path = '') {
  const reasons = [];
  if (PEM.test(line)) reasons.push('pem');
  if (CRYPT_HASH.test(line)) reasons.push('crypt-hash');
  if (JWT.test(line)) reasons.push('jwt');
  if (URL_CREDS.test(line)) reasons.push('url-creds');
  if (AUTH_HEADER.test(line) || SCHEME_VALUE.test(line)) reasons.push('auth-header');
  if (CONN_KV.test(line)) reasons.push('conn-kv');
  if (CLI_FLAG.test(line) || CLIENT_P_FLAG.test(line)) reasons.push('cli-flag');
  if (keywordFollowedBy(line, AFTER_QUOTED)) reasons.push('kv-quoted');
  else if (keywordFollowedBy(line, CODE_FILE.test(path) ? AFTER_BARE_CODE : AFTER_BARE)) reasons.push('kv-bare');
  else if (keywordFollowedBy(line, AFTER_BARE)) reasons.push('kv-code');
  if (CONN_URI.test(line) && !reasons.includes('url-creds')) reasons.push('conn-uri');
  if (randomLiteral(line)) reasons.push('random-literal');
  return reasons;
}

/** Reasons that make a line a candidate only to measure false positives on code (`password = opts.password`). */
const WEAK = new Set(['kv-code']);
const STRONG = new Set(['pem', 'crypt-hash', 'jwt', 'url-creds', 'auth-header', 'conn-kv', 'cli-flag', 'leakwatch']);

/** A first guess of the category, for the labeller to confirm or change. */
export function guessCategory(reasons, line) {
  const r = new Set(reasons);
  if (r.has('pem')) return 'private-key';
  if (r.has('crypt-hash')) return 'password-hash';
  if (r.has('jwt')) return 'jwt';
  if (r.has('url-creds') || r.has('conn-kv') || r.has('conn-uri')) return 'connection-string';
  if (r.has('auth-header')) return 'token';
  if (/salt|nonce|seed/i.test(line)) return 'seed-salt-nonce';
  if (/pass|pwd/i.test(line)) return 'password';
  if (/token|api[_-]?key|apikey|bearer|consumer|access[_-]?key/i.test(line)) return 'token';
  if (/secret|private/i.test(line)) return 'other-secret';
  return 'none';
}

/** Deterministic order key of a line: sampling never depends on the file system's order. */
export function lineKey(pkg, path, line) {
  return createHash('sha256').update(`${pkg}\0${path}\0${line}`).digest('hex');
}

/**
 * Chooses the candidates of one package. `lines` are `{ path, line, text, reasons }`; lines
 * with the same text keep only their first occurrence (bundles repeat their sources); strong
 * leakwatch's findings go first, then the strong shapes, then quoted assignments, then the
 * other shapes, then lines that are candidates only for a weak reason (a name assigned from
 * code), each tier in hash order; at most `perFile` per file (leakwatch's findings excepted),
 * `perPackageWeak` weak lines and `perPackage` in all. With `perPackageFound`, leakwatch's
 * findings take at most that many places first; the rest of them compete by their shapes
 * only, after every line leakwatch did not report (so a small sample still holds the lines a
 * detector should have found, not only what it found). Returns the chosen lines sorted by path and line.
 */
export function samplePackage(pkg, lines, { perFile = 30, perPackage = 140, perPackageWeak = 15, perPackageFound = Infinity } = {}) {
  const seen = new Set();
  const unique = [];
  const sorted = [...lines].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
  const shapeTier = (reasons) => (reasons.some((r) => STRONG.has(r) && r !== 'leakwatch') ? 0 : reasons.includes('kv-quoted') ? 1 : reasons.some((r) => !WEAK.has(r) && r !== 'leakwatch') ? 2 : 3);
  for (const l of sorted) {
    const norm = l.text.trim();
    if (seen.has(norm)) continue;
    seen.add(norm);
    const found = l.reasons.includes('leakwatch');
    // A finding on a line no shape matched competes last once the found places are taken.
    const later = !found ? shapeTier(l.reasons) : l.reasons.length > 1 ? shapeTier(l.reasons) : 4;
    unique.push({ ...l, key: lineKey(pkg, l.path, l.line), tier: found ? -1 : later, later });
  }
  unique.sort((a, b) => a.tier - b.tier || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const perPath = new Map();
  const chosen = [];
  let weak = 0;
  let foundTaken = 0;
  const deferred = [];
  const take = (l) => {
    if (chosen.length >= perPackage) return false;
    if (l.tier === 3 && weak++ >= perPackageWeak) return false;
    const n = perPath.get(l.path) ?? 0;
    if (n >= perFile && l.tier >= 0) return true;
    perPath.set(l.path, n + 1);
    chosen.push(l);
    return true;
  };
  for (const l of unique) {
    if (l.tier === -1 && foundTaken >= perPackageFound) {
      deferred.push({ ...l, tier: l.later });
      continue;
    }
    if (l.tier === -1) foundTaken++;
    if (!take(l)) break;
  }
  if (deferred.length > 0 && chosen.length < perPackage) {
    // Then the deferred findings by their shape tier (with any line the first pass left for its file cap).
    const chosenSet = new Set(chosen);
    const rest = [...unique.filter((l) => l.tier >= 0 && !chosenSet.has(l)), ...deferred].sort((a, b) => a.tier - b.tier || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const l of rest) if (!take(l)) break;
  }
  return chosen.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line)).map(({ key: _k, tier: _t, later: _l, ...l }) => l);
}

/** Escapes a field for one TSV cell: backslash, tab, CR and LF become `\\`, `\t`, `\r`, `\n`. */
export function escapeTsv(s) {
  return s.replace(/[\\\t\r\n]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\r': '\\r', '\n': '\\n' })[c]);
}

/** Cuts a line to `max` characters with a visible marker of what was left out. */
export function truncate(s, max = 400) {
  return s.length <= max ? s : `${s.slice(0, max)}…[+${s.length - max} chars]`;
}
