/**
 * Shapes of C#, Kotlin, Swift, Objective-C and JavaScript code, and of the specifications and
 * bindings generated from them, that read as a value under a credential-named key but hold no
 * secret: a declaration's or a parameter's type (`var credentials: RequestCredentials?`), a variable
 * passed to an Objective-C selector's argument (`andPassword: authpwd`), a regular-expression
 * literal under a key (`formattingTokens = /%[dmY]/g;`), a graphics API's constant name under
 * `token=` (`<use token="TEXTURE_2D_ARRAY" />`). Kept apart from not-a-secret.ts, whose shapes
 * came from other code.
 */
import type { Assignment } from './read-assignment.js';

/** `var`, `val`, `let` (Kotlin, Swift, Scala, TypeScript) and a name, then its type's colon. */
const TYPED_DECLARATION_BEFORE = /(?:^|[\s;{(])(?:var|val|let)\s+[A-Za-z_]\w{0,60}\s?:\s?$/;
/**
 * A function's parameter and its type's colon (`fun f(type: T, credentials: RequestCredentials?
 * = OMIT)`): a type only when it is nullable or a default follows it, as a flow map's
 * `{password: Hunter2, …}` never has.
 */
const PARAMETER_BEFORE = /[(,]\s{0,3}[A-Za-z_]\w{0,60}\s?:\s?$/;
const PARAMETER_DEFAULT_AFTER = /^\s?=(?!=)/;
/** A type: a capitalised name, qualified, generic, nullable or optional (`Map<String, Key>?`). */
const TYPE_ANNOTATION = /^[A-Z]\w{0,60}(?:\.[A-Z]\w{0,60}){0,5}(?:<[\w<>, ?.*]{1,120}>)?[?!]?$/;

/**
 * An Objective-C selector's or a Swift argument's label, led by a preposition as their methods
 * name them (`andPassword:`, `withToken:`, `usingSecret:`), not a configuration key.
 */
const SELECTOR_LABEL = /^(?:and|with|using|for|from|by|as)[A-Z]\w{0,60}$/;
/** A variable, a property or `nil` as the argument: a literal would be a quoted `@"…"`. */
const SELECTOR_ARGUMENT = /^(?:[a-z_]\w{0,60}(?:\.[a-z_]\w{0,60}){0,3}|nil|NULL)$/;
/** What may follow an argument in a message: its end, the bracket closing it, or the next label. */
const SELECTOR_AFTER = /^\s*(?:$|\r?\n|\]|;|[a-z]\w{0,60}:)/;

/**
 * A regular-expression literal opened by the value and closed after it, with its flags
 * (`/%[dembByYHIMp]/g;`), holding a construct of a pattern (a class, a group, an escape, a
 * quantifier, an anchor): a path (`/run/secrets/token`) holds none.
 */
const REGEX_LITERAL = /^\/(?![/*])(?:[^/\\\n]|\\.){1,200}\/[dgimsuvy]{0,6}\s*(?:[;,)\]}]|$)/;
const REGEX_CONSTRUCT = /[[\]()\\^$*+?|{}]/;

/**
 * A constant's name in capitals and digits, its words joined by underscores, as graphics and
 * system APIs name enums (`FLOAT_MAT2x3`, `UNSIGNED_INT_IMAGE_2D_RECT`, `R5_G6_B5_ICC_SGIX`):
 * one word at least is spoken (three letters or more, a vowel among them), and a part with
 * digits is short (`2D`, `422`, `A2UI`), as no serial's random groups all are.
 */
function constantName(value: string): boolean {
  if (value.length > 80) return false;
  // (A leading underscore or two marks a reserved or internal name: `__ASPNET_INHERITS`.)
  const parts = value.replace(/^_{1,2}(?=[A-Z])/, '').split('_');
  if (parts.length < 2 || parts.length > 10) return false;
  if (!parts.every((p) => /^[A-Z0-9]{1,24}(?:x\d{1,2})?$/.test(p) && (!/\d/.test(p) || p.length <= 6))) return false;
  return parts.some((p) => /^[A-Z]{3,24}$/.test(p) && /[AEIOUY]/.test(p));
}

/** The constant names that a credential's name in the value would make a secret's name instead. */
const CREDENTIAL_PART = /(?:^|_)(?:PASSWORD|PASSWD|PASS|PWD|PASSPHRASE|SECRET|SECRETS|TOKEN|KEY|APIKEY|AUTH|CREDENTIALS?|SALT|NONCE)(?:_|$)/;

/**
 * The assignment is one of the shapes above: a declaration's or a parameter's type, a selector's variable
 * argument, a regular-expression literal, or (under a weak key, `token=`) a constant's name.
 */
export function typedCodeShape(a: Assignment, before: string, after: string, weakKey: boolean): boolean {
  if (a.shape !== 'literal') {
    if (a.operator === ':' && TYPED_DECLARATION_BEFORE.test(before) && TYPE_ANNOTATION.test(a.value)) return true;
    if (a.operator === ':' && PARAMETER_BEFORE.test(before) && TYPE_ANNOTATION.test(a.value) && (/[?!]$/.test(a.value) || PARAMETER_DEFAULT_AFTER.test(after))) return true;
    if (a.operator === ':' && SELECTOR_LABEL.test(a.key) && SELECTOR_ARGUMENT.test(a.value) && SELECTOR_AFTER.test(after)) return true;
    if (a.value.startsWith('/') && REGEX_CONSTRUCT.test(a.value + after.slice(0, 1)) && REGEX_LITERAL.test(a.value + after)) return true;
  }
  return weakKey && constantName(a.value) && !CREDENTIAL_PART.test(a.value);
}
