/**
 * Shapes of C, shell and Perl code in systems and security tools (their test harnesses, build
 * scripts, usage texts and catalogues) that read as an assignment to a credential-named key but
 * hold no secret: a Perl hash element interpolated, a shell variable escaped for a generated
 * script or extended with itself, a usage line's placeholder, arithmetic in a C initialiser, a
 * PKCS#11 URI, a URL's scheme read as a key, a logging call's message. Kept apart from not-a-secret.ts, whose shapes came from other code.
 */
import type { ValueClass } from './classify-value.js';
import type { Assignment } from './read-assignment.js';

/**
 * A Perl hash element or a hash reference's member, as a string interpolates it:
 * `"$config{'WIKI_PASSW'}"`, `'$ret->{NSS_WRAPPER_PASSWD}'`, `$self->{opts}{pass}`.
 */
const PERL_ELEMENT = /^\$[A-Za-z_]\w*(?:->)?(?:\{['"]?[\w.-]{1,60}['"]?\}|\[['"]?\w{1,60}['"]?\])(?:(?:->)?(?:\{['"]?[\w.-]{1,60}['"]?\}|\[['"]?\w{1,60}['"]?\]))*$/;
/** A shell variable escaped for a script written by another (`-p "\$cmd_cmd"` in a heredoc): expanded later. */
const ESCAPED_VARIABLE = /^\\\$(?:[A-Za-z_]\w*|\{[A-Za-z_]\w*\})$/;
/**
 * The rest of a usage line in a C or shell string, up to its escaped line break: a placeholder
 * (`--pass <phrase>\n`, `--pass <password>|*\n`) or a word closing an optional group
 * (`[--token tokenname]\n`). A password in a string ends without the usage's brackets.
 */
const USAGE_TAIL = /^(?:<[^<>\s]{1,60}>[\])|*]{0,3}|[a-z][\w-]{0,40}[\])]{1,2})(?:\\[nrt])+$/;
/** Arithmetic on numbers (`16*1024*1024`, `1<<20`): a size or a count, as C initialisers write them. */
const NUMBER_ARITHMETIC = /^\d{1,10}(?:\s{0,2}(?:[*+/]|<<)\s{0,2}\d{1,10})+$/;

/**
 * A PKCS#11 URI (RFC 7512) naming a key or a certificate in a token
 * (`private_key="pkcs11:manufacturer=piv_II;id=%01"`): where the key is kept, not the key;
 * unless it carries the token's PIN (`pin-value=`).
 */
const PKCS11_URI = /^pkcs11:(?![^\s"']*pin-value=)[^\s"']{1,400}$/i;

/** What the value is when it is one of the value shapes above; null otherwise. */
export function systemsCodeValue(value: string): ValueClass | null {
  if (NUMBER_ARITHMETIC.test(value)) return 'number';
  if (PKCS11_URI.test(value)) return 'reference';
  if (PERL_ELEMENT.test(value) || ESCAPED_VARIABLE.test(value)) return 'template';
  if (USAGE_TAIL.test(value)) return 'placeholder';
  return null;
}

/** A key ending in a URL's scheme (`https`, `credential.ldaps`): what follows its colon is `//host…`. */
const URL_SCHEME_KEY = /(?:^|[.\s_-])(?:https?|ftps?|sftp|ssh|git|ldaps?|wss?|smtps?|imaps?|pop3s?|redis|rediss|amqps?|mqtts?)$/i;

/** The value starts with the key's own variable (`$opts …`, `${PATH}:…`): the variable extended, not a literal. */
function extendsItself(a: Assignment): boolean {
  const name = a.key.replace(/^\$/, '');
  if (!/^[A-Za-z_]\w{0,60}$/.test(name)) return false;
  return a.value.startsWith(`$${name}`) ? !/^\w/.test(a.value.slice(name.length + 1)) : a.value.startsWith(`\${${name}}`);
}

/**
 * A logging call's format string, opened just before the key (`wpa_printf(MSG_DEBUG, "EAP-pwd:
 * Salted …`, `DEBUG(100,("decode_pw_buffer: new_pwrd: "))`, `log_error("token: invalid")`): a
 * message naming what it prints, which code passes as an argument, not written in the text.
 */
const LOG_MESSAGE_BEFORE =
  /\b[A-Za-z_]{0,40}(?:printf|printk|log|debug|dbg|warn|warning|info|notice|error|trace|hexdump|hexdump_key|hexdump_ascii|msg)\s?\(\s?\(?(?:[\w.>-]{1,40},\s?\(?\s?){0,3}"[^"\n]*$/i;
/** A flag inside a usage line's optional group (`[--password challengePassword]`): the value is the argument's name. */
const USAGE_GROUP_BEFORE = /\[\s?-{1,2}[\w-]{1,40}[ =]$/;
/** A LaTeX label or reference, as Sphinx writes them (`\label{\detokenize{api/krb5_change_password:krb5-change-…}}`). */
const LATEX_LABEL_BEFORE = /\\(?:label|ref|pageref|hyperref|autoref|nameref|detokenize)\s?[{[][^{}[\]\s]*$/;

/**
 * crypt()'s second argument after a password literal (`crypt('longlongpassword', '_J9..j2zz')`):
 * the salt or setting (a scheme, its rounds, a salt), read as the value of a (password, x) pair.
 */
const CRYPT_SALT_BEFORE = /\bcrypt\(\s{0,3}(["'])[^"'\n]{1,200}\1\s{0,3},\s{0,3}["']$/i;

/**
 * The assignment is one of the context shapes: a variable extended with its own value
 * (`opts="$opts -c helper='$arg'"`, `PATH="$PATH:…"`), a URL's scheme read as a key
 * (`"credential.https://*.org.useHttpPath"`), whose rest is the URL (still judged as a value
 * when it holds a user's password: `//user:pw@host`), a logging call's message, a usage line's
 * optional argument, a LaTeX label, crypt()'s salt.
 */
export function systemsCodeContext(a: Assignment, before: string): boolean {
  if (extendsItself(a)) return true;
  if (a.operator === ':' && /^\/\/(?![^/\s@]*:[^/\s@]*@)/.test(a.value) && URL_SCHEME_KEY.test(a.key)) return true;
  if (LOG_MESSAGE_BEFORE.test(before) || LATEX_LABEL_BEFORE.test(before)) return true;
  if (a.operator === ',' && CRYPT_SALT_BEFORE.test(before)) return true;
  return USAGE_GROUP_BEFORE.test(before) && /^[\w<>.-]{1,40}\]/.test(a.value);
}
