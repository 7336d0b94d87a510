import { AccessAnalyzerClient, ListAnalyzersCommand, ListFindingsCommand } from '@aws-sdk/client-accessanalyzer';
import { CloudTrailClient, DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { BatchGetProjectsCommand, CodeBuildClient, ListProjectsCommand } from '@aws-sdk/client-codebuild';
import { DescribeApiDestinationCommand, EventBridgeClient, ListRulesCommand, ListTargetsByRuleCommand } from '@aws-sdk/client-eventbridge';
import { ConfigServiceClient, DescribeConfigRulesCommand, GetComplianceDetailsByConfigRuleCommand } from '@aws-sdk/client-config-service';
import { GetAccessKeyLastUsedCommand, GetAccountAuthorizationDetailsCommand, IAMClient, ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { GetMacieSessionCommand, Macie2Client } from '@aws-sdk/client-macie2';
import { GetBucketAclCommand, GetBucketLocationCommand, GetBucketPolicyStatusCommand, GetBucketTaggingCommand, GetPublicAccessBlockCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { postureChecks } from '../../src/posture/api.js';
import { runPostureChecks } from '../../src/posture/run-posture-checks.js';
import { awsError } from '../helpers/aws-calls.js';
import { NOW, postureTestContext } from './posture-test-context.js';

const cloudtrail = mockClient(CloudTrailClient);
const analyzer = mockClient(AccessAnalyzerClient);
const codebuild = mockClient(CodeBuildClient);
const configService = mockClient(ConfigServiceClient);
const eventbridge = mockClient(EventBridgeClient);
const iam = mockClient(IAMClient);
const macie = mockClient(Macie2Client);
const s3 = mockClient(S3Client);
const s3control = mockClient(S3ControlClient);
const sts = mockClient(STSClient);

afterEach(() => {
  for (const m of [cloudtrail, analyzer, codebuild, configService, eventbridge, iam, macie, s3, s3control, sts]) m.reset();
});

const check = (id: string) => postureChecks.get(id)!;
const run = async (id: string, raw: Record<string, unknown> = {}) => runPostureChecks([check(id)], postureTestContext(raw));
const verdicts = (results: Array<{ resource: string; status: string }>) => results.map((r) => `${r.resource}:${r.status}`);
const doc = (statements: unknown[]) => encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: statements }));
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

describe('cloudtrail-codecommit-events', () => {
  const trail = { Name: 't', TrailARN: 'arn:aws:cloudtrail:us-east-1:1:trail/t', HomeRegion: 'us-east-1', IsMultiRegionTrail: true };

  it('passes a logging trail whose selectors record management reads and writes', async () => {
    cloudtrail.on(DescribeTrailsCommand).resolves({ trailList: [trail] }).on(GetTrailStatusCommand).resolves({ IsLogging: true });
    cloudtrail.on(GetEventSelectorsCommand).resolves({ EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }] });
    expect(verdicts(await run('cloudtrail-codecommit-events'))).toEqual(['t:pass']);
  });

  it('fails when the only trail records write events only (GitPull is a read) or advanced selectors keep reads out', async () => {
    cloudtrail.on(DescribeTrailsCommand).resolves({ trailList: [trail] }).on(GetTrailStatusCommand).resolves({ IsLogging: true });
    cloudtrail.on(GetEventSelectorsCommand).resolves({ EventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true }] });
    expect(verdicts(await run('cloudtrail-codecommit-events'))).toEqual(['us-east-1:fail']);
    cloudtrail.on(GetEventSelectorsCommand).resolves({
      AdvancedEventSelectors: [{ Name: 'm', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'readOnly', Equals: ['false'] }] }],
    });
    expect(verdicts(await run('cloudtrail-codecommit-events'))).toEqual(['us-east-1:fail']);
  });

  it('does not count a trail that is not logging', async () => {
    cloudtrail.on(DescribeTrailsCommand).resolves({ trailList: [trail] }).on(GetTrailStatusCommand).resolves({ IsLogging: false });
    expect(verdicts(await run('cloudtrail-codecommit-events'))).toEqual(['us-east-1:fail']);
    expect(cloudtrail.commandCalls(GetEventSelectorsCommand)).toHaveLength(0);
  });
});

