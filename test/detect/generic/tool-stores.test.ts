/**
 * Credentials that tools keep in their own files, in the shapes those files write them: Composer's
 * auth.json and COMPOSER_AUTH (a token under a host's name, in a section per kind of credential),
 * Jenkins' encrypted secrets and the master key beside them, MongoDB's keyfile, and fields named
 * only `Key` or ending in it (`replicaSetKey`). Each beside a same-shape line that holds none (a
 * template, a placeholder, a path, a name). Values are built at run time from a seeded generator.
 */
import { describe, expect, it } from 'vitest';
import { ruleConfidence } from '../../../src/detect/rule-confidence.js';
import { describeShapePairs } from './describe-shape-pairs.js';
import { covers, ruleset, runCase, valueMaker } from './shape-cases.js';
import type { ShapeCase as Case } from './shape-cases.js';

const { rand, short } = valueMaker(0x70015);
const HEX = '0123456789abcdef';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Jenkins' ciphertext: the version byte, the IV's and the data's lengths, then both, in base64. */
const jenkinsSecret = (): string => `${['AQAAAB', 'AAAAA'].join('')}Q${rand(42, BASE64)}=`;
/** What `openssl rand -base64 756` writes: 1,008 characters in lines of 64. */
const mongoKeyfile = (): string => rand(1008, BASE64).match(/.{1,64}/g)!.join('\n');
const composer = (section: string, entry: string): string => `{\n  "${section}": {\n    ${entry}\n  }\n}\n`;

