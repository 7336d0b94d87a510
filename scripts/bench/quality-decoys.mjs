// Decoys: strings a good scanner must NOT report, in the files where they really occur. Each
// generator returns { path, content, decoys: [{ kind, value }] }; `value` is the string a
// careless rule would report, so a false positive can be traced back to its decoy kind.
import { p, badCrcToken } from './quality-rng.mjs';
import { pemBlock, keyBodies } from './quality-pem.mjs';
import { renderFormat, CODE_FORMATS } from './quality-formats.mjs';

const AWS_DOC_ID = p('AKIA', 'IOSFODNN7', 'EXAMPLE');
const AWS_DOC_SECRET = p('wJalrXUtnFEMI', '/K7MDENG/', 'bPxRfiCY', 'EXAMPLEKEY');

function inFormat(rng, service, env, kind, entries, formatsList) {
  const { path, content } = renderFormat(rng.pick(formatsList), entries, rng, service, env);
  return { path, content, decoys: entries.map(([, v]) => ({ kind, value: v })) };
}

const PLACEHOLDERS = [
  ['STRIPE_SECRET_KEY', () => '<your-stripe-secret-key>'],
  ['GITHUB_TOKEN', () => '<your-token>'],
  ['SENDGRID_API_KEY', () => 'xxxxxxxxxxxxxxxxxxxxxxxx'],
  ['DB_PASSWORD', () => 'changeme'],
  ['ADMIN_PASSWORD', () => 'CHANGE_ME'],
  ['SLACK_BOT_TOKEN', () => '${SLACK_BOT_TOKEN}'],
  ['API_KEY', () => 'your-api-key-here'],
  ['OPENAI_API_KEY', () => p('s', 'k-') + '...'],
  ['NPM_TOKEN', () => p('np', 'm_') + 'x'.repeat(36)],
  ['GITHUB_TOKEN', () => p('gh', 'p_') + 'X'.repeat(36)],
  ['AWS_SECRET_ACCESS_KEY', () => 'REPLACE_ME'],
  ['DATABASE_URL', () => 'postgres://user:password@localhost:5432/app'],
  ['SMTP_PASSWORD', () => '********'],
  ['WEBHOOK_SECRET', () => 'TODO'],
  ['MAILGUN_API_KEY', () => p('ke', 'y-') + '<your-mailgun-key>'],
];

const ENV_READS = [
  { lang: 'python', path: 'app/secrets.py', line: (n) => `${n} = os.environ["${n}"]`, value: (n) => `os.environ["${n}"]`, head: 'import os\n\n' },
  { lang: 'python', path: 'app/clients.py', line: (n) => `${n.toLowerCase()} = os.getenv("${n}")`, value: (n) => `os.getenv("${n}")`, head: 'import os\n\n' },
  { lang: 'js', path: 'src/env.js', line: (n) => `export const ${n.toLowerCase().replace(/_(.)/g, (_, c) => c.toUpperCase())} = process.env.${n};`, value: (n) => `process.env.${n}`, head: '' },
  { lang: 'go', path: 'internal/config/env.go', line: (n) => `\t${n.toLowerCase().replace(/_(.)/g, (_, c) => c.toUpperCase())} := os.Getenv("${n}")`, value: (n) => `os.Getenv("${n}")`, head: 'package config\n\nimport "os"\n\nfunc load() {\n', tail: '}\n' },
  { lang: 'java', path: 'src/main/java/com/paycraft/EnvSecrets.java', line: (n) => `    static final String ${n} = System.getenv("${n}");`, value: (n) => `System.getenv("${n}")`, head: 'package com.paycraft;\n\nfinal class EnvSecrets {\n', tail: '}\n' },
  { lang: 'properties', path: 'src/main/resources/application.properties', line: (n) => `${n.toLowerCase().replace(/_/g, '.')}=\${${n}}`, value: (n) => `\${${n}}`, head: '' },
  { lang: 'terraform', path: 'terraform/rds.tf', line: (n) => `  ${n.toLowerCase()} = var.${n.toLowerCase()}`, value: (n) => `var.${n.toLowerCase()}`, head: 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n', tail: '}\n' },
  { lang: 'ruby', path: 'config/initializers/clients.rb', line: (n) => `${n} = ENV.fetch("${n}")`, value: (n) => `ENV.fetch("${n}")`, head: '' },
];
const SECRET_NAMES = ['DB_PASSWORD', 'STRIPE_SECRET_KEY', 'GITHUB_TOKEN', 'SENDGRID_API_KEY', 'SLACK_BOT_TOKEN', 'API_SECRET', 'REDIS_PASSWORD', 'JWT_SIGNING_KEY'];