describe('eventbridge-codecommit-forwarding', () => {
  const TOPIC = 'arn:aws:sns:us-east-1:111122223333:leakwatch-codecommit';
  const DESTINATION = 'arn:aws:events:us-east-1:111122223333:api-destination/to-leakwatch/6b1d2c3e-0000-4000-8000-000000000001';
  const WEBHOOK = 'https://leakwatch.acme.example/webhook/codecommit';

  function ruleTargeting(arn: string): void {
    eventbridge.on(ListRulesCommand).resolves({ Rules: [{ Name: 'cc', State: 'ENABLED', EventPattern: JSON.stringify({ source: ['aws.codecommit'] }) }] });
    eventbridge.on(ListTargetsByRuleCommand, { Rule: 'cc' }).resolves({ Targets: [{ Id: 't0', Arn: arn }] });
  }

  it('passes a rule whose SNS target is a topic the webhook accepts, without asking about API destinations', async () => {
    ruleTargeting(TOPIC);
    const results = await run('eventbridge-codecommit-forwarding', { http: { snsTopicArns: [TOPIC] } });
    expect(verdicts(results)).toEqual(['cc:pass']);
    expect(eventbridge.commandCalls(DescribeApiDestinationCommand)).toHaveLength(0);
  });

  it('passes an API destination that posts to <http.publicUrl>/webhook/codecommit, a trailing slash aside', async () => {
    ruleTargeting(DESTINATION);
    eventbridge.on(DescribeApiDestinationCommand, { Name: 'to-leakwatch' }).resolves({ InvocationEndpoint: WEBHOOK, HttpMethod: 'POST', ApiDestinationState: 'ACTIVE' });
    const results = await run('eventbridge-codecommit-forwarding', { http: { publicUrl: 'https://leakwatch.acme.example/' } });
    expect(verdicts(results)).toEqual(['cc:pass']);
    expect(results[0]!.detail).toContain(WEBHOOK);
    expect(eventbridge.commandCalls(DescribeApiDestinationCommand)[0]!.args[0].input).toEqual({ Name: 'to-leakwatch' });
  });

  it('fails an API destination that posts elsewhere or with another method, saying where it posts', async () => {
    ruleTargeting(DESTINATION);
    eventbridge.on(DescribeApiDestinationCommand).resolves({ InvocationEndpoint: 'https://old-host.acme.example/webhook/codecommit', HttpMethod: 'POST' });
    const elsewhere = await run('eventbridge-codecommit-forwarding', { http: { publicUrl: 'https://leakwatch.acme.example' } });
    expect(verdicts(elsewhere)).toEqual(['us-east-1:fail']);
    expect(elsewhere[0]!.detail).toContain('API destination to-leakwatch posts to https://old-host.acme.example/webhook/codecommit');
    expect(elsewhere[0]!.detail).toContain(`posting to ${WEBHOOK}`);
    eventbridge.on(DescribeApiDestinationCommand).resolves({ InvocationEndpoint: WEBHOOK, HttpMethod: 'PUT' });
    const method = await run('eventbridge-codecommit-forwarding', { http: { publicUrl: 'https://leakwatch.acme.example' } });
    expect(verdicts(method)).toEqual(['us-east-1:fail']);
    expect(method[0]!.detail).toContain('uses PUT, not POST');
  });

  it('fails a target naming an API destination that no longer exists', async () => {
    ruleTargeting(DESTINATION);
    eventbridge.on(DescribeApiDestinationCommand).rejects(awsError('ResourceNotFoundException'));
    const results = await run('eventbridge-codecommit-forwarding', { http: { publicUrl: 'https://leakwatch.acme.example' } });
    expect(verdicts(results)).toEqual(['us-east-1:fail']);
    expect(results[0]!.detail).toContain('API destination to-leakwatch does not exist');
  });

  it('is skipped, not passed, when an API destination is the only target and http.publicUrl is not set, and says to set it', async () => {
    ruleTargeting(DESTINATION);
    const [result] = await run('eventbridge-codecommit-forwarding');
    expect(result).toMatchObject({ status: 'skipped', resource: 'us-east-1', detail: expect.stringContaining('http.publicUrl is not set') });
    expect(result!.detail).toContain('cc → API destination to-leakwatch');
    expect(eventbridge.commandCalls(DescribeApiDestinationCommand)).toHaveLength(0);
  });

  it('fails when no enabled rule matches CodeCommit events', async () => {
    eventbridge.on(ListRulesCommand).resolves({ Rules: [{ Name: 'cc', State: 'DISABLED', EventPattern: JSON.stringify({ source: ['aws.codecommit'] }) }] });
    const results = await run('eventbridge-codecommit-forwarding', { http: { publicUrl: 'https://leakwatch.acme.example' } });
    expect(results.map((r) => [r.resource, r.status, r.detail])).toEqual([['us-east-1', 'fail', 'No enabled EventBridge rule matches CodeCommit events.']]);
  });
});

