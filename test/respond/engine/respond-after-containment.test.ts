import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  GetAccessKeyLastUsedCommand,
  IAMClient,
  ListAccessKeysCommand,
  PutUserPolicyCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { CreateSecretCommand, DescribeSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetAccessKeyInfoCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderIncidentDetail } from '../../../src/cli/incidents-view.js';
import { changeIncident } from '../../../src/respond/change-incident.js';
import { advanceOpenIncidents, respondToFindings } from '../../../src/respond/respond-to-findings.js';
import { awsError } from '../../helpers/aws-calls.js';
import { fakeAccessKeyId, fakeSecretAccessKey } from '../../helpers/fake-credentials.js';
import { removeTempDirs } from '../../helpers/git-repo.js';
import { dumpDatabase, makeEngine, makeFixture, scanFindings } from '../../helpers/incident-fixture.js';
import type { Engine, Fixture } from '../../helpers/incident-fixture.js';
import { parseMail } from '../../helpers/parse-mime.js';
import { startSmtpSink } from '../../helpers/smtp-sink.js';
import type { SmtpSink } from '../../helpers/smtp-sink.js';

const NOW = new Date('2026-11-28T12:00:00.000Z');
const ARN = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:leakwatch/replacement-keys/alice-AbCdEf';
const iamMock = mockClient(IAMClient);
const stsMock = mockClient(STSClient);
const snsMock = mockClient(SNSClient);
const smMock = mockClient(SecretsManagerClient);
let sink: SmtpSink;
let f: Fixture;
let engine: Engine;
let newSecret: string;

beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
  removeTempDirs();
});
afterEach(() => engine.store.close());

async function setUp(policy: 'approve' | 'auto', createReplacement = true): Promise<void> {
  for (const m of [iamMock, stsMock, snsMock, smMock]) m.reset();
  sink.received.length = 0;
  f = await makeFixture({ policies: { aws: policy } });
  stsMock.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:sts::111122223333:assumed-role/leakwatch/daemon' });
  stsMock.on(GetAccessKeyInfoCommand).resolves({ Account: '111122223333' });
  iamMock.on(GetAccessKeyLastUsedCommand).resolves({ UserName: 'alice', AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' } });
  iamMock.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: [{ AccessKeyId: f.keyId, Status: 'Active', UserName: 'alice' }] });
  newSecret = fakeSecretAccessKey();
  iamMock.on(CreateAccessKeyCommand).resolves({ AccessKey: { AccessKeyId: fakeAccessKeyId(), SecretAccessKey: newSecret, UserName: 'alice', Status: 'Active' } });
  smMock.on(DescribeSecretCommand).rejects(awsError('ResourceNotFoundException'));
  smMock.on(CreateSecretCommand).resolves({ ARN });
  snsMock.on(PublishCommand).resolves({ MessageId: 'm' });
  engine = makeEngine(f, sink, () => NOW);
  restartEngine(createReplacement, false);
}

/** A fresh engine on the same database, as after a daemon restart. */
function restartEngine(createReplacement = true, close = true): void {
  if (close) {
    engine.store.close();
    engine = makeEngine(f, sink, () => NOW);
  }
  engine.deps.clients.secretsManager = new SecretsManagerClient({ region: 'us-east-1' });
  engine.deps.rotatorOptions = { awsIamAccessKey: { createReplacement } };
}

async function respond(): Promise<string> {
  const summary = await respondToFindings(engine.deps, { findings: await scanFindings(f), repository: f.repository, gitDir: `${f.repo.dir}/.git` });
  return summary.opened[0]!;
}

const text = (i: number) => parseMail(sink.received[i]!.raw).parts.find((p) => p.contentType === 'text/plain')?.body ?? '';
const snsSubjects = () => snsMock.commandCalls(PublishCommand).map((c) => c.args[0].input.Subject);

