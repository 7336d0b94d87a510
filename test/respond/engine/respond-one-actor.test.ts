import {
  AttachUserPolicyCommand,
  GetAccessKeyLastUsedCommand,
  IAMClient,
  ListAccessKeysCommand,
  PutUserPolicyCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetAccessKeyInfoCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { escalateIncidents } from '../../../src/respond/escalate-incidents.js';
import { advanceOpenIncidents, respondToFindings } from '../../../src/respond/respond-to-findings.js';
import { removeTempDirs } from '../../helpers/git-repo.js';
import { makeEngine, makeFixture, scanFindings } from '../../helpers/incident-fixture.js';
import type { Fixture } from '../../helpers/incident-fixture.js';
import { startSmtpSink } from '../../helpers/smtp-sink.js';
import type { SmtpSink } from '../../helpers/smtp-sink.js';

const ACCOUNT = '111122223333';
const NOW = new Date('2026-11-28T12:00:00.000Z');
/** Past `response.escalateAfterMinutes` (1 here), so the escalation pass has work to do, and within the lease. */
const LATER = new Date(NOW.getTime() + 2 * 60_000);
const iamMock = mockClient(IAMClient);
const stsMock = mockClient(STSClient);
const snsMock = mockClient(SNSClient);
let sink: SmtpSink;
let f: Fixture;

beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
  removeTempDirs();
});
beforeEach(async () => {
  sink.received.length = 0;
  f = await makeFixture();
  stsMock.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/leakwatch/daemon` });
  stsMock.on(GetAccessKeyInfoCommand).resolves({ Account: ACCOUNT });
  iamMock.on(GetAccessKeyLastUsedCommand).resolves({ UserName: 'alice' });
  iamMock.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: [{ AccessKeyId: f.keyId, Status: 'Active', UserName: 'alice' }] });
  snsMock.on(PublishCommand).resolves({ MessageId: 'msg-1' });
});
afterEach(() => {
  iamMock.reset();
  stsMock.reset();
  snsMock.reset();
});

describe('one actor per incident', () => {
  it('contains once, messages once and never sets the status back when escalation passes run while the post-scan response is mid-containment', async () => {
    // The deactivation waits until the concurrent passes have run: the worst moment of the race.
    let reached!: () => void;
    const atDeactivation = new Promise<void>((done) => (reached = done));
    let release!: () => void;
    const gate = new Promise<void>((done) => (release = done));
    iamMock.on(UpdateAccessKeyCommand).callsFake(async () => {
      reached();
      await gate;
      return {};
    });
    f.config = { ...f.config, response: { ...f.config.response, escalateAfterMinutes: 1 } };
    const scanner = makeEngine(f, sink, () => NOW);
    // A second engine on its own connection stands for the escalation schedule (or a replica).
    const scheduler = makeEngine(f, sink, () => LATER);
    const responding = respondToFindings(scanner.deps, { findings: await scanFindings(f), repository: f.repository, gitDir: `${f.repo.dir}/.git` });
    await atDeactivation;
    await Promise.all([advanceOpenIncidents(scheduler.deps), escalateIncidents(scheduler.deps), advanceOpenIncidents(scheduler.deps)]);
    release();
    const summary = await responding;
    // The next passes, once the response let go: escalation happens now, and nothing repeats.
    await advanceOpenIncidents(scheduler.deps);
    const escalated = await escalateIncidents(scheduler.deps);
    await advanceOpenIncidents(scheduler.deps);

    expect(summary.opened).toHaveLength(1);
    expect(escalated).toEqual(summary.opened);
    expect(iamMock.commandCalls(UpdateAccessKeyCommand)).toHaveLength(1);
    expect(iamMock.commandCalls(AttachUserPolicyCommand)).toHaveLength(1);
    expect(iamMock.commandCalls(PutUserPolicyCommand)).toHaveLength(1);
    const [record] = scheduler.store.list();
    expect(record?.status).toBe('contained');
    const actions = record!.timeline.map((e) => `${e.action}:${e.outcome}`);
    expect(actions.filter((a) => a.endsWith(':failed'))).toEqual([]);
    expect(actions.filter((a) => a === 'iam.deactivate-key:ok')).toHaveLength(1);
    expect(actions.filter((a) => a === 'incident.contained:ok')).toHaveLength(1);
    // One owner message and one escalation per channel (e-mail and SNS).
    expect(sink.received.map((m) => m.to.join(','))).toEqual(['owner@example.test', 'owner@example.test,security-oncall@example.test']);
    expect(snsMock.commandCalls(PublishCommand)).toHaveLength(2);
    // Every message carries its idempotency key: a copy sent again would have the same one.
    const keys = snsMock.commandCalls(PublishCommand).map((c) => c.args[0].input.MessageAttributes?.['idempotency-key']?.StringValue);
    expect(keys).toEqual([`${record!.id}/notify.owner.sns`, `${record!.id}/notify.escalation.sns`]);
    expect(sink.received[0]?.raw).toMatch(new RegExp(`Message-ID: <${record!.id}\\.notify\\.owner\\.smtp@leakwatch>`, 'i'));
    expect(scheduler.store.listLeases()).toEqual([]);
    scanner.store.close();
    scheduler.store.close();
  });
});

describe('a secret found again', () => {
  it('joins its incident with the new file as a location and timeline entry, and the owner is told once about it', async () => {
    const engine = makeEngine(f, sink, () => NOW);
    const gitDir = `${f.repo.dir}/.git`;
    const first = await respondToFindings(engine.deps, { findings: await scanFindings(f), repository: f.repository, gitDir });
    expect(sink.received).toHaveLength(1);
    // The same key pair committed later in a second file: the finding id (rule + secret) is unchanged.
    f.repo.commit('copy settings', { 'deploy/env.sh': f.repo.git('show', `${f.leakCommit}:config/settings.py`) });
    const again = await respondToFindings(engine.deps, { findings: await scanFindings(f), repository: f.repository, gitDir });
    await respondToFindings(engine.deps, { findings: await scanFindings(f), repository: f.repository, gitDir });

    expect(again.opened).toEqual([]);
    expect(again.joined).toEqual(first.opened);
    const record = engine.store.get(first.opened[0]!)!;
    expect(record.locations.map((l) => l.path)).toEqual(['config/settings.py', 'deploy/env.sh']);
    expect(record.timeline.filter((e) => e.action === 'incident.location-added').map((e) => e.data?.['path'])).toEqual(['deploy/env.sh']);
    expect(sink.received).toHaveLength(2);
    expect(sink.received[1]?.raw).toContain('deploy/env.sh');
    // Contained once: the join does not run the rotation again.
    expect(iamMock.commandCalls(UpdateAccessKeyCommand)).toHaveLength(1);
    engine.store.close();
  });
});
