import { DeleteObjectCommand, GetPublicAccessBlockCommand, HeadObjectCommand, PutPublicAccessBlockCommand, S3Client } from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountBlock, PutPublicAccessBlockCommand as PutAccountBlock, S3ControlClient } from '@aws-sdk/client-s3-control';
import { DescribeImageAttributeCommand, DescribeSnapshotAttributeCommand, EC2Client, ModifyImageAttributeCommand, ModifySnapshotAttributeCommand } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeIncident } from '../../../src/respond/change-incident.js';
import { createIndicatorSink } from '../../../src/respond/deliver-indicator.js';
import { advanceOpenIncidents } from '../../../src/respond/respond-to-findings.js';
import { awsError } from '../../helpers/aws-calls.js';
import { BUCKET, IMAGE, WRITER, bucketStore, imageStore, indicator, makeEngine } from './code-store-fixture.js';

const s3 = mockClient(S3Client);
const s3control = mockClient(S3ControlClient);
const ec2 = mockClient(EC2Client);
const sts = mockClient(STSClient);

beforeEach(() => {
  s3.reset();
  s3control.reset();
  ec2.reset();
  sts.reset();
});
afterEach(() => undefined);

const open = { BlockPublicAcls: false, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false };
const blocked = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };

function sinkOf(engine: ReturnType<typeof makeEngine>) {
  return createIndicatorSink(engine.deps, { codeStores: () => [bucketStore, imageStore], repository: () => undefined });
}

