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
import { describe } from 'vitest';
import { describeShapePairs, itLowersEachPair } from './describe-shape-pairs.js';

const { rand, short } = valueMaker(0xd07d0c5);
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const HEX = '0123456789abcdef';
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
  [
    { name: "OpenSSL object's short name spelling its constant", path: 'external/boringssl/include/openssl/nid.h', text: '#define SN_id_it_revPassphrase "id-it-revPassphrase"' },
    { name: 'secret under a prefixed constant', path: 'external/boringssl/include/openssl/nid.h', text: '#define SN_secret_key "§"', value: rand(24) },
  ],
  [
    { name: "OpenSSL object's long name ending with its constant's words", path: 'external/boringssl/include/openssl/nid.h', text: '#define LN_private_key_usage_period "X509v3 Private Key Usage Period"' },
    { name: 'secret under a long-name-like constant', path: 'external/boringssl/include/openssl/nid.h', text: '#define LN_private_key_usage_period "§"', value: rand(24) },
  ],
  [
    { name: "assembly's public key token in a build file's comment", path: 'external/binary-reference-assemblies/mono/Makefile', text: `MONO_KEY := ../../../mcs/class/mono.pub         # Public Key Token: ${rand(16, HEX)}` },
    { name: "token in the same build file's simply expanded variable", path: 'external/binary-reference-assemblies/mono/Makefile', text: 'NUGET_TOKEN := §', value: rand(40) },
  ],
  [
    { name: "public key token mapped beside its public key", path: 'data/net_1_1/machine.config', text: `    <map Token="${rand(16, HEX)}" PublicKey="${rand(64, HEX)}" />` },
    { name: 'token with no public key beside it', path: 'data/net_1_1/machine.config', text: '    <map Token="§" Name="feed" />', value: rand(40) },
  ],
  [
    { name: "public key token under a constant named for it", path: 'external/ikvm/reflect/Fusion.cs', text: `    const string PublicKeyTokenMicrosoft = "${rand(16, HEX)}";` },
    { name: 'a token of the same length under another constant', path: 'external/ikvm/reflect/Fusion.cs', text: '    const string ApiTokenMicrosoft = "§";', value: rand(16, HEX) },
  ],
  [
    { name: "public key token in a strong name split over concatenated strings", path: 'System.Web/Configuration/BrowserCapabilitiesFactory.cs', text: `            "licKeyToken=${rand(16, HEX)}"] = "System.Web.UI.WebControls.Adapters.MenuAdapter";` },
    { name: 'a token of the same length in a query string', path: 'System.Web/Configuration/BrowserCapabilitiesFactory.cs', text: '            "https://feeds.acme.dev/v1?apiToken=§"] = "feed";', value: rand(16, HEX) },
  ],
  [
    { name: 'Razor expression in a script option', path: 'src/Microsoft.Web.Helpers/Maps.cshtml', text: `    var map = new Microsoft.Maps.Map(el, { credentials: '@RawJS(key)', mapTypeId: 1 });` },
    { name: 'literal key in the same option', path: 'src/Microsoft.Web.Helpers/Maps.cshtml', text: `    var map = new Microsoft.Maps.Map(el, { credentials: '§', mapTypeId: 1 });`, value: rand(64) },
  ],
  [
    { name: 'MSBuild property as an attribute', path: 'eng/common/PublishToSymbolServers.proj', text: '      PersonalAccessToken="$(DotNetSymbolServerTokenSymWeb)"' },
    { name: 'literal token in the same attribute', path: 'eng/common/PublishToSymbolServers.proj', text: '      PersonalAccessToken="§"', value: rand(52, 'abcdefghijklmnopqrstuvwxyz234567') },
  ],
  [
    { name: "query string's parameter set from a PowerShell variable", path: 'eng/common/templates/steps/telemetry-start.yml', text: '      $accessTokenParameter="?access_token=$($env:HelixApiAccessToken)"' },
    { name: "query string's parameter holding a token", path: 'eng/common/templates/steps/telemetry-start.yml', text: '      $accessTokenParameter="?access_token=§"', value: rand(40) },
  ],
  [
    { name: 'URN given as a URI, naming an authentication method', path: 'System.IdentityModel/Tokens/SamlConstants.cs', text: '        public const string HardwareTokenString = "URI:urn:oasis:names:tc:SAML:1.0:am:HardwareToken";' },
    { name: 'literal token constant', path: 'System.IdentityModel/Tokens/SamlConstants.cs', text: '        public const string HardwareTokenString = "§";', value: rand(32) },
  ],
  [
    { name: "TimeSpan's largest value as a string", path: 'System.ServiceModel/Security/IssuanceTokenProviderBase.cs', text: '        internal const string defaultClientMaxTokenCachingTimeString = "10675199.02:48:05.4775807";' },
    { name: 'digits and punctuation of a token', path: 'System.ServiceModel/Security/IssuanceTokenProviderBase.cs', text: '        internal const string defaultClientTokenString = "§";', value: `${rand(8, '0123456789')}.${rand(24)}` },
  ],
  [
    { name: "camel-case name ending in a plural acronym", path: 'System.Web.Extensions/ui/PageRequestManager.cs', text: '        private const string AsyncPostBackControlIDsToken = "asyncPostBackControlIDs";' },
    { name: 'random token under the same constant', path: 'System.Web.Extensions/ui/PageRequestManager.cs', text: '        private const string AsyncPostBackControlIDsToken = "§";', value: rand(32) },
  ],
  [
    { name: "reserved constant's name with leading underscores", path: 'System.Web/Compilation/BuildManager.cs', text: '        internal const string UpdatableInheritReplacementToken = "__ASPNET_INHERITS";' },
    { name: 'random token under the same constant', path: 'System.Web/Compilation/BuildManager.cs', text: '        internal const string UpdatableInheritReplacementToken = "§";', value: rand(32) },
  ],
  [
    { name: 'substitution marker between bars', path: 'System.Web/DataAccess/SqlConnectionHelper.cs', text: '        internal const string s_strUpperDataDirWithToken = "|DATADIRECTORY|";' },
    { name: 'random token under the same constant', path: 'System.Web/DataAccess/SqlConnectionHelper.cs', text: '        internal const string s_strUpperDataDirWithToken = "§";', value: rand(32) },
  ],
  [
    { name: "configuration reference's list of a password's choices", path: 'System.Web/Configuration/ProcessModelSection.cs', text: '    password="[AutoGenerate | password]" - Password of windows user. For special users, specify "AutoGenerate".' },
    { name: 'password literal in the same reference', path: 'System.Web/Configuration/ProcessModelSection.cs', text: '    password="§" - Password of windows user.', value: short(14) },
  ],
];

