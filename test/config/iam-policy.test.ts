import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { POSTURE_IAM_ACTIONS } from '../../src/posture/required-permissions.js';
import { RESPOND_IAM_ACTIONS } from '../../src/respond/required-permissions.js';

interface Statement {
  Sid: string;
  Effect: string;
  Action: string[];
  Resource: string | string[];
}

const policy = JSON.parse(readFileSync(fileURLToPath(new URL('../../config/iam-policy.json', import.meta.url)), 'utf8')) as {
  Version: string;
  Statement: Statement[];
};
const granted = new Set(policy.Statement.flatMap((s) => s.Action));

describe('config/iam-policy.json', () => {
  it('is an IAM policy of Allow statements, each with its own Sid and no wildcard action', () => {
    expect(policy.Version).toBe('2012-10-17');
    const sids = policy.Statement.map((s) => s.Sid);
    expect(new Set(sids).size).toBe(sids.length);
    for (const statement of policy.Statement) {
      expect(statement.Effect).toBe('Allow');
      expect(statement.Action.length).toBeGreaterThan(0);
      for (const action of statement.Action) expect(action).toMatch(/^[a-z0-9-]+:[A-Za-z]+$/);
    }
  });

  it('grants every action the response providers list in required-permissions.ts', () => {
    const needed = Object.values(RESPOND_IAM_ACTIONS).flat();
    expect(needed.filter((action) => !granted.has(action))).toEqual([]);
  });

  it('grants what inventory and mirroring use: list, batch-get and tags of repositories, and GitPull', () => {
    for (const action of ['codecommit:ListRepositories', 'codecommit:BatchGetRepositories', 'codecommit:ListTagsForResource', 'codecommit:GitPull']) {
      expect(granted.has(action), action).toBe(true);
    }
    expect([...granted].filter((action) => action.startsWith('codecommit:Git') && action !== 'codecommit:GitPull')).toEqual([]);
  });

  it('grants the replacement key (response.aws.createReplacementKey) in statements of its own, its secrets only under leakwatch/replacement-keys/', () => {
    const withAction = (action: string) => policy.Statement.filter((s) => s.Action.includes(action));
    const create = withAction('iam:CreateAccessKey');
    expect(create.map((s) => s.Action)).toEqual([['iam:CreateAccessKey']]);
    const store = withAction('secretsmanager:CreateSecret');
    expect(store).toHaveLength(1);
    expect(store[0]!.Action.sort()).toEqual(['secretsmanager:CreateSecret', 'secretsmanager:DescribeSecret', 'secretsmanager:PutSecretValue', 'secretsmanager:TagResource']);
    expect(store[0]!.Resource).toBe('arn:aws:secretsmanager:*:*:secret:leakwatch/replacement-keys/*');
  });

  it('grants the posture checks their read-only actions in one statement of their own', () => {
    const posture = policy.Statement.filter((s) => s.Sid === 'LeakwatchPostureReadOnly');
    expect(posture).toHaveLength(1);
    expect([...posture[0]!.Action].sort()).toEqual([...POSTURE_IAM_ACTIONS].sort());
    for (const action of POSTURE_IAM_ACTIONS) expect(action, action).toMatch(/:(Get|List|Describe|BatchGet)/);
  });

  it('lists an IAM action for every AWS SDK command the posture wrappers send', () => {
    // Where the IAM action is not named after the command.
    const renamed: Record<string, string> = {
      's3:ListBuckets': 's3:ListAllMyBuckets',
      's3:GetBucketEncryption': 's3:GetEncryptionConfiguration',
      's3:GetPublicAccessBlock': 's3:GetBucketPublicAccessBlock',
      's3-control:GetPublicAccessBlock': 's3:GetAccountPublicAccessBlock',
    };
    const prefix: Record<string, string> = { 'access-analyzer': 'access-analyzer', 'config-service': 'config', eventbridge: 'events', macie: 'macie2', 's3-control': 's3-control' };
    const dir = fileURLToPath(new URL('../../src/posture/aws/', import.meta.url));
    const sent: string[] = [];
    for (const file of readdirSync(dir)) {
      const service = file.replace(/\.ts$/, '');
      const text = readFileSync(`${dir}${file}`, 'utf8');
      const commands = [...text.matchAll(/\bnew (\w+)Command\(/g), ...text.matchAll(/\bpaginate(\w+)\(/g)].map((m) => m[1]!);
      expect(commands.length, file).toBeGreaterThan(0);
      for (const command of commands) {
        const key = `${prefix[service] ?? service}:${command}`;
        sent.push(renamed[key] ?? key);
      }
    }
    expect(sent.filter((action) => !POSTURE_IAM_ACTIONS.includes(action))).toEqual([]);
  });

  it('grants each code-store containment in a statement of its own: Block Public Access on buckets, on the account, object deletion, AMI and snapshot permissions', () => {
    const only = (sid: string) => policy.Statement.find((s) => s.Sid === sid)!;
    expect(only('ContainExposedCodeBucketsWithBlockPublicAccess').Action).toEqual(['s3:GetBucketPublicAccessBlock', 's3:PutBucketPublicAccessBlock']);
    expect(only('ContainAccountPublicAccessWhenConfigured').Action).toEqual(['s3:GetAccountPublicAccessBlock', 's3:PutAccountPublicAccessBlock']);
    expect(only('DeleteUnrecognisedObjectsInCodeBucketsOnApproval').Resource).toBe('arn:aws:s3:::*/*');
    expect(only('RevokePublicAmiAndSnapshotPermissions').Action).toContain('ec2:ModifyImageAttribute');
    const changes = ['s3:PutBucketPublicAccessBlock', 's3:PutAccountPublicAccessBlock', 's3:DeleteObjectVersion', 'ec2:ModifyImageAttribute', 'ec2:ModifySnapshotAttribute'];
    for (const action of changes) expect(policy.Statement.filter((s) => s.Action.includes(action)), action).toHaveLength(1);
    for (const action of ['guardduty:GetFindings', 'guardduty:ListFindings', 's3:GetBucketTagging', 'ec2:DescribeSnapshots']) expect(granted.has(action), action).toBe(true);
  });

  it('grants S3 code scanning (list and read objects) in a statement of its own, on buckets and objects', () => {
    const scan = policy.Statement.find((s) => s.Sid === 'ScanCodeBucketObjects')!;
    expect(scan.Action).toEqual(['s3:ListBucket', 's3:GetObject']);
    expect(scan.Resource).toEqual(['arn:aws:s3:::*', 'arn:aws:s3:::*/*']);
  });
});
