/**
 * Shapes that read as a credential-named assignment but hold no secret, found by scanning the
 * unlabelled published files of Node.js application packages (CMSs, workflow engines, servers,
 * process managers, CLIs) with their bundled configs and docs: each negative is written in the
 * shape seen there, and beside it a positive holds a real secret in the same shape, so the fix is
 * the shape's and not one string's. Values are built at run time from a seeded generator.
 */
import { valueMaker } from './shape-cases.js';
import type { ShapeCase as Case } from './shape-cases.js';
import { describeShapePairs } from './describe-shape-pairs.js';

const { rand } = valueMaker(0x5eed0d);

const HEX = '0123456789abcdef';
/** A v4-looking UUID from the seeded generator. */
const uuid = (): string => [rand(8, HEX), rand(4, HEX), `4${rand(3, HEX)}`, `9${rand(3, HEX)}`, rand(12, HEX)].join('-');

/** [not a secret, a secret in the same shape]. */
const pairs: Array<[Case, Case]> = [
  [
    { name: 'sentinel naming an empty value, in a declaration file', path: 'dist/cjs/constants.d.ts', text: `export declare const CREDENTIAL_EMPTY_VALUE = "__app_EMPTY_VALUE_${uuid()}";` },
    { name: 'prefixed secret in a declaration file', path: 'dist/cjs/constants.d.ts', text: 'export declare const CREDENTIAL_SIGNING_SECRET = "§";', value: `__app_${rand(32)}` },
  ],
  [
    { name: 'sentinel naming a blanked value, exported', path: 'dist/cjs/constants.js', text: `exports.CREDENTIAL_BLANKING_VALUE = '__app_BLANK_VALUE_${uuid()}';` },
    { name: 'secret with a uuid, exported', path: 'dist/cjs/constants.js', text: "exports.CREDENTIAL_BLANKING_VALUE = '§';", value: `app_${rand(12)}_${uuid()}` },
  ],
  [
    { name: 'masked-secret marker in a form', path: 'src/forms/settings.ts', text: `const secretMask = 'MASKED_SECRET_${rand(6, HEX)}';` },
    { name: 'secret in a form', path: 'src/forms/settings.ts', text: "const apiSecret = '§';", value: rand(30) },
  ],
  [
    { name: 'expression with a ternary between spaced braces', path: 'dist/credentials/AcmeApi.credentials.js', text: '        password: \'={{ $credentials.mode === "key" ? $credentials.keySecret : $credentials.accountToken }}\',' },
    { name: 'password literal in the same place', path: 'dist/credentials/AcmeApi.credentials.js', text: "        password: '§',", value: rand(24) },
  ],
  [
    { name: "a credential's name with a product's short name in it, in an example", path: 'dist/nodes/Acme/Description.js', text: '        placeholder: \'{\\n  "apiKey": "my-k8s-api-key",\\n  "region": "eu"\\n}\',' },
    { name: 'api key with a product name before it', path: 'config/acme.json', text: '  "apiKey": "§",', value: `my-k8s-${rand(24)}` },
  ],
];

/** [not a secret, a secret in the same shape] for rules whose confidence the path decides later. */
const headerPairs: Array<[Case, Case]> = [
  [
    { name: "a config schema's description showing the header", path: 'config.schema.json', text: '  "description": "Tokens handed to callers.\\n\\nCallers pass one as `Authorization: Bearer §` on each request.",', value: rand(32) },
    { name: 'the header in a JSON config', path: 'config/app.json', text: '  "headers": { "Authorization": "Bearer §" },', value: rand(32) },
  ],
];

describeShapePairs('shapes of Node.js application packages that hold no secret, each beside a secret in the same shape', pairs, { aboveLow: true });

describeShapePairs('a header shown in a config schema, beside the header in a config', headerPairs);
