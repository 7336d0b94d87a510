import { join } from 'node:path';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import Database from 'better-sqlite3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SqliteWatchState } from '../../../src/store/sqlite/sqlite-watch-state.js';
import { createAwsCanaryKeysSource } from '../../../src/watch/sources/aws-canary-keys/index.js';
import type { WatchStateStore } from '../../../src/watch/types.js';
import type { WatchSettings } from '../../../src/watch/watch-settings.js';
import { awsError } from '../../helpers/aws-calls.js';
import { fakeAccessKeyId } from '../../helpers/fake-credentials.js';
import type { FakePublicGitHub } from '../../helpers/fake-github-public.js';
import { tempDir } from '../../helpers/git-repo.js';
import { recordingContext } from '../watch-fixture.js';
import type { RecordingContext } from '../watch-fixture.js';

const ctMock = mockClient(CloudTrailClient);
// The source never calls GitHub; the context still carries an Octokit.
const NO_GITHUB = { baseUrl: 'http://127.0.0.1:9' } as FakePublicGitHub;
const noWait = { sleep: () => Promise.resolve() };

let keyId: string;
beforeEach(() => {
  ctMock.reset();
  ctMock.on(LookupEventsCommand).resolves({ Events: [] });
  keyId = fakeAccessKeyId();
});

function context(settings: Partial<WatchSettings>, state?: WatchStateStore): RecordingContext {
  return recordingContext(NO_GITHUB, settings, state);
}

function trailEvent(id: string, name: string, at: string, region = 'us-east-1') {
  return {
    EventId: id,
    EventName: name,
    EventTime: new Date(at),
    EventSource: 'sts.amazonaws.com',
    CloudTrailEvent: JSON.stringify({ eventTime: at, eventName: name, sourceIPAddress: '203.0.113.9', userAgent: 'aws-cli/2.15.0', awsRegion: region, errorCode: 'AccessDenied' }),
  };
}

