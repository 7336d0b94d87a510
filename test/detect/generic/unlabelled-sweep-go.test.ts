/**
 * Shapes that read as a credential-named assignment but hold no secret, found by scanning the
 * unlabelled sources of Go libraries (cloud SDKs for AWS, Azure, OpenStack and MinIO, OAuth and
 * OIDC clients, database drivers, NATS, IMAP and SMTP clients, x/crypto) with their tests, as
 * Debian ships them: each negative is written in the shape seen there, and beside it a positive
 * holds a real secret in the same shape, so the fix is the shape's and not one string's. Values
 * are built at run time from a seeded generator.
 */
import { valueMaker } from './shape-cases.js';
import type { ShapeCase as Case } from './shape-cases.js';
import { describeShapePairs } from './describe-shape-pairs.js';

const { rand } = valueMaker(0x60a1e5);
const HEX = '0123456789abcdef';

/** [not a secret, a secret in the same shape]. */
const pairs: Array<[Case, Case]> = [
  [
    { name: "timestamp layout in Go's reference time", path: 'openstack/identity/v3/ec2tokens/requests.go', text: '\tEC2CredentialsTimestampFormatV4 = "20060102T150405Z"' },
    { name: 'secret under the same constant', path: 'openstack/identity/v3/ec2tokens/requests.go', text: '\tEC2CredentialsTimestampFormatV4 = "§"', value: rand(40) },
  ],
  [
    { name: "HMAC signing method's name", path: 'openstack/identity/v3/ec2tokens/requests.go', text: '\tEC2CredentialsAwsHmacV4 = "AWS4-HMAC-SHA256"' },
    { name: 'secret under the same constant', path: 'openstack/identity/v3/ec2tokens/requests.go', text: '\tEC2CredentialsAwsHmacV4 = "§"', value: rand(40) },
  ],
  [
    { name: "stringer's name table for a type named token", path: 'token_string.go', text: '\t_token_name_4 = "tokenRowtokenNbcRow"' },
    { name: 'secret in a constant of the same form', path: 'token_string.go', text: '\t_token_secret_4 = "§"', value: rand(32) },
  ],
  [
    { name: "cipher test vector's nonce in hex", path: 'chacha20/vectors_test.go', text: `\t\tnonce:  "${rand(24, HEX)}",` },
    { name: "a vector's key in the same table form", path: 'poly1305/vectors_test.go', text: '\t\tkey: "§",', value: rand(64, HEX) },
  ],
  [
    { name: "SDK enum's constant named for its value", path: 'service/kms/api.go', text: '\tCustomerMasterKeySpecEccNistP256 = "ECC_NIST_P256"' },
    { name: 'secret under the same constant', path: 'service/kms/api.go', text: '\tCustomerMasterKeySpecEccNistP256 = "§"', value: rand(40) },
  ],
  [
    { name: "SDK operation's name after its op prefix", path: 'service/secretsmanager/api.go', text: 'const opGetSecretValue = "GetSecretValue"' },
    { name: 'secret value in a constant of the same form', path: 'service/secretsmanager/api.go', text: 'const secretValue = "§"', value: rand(32) },
  ],
];

describeShapePairs('shapes of Go libraries that hold no secret, each beside a secret in the same shape', pairs);