describe('access-analyzer-external-sharing', () => {
  it('is skipped, not passed, where no analyzer is active', async () => {
    analyzer.on(ListAnalyzersCommand).resolves({ analyzers: [{ arn: 'a', name: 'old', type: 'ACCOUNT', status: 'DISABLED', createdAt: NOW }] });
    const [result] = await run('access-analyzer-external-sharing');
    expect(result).toMatchObject({ status: 'skipped', detail: expect.stringContaining('not enabled') });
  });

  it('fails each bucket or role with an active external-access finding, naming who it is shared with', async () => {
    analyzer.on(ListAnalyzersCommand).resolves({ analyzers: [{ arn: 'arn:a', name: 'acct', type: 'ACCOUNT', status: 'ACTIVE', createdAt: NOW }] });
    analyzer.on(ListFindingsCommand).resolves({
      findings: [
        { id: 'f1', resource: 'arn:aws:s3:::code', resourceType: 'AWS::S3::Bucket', principal: { AWS: '999988887777' }, status: 'ACTIVE', condition: {}, createdAt: NOW, analyzedAt: NOW, updatedAt: NOW, resourceOwnerAccount: '1' },
        { id: 'f2', resource: 'arn:aws:kms:k', resourceType: 'AWS::KMS::Key', principal: { AWS: '*' }, status: 'ACTIVE', condition: {}, createdAt: NOW, analyzedAt: NOW, updatedAt: NOW, resourceOwnerAccount: '1' },
      ],
    });
    const results = await run('access-analyzer-external-sharing');
    expect(verdicts(results)).toEqual(['arn:aws:s3:::code:fail']);
    expect(results[0]!.detail).toContain('999988887777');
    expect(analyzer.commandCalls(ListFindingsCommand)[0]!.args[0].input.filter).toEqual({ status: { eq: ['ACTIVE'] } });
  });
});

describe('codebuild-envvar-credentials', () => {
  it('takes the AWS Config rule\'s verdict where the rule is deployed', async () => {
    configService.on(DescribeConfigRulesCommand).resolves({ ConfigRules: [{ ConfigRuleName: 'my-rule', Source: { Owner: 'AWS', SourceIdentifier: 'CODEBUILD_PROJECT_ENVVAR_AWSCRED_CHECK' } }] });
    configService.on(GetComplianceDetailsByConfigRuleCommand).resolves({ EvaluationResults: [{ EvaluationResultIdentifier: { EvaluationResultQualifier: { ResourceId: 'deploy' } } }] });
    expect(verdicts(await run('codebuild-envvar-credentials'))).toEqual(['deploy:fail']);
    expect(codebuild.calls()).toHaveLength(0);
  });

  it('checks the projects directly without the rule: plaintext AWS keys fail, Parameter Store references pass', async () => {
    configService.on(DescribeConfigRulesCommand).resolves({ ConfigRules: [] });
    codebuild.on(ListProjectsCommand).resolves({ projects: ['bad', 'good'] });
    codebuild.on(BatchGetProjectsCommand).resolves({
      projects: [
        { name: 'bad', environment: { type: 'LINUX_CONTAINER', image: 'i', computeType: 'BUILD_GENERAL1_SMALL', environmentVariables: [{ name: 'AWS_SECRET_ACCESS_KEY', value: 'x', type: 'PLAINTEXT' }] } },
        { name: 'good', environment: { type: 'LINUX_CONTAINER', image: 'i', computeType: 'BUILD_GENERAL1_SMALL', environmentVariables: [{ name: 'AWS_ACCESS_KEY_ID', value: '/ci/key', type: 'PARAMETER_STORE' }] } },
      ],
    });
    expect(verdicts(await run('codebuild-envvar-credentials'))).toEqual(['bad:fail', 'good:pass']);
  });
});

