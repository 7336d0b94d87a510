/**
 * Shapes of client libraries and SDKs (their code, packaging metadata and documentation) that
 * read as a credential-named assignment but hold no secret: a packaging entry point naming an
 * object (`v3password = keystoneauth1.loading.identity:Password`), a code generator's type
 * notation (`'secrets': 'list[V1ObjectReference]'`), a Sphinx cross-reference to a class
 * (`:vartype secrets: ~pkg.models.Secrets`), a shell completion's list of options, the
 * names of a Python module's `__all__`, a parameter's annotation in a `def`'s signature, a
 * serializer's attribute map (`{"key": "netIpv4TcpFinTimeout", "type": "int"}`), an enum's
 * constant under a key's `Spec`, Ruby's `alias` of a writer method and a Ruby bang method's call; and
 * one that lowers a value to low: a token in the query of a URL on a domain reserved for
 * examples (RFC 2606). Kept apart from not-a-secret.ts so each shape is one named test.
 */
import { keyWords } from './classify-key.js';
import type { ValueClass } from './classify-value.js';
import type { Assignment, ValueShape } from './read-assignment.js';

/**
 * A Python entry point's object reference, `module.path:attr` (setuptools' entry_points.txt,
 * setup.cfg, `console_scripts`): a dotted module path, a colon, a dotted attribute, perhaps
 * extras in brackets. A module path of one name is left alone (`admin:Secret` could be a pair).
 */
const ENTRY_POINT = /^[A-Za-z_]\w{0,60}(?:\.[A-Za-z_]\w{0,60}){1,12}:[A-Za-z_]\w{0,80}(?:\.[A-Za-z_]\w{0,80}){0,4}(?:\s{0,2}\[[\w,\s-]{1,80}\])?$/;

/**
 * A type written as a code generator writes it in its models' type maps (OpenAPI's Python
 * client: `'list[V1LocalObjectReference]'`, `'dict(str, str)'`, `'Optional[str]'`): a generic
 * container of type names.
 */
const TYPE_EXPRESSION =
  /^(?:list|dict|set|tuple|frozenset|type|optional|union|sequence|iterable|mapping)(?:\[[A-Za-z_][\w.]{0,80}(?:,\s{0,2}[A-Za-z_][\w.[\]]{0,80})*\]|\([A-Za-z_][\w.]{0,80}(?:,\s{0,2}[A-Za-z_][\w.[\]()]{0,80})*\))$/i;

/** Options written one after another (a shell completion's `cmds_secret_get='-h --help -f --format …'`): two or more. */
const OPTION_WORDS = /^-{1,2}[A-Za-z][\w-]{0,40}(?:\s{1,3}-{1,2}[A-Za-z][\w-]{0,40})+$/;

/**
 * A Sphinx cross-reference to a class, as generated clients' docstrings give a field's type
 * (`:vartype secrets: ~azure.mgmt.models.DatastoreSecrets`, `:paramtype expires_in: ~datetime.timedelta`).
 */
const SPHINX_REFERENCE = /^~[A-Za-z_]\w{0,80}(?:\.[A-Za-z_]\w{0,80}){1,12}$/;

/**
 * A Ruby method call on a variable, ending in a bang or a predicate's question mark
 * (`self.access_token = access_token.refresh! if …`): code, written bare.
 */
const RUBY_BANG_CALL = /^[a-z_][a-z0-9_]{0,60}(?:\.[a-z_][a-z0-9_]{0,60}){1,6}[!?]$/;

/** What the value is when it is one of the library shapes above; null otherwise. */
export function libraryValueShape(value: string, shape: ValueShape): ValueClass | null {
  if (ENTRY_POINT.test(value) || SPHINX_REFERENCE.test(value)) return 'reference';
  if (TYPE_EXPRESSION.test(value) || OPTION_WORDS.test(value)) return 'code';
  if (shape === 'bare' && RUBY_BANG_CALL.test(value)) return 'code';
  return null;
}

/** A Python module's export list (`__all__ = ('V3Saml2Password', 'V3ADFSPassword')`): names. */
const ALL_NAMES_BEFORE = /(?:^|\s)__all__\s{0,3}\+?=\s{0,3}[([]/;
/** Inside a `def`'s parameter list, before any default: `def f(cls, signing_key: 'SSHKey', …`. */
const DEF_SIGNATURE_BEFORE = /(?:^|\s)(?:async\s+)?def\s+[A-Za-z_]\w*\s*\([^=)]*$/;
/**
 * A URL on a domain reserved for documentation (RFC 2606, RFC 6761: example.com, .net and .org
 * and their subdomains, `.example`, `.test`, `.invalid`), up to the query or fragment that holds
 * the key: `http://www.example.com/cb#access_token=…`, as OAuth specifications and the
 * libraries that quote them show a redirect.
 */
const EXAMPLE_URL_QUERY_BEFORE =
  /\bhttps?:\/\/(?:[\w-]{1,63}\.){0,4}(?:example\.(?:com|net|org)|[\w-]{1,63}\.(?:example|test|invalid))(?::\d{1,5})?(?:\/[^\s"'<>?#]{0,200})?[?#][^\s"'<>]{0,400}$/i;

/**
 * A serializer's attribute map (msrest's `{"key": "properties.netIpv4TcpFinTimeout", "type": "int"}`):
 * the wire name of a field, in camelCase, perhaps under a dotted path. (A TOTP key serialized with
 * its type, `{"key":"D6RZI4RO…","type":"totp"}`, is base32 capitals.)
 */
const TYPE_SIBLING_AFTER = /^["']\s{0,2},\s{0,2}["']type["']\s{0,2}:/;
const WIRE_NAME = /^(?:[a-z][A-Za-z0-9]{0,60}\.){0,4}[a-z]+(?:[A-Z][a-z0-9]+)+$/;

/** An enum's constant under a key's specification, as cloud APIs name a key's kind (`CustomerMasterKeySpec: ECC_NIST_P521`). */
const ENUM_CONSTANT = /^[A-Z][A-Z0-9]{1,20}(?:_[A-Z0-9]{1,20}){1,6}$/;

/**
 * Ruby's `alias` of a writer method (`alias consumer_secret= client_credential_secret=`): two
 * method names, the second read as the first's value.
 */
const RUBY_ALIAS_BEFORE = /(?:^|[\s;])alias\s{1,4}[A-Za-z_]\w{0,80}=\s{1,4}$/;
const WRITER_NAME = /^[A-Za-z_]\w{0,80}=$/;

/** The line around the value puts it in one of the library shapes above (`after`: the text after the value). */
export function libraryContextShape(a: Assignment, before: string, after: string): boolean {
  if (ALL_NAMES_BEFORE.test(before)) return true;
  if (a.shape === 'bare' && WRITER_NAME.test(a.value) && RUBY_ALIAS_BEFORE.test(before)) return true;
  if (a.key.toLowerCase() === 'key' && WIRE_NAME.test(a.value) && TYPE_SIBLING_AFTER.test(after)) return true;
  if (keyWords(a.key).at(-1) === 'spec' && ENUM_CONSTANT.test(a.value)) return true;
  return a.operator === ':' && DEF_SIGNATURE_BEFORE.test(before);
}

/**
 * The value is a parameter of a URL on a domain reserved for examples: what a specification or
 * a library's docs show, reported at low as a commented-out line is (it is still written as a
 * credential would be).
 */
export function inExampleUrl(before: string): boolean {
  return EXAMPLE_URL_QUERY_BEFORE.test(before);
}
