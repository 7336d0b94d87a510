import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetAccessKeyInfoCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadRules } from '../../src/detect/load-rules.js';
import { createOctokit } from '../../src/github/create-octokit.js';
import { runScan } from '../../src/scan/run-scan.js';
import type { Finding, ScanReport } from '../../src/domain/finding.js';
import { verifyFindings } from '../../src/scan/verify-findings.js';
import type { AwsKeyPair } from '../../src/verify/types.js';
import { createVerificationService } from '../../src/verify/verify-secret.js';
import type { VerifySecret } from '../../src/domain/verification.js';
import { awsError } from '../helpers/aws-calls.js';
import { startFakeGitHub } from '../helpers/fake-github.js';
import type { FakeGitHub } from '../helpers/fake-github.js';
import { TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';
import type { MemoryLogger } from '../helpers/memory-logger.js';
import { awsKeyId, awsSecretKey, githubToken, pemPrivateKey } from '../helpers/tokens.js';

const ruleset = loadRules([]);
const daemonSts = new STSClient({ region: 'us-east-1' });
const liveSts = new STSClient({ region: 'us-east-1' });
const deadSts = new STSClient({ region: 'us-east-1' });
const daemonMock = mockClient(daemonSts);
const liveMock = mockClient(liveSts);
const deadMock = mockClient(deadSts);

let github: FakeGitHub;
let memory: MemoryLogger;
let built: AwsKeyPair[];
const live = { keyId: '', secretKey: '', token: '' };
const dead = { keyId: '', secretKey: '', token: '' };

beforeAll(async () => {
  live.token = githubToken();
  dead.token = githubToken();
  github = await startFakeGitHub({ users: { [live.token]: 'octocat' } });
});

afterAll(async () => {
  await github.close();
  removeTempDirs();
});

beforeEach(() => {
  Object.assign(live, { keyId: awsKeyId(), secretKey: awsSecretKey() });
  Object.assign(dead, { keyId: awsKeyId(), secretKey: awsSecretKey() });
  daemonMock.reset();
  liveMock.reset();
  deadMock.reset();
  daemonMock.on(GetAccessKeyInfoCommand).resolves({ Account: '111122223333' });
  liveMock.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/ci', UserId: 'AIDAEXAMPLE' });
  deadMock.on(GetCallerIdentityCommand).rejects(awsError('InvalidClientTokenId', { $metadata: { httpStatusCode: 403 } }));
  memory = createMemoryLogger();
  built = [];
});

afterEach(() => {
  github.requests.length = 0;
});

function service(): VerifySecret {
  return createVerificationService({
    clients: {
      sts: daemonSts,
      createLeakedStsClient: (credentials) => {
        built.push(credentials);
        return credentials.accessKeyId === live.keyId ? liveSts : deadSts;
      },
      createGitHubClient: (token) => createOctokit({ log: memory.log, auth: token, baseUrl: github.baseUrl, resilient: false }),
    },
    options: { canaryAccounts: [] },
    log: memory.log,
    perSecond: 10_000,
  });
}

const ini = (keyId: string, secretKey: string) => `[ci]\naws_access_key_id = ${keyId}\naws_secret_access_key = ${secretKey}\n`;

function credentialRepo(): TestRepo {
  const repo = TestRepo.create();
  repo.commit('init', { 'README.md': '# app\n' });
  repo.commit('credentials', {
    'deploy/live.ini': ini(live.keyId, live.secretKey),
    'deploy/dead.ini': ini(dead.keyId, dead.secretKey),
    'src/gh.ts': `export const token = '${live.token}';\n`,
    'src/old.ts': `export const token = '${dead.token}';\n`,
    'keys/id_rsa': `${pemPrivateKey()}\n`,
  });
  // The live token in two more places: still one check.
  repo.commit(`ci: use ${live.token}`, { 'scripts/ci.sh': `export GITHUB_TOKEN=${live.token}\n` });
  return repo;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

function verifiedOf(report: ScanReport, ruleId: string, secret?: string): boolean | null | undefined {
  return report.findings.find((f) => f.ruleId === ruleId && (secret === undefined || f.secretSha256 === sha256(secret)))?.verified;
}

function secretsOf(): string[] {
  return [live.keyId, live.secretKey, live.token, dead.keyId, dead.secretKey, dead.token];
}

describe('scan --verify (verifyFindings through runScan)', () => {
  it('marks live credentials true and rejected ones false, checking each distinct secret once', async () => {
    const repo = credentialRepo();
    const report = await runScan({ target: repo.dir, stateDir: null, ruleset, workers: 1, verify: service() });

    expect(verifiedOf(report, 'aws-secret-access-key', live.secretKey)).toBe(true);
    expect(verifiedOf(report, 'aws-access-key-id', live.keyId)).toBe(true);
    expect(verifiedOf(report, 'aws-secret-access-key', dead.secretKey)).toBe(false);
    expect(verifiedOf(report, 'aws-access-key-id', dead.keyId)).toBe(false);
    const tokens = report.findings.filter((f) => f.ruleId === 'github-pat-classic');
    expect(tokens).toHaveLength(2);
    const liveToken = tokens.find((f) => f.locations.length === 3)!;
    expect(liveToken.verified).toBe(true);
    expect(tokens.find((f) => f !== liveToken)!.verified).toBe(false);
    expect(verifiedOf(report, 'private-key-rsa')).toBeNull();

    // A pair is one secret whichever of its two findings asks: one leaked client per pair.
    expect(built.map((c) => c.accessKeyId).sort()).toEqual([live.keyId, dead.keyId].sort());
    expect(liveMock.commandCalls(GetCallerIdentityCommand)).toHaveLength(1);
    expect(deadMock.commandCalls(GetCallerIdentityCommand)).toHaveLength(1);
    const userCalls = github.requests.filter((r) => r.method === 'GET' && r.path === '/user');
    expect(userCalls.map((r) => String(r.headers.authorization).split(' ')[1]).sort()).toEqual([live.token, dead.token].sort());
  });

  it('never puts a secret in the findings or the log', async () => {
    const repo = credentialRepo();
    const report = await runScan({ target: repo.dir, stateDir: null, ruleset, workers: 1, verify: service() });
    expect(report.findings.some((f) => f.verified !== null)).toBe(true);
    const text = JSON.stringify(report) + memory.text();
    for (const secret of secretsOf()) expect(text.includes(secret)).toBe(false);
  });

  it('leaves verified null and calls nothing without a verification service', async () => {
    const repo = credentialRepo();
    const report = await runScan({ target: repo.dir, stateDir: null, ruleset, workers: 1 });
    expect(report.findings.length).toBeGreaterThan(4);
    expect(report.findings.every((f) => f.verified === null)).toBe(true);
    expect(github.requests).toHaveLength(0);
    expect(daemonMock.calls()).toHaveLength(0);
    expect(built).toHaveLength(0);
  });

  it('verifies a plain-directory target from the files on disk', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'creds.ini'), ini(dead.keyId, dead.secretKey));
    writeFileSync(join(dir, 'token.txt'), `token=${live.token}\n`);
    const report = await runScan({ target: dir, stateDir: null, ruleset, workers: 1, verify: service() });
    expect(verifiedOf(report, 'github-pat-classic')).toBe(true);
    expect(verifiedOf(report, 'aws-secret-access-key')).toBe(false);
    expect(verifiedOf(report, 'aws-access-key-id')).toBe(false);
  });

  it('re-reads a secret that is only in a commit message', async () => {
    const repo = TestRepo.create();
    repo.commit('init', { 'README.md': '# app\n' });
    repo.commit(`deploy with ${dead.token}`);
    const report = await runScan({ target: repo.dir, stateDir: null, ruleset, workers: 1, verify: service() });
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ ruleId: 'github-pat-classic', path: null, verified: false });
    expect(github.requests.map((r) => String(r.headers.authorization).split(' ')[1])).toEqual([dead.token]);
  });

  it('leaves a key id with no secret key beside it unverified, without any AWS call', async () => {
    const repo = TestRepo.create();
    repo.commit('a lone key id', { 'notes.md': `The old CI key was ${live.keyId}, since removed.\n` });
    const report = await runScan({ target: repo.dir, stateDir: null, ruleset, workers: 1, verify: service() });
    expect(report.findings.map((f) => f.ruleId)).toEqual(['aws-access-key-id']);
    expect(report.findings[0]!.verified).toBeNull();
    expect(daemonMock.calls()).toHaveLength(0);
    expect(built).toHaveLength(0);
  });

  it('leaves verified null on a transient error (GitHub 500, AWS throttling)', async () => {
    github.route('GET /user', () => ({ status: 500, body: { message: 'Server Error' } }));
    liveMock.reset();
    liveMock.on(GetCallerIdentityCommand).rejects(awsError('Throttling'));
    try {
      const dir = tempDir();
      writeFileSync(join(dir, 'creds.ini'), ini(live.keyId, live.secretKey));
      writeFileSync(join(dir, 'token.txt'), `token=${live.token}\n`);
      const report = await runScan({ target: dir, stateDir: null, ruleset, workers: 1, verify: service() });
      expect(report.findings.map((f) => [f.ruleId, f.verified]).sort()).toEqual([
        ['aws-access-key-id', null],
        ['aws-secret-access-key', null],
        ['github-pat-classic', null],
      ]);
      expect(github.requests.filter((r) => r.path === '/user')).toHaveLength(1);
      expect(liveMock.commandCalls(GetCallerIdentityCommand)).toHaveLength(1);
    } finally {
      const fresh = await startFakeGitHub({ users: { [live.token]: 'octocat' } });
      await github.close();
      github = fresh;
    }
  });
});

