import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import type { Octokit } from '@octokit/rest';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPlaybook } from '../../src/daemon/create-playbook.js';
import type { Playbook } from '../../src/daemon/create-playbook.js';
import { mirrorDir } from '../../src/daemon/run-repository-job.js';
import { branchesContaining } from '../../src/git/list-branches.js';
import type { EngineDeps } from '../../src/respond/engine-deps.js';
import { recoverSecret } from '../../src/scan/recover-secret.js';
import { SqliteMonitorStore } from '../../src/store/sqlite/sqlite-monitor-store.js';
import { createAwsCanaryKeysSource } from '../../src/watch/sources/aws-canary-keys/index.js';
import type { WatchSource } from '../../src/watch/sources/types.js';
import type { Candidate } from '../../src/watch/types.js';
import { parseWatchSettings } from '../../src/watch/watch-settings.js';
import { removeTempDirs } from '../helpers/git-repo.js';
import { OWNER, makeFixture, ruleset, scanFindings } from '../helpers/incident-fixture.js';
import type { Fixture } from '../helpers/incident-fixture.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';
import type { MemoryLogger } from '../helpers/memory-logger.js';

const T0 = new Date('2026-11-28T12:00:00.000Z');
const ctMock = mockClient(CloudTrailClient);

/** A module long and distinctive enough to be recognised when copied. */
function ourModule(): string {
  const lines = ['"""Settlement batching for the payments ledger."""', 'import decimal', ''];
  for (let i = 0; i < 30; i++) {
    lines.push(`def settle_batch_${i}(ledger, cutoff_${i}, fee_rate):`);
    lines.push(`    pending = [e for e in ledger.entries if e.day <= cutoff_${i} and e.kind == "batch-${i}"]`);
    lines.push(`    total = sum(decimal.Decimal(e.amount) * (1 - fee_rate * ${i + 2}) for e in pending)`);
    lines.push(`    return ledger.post("settlement-${i}", total, reference=f"S${i}-{cutoff_${i}}")`);
    lines.push('');
  }
  return lines.join('\n');
}

function fakeSource(candidates: () => Candidate[]): WatchSource {
  return {
    id: 'fake-public',
    async poll(ctx) {
      for (const c of candidates()) await ctx.handle(c);
      return { requests: 0, candidates: candidates().length };
    },
  };
}

let f: Fixture;
let store: SqliteMonitorStore;
let logs: MemoryLogger;
let playbook: Playbook | undefined;

function engineFor(logger: MemoryLogger) {
  return (incidents: EngineDeps['store'], gitDirFor: (name: string) => string | undefined): EngineDeps => ({
    store: incidents,
    config: f.config,
    ruleset: ruleset(),
    clients: {} as EngineDeps['clients'],
    notifierDeps: {},
    emailChannels: [],
    gitDirFor,
    recoverSecret,
    branchesContaining,
    log: logger.log,
    now: () => T0,
  });
}

beforeEach(async () => {
  f = await makeFixture({});
  f.repo.commit('add billing', { 'src/settlement.py': ourModule() });
  const dir = mirrorDir(f.dataDir, f.repository.id);
  mkdirSync(dirname(dir), { recursive: true });
  f.repo.git('clone', '-q', '--mirror', f.repo.dir, dir);
  store = new SqliteMonitorStore(f.dbFile);
  store.upsertRepositories([f.repository]);
  logs = createMemoryLogger();
});
afterEach(() => {
  playbook?.close();
  playbook = undefined;
  store.close();
});
afterAll(() => removeTempDirs());

