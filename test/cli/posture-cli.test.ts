import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAws } from '../helpers/fake-aws.js';
import { apiDestinationArn } from '../helpers/fake-aws/fake-security-services.js';
import type { FakeAws } from '../helpers/fake-aws.js';
import { CODE_BUCKET, POSTURE_USERS, PUBLIC_AMI, TOPIC, TRAIL, WRITER, fakeAwsEnv, setUpPostureAccount } from '../helpers/fake-aws/posture-account.js';
import { runCliAsync } from '../helpers/run-cli.js';

interface Report {
  version: number;
  checks: Array<{ id: string; status: string; resource: string; region: string; remediation: string; reference: string; detail: string }>;
  summary: Record<string, number>;
}

const ACCOUNT = '111122223333';
let fake: FakeAws;
let dir: string;
let config: string;

beforeEach(async () => {
  fake = await startFakeAws({ account: ACCOUNT, users: POSTURE_USERS() });
  dir = mkdtempSync(join(tmpdir(), 'leakwatch-posture-'));
  config = join(dir, 'leakwatch.yaml');
  writeFileSync(config, `logLevel: silent\nposture:\n  regions: [us-east-1]\nhttp:\n  snsTopicArns: ['${TOPIC}']\n`);
});

afterEach(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

function posture(...args: string[]) {
  return runCliAsync(['posture', '--config', config, ...args], fakeAwsEnv(fake), dir);
}

describe('leakwatch posture against a fake account through AWS_ENDPOINT_URL', () => {
  it('reports exactly the public code bucket, the trail without log validation, the writer without MFA and the public AMI as failures, with remediation, and exits 1', async () => {
    setUpPostureAccount(fake, { publicCodeBucket: true, trailWithoutValidation: true, writerWithoutMfa: true, publicAmi: true });
    const run = await posture('--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.version).toBe(1);
    const failures = report.checks.filter((c) => c.status === 'fail');
    expect(failures.map((c) => `${c.id} ${c.resource}`).sort()).toEqual([
      `cloudtrail-log-file-validation ${TRAIL}`,
      `ec2-public-amis ${PUBLIC_AMI}`,
      `iam-codecommit-mfa ${WRITER}`,
      // A bucket can only be public while the account's Block Public Access is off.
      `s3-account-block-public-access ${ACCOUNT}`,
      `s3-bucket-public-access ${CODE_BUCKET}`,
    ]);
    for (const f of failures) {
      expect(f.remediation.length, f.id).toBeGreaterThan(20);
      expect(f.reference, f.id).not.toBe('');
    }
    expect(failures.find((f) => f.id === 's3-bucket-public-access')?.detail).toContain('Everyone');
    expect(report.checks.filter((c) => c.status === 'error')).toEqual([]);
    expect(report.summary).toEqual({ pass: report.checks.filter((c) => c.status === 'pass').length, fail: 5, error: 0, skipped: 0 });
    // The MFA check looked at both CodeCommit users and passed the one with MFA; ops has no CodeCommit access.
    expect(report.checks.filter((c) => c.id === 'iam-codecommit-mfa').map((c) => `${c.resource}:${c.status}`).sort()).toEqual(['reader:pass', 'writer:fail']);
    // Read-only: every call the fake saw is a read.
    const writes = fake.calls.map((c) => c.action).filter((a) => !/^(Get|List|Describe|BatchGet)/.test(a));
    expect(writes).toEqual([]);
    for (const action of ['DescribeTrails', 'GetAccountPublicAccessBlock', 'GetBucketAcl', 'DescribeImages', 'DescribeSnapshots', 'GetAccountAuthorizationDetails', 'ListMFADevices', 'ListDetectors', 'GetMacieSession', 'ListFindings', 'DescribeConfigRules', 'BatchGetProjects', 'ListTargetsByRule', 'DescribeRepositories']) {
      expect(fake.count(action), action).toBeGreaterThan(0);
    }
  });

  it('exits 0 with every check passing once the account is in order, and prints one table line per check and resource', async () => {
    setUpPostureAccount(fake, { publicCodeBucket: false, trailWithoutValidation: false, writerWithoutMfa: false, publicAmi: false });
    const run = await posture();
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/^(FAIL|ERROR)/m);
    expect(run.stdout).toMatch(/^PASS +ec2-public-amis +us-east-1 /m);
    expect(run.stdout).toMatch(/ 0 fail, 0 error, 0 skipped\n$/);
  });

  it('reports a check it may not run as error with what to grant, never as a pass, and exits 2', async () => {
    setUpPostureAccount(fake, { publicCodeBucket: false, trailWithoutValidation: false, writerWithoutMfa: false, publicAmi: false });
    fake.state.denied.add('ListDetectors');
    const run = await posture('--check', 'guardduty-enabled', 'ec2-public-amis', '--format', 'json');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('could not be determined');
    const report = JSON.parse(run.stdout) as Report;
    const guardduty = report.checks.find((c) => c.id === 'guardduty-enabled')!;
    expect(guardduty.status).toBe('error');
    expect(guardduty.detail).toContain('AccessDeniedException');
    expect(guardduty.detail).toContain('config/iam-policy.json');
    expect(report.checks.map((c) => c.id).sort()).toEqual(['ec2-public-amis', 'guardduty-enabled']);
  });

  it('passes an EventBridge rule whose API destination posts to http.publicUrl\'s webhook, and fails one posting elsewhere', async () => {
    setUpPostureAccount(fake, { publicCodeBucket: false, trailWithoutValidation: false, writerWithoutMfa: false, publicAmi: false });
    fake.state.rules[0]!.targets = [apiDestinationArn(ACCOUNT, 'us-east-1', 'to-leakwatch')];
    fake.state.apiDestinations.push({ name: 'to-leakwatch', region: 'us-east-1', endpoint: 'https://leakwatch.acme.example/webhook/codecommit', method: 'POST' });
    const check = async (publicUrl: string) => {
      writeFileSync(config, `logLevel: silent\nposture:\n  regions: [us-east-1]\nhttp:\n  publicUrl: '${publicUrl}'\n`);
      const run = await posture('--check', 'eventbridge-codecommit-forwarding', '--format', 'json');
      return { code: run.code, checks: (JSON.parse(run.stdout) as Report).checks };
    };
    const reaches = await check('https://leakwatch.acme.example');
    expect(reaches.code).toBe(0);
    expect(reaches.checks.map((c) => `${c.resource}:${c.status}`)).toEqual(['codecommit-to-leakwatch:pass']);
    expect(fake.count('DescribeApiDestination')).toBe(1);
    const elsewhere = await check('https://leakwatch-new.acme.example');
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.checks.map((c) => `${c.resource}:${c.status}`)).toEqual(['us-east-1:fail']);
    expect(elsewhere.checks[0]!.detail).toContain('posts to https://leakwatch.acme.example/webhook/codecommit');
    expect(elsewhere.checks[0]!.remediation).toContain('http.publicUrl');
  });

  it('writes SARIF with one result per failing resource', async () => {
    setUpPostureAccount(fake, { publicCodeBucket: false, trailWithoutValidation: false, writerWithoutMfa: false, publicAmi: true });
    const run = await posture('--format', 'sarif', '--check', 'ec2-public-amis');
    expect(run.code).toBe(1);
    const sarif = JSON.parse(run.stdout) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ logicalLocations: Array<{ name: string }> }> }> }> };
    expect(sarif.runs[0]!.results.map((r) => [r.ruleId, r.locations[0]!.logicalLocations[0]!.name])).toEqual([['ec2-public-amis', PUBLIC_AMI]]);
  });

  it('rejects an unknown check or a malformed region in one line with exit 2', async () => {
    const bad = await posture('--check', 'no-such-check');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^leakwatch: Unknown check no-such-check; the checks are .*\n$/);
    const region = await posture('--region', 'moon');
    expect(region.code).toBe(2);
    expect(region.stderr).toContain('--region takes an AWS region');
    expect(fake.calls).toEqual([]);
  });

  it('says in one line, with exit 2, when the credentials are refused, instead of an error per check', async () => {
    fake.state.denied.add('GetCallerIdentity');
    const run = await posture();
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^leakwatch: cannot identify the AWS account \(sts:GetCallerIdentity failed: \w+\); set AWS credentials .*\n$/);
  });
});
