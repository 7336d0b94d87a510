/**
 * Value shapes of .NET code, its build files and its documentation comments that read as a
 * literal under a credential-named key but hold no secret: an MSBuild property (`$(BuildToken)`),
 * a Razor expression (`@RawJS(key)`), a query string's parameter set from a variable
 * (`?access_token=$HelixToken`), a URN (`urn:oasis:names:tc:SAML:1.0:am:HardwareToken`), a
 * TimeSpan (`10675199.02:48:05.4775807`), a list of a setting's choices (`[true|false]`) and a
 * substitution marker (`|DATADIRECTORY|`). And, in context, an assembly's public key token.
 */
import { keyWords } from './classify-key.js';
import type { ValueClass } from './classify-value.js';
import type { Assignment } from './read-assignment.js';

/** An MSBuild property, read whole (`$(DotNetSymbolServerTokenSymWeb)`): set at build time. */
const MSBUILD_PROPERTY = /^\$\([A-Za-z_][\w.]{0,80}\)$/;
/** A Razor expression: a call or a member (`@RawJS(key)`, `@Model.ApiKey`); a bare `@word` may be a password. */
const RAZOR_EXPRESSION = /^@[A-Za-z_]\w{0,60}(?:\([^()"'\s]{0,80}\)|(?:\.[A-Za-z_]\w{0,60}){1,5})$/;
/**
 * A query string's parameter whose value is a variable (`?access_token=$HelixApiAccessToken`,
 * PowerShell's `$($env:Token)`, `${token}`): the parameter's shape, filled in at run time.
 */
const QUERY_FROM_VARIABLE = /^[?&][\w.-]{1,40}=\$(?:[A-Za-z_]\w{0,60}|\{[A-Za-z_]\w{0,60}\}|\((?:\$env:)?[A-Za-z_]\w{0,60}\))$/;
/** A URN (RFC 8141), or one given as a URI (`URI:urn:…`): a name of a scheme or a class. */
const URN = /^(?:URI:)?urn:[A-Za-z0-9][\w-]{0,31}:[\w()+,.:=@;$!*'%/?#-]{1,200}$/i;
/** A .NET TimeSpan, `[d.]hh:mm:ss[.fffffff]` (TimeSpan.MaxValue is `10675199.02:48:05.4775807`). */
const TIME_SPAN = /^-?(?:\d{1,8}\.)?\d{1,2}:\d{2}:\d{2}(?:\.\d{1,7})?$/;
/** A setting's choices in brackets, as a configuration's reference lists them: `[true|false]`, `[AutoGenerate | password]`. */
const CHOICES = /^\[\s?[\w.-]{1,30}(?:\s?\|\s?[\w.-]{1,30}){1,8}\s?\]$/;
/** A substitution marker between bars, as ADO.NET's `|DataDirectory|` is written in a connection string. */
const BAR_MARKER = /^\|[A-Za-z][\w]{1,40}\|$/;

/** What the value is when it is one of the value shapes above; null otherwise. */
export function dotnetValueShape(value: string): ValueClass | null {
  if (MSBUILD_PROPERTY.test(value) || RAZOR_EXPRESSION.test(value) || QUERY_FROM_VARIABLE.test(value) || BAR_MARKER.test(value)) return 'template';
  if (URN.test(value)) return 'reference';
  if (TIME_SPAN.test(value)) return 'number';
  if (CHOICES.test(value)) return 'placeholder';
  return null;
}

/** Eight bytes in hex, as a strong name's public key token is written. */
const PUBLIC_KEY_TOKEN = /^[0-9a-f]{16}$/;
/**
 * The token named as a public key's (`Public Key Token: …`, `PublicKeyToken=`), or by the end
 * of that name where a strong name is split over concatenated strings (`"…, Pub" +
 * "licKeyToken=…"`).
 */
const PUBLIC_KEY_TOKEN_BEFORE = /(?:\bpublic[\s_-]?key[\s_-]?|(?:^|[^\w])(?:ublicK|blicK|licK|icK|cK|K)?ey)token\s?[:=]\s?["']?$/i;
/** The public key itself beside the token, as machine.config maps them (`Token="…" PublicKey="…"`). */
const PUBLIC_KEY_AFTER = /^["']?\s{1,3}PublicKey\s?=/;

/**
 * An assembly's public key token: a hash of its public key, printed by `sn -T`, not a secret;
 * named so before it, by its key (`PublicKeyTokenMicrosoft = "…"`), or beside its public key.
 */
export function publicKeyToken(a: Assignment, before: string, after: string): boolean {
  if (!PUBLIC_KEY_TOKEN.test(a.value)) return false;
  return PUBLIC_KEY_TOKEN_BEFORE.test(before) || keyWords(a.key).join(' ').includes('public key token') || PUBLIC_KEY_AFTER.test(after);
}
