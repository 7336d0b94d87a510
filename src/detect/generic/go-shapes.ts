/**
 * Shapes of Go libraries (cloud SDKs, database drivers, auth clients) that read as an assignment
 * to a credential-named key but hold no secret: a time layout written in Go's reference time
 * (`EC2CredentialsTimestampFormatV4 = "20060102T150405Z"`), the name of an HMAC signing method
 * (`EC2CredentialsAwsHmacV4 = "AWS4-HMAC-SHA256"`), the name table that `stringer` generates
 * for a type named for a credential (`_token_name_4 = "tokenRowtokenNbcRow"`), and a cipher test
 * vector's nonce in hex (`nonce:  "478c…",` beside its key, input and output), a generated
 * constant that spells its own value (`opGetSecretValue = "GetSecretValue"`). Kept apart from
 * not-a-secret.ts so each shape is one named test.
 */
import type { ValueClass } from './classify-value.js';
import type { Assignment } from './read-assignment.js';

/**
 * A layout in Go's reference time, Mon Jan 2 15:04:05 MST 2006 (`20060102T150405Z`,
 * `2006-01-02T15:04:05Z07:00`): the year 2006 and at least one more of its fields, nothing
 * else but separators. The year comes first or last, as time.Format's layouts write it.
 */
const GO_TIME_PART = String.raw`(?:2006|01|02|15|04|05|06|Jan|January|Mon|Monday|MST|Z07:?00|-07:?00|\.0{1,9}|\.9{1,9}|PM|pm)`;
const GO_TIME_LAYOUT = new RegExp(String.raw`^(?=[^]{8,40}$)2006(?:[-/ :T_.]{0,2}${GO_TIME_PART}){2,10}[Z]?$`);

/** An HMAC signing method's name, as signature schemes name theirs: `AWS4-HMAC-SHA256`, `HmacSHA256`, `HMAC-SHA1`. */
const HMAC_METHOD = /^(?:AWS4-|OAuth-)?HMAC[-_]?SHA-?(?:1|224|256|384|512)$/i;

/** What the value is when it is one of the Go value shapes above; null otherwise. */
export function goValueShape(value: string): ValueClass | null {
  if (GO_TIME_LAYOUT.test(value) || HMAC_METHOD.test(value)) return 'code';
  return null;
}

/**
 * The name table `stringer` generates for a type (`_token_name_4 = "tokenRowtokenNbcRow"`,
 * `_Token_name = "…"`): the type's constants' names run together, cut by an index table.
 */
const STRINGER_NAME_KEY = /^_[A-Za-z][A-Za-z0-9]{0,60}_name(?:_\d{1,3})?$/;

/**
 * A nonce in hex as a composite literal's field (`nonce:  "478c…",`), as cipher test vectors list
 * theirs beside a key, an input and an output: a nonce is sent in the clear with what it
 * encrypts, so it is no secret; the vector's key stays reported.
 */
const HEX_NONCE = /^(?:[0-9a-f]{2}){8,32}$|^(?:[0-9A-F]{2}){8,32}$/;

/**
 * An untyped constant that spells its own value after its type's or operation's name, as the
 * AWS SDK's generated code writes its enums and operations (`CustomerMasterKeySpecEccNistP256 =
 * "ECC_NIST_P256"`, `opGetSecretValue = "GetSecretValue"`): the value is the constant's name.
 */
function namedForItsValue(a: Assignment): boolean {
  if (!/^[A-Za-z][\w.-]{2,60}$/.test(a.value)) return false;
  const bare = (t: string): string => t.toLowerCase().replace(/[^a-z0-9]/g, '');
  const key = bare(a.key);
  const value = bare(a.value);
  return value.length >= 3 && key.length > value.length && key.endsWith(value);
}

/**
 * The assignment is one of the Go context shapes above (`after`: the text after the value):
 * stringer's name table, its names joined; a test vector's nonce; a constant named for its value.
 */
export function goContextShape(a: Assignment, after: string): boolean {
  if (a.operator === '=' && namedForItsValue(a)) return true;
  if (a.operator === '=' && STRINGER_NAME_KEY.test(a.key)) return /^[A-Za-z][A-Za-z0-9_]{0,2000}$/.test(a.value);
  return a.operator === ':' && a.key.toLowerCase() === 'nonce' && HEX_NONCE.test(a.value) && /^["`],/.test(after);
}