describe('the owner after containment', () => {
  beforeEach(() => setUp('approve'));

  it('under approve, after `incidents approve`, gets exactly one more message per channel saying what was done and what is still theirs', async () => {
    const id = await respond();
    expect(sink.received).toHaveLength(1);
    expect(text(0)).toContain('Approve containment');
    expect(iamMock.commandCalls(UpdateAccessKeyCommand)).toHaveLength(0);

    changeIncident(engine.store, id, 'approve', 'alice', NOW);
    await advanceOpenIncidents(engine.deps);
    expect(iamMock.commandCalls(UpdateAccessKeyCommand)).toHaveLength(1);
    expect(sink.received).toHaveLength(2);
    expect(parseMail(sink.received[1]!.raw).headers.get('subject')).toMatch(/^\[leakwatch\] Contained: /);
    const body = text(1);
    expect(body).toContain('Deactivated access key');
    expect(body).toContain('Attached the AWS quarantine policy');
    expect(body).toContain(`aws secretsmanager get-secret-value --secret-id ${ARN}`);
    const stillYours = body.slice(body.indexOf('What you still need to do'));
    expect(stillYours).not.toContain('Approve containment');
    expect(stillYours).not.toContain('Deactivate the access key in IAM');
    expect(body).not.toContain('What leakwatch would do once approved');
    expect(body).not.toContain(newSecret);
    expect(snsSubjects().filter((s) => s?.includes('Contained:'))).toHaveLength(1);

    await advanceOpenIncidents(engine.deps);
    restartEngine();
    await advanceOpenIncidents(engine.deps);
    expect(sink.received).toHaveLength(2);
    expect(snsSubjects()).toHaveLength(2);
    expect(iamMock.commandCalls(CreateAccessKeyCommand)).toHaveLength(1);
    expect(smMock.commandCalls(CreateSecretCommand)).toHaveLength(1);
    expect(dumpDatabase(f.dbFile)).not.toContain(newSecret);
  });

  it('`incidents show` lists only the steps still open once containment ran', async () => {
    const id = await respond();
    const before = renderIncidentDetail(engine.store.get(id)!);
    expect(before).toContain('Approve containment');
    expect(before).toContain('Deactivate the access key in IAM');

    changeIncident(engine.store, id, 'approve', 'alice', NOW);
    await advanceOpenIncidents(engine.deps);
    const record = engine.store.get(id)!;
    const after = renderIncidentDetail(record);
    const steps = after.slice(after.indexOf('Remaining steps for the owner'));
    expect(steps).not.toContain('Approve containment');
    expect(steps).not.toContain('Deactivate the access key in IAM');
    expect(steps).not.toContain('Contain the credential by hand');
    expect(steps).toContain('Review CloudTrail');
    expect(steps).toContain('Fetch the replacement key');
    // The stored list itself is pruned too, so every reader (JSON, API) sees the same.
    expect(record.remainingSteps.some((s) => s.startsWith('Approve containment'))).toBe(false);
    expect(record.remainingSteps.some((s) => s.startsWith('Deactivate the access key in IAM'))).toBe(false);
  });
});

describe('the owner under auto', () => {
  beforeEach(() => setUp('auto', false));

  it('when containment completes only on a later pass (throttled first), gets one more message, never a third', async () => {
    iamMock.on(UpdateAccessKeyCommand).rejectsOnce(awsError('Throttling')).resolves({});
    await respond();
    expect(sink.received).toHaveLength(1);
    expect(text(0)).toContain('will retry');

    await advanceOpenIncidents(engine.deps);
    expect(iamMock.commandCalls(UpdateAccessKeyCommand)).toHaveLength(2);
    expect(iamMock.commandCalls(AttachUserPolicyCommand)).toHaveLength(1);
    expect(iamMock.commandCalls(PutUserPolicyCommand)).toHaveLength(1);
    expect(sink.received).toHaveLength(2);
    expect(text(1)).toContain('Deactivated access key');

    await advanceOpenIncidents(engine.deps);
    restartEngine(false);
    await advanceOpenIncidents(engine.deps);
    expect(sink.received).toHaveLength(2);
    expect(iamMock.commandCalls(CreateAccessKeyCommand)).toHaveLength(0);
  });
});
