import { GetAccessKeyLastUsedCommand, IAMClient } from '@aws-sdk/client-iam';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetAccessKeyInfoCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { respondToFindings } from '../../../src/respond/respond-to-findings.js';
import { createVerificationService } from '../../../src/verify/verify-secret.js';
import { removeTempDirs } from '../../helpers/git-repo.js';
import { ACCOUNT_ID, makeEngine, makeFixture, scanFindings } from '../../helpers/incident-fixture.js';
import type { Engine, Fixture } from '../../helpers/incident-fixture.js';

const iamMock = mockClient(IAMClient);
const stsMock = mockClient(STSClient);
const snsMock = mockClient(SNSClient);
let f: Fixture;
let engine: Engine;

afterAll(removeTempDirs);
afterEach(() => engine.store.close());

async function setUp(canaryAccounts: string[]): Promise<void> {
  for (const m of [iamMock, stsMock, snsMock]) m.reset();
  snsMock.on(PublishCommand).resolves({ MessageId: 'm' });
  stsMock.on(GetAccessKeyInfoCommand).resolves({ Account: ACCOUNT_ID });
  stsMock.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT_ID, Arn: `arn:aws:iam::${ACCOUNT_ID}:user/deploy`, UserId: 'AIDEXAMPLEUSER' });
  iamMock.on(GetAccessKeyLastUsedCommand).resolves({ UserName: 'deploy' });
  f = await makeFixture({});
  engine = makeEngine(f, null, () => new Date('2026-11-28T12:00:00.000Z'));
  engine.deps.verify = createVerificationService({
    clients: { sts: new STSClient({ region: 'us-east-1' }), iam: new IAMClient({ region: 'us-east-1' }) },
    options: { canaryAccounts },
    log: engine.logs.log,
    perSecond: 1000,
  });
}

const respond = async () =>
  respondToFindings(engine.deps, { findings: await scanFindings(f), repository: f.repository, gitDir: `${f.repo.dir}/.git` });

describe('opt-in verification of a leaked AWS key pair', () => {
  it('checks the key once, after the owner lookup, and records that it is live', async () => {
    await setUp([]);
    const id = (await respond()).opened[0]!;
    const record = engine.store.get(id)!;
    const verify = record.timeline.filter((e) => e.action === 'incident.verify');
    expect(verify).toHaveLength(1);
    expect(verify[0]).toMatchObject({ outcome: 'ok', data: { status: 'live' } });
    expect(record.severityReasons.join(' ')).toMatch(/verified live/);
    const order = [...stsMock.calls(), ...iamMock.calls()].map((c) => c.args[0].constructor.name);
    expect(order).toContain('GetCallerIdentityCommand');
    expect(iamMock.commandCalls(GetAccessKeyLastUsedCommand).length).toBeGreaterThan(0);

    const calls = stsMock.commandCalls(GetCallerIdentityCommand).length;
    await respond();
    expect(stsMock.commandCalls(GetCallerIdentityCommand).length).toBe(calls);
    expect(engine.store.get(id)!.timeline.filter((e) => e.action === 'incident.verify')).toHaveLength(1);
  });

  it('never uses a key of a canary account', async () => {
    await setUp([ACCOUNT_ID]);
    const id = (await respond()).opened[0]!;
    expect(stsMock.commandCalls(GetCallerIdentityCommand)).toHaveLength(0);
    const verify = engine.store.get(id)!.timeline.filter((e) => e.action === 'incident.verify');
    expect(verify[0]).toMatchObject({ outcome: 'skipped', data: { status: 'skipped' } });
  });

  it('is off unless configured: no verification entry, no use of the key', async () => {
    await setUp([]);
    delete engine.deps.verify;
    const id = (await respond()).opened[0]!;
    expect(stsMock.commandCalls(GetCallerIdentityCommand)).toHaveLength(0);
    expect(engine.store.get(id)!.timeline.some((e) => e.action === 'incident.verify')).toBe(false);
  });
});