describe('aws-canary-keys source', () => {
  it('makes no AWS call and reports nothing when no canary key is configured', async () => {
    const ctx = context({});
    expect(await createAwsCanaryKeysSource(noWait).poll(ctx)).toEqual({ requests: 0, candidates: 0, skipped: 'no-canary-keys' });
    expect(ctMock.calls()).toHaveLength(0);
  });

  it('reports nothing when CloudTrail has no event for the key, and moves its cursor', async () => {
    const ctx = context({ canaryKeys: [{ repository: 'payments-api', accessKeyId: keyId }] });
    const report = await createAwsCanaryKeysSource(noWait).poll(ctx);
    expect(report).toEqual({ requests: 1, candidates: 0 });
    expect(ctx.reported).toEqual([]);
    const input = ctMock.commandCalls(LookupEventsCommand)[0]!.args[0].input;
    expect(input.LookupAttributes).toEqual([{ AttributeKey: 'AccessKeyId', AttributeValue: keyId }]);
  });

  it('turns the calls made with a key into one code exposure of its repository, with name, time, source IP, user agent and region', async () => {
    ctMock.on(LookupEventsCommand).resolvesOnce({
      Events: [trailEvent('e2', 'ListBuckets', '2026-11-28T11:50:00Z', 'eu-west-1'), trailEvent('e1', 'GetCallerIdentity', '2026-11-28T11:49:00Z')],
      NextToken: 'page-2',
    }).resolvesOnce({ Events: [] });
    const ctx = context({ canaryKeys: [{ repository: 'payments-api', accessKeyId: keyId }] });
    const report = await createAwsCanaryKeysSource(noWait).poll(ctx);
    expect(report.requests).toBe(2);
    expect(ctMock.commandCalls(LookupEventsCommand)[1]!.args[0].input.NextToken).toBe('page-2');
    expect(ctx.reported).toHaveLength(1);
    const exposure = ctx.reported[0]!;
    expect(exposure).toMatchObject({ kind: 'code-exposure', repository: 'payments-api', score: 1, source: 'aws-canary-keys', publicLocation: 'aws-canary-key' });
    expect(exposure.publicPath).toBe(`${keyId.slice(0, 4)}…${keyId.slice(-4)}`);
    expect(exposure.canaryUses).toEqual([
      { eventId: 'e1', eventName: 'GetCallerIdentity', eventSource: 'sts.amazonaws.com', time: '2026-11-28T11:49:00.000Z', sourceIp: '203.0.113.9', userAgent: 'aws-cli/2.15.0', region: 'us-east-1', errorCode: 'AccessDenied' },
      { eventId: 'e2', eventName: 'ListBuckets', eventSource: 'sts.amazonaws.com', time: '2026-11-28T11:50:00.000Z', sourceIp: '203.0.113.9', userAgent: 'aws-cli/2.15.0', region: 'eu-west-1', errorCode: 'AccessDenied' },
    ]);
    expect(exposure.url).toContain('#/events/e1');
    // The full key id stays in the configuration: the watch state names keys by hash.
    expect(JSON.stringify(exposure)).not.toContain(keyId);
  });

  it('after a restart on the same state file, reports only events it had not reported, and looks back an hour from its cursor', async () => {
    const file = join(tempDir(), 'watch.db');
    const settings = { canaryKeys: [{ repository: 'payments-api', accessKeyId: keyId }] };
    const first = trailEvent('e1', 'GetCallerIdentity', '2026-11-28T11:49:00Z');
    ctMock.on(LookupEventsCommand).resolves({ Events: [first] });
    let db = new Database(file);
    const ctx1 = context(settings, new SqliteWatchState(db));
    await createAwsCanaryKeysSource(noWait).poll(ctx1);
    expect(ctx1.reported).toHaveLength(1);
    db.close();

    // A new process: new source, state read back from the file; CloudTrail lists e1 again.
    db = new Database(file);
    const ctx2 = context(settings, new SqliteWatchState(db));
    ctx2.clock.now += 300_000;
    await createAwsCanaryKeysSource(noWait).poll(ctx2);
    expect(ctx2.reported).toEqual([]);
    const since = ctMock.commandCalls(LookupEventsCommand)[1]!.args[0].input.StartTime as Date;
    expect(since.toISOString()).toBe('2026-11-28T11:00:00.000Z');

    ctMock.on(LookupEventsCommand).resolves({ Events: [trailEvent('e3', 'ListUsers', '2026-11-28T12:04:00Z'), first] });
    await createAwsCanaryKeysSource(noWait).poll(ctx2);
    expect(ctx2.reported.map((e) => e.canaryUses?.map((u) => u.eventId))).toEqual([['e3']]);
    db.close();
  });

  it('looks in every configured region, and a region that fails is retried from the same cursor while the others go on', async () => {
    const settings = { canaryKeys: [{ repository: 'payments-api', accessKeyId: keyId }], canaryRegions: ['us-east-1', 'eu-west-1'] };
    const clients = new Map<string, CloudTrailClient>();
    const east = new CloudTrailClient({ region: 'us-east-1' });
    const west = new CloudTrailClient({ region: 'eu-west-1' });
    clients.set('us-east-1', east).set('eu-west-1', west);
    ctMock.on(LookupEventsCommand).callsFake(async (_input, getClient: () => CloudTrailClient) => {
      if (getClient() === east) throw awsError('ThrottlingException');
      return { Events: [trailEvent('w1', 'DescribeInstances', '2026-11-28T11:30:00Z', 'eu-west-1')] };
    });
    const ctx = context(settings);
    const source = createAwsCanaryKeysSource({ ...noWait, cloudtrail: (region) => clients.get(region)! });
    await source.poll(ctx);
    expect(ctx.reported.map((e) => e.canaryUses?.[0]?.region)).toEqual(['eu-west-1']);
    expect(ctMock.commandCalls(LookupEventsCommand)).toHaveLength(2);
    ctMock.on(LookupEventsCommand).resolves({ Events: [] });
    await source.poll(ctx);
    // us-east-1 had no cursor: it is asked from the start of event history again.
    const retried = ctMock.commandCalls(LookupEventsCommand)[2]!.args[0].input.StartTime as Date;
    expect(retried.toISOString()).toBe('2026-08-30T12:00:00.000Z');
  });
});
