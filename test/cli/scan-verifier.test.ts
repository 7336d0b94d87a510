import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetAccessKeyInfoCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createScanVerifier } from '../../src/cli/scan-verifier.js';
import { loadRules } from '../../src/detect/load-rules.js';
import { runScan } from '../../src/scan/run-scan.js';
import { awsError } from '../helpers/aws-calls.js';
import { startFakeGitHub } from '../helpers/fake-github.js';
import type { FakeGitHub } from '../helpers/fake-github.js';
import { TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';
import { awsKeyId, awsSecretKey, githubToken } from '../helpers/tokens.js';

// Every STSClient, the caller's own and the ones built with a leaked pair.
const stsMock = mockClient(STSClient);
const ruleset = loadRules([]);
const liveKeyId = awsKeyId();
const deadKeyId = awsKeyId();
const canaryKeyId = awsKeyId();
const liveToken = githubToken();
let github: FakeGitHub;
let signedWith: string[];
let regions: string[];

beforeAll(async () => {
  github = await startFakeGitHub({ users: { [liveToken]: 'octocat' } });
});

afterAll(async () => {
  await github.close();
  removeTempDirs();
});

beforeEach(() => {
  stsMock.reset();
  signedWith = [];
  regions = [];
  stsMock.on(GetAccessKeyInfoCommand).callsFake(async (input: { AccessKeyId: string }, getClient) => {
    regions.push(await getClient().config.region());
    return { Account: input.AccessKeyId === canaryKeyId ? '999999999999' : '111122223333' };
  });
  stsMock.on(GetCallerIdentityCommand).callsFake(async (_input, getClient) => {
    const credentials = await getClient().config.credentials();
    signedWith.push(credentials.accessKeyId);
    if (credentials.accessKeyId === liveKeyId) return { Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/ci', UserId: 'AIDAEXAMPLE' };
    throw awsError('InvalidClientTokenId', { $metadata: { httpStatusCode: 403 } });
  });
  github.requests.length = 0;
});

const ini = (keyId: string) => `[ci]\naws_access_key_id = ${keyId}\naws_secret_access_key = ${awsSecretKey()}\n`;

describe('createScanVerifier (the service behind scan --verify)', () => {
  it('checks AWS pairs with STS in the configured region, skips canary accounts, and GitHub tokens at github.apiUrl', async () => {
    const config = join(tempDir(), 'leakwatch.yaml');
    writeFileSync(config, 'response:\n  awsRegion: eu-west-1\n  canaryAccounts: ["999999999999"]\n');
    const memory = createMemoryLogger();
    const verifier = createScanVerifier({ configPath: config, env: { LEAKWATCH_GITHUB_API_URL: github.baseUrl }, log: memory.log, perSecond: 10_000 });
    const repo = TestRepo.create();
    repo.commit('creds', { 'live.ini': ini(liveKeyId), 'dead.ini': ini(deadKeyId), 'canary.ini': ini(canaryKeyId), 'gh.env': `GITHUB_TOKEN=${liveToken}\n` });
    try {
      const report = await runScan({ target: repo.dir, stateDir: null, ruleset, workers: 1, verify: verifier.verify });
      const byKey = (keyId: string) => report.findings.find((f) => f.ruleId === 'aws-access-key-id' && f.secretSha256 === createHash('sha256').update(keyId).digest('hex'))?.verified;
      expect(byKey(liveKeyId)).toBe(true);
      expect(byKey(deadKeyId)).toBe(false);
      expect(byKey(canaryKeyId)).toBeNull();
      expect(report.findings.find((f) => f.ruleId === 'github-pat-classic')?.verified).toBe(true);
      expect(signedWith.sort()).toEqual([liveKeyId, deadKeyId].sort());
      expect(new Set(regions)).toEqual(new Set(['eu-west-1']));
      expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /user']);
      expect(verifier.notice).toContain(`GET ${github.baseUrl}/user`);
      expect(verifier.notice).toContain('sts:GetCallerIdentity');
    } finally {
      verifier.close();
    }
  });

  it('ignores ./config/default.yaml unless named by --config or LEAKWATCH_CONFIG', () => {
    const cwd = process.cwd();
    const project = tempDir();
    mkdirSync(join(project, 'config'));
    writeFileSync(join(project, 'config', 'default.yaml'), 'not: ours\n');
    process.chdir(project);
    try {
      const verifier = createScanVerifier({ env: {}, log: createMemoryLogger().log });
      verifier.close();
      expect(verifier.notice).toContain('GET https://api.github.com/user');
      expect(() => createScanVerifier({ env: { LEAKWATCH_CONFIG: join(project, 'config', 'default.yaml') }, log: createMemoryLogger().log })).toThrow(/Invalid configuration/);
    } finally {
      process.chdir(cwd);
    }
  });
});
