/**
 * Shapes that read as a credential-named assignment but hold no secret, found by scanning the
 * unlabelled sources of C#/.NET libraries and applications, Kotlin, Scala and Groovy code with
 * Gradle builds, Objective-C servers and libraries (GNUstep, SOGo), and documentation trees of
 * server software (HTML, reStructuredText, AsciiDoc, man pages, example configs): each negative
 * is written in the shape seen there, and beside it a positive holds a real secret in the same
 * shape, so the fix is the shape's and not one string's. Values are built at run time from a
 * seeded generator.
 */
import { valueMaker } from './shape-cases.js';
import type { ShapeCase as Case } from './shape-cases.js';
import { describeShapePairs } from './describe-shape-pairs.js';

const { rand, short } = valueMaker(0xd07d0c5);
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** A serial's shape: random groups of capitals and digits joined by underscores. */
const serial = [9, 9, 9, 9].map((n) => rand(n, UPPER_DIGITS)).join('_');

/** [not a secret, a secret in the same shape]. */
const pairs: Array<[Case, Case]> = [
  [
    { name: "Kotlin declaration's nullable type, its default in a comment", path: 'libraries/stdlib/js/src/org.w3c/org.w3c.dom.kt', text: '    var credentials: RequestCredentials? /* = RequestCredentials.OMIT */' },
    { name: 'Kotlin declaration initialised with a literal', path: 'libraries/stdlib/js/src/org.w3c/org.w3c.dom.kt', text: '    var credentials: String? = "§"', value: rand(32) },
  ],
  [
    { name: "Kotlin parameter's nullable type before its default", path: 'libraries/stdlib/js/src/org.w3c/org.w3c.dom.kt', text: 'public inline fun WorkerOptions(type: WorkerType? = WorkerType.CLASSIC, credentials: RequestCredentials? = RequestCredentials.OMIT): WorkerOptions {' },
    { name: "Kotlin parameter's literal default", path: 'libraries/stdlib/js/src/org.w3c/org.w3c.dom.kt', text: 'public inline fun WorkerOptions(type: WorkerType? = WorkerType.CLASSIC, credentials: String = "§"): WorkerOptions {', value: rand(32) },
  ],
  [
    { name: "Swift declaration's optional type", path: 'Sources/Client/Session.swift', text: '    let credentials: URLCredential?' },
    { name: 'Swift declaration initialised with a literal', path: 'Sources/Client/Session.swift', text: '    let credentials: String = "§"', value: rand(40) },
  ],
  [
    { name: "Objective-C selector's argument, a variable, on a continued line", path: 'Tools/SOGoToolRestore.m', text: '                                 andPassword: authpwd' },
    { name: "Objective-C selector's argument, a string literal", path: 'Tools/SOGoToolRestore.m', text: '                                 andPassword: @"§"', value: short(14) },
  ],
  [
    { name: "Objective-C message's variable argument between labels", path: 'Tools/SOGoToolRestore.m', text: '  error = [account updateFiltersWithUsername: authname andPassword: authpwd forceActivation: NO];' },
    { name: 'literal argument in the same message', path: 'Tools/SOGoToolRestore.m', text: '  error = [account updateFiltersWithUsername: authname andPassword: @"§" forceActivation: NO];', value: short(14) },
  ],
  [
    { name: 'regular-expression literal with its flags under a tokens name', path: 'UI/WebServerResources/js/Common/utils.js', text: '    formattingTokens = /%[dembByYHIMp]/g;' },
    { name: 'string literal under the same name', path: 'UI/WebServerResources/js/Common/utils.js', text: '    formattingTokens = "§";', value: rand(32) },
  ],
  [
    { name: "translation's numbered argument after a sentence's `password:`", path: 'UI/MainUI/Danish.lproj/Localizable.strings', text: '"Otherwise, please click this link to change your password: %{1}" = "Ellers, klik her for at skifte din adgangskode: %{1}";' },
    { name: 'password after the same words', path: 'UI/MainUI/Danish.lproj/Localizable.strings', text: '"smtp" = "password: §";', value: short(14) },
  ],
  [
    { name: "graphics API's constant name under token=, its matrix's size in it", path: 'Source/Bind/Specifications/GL2/overrides.xml', text: '    <use enum="VERSION_2_1" token="FLOAT_MAT2x3" />' },
    { name: 'random token in the same attribute', path: 'Source/Bind/Specifications/GL2/overrides.xml', text: '    <use enum="VERSION_2_1" token="§" />', value: rand(32) },
  ],
  [
    { name: "graphics API's constant name of short channel parts", path: 'Source/Bind/Specifications/GL2/overrides.xml', text: '    <use enum="SGIX_icc_texture" token="R5_G6_B5_A8_ICC_SGIX" />' },
    { name: "serial's random groups under the same attribute", path: 'Source/Bind/Specifications/GL2/overrides.xml', text: '    <use enum="SGIX_icc_texture" token="§" />', value: serial },
  ],
  [
    { name: "graphics API's constant name with a dimension part", path: 'Source/Bind/Specifications/GL2/overrides.xml', text: '    <use enum="VERSION_4_2" token="UNSIGNED_INT_IMAGE_2D_RECT" />' },
    { name: 'random token in the same element', path: 'Source/Bind/Specifications/GL2/overrides.xml', text: '    <use enum="VERSION_4_2" token="§" />', value: rand(40) },
  ],
];

describeShapePairs('shapes of .NET, Kotlin, Objective-C code and documentation that hold no secret, each beside a secret in the same shape', pairs);