describe('IAM checks', () => {
  const user = (UserName: string, statements: unknown[]) => ({ UserName, Arn: `arn:aws:iam::1:user/${UserName}`, Path: '/', UserPolicyList: [{ PolicyName: 'p', PolicyDocument: doc(statements) }] });
  const role = (RoleName: string, statements: unknown[], Path = '/') => ({ RoleName, Arn: `arn:aws:iam::1:role/${RoleName}`, Path, RolePolicyList: [{ PolicyName: 'p', PolicyDocument: doc(statements) }] });

  it('iam-access-key-age fails old keys and keys unused past the threshold, passes fresh keys in use', async () => {
    iam.on(GetAccountAuthorizationDetailsCommand).resolves({ UserDetailList: [user('u', [])], IsTruncated: false });
    iam.on(ListAccessKeysCommand).resolves({
      AccessKeyMetadata: [
        { AccessKeyId: 'OLD', Status: 'Active', CreateDate: daysAgo(200) },
        { AccessKeyId: 'IDLE', Status: 'Active', CreateDate: daysAgo(40) },
        { AccessKeyId: 'FRESH', Status: 'Active', CreateDate: daysAgo(10) },
        { AccessKeyId: 'OFF', Status: 'Inactive', CreateDate: daysAgo(900) },
      ],
    });
    iam.on(GetAccessKeyLastUsedCommand, { AccessKeyId: 'OLD' }).resolves({ AccessKeyLastUsed: { LastUsedDate: daysAgo(1), ServiceName: 's3', Region: 'us-east-1' } });
    iam.on(GetAccessKeyLastUsedCommand, { AccessKeyId: 'IDLE' }).resolves({});
    iam.on(GetAccessKeyLastUsedCommand, { AccessKeyId: 'FRESH' }).resolves({ AccessKeyLastUsed: { LastUsedDate: daysAgo(1), ServiceName: 's3', Region: 'us-east-1' } });
    const results = await run('iam-access-key-age', { posture: { accessKeyMaxAgeDays: 90, accessKeyUnusedDays: 30 } });
    expect(verdicts(results)).toEqual(['u/OLD:fail', 'u/IDLE:fail', 'u/FRESH:pass']);
    expect(results[1]!.detail).toContain('never used in 40 days');
  });

  it('iam-critical-change-roles fails roles that can change IAM or S3 public access unless listed; service-linked roles are AWS\'s', async () => {
    iam.on(GetAccountAuthorizationDetailsCommand).resolves({
      RoleDetailList: [
        role('ci', [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }]),
        role('break-glass', [{ Effect: 'Allow', Action: '*', Resource: '*' }]),
        role('reader', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]),
        role('AWSServiceRoleForX', [{ Effect: 'Allow', Action: '*', Resource: '*' }], '/aws-service-role/x.amazonaws.com/'),
      ],
      IsTruncated: false,
    });
    const results = await run('iam-critical-change-roles', { posture: { criticalChangeRoles: ['break-*'] } });
    expect(verdicts(results)).toEqual(['ci:fail', 'break-glass:pass']);
    expect(results[0]!.detail).toContain('IAM (iam:AttachRolePolicy');
  });

  it('iam-codecommit-full-access fails a user granted codecommit:* on *, directly or through a group', async () => {
    iam.on(GetAccountAuthorizationDetailsCommand).resolves({
      UserDetailList: [user('dev', [{ Effect: 'Allow', Action: 'codecommit:GitPull', Resource: '*' }]), { UserName: 'lead', Arn: 'arn:aws:iam::1:user/lead', GroupList: ['admins'] }],
      GroupDetailList: [{ GroupName: 'admins', GroupPolicyList: [{ PolicyName: 'cc', PolicyDocument: doc([{ Effect: 'Allow', Action: 'codecommit:*', Resource: '*' }]) }] }],
      IsTruncated: false,
    });
    const results = await run('iam-codecommit-full-access');
    expect(verdicts(results)).toEqual(['lead:fail']);
    expect(results[0]!.detail).toContain('inline:group/admins/cc');
  });
});

