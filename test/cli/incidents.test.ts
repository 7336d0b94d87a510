import { IAMClient, GetAccessKeyLastUsedCommand, ListAccessKeysCommand, UpdateAccessKeyCommand } from '@aws-sdk/client-iam';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetAccessKeyInfoCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createIncidentsCommand } from '../../src/cli/incidents.js';
import { LeakwatchError } from '../../src/errors.js';
import { advanceOpenIncidents, respondToFindings } from '../../src/respond/respond-to-findings.js';
import { removeTempDirs } from '../helpers/git-repo.js';
import { dumpDatabase, makeEngine, makeFixture, scanFindings } from '../helpers/incident-fixture.js';
import type { Fixture } from '../helpers/incident-fixture.js';
import { runCli } from '../helpers/run-cli.js';

const NOW = new Date('2026-11-28T12:00:00.000Z');
const iamMock = mockClient(IAMClient);
const stsMock = mockClient(STSClient);
const snsMock = mockClient(SNSClient);
let f: Fixture;
let id: string;
let outputs: string[];

afterAll(removeTempDirs);

async function run(args: string[]): Promise<string> {
  let out = '';
  const command = createIncidentsCommand({ write: (text) => (out += text), env: {}, cwd: f.dataDir, now: () => NOW });
  command.exitOverride();
  for (const sub of command.commands) sub.exitOverride();
  await command.parseAsync([...args, '--config', f.configFile], { from: 'user' });
  outputs.push(out);
  return out;
}

beforeEach(async () => {
  for (const m of [iamMock, stsMock, snsMock]) m.reset();
  outputs = [];
  f = await makeFixture({ policies: { aws: 'approve' } });
  stsMock.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:sts::111122223333:assumed-role/leakwatch/daemon' });
  stsMock.on(GetAccessKeyInfoCommand).resolves({ Account: '111122223333' });
  iamMock.on(GetAccessKeyLastUsedCommand).resolves({ UserName: 'alice', AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' } });
  iamMock.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: [{ AccessKeyId: f.keyId, Status: 'Active', UserName: 'alice' }] });
  snsMock.on(PublishCommand).resolves({ MessageId: 'm' });
  const engine = makeEngine(f, null, () => NOW);
  const summary = await respondToFindings(engine.deps, { findings: await scanFindings(f), repository: f.repository, gitDir: `${f.repo.dir}/.git` });
  id = summary.opened[0]!;
  engine.store.close();
});

describe('leakwatch incidents', () => {
  it('lists open incidents as a table and as JSON', async () => {
    const table = await run(['list']);
    expect(table.split('\n')[0]).toMatch(/^ID\s+STATUS\s+SEVERITY\s+KIND\s+REPOSITORY\s+RULE\s+OWNER\s+OPENED$/);
    expect(table).toMatch(new RegExp(`${id}\\s+open\\s+critical\\s+credential-exposure\\s+payments-api`));
    const list = JSON.parse(await run(['list', '--format', 'json'])) as { id: string; policy: string }[];
    expect(list.map((r) => [r.id, r.policy])).toEqual([[id, 'approve']]);
  });

  it("shows the timeline, the determine answers and the owner's remaining steps, waiting for approval", async () => {
    const out = await run(['show', id]);
    expect(out).toContain('(waiting for approval)');
    expect(out).toContain('Branches: main, release');
    expect(out).toMatch(/Timeline\n\s+\S+ \[detection-analysis\] ok: Opened: /);
    expect(out).toContain('planned: Set the access key Inactive.');
    expect(out).toMatch(new RegExp(`Remaining steps for the owner\\n\\s+1\\. Approve containment: leakwatch incidents approve ${id}`));
    expect(iamMock.commandCalls(UpdateAccessKeyCommand)).toHaveLength(0);
  });

  it('ack, approve (then the engine contains), resolve, reopen and false-positive change the status once each', async () => {
    expect(await run(['ack', id, '--by', 'alice'])).toBe(`Incident ${id} acknowledged.\n`);
    expect(await run(['ack', id])).toContain('already acknowledged; nothing changed');
    expect(await run(['approve', id, '--by', 'alice'])).toContain('approved');

    const engine = makeEngine(f, null, () => NOW);
    await advanceOpenIncidents(engine.deps);
    await advanceOpenIncidents(engine.deps);
    engine.store.close();
    expect(iamMock.commandCalls(UpdateAccessKeyCommand)).toHaveLength(1);
    const shown = JSON.parse(await run(['show', id, '--format', 'json'])) as { status: string; remainingSteps: string[] };
    expect(shown.status).toBe('contained');
    expect(shown.remainingSteps.some((s) => s.startsWith('Approve containment'))).toBe(false);

    expect(await run(['resolve', id, '--note', 'rotated everywhere'])).toBe(`Incident ${id} resolved.\n`);
    expect(await run(['list'])).toBe('No incidents.\n');
    expect(await run(['list', '--all'])).toContain(id);
    expect(JSON.parse(await run(['reopen', id, '--format', 'json']))).toMatchObject({ id, changed: true, status: 'open' });
    expect(await run(['resolve', id, '--false-positive'])).toBe(`Incident ${id} false-positive.\n`);
    expect(await run(['show', id])).toMatch(/Status open → false-positive by /);
  });

  it('refuses an unknown id and a change the status does not allow with a usage error', async () => {
    await expect(run(['show', 'inc-0000000000000000'])).rejects.toThrow(LeakwatchError);
    await run(['resolve', id]);
    await expect(run(['ack', id])).rejects.toThrow(/is resolved; it cannot become acknowledged/);
    await expect(run(['approve', id])).rejects.toThrow(/reopen it before approving/);
  });

  it('never prints or stores the secret', async () => {
    await run(['list', '--format', 'json']);
    await run(['show', id]);
    await run(['show', id, '--format', 'json']);
    await run(['ack', id]);
    const all = [...outputs, dumpDatabase(f.dbFile)].join('\n');
    expect(all).not.toContain(f.secret);
    expect(outputs.join('\n')).not.toContain(f.keyId);
  });
});

describe('leakwatch incidents (built CLI)', () => {
  it('exits 0 for list, 2 with one line for an unknown id or a bad --format', () => {
    const ok = runCli(['incidents', 'list', '--format', 'json', '--config', f.configFile], {}, f.dataDir);
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as unknown[]).length).toBe(1);
    const missing = runCli(['incidents', 'show', 'inc-nope', '--config', f.configFile], {}, f.dataDir);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toEqual(['leakwatch: No incident inc-nope; list them with leakwatch incidents list.']);
    const bad = runCli(['incidents', 'list', '--format', 'xml', '--config', f.configFile], {}, f.dataDir);
    expect(bad.code).toBe(2);
    expect(ok.stdout + missing.stderr + bad.stderr).not.toContain(f.secret);
  });
});