/** [reported only at low, a secret in the same shape reported at medium or high]. */
const lowered: Array<[Case, Case]> = [
  [
    { name: 'camel-case words ending in a plural acronym, under a longer constant', path: 'System.Web.Extensions/ui/PageRequestManager.cs', text: '        private const string UpdatePanelsToRefreshToken = "panelsToRefreshIDs";' },
    { name: 'random token under the same constant', path: 'System.Web.Extensions/ui/PageRequestManager.cs', text: '        private const string UpdatePanelsToRefreshToken = "§";', value: rand(32) },
  ],
];

describe('shapes of .NET code reported at low only, each beside a secret in the same shape reported higher', () => {
  itLowersEachPair(lowered);
});

describeShapePairs('shapes of .NET, Kotlin, Objective-C code and documentation that hold no secret, each beside a secret in the same shape', pairs);

/** A secret missed before, beside the code of the same shape that still holds none: [code, secret]. */
const read: Array<[Case, Case]> = [
  [
    { name: "Go's short declaration from a variable", path: 'cmd/publish/main.go', text: '\tAPI_TOKEN := tokenFromFlags' },
    { name: "Makefile's simply expanded variable holding a token", path: 'build/Makefile', text: 'API_TOKEN := §', value: rand(40) },
  ],
];

describeShapePairs("secrets in build files' shapes read, beside code of the same shape", read, { aboveLow: true });
