// Planted secrets that come as whole files of their own shape: key files, service-account JSON,
// .netrc, .npmrc, kubeconfig. Each returns { file: { name, content }, labels, decoys? }.
import { p, crcToken } from './quality-rng.mjs';
import { jwt, privateKeyPem, pemAccepts, pemBlock, keyBodies } from './quality-pem.mjs';

function keyFile(kind, type, names) {
  return {
    count: type === 'rsa' || type === 'openssh' ? 3 : 2,
    multiline: true,
    gen: (rng) => {
      const pem = privateKeyPem(rng, type);
      const name = rng.pick(names);
      let content = pem + '\n';
      if (name.endsWith('.yaml')) {
        const indented = pem.split('\n').map((l) => '    ' + l).join('\n');
        content = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${rng.pick(['api-tls', 'signing-key', 'sftp-key'])}\ntype: Opaque\nstringData:\n  key.pem: |\n${indented}\n`;
      }
      return { file: { name, content }, labels: [{ kind, value: pem, accept: pemAccepts(pem, content), related: [] }] };
    },
  };
}

function serviceAccount(rng) {
  const project = `${rng.pick(['paycraft', 'pc-data', 'pc-analytics'])}-${rng.int(100000, 999999)}`;
  const keyId = rng.chars('hex', 40);
  const pem = pemBlock(['PRIV', 'ATE KEY'].join(''), keyBodies.pkcs8(rng));
  const escaped = pem.replace(/\n/g, '\\n') + '\\n';
  const account = {
    type: 'service_account',
    project_id: project,
    private_key_id: keyId,
    private_key: pem + '\n',
    client_email: `${rng.pick(['bq-export', 'gcs-writer', 'vertex'])}@${project}.iam.gserviceaccount.com`,
    client_id: rng.chars('digits', 21),
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: 'https://oauth2.googleapis.com/token',
    auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
    client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${project}.iam.gserviceaccount.com`,
  };
  const json = JSON.stringify(account, null, 2) + '\n';
  return { json, escaped, pem, keyId };
}

export const fileSecrets = {
  'private-key-rsa': keyFile('private-key-rsa', 'rsa', ['deploy/keys/deploy_rsa', 'config/jwt-signing.key', 'certs/server.key', 'k8s/tls-secret.yaml']),
  'private-key-ec': keyFile('private-key-ec', 'ec', ['certs/apple-pay.key', 'config/es256-signing.pem']),
  'private-key-openssh': keyFile('private-key-openssh', 'openssh', ['deploy/.ssh/id_ed25519', 'ansible/files/bastion_key', 'scripts/ci_deploy_key']),
  'private-key-pkcs8': keyFile('private-key-pkcs8', 'pkcs8', ['certs/saml-sp.key', 'config/oauth-private.pem']),
  'gcp-service-account': {
    count: 3,
    multiline: true,
    gen: (rng) => {
      const sa = serviceAccount(rng);
      const accept = [sa.escaped, sa.escaped.slice(0, -2), ...pemAccepts(sa.pem), sa.keyId, sa.json, sa.json.trim()];
      if (rng.chance(0.34)) {
        const b64 = Buffer.from(sa.json).toString('base64');
        return { entries: [['GOOGLE_CREDENTIALS_B64', b64]], labels: [{ kind: 'gcp-service-account', value: b64, accept: [...accept], related: [] }] };
      }
      const name = rng.pick(['config/gcp-service-account.json', 'deploy/bq-export-key.json', 'credentials.json']);
      return { file: { name, content: sa.json }, labels: [{ kind: 'gcp-service-account', value: sa.escaped, accept, related: [] }] };
    },
  },
  netrc: {
    count: 2,
    multiline: true,
    gen: (rng) => {
      const pw = rng.chars('alnum', rng.int(32, 40));
      const host = rng.pick(['git.paycraft.example', 'api.heroku.com', 'artifacts.paycraft.example']);
      const content = rng.chance(0.5)
        ? `machine ${host}\n  login ${rng.pick(['ci-bot', 'deploy', 'ops@paycraft.example'])}\n  password ${pw}\n`
        : `machine ${host} login ${rng.pick(['ci-bot', 'deploy'])} password ${pw}\n`;
      return { file: { name: rng.pick(['.netrc', 'ci/netrc', 'docker/netrc']), content }, labels: [{ kind: 'netrc', value: pw, accept: [], related: [] }] };
    },
  },
  'npmrc-auth': {
    count: 3,
    multiline: true,
    gen: (rng) => {
      const variant = rng.int(0, 2);
      let value;
      let line;
      if (variant === 0) {
        value = crcToken(rng, p('np', 'm_'));
        line = `//registry.npmjs.org/:_authToken=${value}`;
      } else if (variant === 1) {
        value = rng.chars('base64url', 64);
        line = `//artifacts.paycraft.example/repository/npm-private/:_authToken=${value}`;
      } else {
        value = Buffer.from(`deploy:${rng.chars('alnum', 20)}`).toString('base64');
        line = `//artifacts.paycraft.example/repository/npm-group/:_auth=${value}`;
      }
      const content = `@paycraft:registry=https://artifacts.paycraft.example/repository/npm-group/\n${line}\nalways-auth=true\n`;
      return { file: { name: '.npmrc', content }, labels: [{ kind: 'npmrc-auth', value, accept: [], related: [] }] };
    },
  },
  'kubeconfig-token': {
    count: 3,
    multiline: true,
    gen: (rng) => {
      const token = jwt(rng, {
        iss: 'kubernetes/serviceaccount',
        'kubernetes.io/serviceaccount/namespace': rng.pick(['ci', 'deploy', 'monitoring']),
        'kubernetes.io/serviceaccount/service-account.name': rng.pick(['gitlab-runner', 'argocd-manager', 'prometheus']),
        sub: 'system:serviceaccount:ci:deployer',
      }, { alg: 'RS256', sigBytes: 256 });
      const { content, decoys } = kubeconfig(rng, `    token: ${token}`);
      return { file: { name: rng.pick(['deploy/kubeconfig', 'ci/kubeconfig.yaml', '.kube/config']), content }, labels: [{ kind: 'kubeconfig-token', value: token, accept: [], related: [] }], decoys };
    },
  },
  'kubeconfig-client-key': {
    count: 2,
    multiline: true,
    gen: (rng) => {
      const pem = privateKeyPem(rng, 'rsa') + '\n';
      const data = Buffer.from(pem).toString('base64');
      const { content, decoys } = kubeconfig(rng, `    client-certificate-data: CERTDATA\n    client-key-data: ${data}`);
      return { file: { name: rng.pick(['deploy/admin.kubeconfig', 'ops/kubeconfig-prod']), content }, labels: [{ kind: 'kubeconfig-client-key', value: data, accept: pemAccepts(pem.trim()), related: [] }], decoys };
    },
  },
};

function kubeconfig(rng, userLines) {
  const ca = Buffer.from(pemBlock('CERTIFICATE', keyBodies.certificate(rng)) + '\n').toString('base64');
  const cert = Buffer.from(pemBlock('CERTIFICATE', keyBodies.certificate(rng)) + '\n').toString('base64');
  const cluster = rng.pick(['prod-eu-west-1', 'staging-eu-west-1', 'ops']);
  const server = `https://${rng.chars('HEX', 32)}.gr7.eu-west-1.eks.amazonaws.com`;
  const users = userLines.replace('CERTDATA', cert);
  const content = `apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    certificate-authority-data: ${ca}\n    server: ${server}\n  name: ${cluster}\ncontexts:\n- context:\n    cluster: ${cluster}\n    user: deployer\n  name: ${cluster}\ncurrent-context: ${cluster}\nusers:\n- name: deployer\n  user:\n${users}\n`;
  const decoys = [{ kind: 'certificate', value: ca }];
  if (userLines.includes('CERTDATA')) decoys.push({ kind: 'certificate', value: cert });
  return { content, decoys };
}
