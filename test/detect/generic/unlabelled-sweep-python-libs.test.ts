/**
 * Shapes that read as a credential-named assignment but hold no secret, found by scanning the
 * unlabelled files of Python client libraries and SDKs (OAuth, OpenStack, Kubernetes, SSH and
 * social-login clients) with their packaging metadata and documentation: each negative is written
 * in the shape seen there, and beside it a positive holds a real secret in the same shape, so the
 * fix is the shape's and not one string's. Values are built at run time from a seeded generator;
 * the OAuth specifications' own example values are put together from parts.
 */
import { describe, expect, it } from 'vitest';
import { LOWER, covers, runCase, valueMaker } from './shape-cases.js';
import type { ShapeCase as Case } from './shape-cases.js';
import { describeShapePairs } from './describe-shape-pairs.js';

const { rand, short } = valueMaker(0x9e7a11);

const DIGITS = '0123456789';
const HOME_ROW = 'asdfghjkl';
const b64 = (text: string): string => Buffer.from(text).toString('base64');
/** Examples printed in RFC 6749 and RFC 6750, joined from parts here. */
const RFC6749_REFRESH = ['tGzv3JOkF0XG', '5Qx2TlKWIA'].join('');
const RFC6750_BEARER = ['mF_9', 'B5f-4', '1JqM'].join('.');
const RFC6749_CLIENT = ['s6BhdRkqt3', ['gX1f', 'Bat3bV'].join('')].join(':');