describe('code-store containment', () => {
  it('opens an approve-policy incident for a code bucket made public, plans Block Public Access, and changes nothing before approval', async () => {
    const engine = makeEngine();
    await sinkOf(engine).deliver(indicator());
    const [incident] = engine.store.list();
    expect(incident).toMatchObject({ kind: 'code-exposure', policy: 'approve', ruleFamily: 's3', severity: 'critical' });
    expect(incident!.exposure.codeStore).toEqual({ id: `s3:${BUCKET}`, kind: 's3', bucket: BUCKET, region: 'eu-west-1' });
    expect(incident!.timeline.map((e) => e.action)).toEqual(['incident.opened', 'indicator.cloudtrail', 's3.public-access-block.plan']);
    expect(incident!.remainingSteps[0]).toContain(`leakwatch incidents approve ${incident!.id}`);
    expect(s3.calls()).toHaveLength(0);
  });

  it('once approved, records the previous configuration, puts all four settings once, and a rerun after a lost reply puts nothing', async () => {
    const engine = makeEngine();
    await sinkOf(engine).deliver(indicator());
    const id = engine.store.list()[0]!.id;
    changeIncident(engine.store, id, 'approve', 'alice', new Date('2026-12-01T10:06:00Z'));
    s3.on(GetPublicAccessBlockCommand).resolvesOnce({ PublicAccessBlockConfiguration: open }).resolves({ PublicAccessBlockConfiguration: blocked });
    s3.on(PutPublicAccessBlockCommand).resolves({});
    await advanceOpenIncidents(engine.deps);
    expect(s3.commandCalls(PutPublicAccessBlockCommand)).toHaveLength(1);
    expect(s3.commandCalls(PutPublicAccessBlockCommand)[0]!.args[0].input).toEqual({ Bucket: BUCKET, PublicAccessBlockConfiguration: blocked });
    const after = engine.store.get(id)!;
    const previous = after.timeline.find((e) => e.action === 's3.public-access-block.previous')!;
    expect(previous.data).toMatchObject({ scope: `bucket ${BUCKET}`, configured: true, BlockPublicAcls: false, IgnorePublicAcls: true });
    expect(previous.detail).toContain(`aws s3api put-public-access-block --bucket ${BUCKET} --public-access-block-configuration BlockPublicAcls=false,IgnorePublicAcls=true,BlockPublicPolicy=false,RestrictPublicBuckets=false`);
    expect(after.status).toBe('contained');
    expect(after.remainingSteps.some((s) => s.includes('incidents approve'))).toBe(false);

    // As if the process died after the Put but before recording it done: the step runs again.
    engine.store.startAction(id, 'containment.s3-block-public-access', new Date());
    engine.store.recordAction(id, 'containment.s3-block-public-access', 'failed', new Date());
    await advanceOpenIncidents(engine.deps);
    expect(s3.commandCalls(PutPublicAccessBlockCommand)).toHaveLength(1);
    expect(engine.store.get(id)!.timeline.filter((e) => e.action === 's3.public-access-block.previous')).toHaveLength(1);
  });

  it('blocks the account too when configured, recording that none was set before', async () => {
    const engine = makeEngine({ policies: { s3: 'auto' }, s3: { blockAccountPublicAccess: true } });
    s3.on(GetPublicAccessBlockCommand).resolves({ PublicAccessBlockConfiguration: blocked });
    sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333' });
    s3control.on(GetAccountBlock).rejects(awsError('NoSuchPublicAccessBlockConfiguration'));
    s3control.on(PutAccountBlock).resolves({});
    await sinkOf(engine).deliver(indicator());
    expect(s3.commandCalls(PutPublicAccessBlockCommand)).toHaveLength(0);
    expect(s3control.commandCalls(PutAccountBlock)[0]!.args[0].input).toEqual({ AccountId: '111122223333', PublicAccessBlockConfiguration: blocked });
    const previous = engine.store.list()[0]!.timeline.filter((e) => e.action === 's3.public-access-block.previous');
    expect(previous.map((e) => e.data?.scope)).toEqual([`bucket ${BUCKET}`, 'account 111122223333']);
    expect(previous[1]!.detail).toContain('aws s3control delete-public-access-block --account-id 111122223333');
  });

  it('a failed Put is a retryable failure that leaves the incident open and the step to retry', async () => {
    const engine = makeEngine({ policies: { s3: 'auto' } });
    s3.on(GetPublicAccessBlockCommand).rejects(awsError('NoSuchPublicAccessBlockConfiguration'));
    s3.on(PutPublicAccessBlockCommand).rejects(Object.assign(awsError('SlowDown'), { $metadata: { httpStatusCode: 503 } }));
    await sinkOf(engine).deliver(indicator());
    const incident = engine.store.list()[0]!;
    expect(incident.status).toBe('open');
    expect(engine.store.action(incident.id, 'containment.s3-block-public-access')).toMatchObject({ state: 'failed', attempts: 1 });
  });

  it('lists an object written from a public IP with its version and deletes exactly that version once approved', async () => {
    const engine = makeEngine();
    const put = indicator({ id: 'event-2', type: 'PutObject', effect: 'object-write', object: { bucket: BUCKET, key: 'releases/app.zip', versionId: 'v-7' } });
    await sinkOf(engine).deliver(put);
    const id = engine.store.list()[0]!.id;
    const listed = engine.store.get(id)!.timeline.find((e) => e.action === 's3.unrecognised-object')!;
    expect(listed.data).toMatchObject({ bucket: BUCKET, key: 'releases/app.zip', versionId: 'v-7', sourceIp: '203.0.113.9' });
    expect(s3.commandCalls(DeleteObjectCommand)).toHaveLength(0);
    changeIncident(engine.store, id, 'approve', 'alice', new Date());
    s3.on(GetPublicAccessBlockCommand).resolves({ PublicAccessBlockConfiguration: blocked });
    s3.on(DeleteObjectCommand).resolves({});
    await advanceOpenIncidents(engine.deps);
    await advanceOpenIncidents(engine.deps);
    expect(s3.commandCalls(DeleteObjectCommand).map((c) => c.args[0].input)).toEqual([{ Bucket: BUCKET, Key: 'releases/app.zip', VersionId: 'v-7' }]);
  });

  it('a write by a listed writer from a private address is no indicator; by another principal it is', async () => {
    const engine = makeEngine();
    const known = indicator({ id: 'event-3', type: 'PutObject', effect: 'object-write', fromPublicIp: false, sourceIp: '10.0.0.5', principalArn: WRITER, object: { bucket: BUCKET, key: 'a.zip' } });
    await sinkOf(engine).deliver(known);
    expect(engine.store.list()).toHaveLength(0);
    await sinkOf(engine).deliver({ ...known, id: 'event-4', principalArn: 'arn:aws:iam::111122223333:user/intern' });
    const timeline = engine.store.list()[0]!.timeline;
    expect(timeline.find((e) => e.action === 's3.unrecognised-object')?.detail).toContain('not among the store\'s writers');
  });

  it('in a bucket without versioning, an object written again since is left for a person', async () => {
    const engine = makeEngine({ policies: { s3: 'auto' } });
    s3.on(GetPublicAccessBlockCommand).resolves({ PublicAccessBlockConfiguration: blocked });
    s3.on(HeadObjectCommand).resolves({ LastModified: new Date('2026-12-02T00:00:00Z') });
    await sinkOf(engine).deliver(indicator({ id: 'event-5', type: 'PutObject', effect: 'object-write', object: { bucket: BUCKET, key: 'x.tgz' } }));
    expect(s3.commandCalls(DeleteObjectCommand)).toHaveLength(0);
    expect(engine.store.list()[0]!.remainingSteps.join('\n')).toContain(`Check s3://${BUCKET}/x.tgz`);
  });

  it('revokes the public launch permission of an exposed AMI once, keeping accounts granted by id', async () => {
    const engine = makeEngine({ policies: { ec2: 'auto' } });
    ec2.on(DescribeImageAttributeCommand)
      .resolvesOnce({ LaunchPermissions: [{ Group: 'all' }, { UserId: '444455556666' }] })
      .resolves({ LaunchPermissions: [{ UserId: '444455556666' }] });
    ec2.on(ModifyImageAttributeCommand).resolves({});
    const made = indicator({ id: 'event-6', type: 'ModifyImageAttribute', buckets: [], resourceIds: [IMAGE] });
    await sinkOf(engine).deliver(made);
    const incident = engine.store.list()[0]!;
    expect(incident).toMatchObject({ ruleFamily: 'ec2', policy: 'auto', status: 'contained' });
    expect(ec2.commandCalls(ModifyImageAttributeCommand).map((c) => c.args[0].input)).toEqual([{ ImageId: IMAGE, LaunchPermission: { Remove: [{ Group: 'all' }] } }]);
    expect(incident.timeline.find((e) => e.action === 'ec2.public-launch.previous')?.data).toMatchObject({ public: true, accounts: '444455556666' });
    await sinkOf(engine).deliver({ ...made, id: 'event-7' });
    expect(ec2.commandCalls(ModifyImageAttributeCommand)).toHaveLength(1);
  });

  it('revokes public create-volume permission of an exposed snapshot under approve, once approved', async () => {
    const engine = makeEngine();
    const snapshot = 'snap-0123456789abcdef0';
    const store = { ...imageStore, id: `ec2:${snapshot}`, name: `ec2:${snapshot}`, location: { kind: 'ec2' as const, resourceId: snapshot } };
    ec2.on(DescribeSnapshotAttributeCommand).resolves({ CreateVolumePermissions: [{ Group: 'all' }] });
    ec2.on(ModifySnapshotAttributeCommand).resolves({});
    const sink = createIndicatorSink(engine.deps, { codeStores: () => [store], repository: () => undefined });
    await sink.deliver(indicator({ id: 'event-8', type: 'ModifySnapshotAttribute', buckets: [], resourceIds: [snapshot] }));
    const id = engine.store.list()[0]!.id;
    expect(ec2.commandCalls(ModifySnapshotAttributeCommand)).toHaveLength(0);
    changeIncident(engine.store, id, 'approve', 'alice', new Date());
    await advanceOpenIncidents(engine.deps);
    expect(ec2.commandCalls(ModifySnapshotAttributeCommand).map((c) => c.args[0].input)).toEqual([{ SnapshotId: snapshot, Attribute: 'createVolumePermission', OperationType: 'remove', GroupNames: ['all'] }]);
    expect(engine.store.get(id)!.status).toBe('contained');
  });

  it('an object listed after an approved deletion is deleted on the next pass, the first one not again', async () => {
    const engine = makeEngine({ policies: { s3: 'approve' } });
    s3.on(GetPublicAccessBlockCommand).resolves({ PublicAccessBlockConfiguration: blocked });
    s3.on(DeleteObjectCommand).resolves({});
    const sink = sinkOf(engine);
    await sink.deliver(indicator({ id: 'event-9', type: 'PutObject', effect: 'object-write', object: { bucket: BUCKET, key: 'a.zip', versionId: 'v1' } }));
    const id = engine.store.list()[0]!.id;
    changeIncident(engine.store, id, 'approve', 'alice', new Date());
    await advanceOpenIncidents(engine.deps);
    await sink.deliver(indicator({ id: 'event-10', type: 'PutObject', effect: 'object-write', object: { bucket: BUCKET, key: 'b.zip', versionId: 'v2' } }));
    await advanceOpenIncidents(engine.deps);
    expect(s3.commandCalls(DeleteObjectCommand).map((c) => c.args[0].input.Key)).toEqual(['a.zip', 'b.zip']);
  });

  it('a redelivered indicator adds no second evidence entry', async () => {
    const engine = makeEngine();
    await sinkOf(engine).deliver(indicator());
    await sinkOf(engine).deliver(indicator());
    expect(engine.store.list()[0]!.timeline.filter((e) => e.action === 'indicator.cloudtrail')).toHaveLength(1);
  });
});