describe('S3 checks', () => {
  const publicRead = { Grantee: { Type: 'Group' as const, URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' as const };

  function account(blocks: boolean | undefined): void {
    sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333' });
    if (blocks === undefined) s3control.on(GetAccountPublicAccessBlockCommand).rejects(awsError('NoSuchPublicAccessBlockConfiguration'));
    else s3control.on(GetAccountPublicAccessBlockCommand).resolves({ PublicAccessBlockConfiguration: { BlockPublicAcls: blocks, IgnorePublicAcls: blocks, BlockPublicPolicy: blocks, RestrictPublicBuckets: blocks } });
  }

  it('s3-bucket-public-access looks at code buckets first and counts what Block Public Access lets through', async () => {
    account(undefined);
    s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'logs' }, { Name: 'hidden' }, { Name: 'code' }] });
    s3.on(GetBucketTaggingCommand).rejects(awsError('NoSuchTagSet'));
    s3.on(GetBucketTaggingCommand, { Bucket: 'code' }).resolves({ TagSet: [{ Key: 'leakwatch:code', Value: 'true' }] });
    s3.on(GetPublicAccessBlockCommand).rejects(awsError('NoSuchPublicAccessBlockConfiguration'));
    s3.on(GetPublicAccessBlockCommand, { Bucket: 'hidden' }).resolves({ PublicAccessBlockConfiguration: { IgnorePublicAcls: true } });
    s3.on(GetBucketAclCommand).resolves({ Grants: [publicRead] });
    s3.on(GetBucketAclCommand, { Bucket: 'logs' }).resolves({ Grants: [] });
    s3.on(GetBucketPolicyStatusCommand).rejects(awsError('NoSuchBucketPolicy'));
    s3.on(GetBucketPolicyStatusCommand, { Bucket: 'logs' }).resolves({ PolicyStatus: { IsPublic: true } });
    const results = await run('s3-bucket-public-access');
    expect(verdicts(results)).toEqual(['code:fail', 'logs:fail', 'hidden:pass']);
    expect(results[0]!.detail).toBe('Code bucket code is public: its ACL grants READ to Everyone.');
    expect(results[1]!.detail).toContain('bucket policy is public');
  });

  it('s3-bucket-public-access passes every bucket at once when the account blocks all public access', async () => {
    account(true);
    s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'a' }] });
    s3.on(GetBucketTaggingCommand).rejects(awsError('NoSuchTagSet'));
    expect(verdicts(await run('s3-bucket-public-access'))).toEqual(['*:pass']);
    expect(s3.commandCalls(GetBucketAclCommand)).toHaveLength(0);
  });

  it('macie-enabled fails a region holding a code bucket without Macie, and skips regions without code buckets', async () => {
    s3.on(ListBucketsCommand).resolves({ Buckets: [{ Name: 'code' }] });
    s3.on(GetBucketTaggingCommand).resolves({ TagSet: [] });
    s3.on(GetBucketLocationCommand).resolves({ LocationConstraint: 'eu-west-1' });
    macie.on(GetMacieSessionCommand).rejects(Object.assign(awsError('AccessDeniedException'), { message: 'Macie is not enabled.' }));
    const results = await run('macie-enabled', { posture: { regions: ['us-east-1', 'eu-west-1'], codeBuckets: ['code'] } });
    expect(verdicts(results)).toEqual(['us-east-1:skipped', 'eu-west-1:fail']);
  });
});

describe('a check that cannot run', () => {
  it('is an error naming the cause and the statement to grant, with remediation, never a pass', async () => {
    cloudtrail.on(DescribeTrailsCommand).rejects(awsError('AccessDeniedException'));
    const results = await run('cloudtrail-multi-region-logging', { posture: { regions: ['us-east-1', 'eu-west-1'] } });
    expect(results.map((r) => [r.region, r.status])).toEqual([['us-east-1', 'error'], ['eu-west-1', 'error']]);
    expect(results[0]!.detail).toContain('AccessDeniedException');
    expect(results[0]!.detail).toContain('LeakwatchPostureReadOnly');
    expect(results[0]!.remediation).not.toBe('');
  });

  it('a malformed policy document is an error too', async () => {
    iam.on(GetAccountAuthorizationDetailsCommand).resolves({ UserDetailList: [{ UserName: 'u', UserPolicyList: [{ PolicyName: 'p', PolicyDocument: encodeURIComponent('{"Statement":[{"Effect":"Perhaps"}]}') }] }], IsTruncated: false });
    const [result] = await run('iam-codecommit-mfa');
    expect(result).toMatchObject({ status: 'error', detail: expect.stringContaining('not a valid IAM policy document') });
  });

  it('a check with nothing to look at still answers, as skipped', async () => {
    cloudtrail.on(DescribeTrailsCommand).resolves({ trailList: [] });
    const results = await run('cloudtrail-log-file-validation');
    expect(results.map((r) => [r.region, r.resource, r.status])).toEqual([['us-east-1', 'us-east-1', 'skipped']]);
  });
});