/** [not a secret, a secret in the same shape]. */
const pairs: Array<[Case, Case]> = [
  [
    { name: "packaging entry point naming a plugin's class", path: 'keystoneauth1.egg-info/entry_points.txt', text: 'v3password = keystoneauth1.loading._plugins.identity.v3:Password' },
    { name: 'password in an ini-style file', path: 'keystoneauth1.egg-info/entry_points.txt', text: 'password = §', value: rand(24) },
  ],
  [
    { name: "code generator's container type in a model's type map", path: 'kubernetes/client/models/v1_pod_spec.py', text: "        'image_pull_secrets': 'list[V1LocalObjectReference]'," },
    { name: 'secret in a dict of the same file', path: 'kubernetes/client/models/v1_pod_spec.py', text: "        'client_secret': '§',", value: rand(32) },
  ],
  [
    { name: "code generator's mapping type in a model's type map", path: 'kubernetes/client/models/v1_secret.py', text: "        'secrets': 'dict(str, str)'," },
    { name: 'secret in the same dict', path: 'kubernetes/client/models/v1_secret.py', text: "        'secret': '§',", value: rand(28) },
  ],
  [
    { name: "shell completion's list of a command's options", path: 'share/bash-completion/completions/cloud', text: "  cmds_secret_get='-h --help -f --format -c --column --noindent --decrypt -d --payload -p --file -F'" },
    { name: 'secret set in a shell script', path: 'share/tools/setup.sh', text: "  cloud_secret='§'", value: rand(32) },
  ],
  [
    { name: "module's __all__ naming classes", path: 'keystoneauth1/extras/_saml2/__init__.py', text: "__all__ = ('V3Saml2Password', 'V3ADFSPassword')" },
    { name: 'name and password in a tuple', path: 'keystoneauth1/extras/_saml2/fixtures.py', text: "creds = ('admin_password', '§')", value: rand(20) },
  ],
  [
    { name: "parameter's forward-referenced annotation in a def's signature", path: 'asyncssh/public_key.py', text: "    def generate(cls, signing_key: 'SSHKey', algorithm: bytes, key: 'SSHKey'," },
    { name: "parameter's default in a def's signature", path: 'asyncssh/connection.py', text: "    def connect(host, password: str = '§'):", value: rand(20) },
  ],
  [
    { name: "docstring field's Sphinx cross-reference to a model class", path: 'azure/keyvault/secrets/_generated/models/_models_py3.py', text: '    :vartype secret_attributes: ~azure.keyvault.v7_3.models.SecretAttributes' },
    { name: 'secret in the same module', path: 'azure/keyvault/secrets/_generated/models/_models_py3.py', text: '    secret_attributes = "§"', value: rand(32) },
  ],
  [
    { name: "docstring parameter's Sphinx cross-reference to a standard type", path: 'azure/communication/identity/_client.py', text: '    :paramtype token_expires_in: ~datetime.timedelta' },
    { name: 'token in the same module', path: 'azure/communication/identity/_client.py', text: "    token = '§'", value: rand(40) },
  ],
  [
    { name: "model's type map naming a class after the key", path: 'azure/mgmt/security/models/_models_py3.py', text: '        "gcpCredentials": "GcpCredentialsDetailsProperties",' },
    { name: 'credentials value in the same map', path: 'azure/mgmt/security/models/_models_py3.py', text: '        "gcpCredentials": "§",', value: rand(32) },
  ],
  [
    { name: "discriminator's map naming a class after the key", path: 'azure/ai/ml/_restclient/models/_models_py3.py', text: "        'auth_type': {'AccessKey': 'AccessKeyAuthTypeWorkspaceConnectionProperties', 'None': 'NoneAuthTypeWorkspaceConnectionProperties'}" },
    { name: 'access key in a dict', path: 'azure/ai/ml/_restclient/models/_models_py3.py', text: "        'auth': {'AccessKey': '§'}", value: rand(40) },
  ],
  [
    { name: "shell completion's two options", path: 'share/bash-completion/completions/cloud', text: "  cmds_secret_container_delete='-h --help'" },
    { name: 'secret set in a shell script', path: 'share/tools/setup.sh', text: "  secret_container_key='§'", value: rand(32) },
  ],
  [
    { name: "serializer's attribute map giving a field's wire name", path: 'azure/mgmt/containerservice/models/_models_py3.py', text: '        "net_ipv4_tcp_max_syn_backlog": {"key": "netIpv4TcpMaxSynBacklog", "type": "int"},' },
    { name: 'TOTP key serialized with its type', path: 'docs/narr/totp-tutorial.rst', text: `    '{"key":"§","type":"totp","v":1}'`, value: rand(32, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567') },
  ],
  [
    { name: "reStructuredText role around a placeholder in a docstring", path: 'azure/mgmt/compute/models/_models_py3.py', text: '    {"data":"<Base64-encoded-certificate>", "password":":code:`<pfx-file-password>`":code:`<br>`}.' },
    { name: 'reStructuredText role around a password', path: 'azure/mgmt/compute/models/_models_py3.py', text: '    {"password":":code:`§`"}', value: rand(20) },
  ],
  [
    { name: "pattern given to Python's re module", path: 'azure/identity/_credentials/azure_cli.py', text: '    return re.sub(r"\\"accessToken\\": \\"(.*?)(\\"|$)", "****", output)' },
    { name: 'token after a finished re call', path: 'azure/identity/_credentials/azure_cli.py', text: '    out = re.sub(r"x", "y", s); token = "§"', value: rand(32) },
  ],
  [
    { name: "key's specification naming its kind", path: 'botocore/data/kms/2014-11-01/examples-1.json', text: '                "CustomerMasterKeySpec": "ECC_NIST_P521",' },
    { name: 'random value under the same Spec key', path: 'botocore/data/kms/2014-11-01/examples-1.json', text: '                "CustomerMasterKeySpec": "§",', value: rand(32) },
  ],
];

/** [reported only at low, a secret in the same shape reported at medium or high]. */
const lowered: Array<[Case, Case]> = [
  [
    { name: 'token in the fragment of a redirect on an example domain', path: 'oauthlib/oauth2/rfc6749/clients/mobile_application.py', text: `        >>> response_uri = 'https://example.com/callback#access_token=${rand(22)}&state=${rand(8)}&token_type=Bearer'` },
    { name: 'token in the fragment of a redirect on a real domain', path: 'oauthlib/oauth2/rfc6749/clients/mobile_application.py', text: `        >>> response_uri = 'https://app.acme-corp.io/callback#access_token=§&state=${rand(8)}&token_type=Bearer'`, value: rand(22) },
  ],
  [
    { name: 'token in the query of a URL on an example subdomain', path: 'authlib/oauth2/rfc6750/parameters.py', text: `    http://www.example.com/path?access_token=${rand(16)}` },
    { name: 'token in the query of a URL on a real host', path: 'authlib/oauth2/rfc6750/parameters.py', text: '    http://api.acme-corp.io/path?access_token=§', value: rand(16) },
  ],
  [
    { name: "RFC 6750's example bearer token in a JSON response", path: 'authlib/oauth2/rfc6750/token.py', text: `        "access_token":"${RFC6750_BEARER}",` },
    { name: 'bearer token in the same JSON', path: 'authlib/oauth2/rfc6750/token.py', text: '        "access_token":"§",', value: rand(24) },
  ],
  [
    { name: "RFC 6749's example refresh token in a request body", path: 'docs/specs/rfc6749.rst', text: `grant_type=refresh_token&refresh_token=${RFC6749_REFRESH}` },
    { name: 'refresh token in the same body', path: 'docs/specs/rfc6749.rst', text: 'grant_type=refresh_token&refresh_token=§', value: rand(22) },
  ],
  [
    { name: "RFC 6749's example client credentials in a Basic header", path: 'authlib/oauth2/rfc6749/authenticate_client.py', text: `    Authorization: Basic ${b64(RFC6749_CLIENT)}` },
    { name: 'client credentials in the same header', path: 'authlib/oauth2/rfc6749/authenticate_client.py', text: '    Authorization: Basic §', value: b64(`acme-web:${rand(18)}`) },
  ],
  [
    { name: "generated model's class name under a secret's key", path: 'kubernetes/client/models/v1_volume.py', text: "        'secret': 'V1SecretVolumeSource'," },
    { name: 'secret in the same dict', path: 'kubernetes/client/models/v1_volume.py', text: "        'secret': '§',", value: rand(24) },
  ],
  [
    { name: 'token typed along the home row in a docstring', path: 'oauthlib/oauth2/rfc6749/request_validator.py', text: `            'access_token': '${rand(6, HOME_ROW)}${rand(3, DIGITS)}${rand(6, HOME_ROW)}',` },
    { name: 'random token in the same dict', path: 'oauthlib/oauth2/rfc6749/request_validator.py', text: "            'access_token': '§',", value: rand(16, `${LOWER}${DIGITS}`) },
  ],
  [
    { name: 'secret typed along the keyboard rows in a query string', path: 'oauthlib/oauth1/rfc5849/endpoints/access_token.py', text: `        'oauth_verifier=x&oauth_token_secret=qwe${rand(6, DIGITS)}lkjsdf&oauth_authorized_realms=movies'` },
    { name: 'random secret in the same query string', path: 'oauthlib/oauth1/rfc5849/endpoints/access_token.py', text: "        'oauth_verifier=x&oauth_token_secret=§&oauth_authorized_realms=movies'", value: short(16) },
  ],
];

describe('shapes of Python client libraries reported at low only, each beside a secret in the same shape reported higher', () => {
  for (const [negative, positive] of lowered) {
    it(`reports at low only: ${negative.name} (${negative.path})`, () => {
      const found = runCase(negative);
      expect(found.length).toBeGreaterThan(0);
      expect(found.map((m) => m.confidence).every((c) => c === 'low')).toBe(true);
    });
    it(`reports at medium or high: ${positive.name} (${positive.path})`, () => {
      const found = runCase(positive).filter((m) => covers(m, positive.value!));
      expect(found.map((m) => m.confidence)).toContainEqual(expect.stringMatching(/^(?:medium|high)$/));
    });
  }
});

describeShapePairs('shapes of Python client libraries and their docs that hold no secret, each beside a secret in the same shape', pairs);
