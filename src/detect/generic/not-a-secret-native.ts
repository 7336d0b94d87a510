/**
 * Shapes of C and C++ libraries and tools with crypto, auth and network code (TLS, SSH, SNMP,
 * Wi-Fi, database clients, their build files and test suites) that read as an assignment to a
 * credential-named key but hold no secret: a PEM armour line kept as a macro, a message ending
 * in an escaped line break, object files listed in a makefile, a MIB table's name, the arms
 * of a ternary, a cipher-suite list, a name combined with an operator, a property element's key. Kept apart from
 * not-a-secret-systems.ts, whose shapes came from other code.
 */
import type { ValueClass } from './classify-value.js';
import type { Assignment } from './read-assignment.js';

/** A PEM armour line (`"-----END RSA PRIVATE KEY-----\n"`), as a macro keeps it to find a key's bounds: not the key. */
const PEM_ARMOUR = /^-----(?:BEGIN|END) [A-Z0-9 ]{1,40}-----(?:\\[rn]){0,2}$/;
/**
 * A message ending in an escaped line break (`"fe_sendauth: no password supplied\n"`): words of
 * letters with spaces between them, the first one perhaps a prefix with its colon.
 */
const MESSAGE_LINE = /^[A-Za-z_][\w-]{0,40}:?(?: [A-Za-z][A-Za-z'-]{0,20}){2,15}[.!]?(?:\\[rn])+$/;
/** Object files listed in a makefile (`am_libcmd_psk_la_OBJECTS = psktool-options.lo`). */
const OBJECT_FILE = String.raw`[\w$(){}/.+-]{1,80}\.(?:lo|o|obj|la)`;
const OBJECT_FILES = new RegExp(`^${OBJECT_FILE}(?:[ \\t]{1,4}${OBJECT_FILE}){0,40}$`);

/** What the value is when it is one of the value shapes above; null otherwise. */
export function nativeValueShape(value: string): ValueClass | null {
  if (PEM_ARMOUR.test(value)) return 'reference';
  if (MESSAGE_LINE.test(value)) return 'code';
  if (OBJECT_FILES.test(value)) return 'reference';
  return null;
}

/**
 * A MIB table's or row's name (`snmpTlstmCertToTSNEntry`, `snmpNotifyFilterTable`), as SNMP
 * agents keep it under a config token's name: lower camel case, letters only, ending in the
 * `Table` or `Entry` that SMI names a table and its row with.
 */
const MIB_NAME = /^[a-z]{2,10}(?:[A-Z][a-z]{1,15}|[A-Z]{2,5}(?=[A-Z][a-z])){1,8}(?:Table|Entry)$/;

/** A cipher suite's or a protocol's name in capitals joined by dashes or underscores (`ECDHE-PSK-CHACHA20-POLY1305`). */
const SUITE = '[A-Z][A-Z0-9]{0,15}(?:[-_][A-Z0-9]{1,15}){1,8}';
const SUITE_NAME = new RegExp(`^${SUITE}$`);
/** The rest of the list from there (`DHE-PSK-CHACHA20-POLY1305:PSK-CHACHA20-POLY1305`). */
const SUITE_LIST = new RegExp(`^${SUITE}(?::${SUITE}){0,60}$`);

/**
 * The assignment is one of the context shapes: a MIB table's name under a token's key, a
 * ternary's arms (`"WPA2-PSK" : "WPA-PSK";`, a statement's end after the second quoted
 * string, where an object's member would end in a comma or a brace), a colon-separated
 * cipher-suite list read as `SUITE:SUITE`, a bare name combined with an operator
 * (`seed = lru_seed ^ (long)args;`), an XML element's `key` attribute followed by its `value`
 * attribute (`<property key="list-to-file" value="false"/>`: the key names the property).
 */
export function nativeContextShape(a: Assignment, before: string, after: string): boolean {
  if (/token$/i.test(a.key) && MIB_NAME.test(a.value)) return true;
  if (a.operator === ':' && a.quote !== '' && /["']\s{0,3}:\s{0,3}["']$/.test(before) && /^\s{0,2};/.test(after.slice(a.quote.length))) return true;
  if (a.key.toLowerCase() === 'key' && a.quote !== '' && /<[\w:.-]{1,40}\s[^<>]{0,200}$/.test(before) && /^["']\s{1,3}value\s?=/.test(after)) return true;
  if (a.operator === ':' && SUITE_NAME.test(a.key) && SUITE_LIST.test(a.value) && before.endsWith(`${a.key}:`)) return true;
  return a.shape === 'bare' && /^[A-Za-z_]\w{0,60}$/.test(a.value) && /^\s{1,2}(?:\^|\||&|<<|>>|[+*/%-])\s{1,2}[\w(]/.test(after);
}