const lookAlikes = [
  (rng) => ['GITHUB_TOKEN', badCrcToken(rng, p('gh', 'p_'))],
  (rng) => ['NPM_TOKEN', badCrcToken(rng, p('np', 'm_'))],
  (rng) => ['AWS_ACCESS_KEY_ID', p('AK', 'IA') + rng.chars('base32', 13)],
  (rng) => ['SLACK_BOT_TOKEN', `${p('xo', 'xb')}-${rng.chars('digits', 4)}-${rng.chars('alnum', 6)}`],
  (rng) => ['GOOGLE_API_KEY', p('AI', 'za') + rng.chars('alnum', 20)],
  (rng) => ['GITLAB_TOKEN', p('gl', 'pat-') + rng.chars('alnum', 8)],
  (rng) => ['STRIPE_SECRET_KEY', p('sk', '_live_') + rng.chars('alnum', 8)],
  (rng) => ['SENDGRID_API_KEY', p('S', 'G.') + rng.chars('alnum', 10)],
  (rng) => ['HF_TOKEN', p('h', 'f_') + rng.chars('digits', 12)],
  (rng) => ['GITHUB_TOKEN', p('gh', 'p_') + rng.chars('base62', 20)],
];

const TEST_VECTORS = [
  ['password', 'password'], ['secret', 'test'], ['api_key', 'test-key'], ['token', 'dummy-token'], ['password', 'admin'],
  ['client_secret', 'secret'], ['password', 'test'], ['auth_token', 'token'], ['db_password', 'postgres'], ['password', 'pass'],
];

