/**
 * Shapes that read as a credential-named assignment but hold no secret, found by scanning the
 * unlabelled sources of Java, C# and Go applications and libraries (servlet containers, pools,
 * mail and network clients, schedulers, a password manager, an API client) with their configs,
 * build files and docs: each negative is written in the shape seen there, and beside it a
 * positive holds a real secret in the same shape, so the fix is the shape's and not one
 * string's. Values are built at run time from a seeded generator.
 */
import { describe, expect, it } from 'vitest';
import { covers, runCase, valueMaker } from './shape-cases.js';
import type { ShapeCase as Case } from './shape-cases.js';
import { describeShapePairs } from './describe-shape-pairs.js';

const { rand, short } = valueMaker(0x1a7a5c);

/** [not a secret, a secret in the same shape]. */
const pairs: Array<[Case, Case]> = [
  [
    { name: 'C# class and its base type', path: 'Vault/UI/Rendering.cs', text: '\tinternal sealed class KeyPassDlg : StdExtDlg' },
    { name: 'C# constant beside it', path: 'Vault/UI/Rendering.cs', text: '\tprivate const string Secret = "§";', value: rand(28) },
  ],
  [
    { name: 'Kotlin class and its supertype', path: 'app/src/main/kotlin/auth/Store.kt', text: 'internal class PasswordTsr : ProExtTsr' },
    { name: 'Kotlin property beside it', path: 'app/src/main/kotlin/auth/Store.kt', text: '    val token = "§"', value: rand(32) },
  ],
  [
    { name: "option name abbreviating its constant's words", path: 'src/main/java/org/acme/cli/Options.java', text: '    public static final String PASSWORD_BASE64 = "pw-b64";' },
    { name: 'password constant', path: 'src/main/java/org/acme/cli/Options.java', text: '    public static final String PASSWORD_BASE64 = "§";', value: short(12) },
  ],
  [
    { name: "C# switch name abbreviating its field's words", path: 'Vault/App/Switches.cs', text: '\t\tpublic static readonly string PassphraseStdIn = "pp-stdin";' },
    { name: 'C# secret field', path: 'Vault/App/Switches.cs', text: '\t\tpublic static readonly string Secret = "§";', value: rand(24) },
  ],
  [
    { name: 'Ant filter token named with a digit inside', path: 'build.xml', text: '    <filter token="SLF4J_API_JAR" value="${slf4j-api.jar}"/>' },
    { name: 'token attribute with a value', path: 'build.xml', text: '    <filter token="§" value="${acme.jar}"/>', value: rand(32) },
  ],
  [
    { name: 'translated message with a MessageFormat argument', path: 'src/main/resources/org/acme/auth/LocalStrings_ja.properties', text: 'auth.token.invalid=Token名前値[{0}]は無効です' },
    { name: 'token in a properties file', path: 'src/main/resources/application.properties', text: 'auth.token=§', value: rand(32) },
  ],
];

describeShapePairs('shapes of JVM, .NET and Go code and configs that hold no secret, each beside a secret in the same shape', pairs);

/** Prose naming a record or an object keeps its password: only a type's name (capitalised) has a base. */
describe('a lower-case word before a colon is no type declaration', () => {
  it('reports: password after "record" in prose', () => {
    const value = short(12);
    const found = runCase({ name: 'prose', path: 'docs/setup.md', text: 'For the admin record password: §', value });
    expect(found.some((m) => covers(m, value))).toBe(true);
  });
});

/** A password spelled from the key's own words is chosen, not an abbreviation of its name. */
describe("a password made of its key's words stays reported", () => {
  it('reports: a name and a word under OPERATOR_PASSWORD', () => {
    const value = ['operator', 'pass'].join('-');
    const found = runCase({ name: 'words', path: 'src/test/java/org/acme/ProxyIT.java', text: '    private static final String OPERATOR_PASSWORD = "§";', value });
    expect(found.some((m) => covers(m, value))).toBe(true);
  });
  it('reports: shortened words of a password under ADMIN_PASSWORD', () => {
    const value = ['adm', 'pass'].join('-');
    const found = runCase({ name: 'shortened', path: 'conf/app.properties', text: 'ADMIN_PASSWORD=§', value });
    expect(found.some((m) => covers(m, value))).toBe(true);
  });
});

describe('a Go string enum whose constant spells its type and value', () => {
  it('does not report: KeySpec constants of a generated SDK', () => {
    const text = '\tSigningKeySpecEccNistP384      SigningKeySpec = "ECC_NIST_P384"';
    expect(runCase({ name: 'enum', path: 'service/signer/types/enums.go', text }).map((m) => m.ruleId)).toEqual([]);
  });
  it('reports: a constant of the same type holding a key', () => {
    const value = rand(32);
    const found = runCase({ name: 'const', path: 'internal/signer/defaults.go', text: '\tDefaultSigningKey      SigningKeySpec = "§"', value });
    expect(found.some((m) => covers(m, value))).toBe(true);
  });
});