/** [not a secret, a secret in the same shape]. */
const pairs: Array<[Case, Case]> = [
  [
    { name: "Composer's GitHub token left as a placeholder", path: 'auth.json', text: composer('github-oauth', '"github.com": "your-github-oauth-token"') },
    { name: "Composer's GitHub OAuth token (40 hex)", path: 'auth.json', text: composer('github-oauth', '"github.com": "§"'), value: rand(40, HEX) },
  ],
  [
    { name: "Composer's GitLab token from Symfony's env processor", path: 'config/auth.json', text: composer('gitlab-token', '"gitlab.acme.dev": "%env(GITLAB_TOKEN)%"') },
    { name: "Composer's GitLab token for a self-hosted GitLab", path: 'config/auth.json', text: composer('gitlab-token', '"gitlab.acme.dev": "§"'), value: rand(20) },
  ],
  [
    { name: "Composer's bearer token as a marked-up placeholder", path: 'auth.json', text: composer('bearer', '"repo.acme.dev": "<token>"') },
    { name: "Composer's bearer token for a private repository", path: 'auth.json', text: composer('bearer', '"repo.acme.dev": "§"'), value: rand(32) },
  ],
  [
    { name: "Composer's http-basic password from the environment", path: 'auth.json', text: composer('http-basic', '"repo.acme.dev": {\n      "username": "ci",\n      "password": "${REPO_PASSWORD}"\n    }') },
    { name: "Composer's http-basic password", path: 'auth.json', text: composer('http-basic', '"repo.acme.dev": {\n      "username": "ci",\n      "password": "§"\n    }'), value: short(14) },
  ],
  [
    { name: 'COMPOSER_AUTH from a CI secret', path: '.github/workflows/ci.yml', text: `        env:\n          COMPOSER_AUTH: '{"github-oauth": {"github.com": "\${{ secrets.COMPOSER_TOKEN }}"}}'` },
    { name: 'COMPOSER_AUTH written out, quotes escaped in a shell string', path: 'scripts/install.sh', text: 'export COMPOSER_AUTH="{\\"github-oauth\\": {\\"github.com\\": \\"§\\"}}"', value: rand(40, HEX) },
  ],
  [
    { name: "Jenkins credential's password from a property", path: 'jenkins_home/credentials.xml', text: '          <password>${JENKINS_DEPLOY_PASSWORD}</password>' },
    { name: "Jenkins credential's encrypted password", path: 'jenkins_home/credentials.xml', text: '          <password>{§}</password>', value: jenkinsSecret() },
  ],
  [
    { name: "a job's secret text left out of an exported config", path: 'jobs/deploy/config.xml', text: '      <secret></secret>' },
    { name: "a job's encrypted secret text", path: 'jobs/deploy/config.xml', text: '      <secret>{§}</secret>', value: jenkinsSecret() },
  ],
  [
    { name: 'a hex digest of 512 characters elsewhere than secrets/', path: 'test/fixtures/sha512-chain.txt', text: '§', value: rand(512, HEX) },
    { name: "Jenkins' master key", path: 'jenkins_home/secrets/master.key', text: '§', value: rand(512, HEX) },
  ],
  [
    { name: "mongod.conf naming its keyfile's path", path: 'docker/mongo/mongod.conf', text: 'security:\n  authorization: enabled\n  keyFile: /etc/mongo/mongodb-keyfile\n' },
    { name: 'a MongoDB keyfile', path: 'docker/mongo/mongodb-keyfile', text: '§\n', value: mongoKeyfile() },
  ],
  [
    { name: 'a MongoDB keyfile saying how to make one', path: 'deploy/mongo/replica-set.key', text: 'Run openssl rand -base64 756 and put the output here.\n' },
    { name: 'a MongoDB keyfile of one line', path: 'deploy/mongo/replica-set.key', text: '§\n', value: rand(40) },
  ],
  [
    { name: 'replicaSetKey from the environment', path: 'helm/mongodb/values.yaml', text: '  replicaSetKey: ${MONGODB_REPLICA_SET_KEY}' },
    { name: 'replicaSetKey written out', path: 'helm/mongodb/values.yaml', text: '  replicaSetKey: §', value: rand(40) },
  ],
  [
    { name: "Bitnami's replica set key, a chosen word", path: 'docker-compose.yml', text: `      - MONGODB_REPLICA_SET_KEY=${['replica', 'setkey', '123'].join('')}` },
    { name: "Bitnami's replica set key, random", path: 'docker-compose.yml', text: '      - MONGODB_REPLICA_SET_KEY=§', value: rand(32) },
  ],
  [
    { name: 'a bare "Key" naming a resource', path: 'appsettings.json', text: '    "Key": "Settings.Profile.AvatarTitle",' },
    { name: 'a bare "Key" holding a random key', path: 'appsettings.json', text: '    "Key": "§",', value: rand(44, BASE64) },
  ],
  [
    { name: 'a public key under publicKey', path: 'config/push.json', text: `  "publicKey": "${rand(87, BASE64URL)}",` },
    { name: 'a random key under clientKey', path: 'config/push.json', text: '  "clientKey": "§",', value: rand(40, BASE64) },
  ],
  [
    { name: "a test's key material, the base64 of counting digits", path: 'turndb/testmongosetup.sh', text: `  ikm_key: '${Buffer.from('0123456789'.repeat(3)).toString('base64')}',` },
    { name: 'random key material under a key ending in key', path: 'turndb/setup.sh', text: "  ikm_key: '§',", value: Buffer.from(rand(32)).toString('base64') },
  ],
  [
    { name: "a WebSocket handshake's key (a nonce sent in the clear)", path: 'src/ws/client.java', text: `        "Sec-WebSocket-Key: ${rand(22, BASE64)}==",` },
    { name: 'a random key under a header-like name ending in Key', path: 'src/ws/client.java', text: '        "X-Upload-Key: §",', value: rand(40, BASE64) },
  ],
  [
    { name: 'a sort key naming an attribute', path: 'infra/tables.yml', text: `  sortKey: ${['created', 'At', 'Timestamp', '2024'].join('')}` },
    { name: 'a random key under a key ending in Key', path: 'infra/cluster.yml', text: '  clusterKey: §', value: rand(40) },
  ],
];

describeShapePairs("credentials in tools' own files, each beside a shape that holds none", pairs);

describe("Jenkins' encrypted secrets", () => {
  it('are reported at medium: readable only with the instance\'s master key', () => {
    const value = jenkinsSecret();
    const found = runCase({ name: 'encrypted', path: 'jenkins_home/credentials.xml', text: '<password>{§}</password>', value }).filter((m) => covers(m, value));
    expect(found.map((m) => [m.ruleId, m.confidence ?? ruleConfidence(ruleset.byId.get(m.ruleId)!)])).toEqual([['jenkins-encrypted-secret', 'medium']]);
  });
});