export const decoyKinds = {
  'aws-doc-example': {
    count: 6,
    gen: (rng, svc, env) => inFormat(rng, svc, env, 'aws-doc-example', [['AWS_ACCESS_KEY_ID', AWS_DOC_ID], ['AWS_SECRET_ACCESS_KEY', AWS_DOC_SECRET]], ['markdown', 'env', 'shell', 'yaml']),
  },
  placeholder: {
    count: 30,
    gen: (rng, svc, env) => {
      const [name, make] = rng.pick(PLACEHOLDERS);
      if (rng.chance(0.15)) {
        const value = `\${{ secrets.${name} }}`;
        return { path: `.github/workflows/release-${svc}.yml`, content: `name: release\non: [push]\njobs:\n  release:\n    runs-on: ubuntu-latest\n    env:\n      ${name}: ${value}\n    steps:\n      - run: make release\n`, decoys: [{ kind: 'placeholder', value }] };
      }
      return inFormat(rng, svc, env, 'placeholder', [[name, make()]], ['env', 'yaml', 'json', 'markdown', 'properties', 'python', 'js']);
    },
  },
  'env-read': {
    count: 20,
    gen: (rng) => {
      const r = rng.pick(ENV_READS);
      const names = rng.shuffle(SECRET_NAMES).slice(0, rng.int(1, 2));
      const content = r.head + names.map(r.line).join('\n') + '\n' + (r.tail ?? '');
      return { path: r.path, content, decoys: names.map((n) => ({ kind: 'env-read', value: r.value(n) })) };
    },
  },
  'look-alike': {
    count: 20,
    gen: (rng, svc, env) => inFormat(rng, svc, env, 'look-alike', [rng.pick(lookAlikes)(rng)], ['env', 'yaml', 'json', ...CODE_FORMATS]),
  },
  'git-sha': {
    count: 10,
    gen: (rng) => {
      const shas = [rng.chars('hex', 40), rng.chars('hex', 40)];
      if (rng.chance(0.5)) {
        return { path: 'CHANGELOG.md', content: `# Changelog\n\n## ${rng.int(1, 3)}.${rng.int(0, 20)}.0\n\n- Revert ${shas[0]} (flaky retry logic)\n- Cherry-pick ${shas[1]} from release branch\n`, decoys: shas.map((value) => ({ kind: 'git-sha', value })) };
      }
      return { path: `.github/workflows/ci-${rng.int(1, 99)}.yml`, content: `name: ci\non: [pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@${shas[0]} # v4\n      - uses: actions/setup-node@${shas[1]} # v4\n      - run: npm ci && npm test\n`, decoys: shas.map((value) => ({ kind: 'git-sha', value })) };
    },
  },
  'lockfile-integrity': {
    count: 8,
    gen: (rng) => {
      const pkgs = rng.shuffle(['express', 'pino', 'zod', 'lodash', 'axios', 'debug', 'ms', 'yaml', 'commander', 'semver']).slice(0, 6);
      const kind = rng.int(0, 2);
      if (kind === 0) {
        const hashes = pkgs.map(() => 'sha512-' + rng.bytes(64).toString('base64'));
        const packages = Object.fromEntries(pkgs.map((n, i) => [`node_modules/${n}`, { version: `${rng.int(1, 9)}.${rng.int(0, 20)}.${rng.int(0, 9)}`, resolved: `https://registry.npmjs.org/${n}/-/${n}.tgz`, integrity: hashes[i] }]));
        return { path: 'package-lock.json', content: JSON.stringify({ name: 'app', lockfileVersion: 3, packages }, null, 2) + '\n', decoys: [{ kind: 'lockfile-integrity', value: hashes[0], also: hashes.slice(1) }] };
      }
      if (kind === 1) {
        const hashes = pkgs.map(() => 'h1:' + rng.bytes(32).toString('base64'));
        return { path: 'go.sum', content: pkgs.map((n, i) => `github.com/${n}/${n} v1.${rng.int(0, 9)}.0 ${hashes[i]}`).join('\n') + '\n', decoys: [{ kind: 'lockfile-integrity', value: hashes[0], also: hashes.slice(1) }] };
      }
      const hashes = pkgs.map(() => rng.chars('hex', 64));
      return { path: 'requirements.txt', content: pkgs.map((n, i) => `${n}==1.${rng.int(0, 9)}.0 \\\n    --hash=sha256:${hashes[i]}`).join('\n') + '\n', decoys: [{ kind: 'lockfile-integrity', value: hashes[0], also: hashes.slice(1) }] };
    },
  },
  uuid: {
    count: 10,
    gen: (rng, svc, env) => inFormat(rng, svc, env, 'uuid', [[rng.pick(['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'WORKSPACE_ID', 'ACCOUNT_UUID', 'SUBSCRIPTION_ID']), rng.uuid()]], ['env', 'yaml', 'json', 'tfvars']),
  },
  'public-key': {
    count: 6,
    gen: (rng) => {
      if (rng.chance(0.5)) {
        const keys = [`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${rng.chars('base64', 43)}`, `ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ${rng.chars('base64', 350)}`];
        return { path: 'ansible/files/authorized_keys', content: keys.map((k, i) => `${k} ${['alice', 'bob'][i]}@paycraft.example`).join('\n') + '\n', decoys: keys.map((value) => ({ kind: 'public-key', value })) };
      }
      const pem = pemBlock('PUBLIC KEY', keyBodies.publicKey(rng));
      return { path: 'config/jwt-public.pem', content: pem + '\n', decoys: [{ kind: 'public-key', value: pem }] };
    },
  },
  certificate: {
    count: 4,
    gen: (rng) => {
      const pem = pemBlock('CERTIFICATE', keyBodies.certificate(rng));
      return { path: rng.pick(['certs/ca-bundle.crt', 'config/rds-ca.pem', 'k8s/ingress-ca.crt']), content: pem + '\n', decoys: [{ kind: 'certificate', value: pem }] };
    },
  },
  'base64-image': {
    count: 5,
    gen: (rng) => {
      const value = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAA' + rng.chars('base64', rng.int(200, 600)) + '=';
      return { path: `web/src/styles/${rng.pick(['icons', 'brand', 'logo'])}.css`, content: `.logo {\n  width: 32px;\n  background-image: url(${value});\n}\n`, decoys: [{ kind: 'base64-image', value }] };
    },
  },
  'test-vector': {
    count: 15,
    gen: (rng) => {
      const [k, v] = rng.pick(TEST_VECTORS);
      if (rng.chance(0.5)) return { path: `tests/fixtures/users-${rng.int(1, 99)}.yaml`, content: `users:\n  - name: alice\n    ${k}: ${v}\n`, decoys: [{ kind: 'test-vector', value: v }] };
      return { path: `tests/test_login_${rng.int(1, 99)}.py`, content: `def test_login(client):\n    ${k} = "${v}"\n    assert client.post("/login", json={"user": "alice", "${k}": ${k}}).status_code == 200\n`, decoys: [{ kind: 'test-vector', value: v }] };
    },
  },
  'hex-colour': {
    count: 4,
    gen: (rng) => {
      const colours = Array.from({ length: 12 }, () => '#' + rng.chars('hex', 6));
      const value = colours.join(',');
      const accent = rng.chars('hex', 32);
      return { path: 'web/src/theme/palette.js', content: `export const palette = [${colours.map((c) => `'${c}'`).join(', ')}];\nexport const accentHex = '${accent}';\n`, decoys: [{ kind: 'hex-colour', value, also: [...colours, accent] }] };
    },
  },
  'random-id': {
    count: 15,
    gen: (rng) => {
      const v = rng.int(0, 5);
      const ids = [
        () => ['request_id', rng.chars('hex', 32)],
        () => ['trace_id', rng.chars('hex', 32)],
        () => ['image', `paycraft/api@sha256:${rng.chars('hex', 64)}`],
        () => ['ami', `ami-0${rng.chars('hex', 16)}`],
        () => ['customer', `cus_${rng.chars('alnum', 14)}`],
        () => ['publishable_key', p('pk', '_live_') + rng.chars('alnum', 99)],
      ];
      const [k, value] = ids[v]();
      if (v <= 1) {
        const span = rng.chars('hex', 16);
        return { path: `tests/fixtures/access-log-${rng.int(1, 99)}.jsonl`, content: JSON.stringify({ ts: '2024-03-01T10:00:00Z', level: 'info', [k]: value, span_id: span, msg: 'request done' }) + '\n', decoys: [{ kind: 'random-id', value, also: [span] }] };
      }
      return { path: `config/ids-${rng.int(1, 99)}.yaml`, content: `${k}: ${value}\nregion: eu-west-1\n`, decoys: [{ kind: 'random-id', value }] };
    },
  },
  'password-hash': {
    count: 4,
    gen: (rng) => {
      const value = `$2b$12$${rng.chars('./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 53)}`;
      return { path: `db/seeds/users-${rng.int(1, 9)}.sql`, content: `INSERT INTO users (email, password_hash) VALUES ('alice@paycraft.example', '${value}');\n`, decoys: [{ kind: 'password-hash', value }] };
    },
  },
  'encrypted-value': {
    count: 4,
    gen: (rng) => {
      if (rng.chance(0.5)) {
        const value = `ENC[AES256_GCM,data:${rng.chars('base64', 28)}=,iv:${rng.chars('base64', 43)}=,tag:${rng.chars('base64', 22)}==,type:str]`;
        return { path: `secrets/${rng.pick(['prod', 'staging'])}.enc.yaml`, content: `db_password: ${value}\nsops:\n  kms:\n    - arn: arn:aws:kms:eu-west-1:000000000000:alias/sops\n  version: 3.8.1\n`, decoys: [{ kind: 'encrypted-value', value }] };
      }
      const value = 'AgB' + rng.chars('base64', 400) + '==';
      return { path: 'k8s/sealed-secret.yaml', content: `apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: api-env\nspec:\n  encryptedData:\n    DB_PASSWORD: ${value}\n`, decoys: [{ kind: 'encrypted-value', value }] };
    },
  },
};