describe('daemon playbook', () => {
  it('answers new findings with one incident per credential, for the owner, and a later escalation pass keeps it open', async () => {
    playbook = await createPlaybook({ config: f.config, log: logs.log, dataDir: f.dataDir, store, ruleset: ruleset(), engine: engineFor(logs) });
    store.recordFindings(f.repository.id, await scanFindings(f), T0);
    await playbook.hooks.respond(f.repository.id);
    const incidents = playbook.incidents.list();
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ kind: 'credential-exposure', policy: 'notify', repository: { ownerEmail: OWNER } });
    await playbook.hooks.escalate({ store, log: logs.log });
    expect(playbook.incidents.list().map((r) => r.status)).toEqual(['open']);
  });

  it('logs once and does nothing when no public source is configured', async () => {
    const config = { ...f.config, watch: { ...f.config.watch, sources: [] } };
    playbook = await createPlaybook({ config, log: logs.log, dataDir: f.dataDir, store, ruleset: ruleset(), engine: engineFor(logs) });
    await playbook.hooks.watch({ store, log: logs.log });
    await playbook.hooks.watch({ store, log: logs.log });
    expect(logs.lines().filter((l) => l['msg'] === 'Public watch not configured (no usable source); skipping')).toHaveLength(1);
    expect(playbook.incidents.list()).toEqual([]);
  });

  it('turns a public copy of mirrored code into a code-exposure incident and a public copy of a secret into a public location of its incident', async () => {
    const copy = Buffer.from(`# found online\n${ourModule()}`);
    const leaked = Buffer.from(`aws_access_key_id = "${f.keyId}"\naws_secret_access_key = "${f.secret}"\n`);
    const candidates = (): Candidate[] => [
      { id: 'c1', url: 'https://github.com/someone/copy/blob/main/settle.py', publicLocation: 'someone/copy', path: 'settle.py', content: copy },
      { id: 'c2', url: 'https://gist.github.com/someone/abc', publicLocation: 'gist:abc', path: 'creds.txt', content: leaked },
    ];
    const runtime = { octokit: {} as Octokit, settings: parseWatchSettings({}), sources: [fakeSource(candidates)], authenticated: false };
    playbook = await createPlaybook({ config: f.config, log: logs.log, dataDir: f.dataDir, store, ruleset: ruleset(), engine: engineFor(logs), watchRuntime: runtime });
    store.recordFindings(f.repository.id, await scanFindings(f), T0);
    await playbook.hooks.respond(f.repository.id);
    await playbook.hooks.watch({ store, log: logs.log });
    await playbook.hooks.watch({ store, log: logs.log });

    const all = playbook.incidents.list();
    expect(all.map((r) => r.kind).sort()).toEqual(['code-exposure', 'credential-exposure']);
    const code = all.find((r) => r.kind === 'code-exposure')!;
    expect(code.repository.ownerEmail).toBe(OWNER);
    expect(code.exposure.publicUrl).toBe('https://github.com/someone/copy/blob/main/settle.py');
    expect(code.determination.files).toEqual(['payments-api:src/settlement.py']);
    const cred = all.find((r) => r.kind === 'credential-exposure')!;
    expect(cred.exposure.publicUrl).toBe('https://gist.github.com/someone/abc');
    // The key id and the secret key are two matches in the same public file: their lines are its locations.
    const publicPlaces = cred.locations.filter((l) => l.publicUrl !== undefined);
    expect(publicPlaces.length).toBeGreaterThan(0);
    expect(publicPlaces.every((l) => l.repository === 'payments-api' && l.path === 'creds.txt')).toBe(true);
  });

  it('skips the findings of a configured canary key, and reports its use found by the watch cycle as one code-exposure incident, also after a restart', async () => {
    ctMock.reset();
    ctMock.on(LookupEventsCommand).resolves({
      Events: [{ EventId: 'ev-9', EventName: 'GetCallerIdentity', EventTime: new Date('2026-11-28T11:30:00Z'), EventSource: 'sts.amazonaws.com', CloudTrailEvent: JSON.stringify({ sourceIPAddress: '198.51.100.7', userAgent: 'curl/8', awsRegion: 'us-east-1' }) }],
    });
    const awsKeys = [{ repository: 'payments-api', accessKeyId: f.keyId }];
    f.config = { ...f.config, canary: { awsKeys, cloudtrailRegions: ['us-east-1'] } };
    const runtime = () => ({ octokit: {} as Octokit, settings: parseWatchSettings({ canaryKeys: awsKeys }), sources: [createAwsCanaryKeysSource({ sleep: async () => undefined })], authenticated: false });
    playbook = await createPlaybook({ config: f.config, log: logs.log, dataDir: f.dataDir, store, ruleset: ruleset(), engine: engineFor(logs), watchRuntime: runtime() });
    store.recordFindings(f.repository.id, await scanFindings(f), T0);
    await playbook.hooks.respond(f.repository.id);
    expect(playbook.incidents.list()).toEqual([]);
    await playbook.hooks.watch({ store, log: logs.log });
    playbook.close();

    playbook = await createPlaybook({ config: f.config, log: logs.log, dataDir: f.dataDir, store, ruleset: ruleset(), engine: engineFor(logs), watchRuntime: runtime() });
    await playbook.hooks.watch({ store, log: logs.log });
    const all = playbook.incidents.list();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ kind: 'code-exposure', repository: { ownerEmail: OWNER } });
    expect(all[0]!.timeline.filter((e) => e.action === 'canary.key-used')).toHaveLength(1);
  });
});