describe('verifyFindings when the secret cannot be re-read', () => {
  let calls = 0;
  const counting: VerifySecret = async (verifier) => {
    calls++;
    return { verifier, status: 'live', detail: 'test', checkedAt: new Date() };
  };
  beforeEach(() => {
    calls = 0;
  });

  async function scanned(): Promise<{ dir: string; findings: Finding[] }> {
    const dir = tempDir();
    writeFileSync(join(dir, 'token.txt'), `token=${live.token}\n`);
    const report = await runScan({ target: dir, stateDir: null, ruleset, workers: 1 });
    return { dir, findings: report.findings };
  }

  it('leaves verified null and does not call the verifier when the file is gone', async () => {
    const { dir, findings } = await scanned();
    rmSync(join(dir, 'token.txt'));
    const out = await verifyFindings(findings, { ruleset, source: { kind: 'directory', path: dir }, verify: counting });
    expect(out.map((f) => f.verified)).toEqual([null]);
    expect(calls).toBe(0);
  });

  it('leaves verified null when the blob is not in the git directory', async () => {
    const { findings } = await scanned();
    const repo = TestRepo.create();
    repo.commit('init', { 'README.md': 'x\n' });
    const missing = findings.map((f) => ({ ...f, locations: [{ commit: null, path: 'token.txt', line: 1, endLine: 1, blob: '0'.repeat(39) + '1' }] }));
    const out = await verifyFindings(missing, { ruleset, source: { kind: 'git', gitDir: join(repo.dir, '.git') }, verify: counting });
    expect(out.map((f) => f.verified)).toEqual([null]);
    expect(calls).toBe(0);
  });

  it('does not read a path outside the scanned folder', async () => {
    const { findings } = await scanned();
    const outside = tempDir();
    writeFileSync(join(outside, 'token.txt'), `token=${live.token}\n`);
    const inner = join(outside, 'inner');
    const escaped = findings.map((f) => ({ ...f, locations: [{ commit: null, path: '../token.txt', line: 1, endLine: 1, blob: null }] }));
    const out = await verifyFindings(escaped, { ruleset, source: { kind: 'directory', path: inner }, verify: counting });
    expect(out.map((f) => f.verified)).toEqual([null]);
    expect(calls).toBe(0);
  });
});
