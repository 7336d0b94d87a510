import { IAMClient } from '@aws-sdk/client-iam';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { changeIncident } from '../../../src/respond/change-incident.js';
import { escalateIncidents } from '../../../src/respond/escalate-incidents.js';
import { respondToFindings } from '../../../src/respond/respond-to-findings.js';
import { fakeAccessKeyId } from '../../helpers/fake-credentials.js';
import { TestRepo, removeTempDirs } from '../../helpers/git-repo.js';
import { ESCALATION, OWNER, makeEngine, makeFixture, scanFindings } from '../../helpers/incident-fixture.js';
import type { Engine, Fixture } from '../../helpers/incident-fixture.js';
import { startSmtpSink } from '../../helpers/smtp-sink.js';
import type { SmtpSink } from '../../helpers/smtp-sink.js';

const T0 = new Date('2026-11-28T12:00:00.000Z');
const iamMock = mockClient(IAMClient);
const stsMock = mockClient(STSClient);
const snsMock = mockClient(SNSClient);
let sink: SmtpSink;
let f: Fixture;
let engine: Engine;
let clock: Date;

beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
  removeTempDirs();
});
beforeEach(async () => {
  for (const m of [iamMock, stsMock, snsMock]) m.reset();
  snsMock.on(PublishCommand).resolves({ MessageId: 'm' });
  sink.received.length = 0;
  clock = T0;
  f = await makeFixture({});
  engine = makeEngine(f, sink, () => clock);
});
afterEach(() => engine.store.close());

async function respond(fixture = f, repository = f.repository, publicUrl?: string) {
  return respondToFindings(engine.deps, {
    findings: await scanFindings(fixture),
    repository,
    gitDir: `${fixture.repo.dir}/.git`,
    ...(publicUrl === undefined ? {} : { publicUrl }),
  });
}

describe('default notify policy', () => {
  it('touches no AWS API, records the plan of what auto would do, and tells the owner how to contain by hand', async () => {
    const id = (await respond()).opened[0]!;
    const record = engine.store.get(id)!;
    expect(record.policy).toBe('notify');
    expect(iamMock.calls()).toHaveLength(0);
    expect(stsMock.calls()).toHaveLength(0);
    expect(record.timeline.filter((e) => e.outcome === 'planned').map((e) => e.action)).toEqual([
      'iam.identify-account',
      'iam.lookup-owner',
      'iam.attach-quarantine-policy',
      'iam.deny-older-sessions',
      'iam.deactivate-key',
      'iam.delete-key',
    ]);
    expect(record.remainingSteps[0]).toBe('Contain the credential by hand (or set response.policies.aws: auto to let leakwatch do it):');
    expect(sink.received[0]?.raw).toContain('What leakwatch would do once approved');
  });
});

describe('escalation', () => {
  it('sends an unacknowledged incident to the escalation contacts once, after response.escalateAfterMinutes', async () => {
    const id = (await respond()).opened[0]!;
    clock = new Date(T0.getTime() + 59 * 60_000);
    expect(await escalateIncidents(engine.deps)).toEqual([]);
    clock = new Date(T0.getTime() + 61 * 60_000);
    expect(await escalateIncidents(engine.deps)).toEqual([id]);
    expect(await escalateIncidents(engine.deps)).toEqual([]);
    engine.store.close();
    engine = makeEngine(f, sink, () => clock);
    expect(await escalateIncidents(engine.deps)).toEqual([]);
    expect(sink.received.map((m) => m.to)).toEqual([[OWNER], [OWNER, ESCALATION]]);
    expect(snsMock.commandCalls(PublishCommand).map((c) => c.args[0].input.Subject)).toEqual([
      expect.not.stringContaining('Unacknowledged'),
      expect.stringContaining('Unacknowledged'),
    ]);
    expect(engine.store.get(id)?.timeline.filter((e) => e.action === 'incident.escalated')).toHaveLength(1);
  });

  it('does not escalate an acknowledged incident', async () => {
    const id = (await respond()).opened[0]!;
    changeIncident(engine.store, id, 'ack', 'alice', T0);
    clock = new Date(T0.getTime() + 24 * 60 * 60_000);
    expect(await escalateIncidents(engine.deps)).toEqual([]);
    expect(sink.received).toHaveLength(1);
  });
});

describe('escalation of contained incidents', () => {
  it('escalates a contained but unacknowledged incident, and acknowledging keeps it contained', async () => {
    const id = (await respond()).opened[0]!;
    const record = engine.store.get(id)!;
    record.status = 'contained';
    engine.store.update(record);
    expect(changeIncident(engine.store, id, 'ack', 'alice', T0).record.status).toBe('contained');
    expect(changeIncident(engine.store, id, 'ack', 'alice', T0).changed).toBe(false);
    clock = new Date(T0.getTime() + 2 * 60 * 60_000);
    expect(await escalateIncidents(engine.deps)).toEqual([]);
    record.acknowledgedAt = null;
    engine.store.update(record);
    expect(await escalateIncidents(engine.deps)).toEqual([id]);
  });
});

describe('dedupe', () => {
  it('joins the same secret in another repository and in public to the one incident as new locations; the owner hears once about each', async () => {
    const id = (await respond()).opened[0]!;
    const other = TestRepo.create();
    other.commit('copy', { 'deploy/env.sh': f.repo.git('show', `${f.leakCommit}:config/settings.py`) });
    const otherFixture = { ...f, repo: other };
    const otherRepo = { ...f.repository, id: 'static:payments-fork', name: 'payments-fork' };
    const joined = await respond(otherFixture, otherRepo);
    expect(joined.opened).toEqual([]);
    expect(joined.joined).toEqual([id]);
    const url = 'https://github.com/someone/payments-fork/blob/main/deploy/env.sh';
    await respond(otherFixture, otherRepo, url);

    const record = engine.store.get(id)!;
    expect(engine.store.list()).toHaveLength(1);
    expect(record.locations.map((l) => `${l.repository}:${l.path}${l.publicUrl === undefined ? '' : ' public'}`)).toEqual([
      'payments-api:config/settings.py',
      'payments-fork:deploy/env.sh',
      'payments-fork:deploy/env.sh public',
    ]);
    expect(record.exposure.publicUrl).toBe(url);
    expect(record.determination.publicUrls).toEqual([url]);
    expect(record.determination.files).toEqual(['payments-api:config/settings.py', 'payments-fork:deploy/env.sh']);
    expect(record.timeline.filter((e) => e.action === 'incident.location-added')).toHaveLength(2);
    // Told once when opened, once about the other repository, once when the secret turned up in public.
    expect(sink.received).toHaveLength(3);
    expect(sink.received[1]?.raw).toContain('payments-fork');
    expect(sink.received[2]?.raw).toContain('someone/payments-fork');
    await respond(otherFixture, otherRepo);
    await respond(otherFixture, otherRepo, url);
    expect(sink.received).toHaveLength(3);
  });

  it('opens a separate incident for a different secret in the same repository', async () => {
    await respond();
    f.repo.commit('another key', { 'ci/creds.env': `AWS_ACCESS_KEY_ID=${fakeAccessKeyId()}\n` });
    const second = await respond();
    expect(second.opened).toHaveLength(1);
    expect(engine.store.list()).toHaveLength(2);
  });
});
