import { join } from 'node:path';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { IAMClient } from '@aws-sdk/client-iam';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { STSClient } from '@aws-sdk/client-sts';
import Database from 'better-sqlite3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LeakwatchConfig } from '../../src/config/config-types.js';
import { InMemoryFingerprintIndex } from '../../src/fingerprint/fingerprint-index.js';
import { DEFAULT_WINNOW_PARAMETERS } from '../../src/fingerprint/winnow-parameters.js';
import { createOctokit } from '../../src/github/create-octokit.js';
import { secretSha256 } from '../../src/detect/redact.js';
import { createPublicExposureSink } from '../../src/respond/public-exposure-sink.js';
import { respondToFindings } from '../../src/respond/respond-to-findings.js';
import { ObjectScanner } from '../../src/scan/object-scanner.js';
import type { Finding } from '../../src/domain/finding.js';
import { SqliteWatchState } from '../../src/store/sqlite/sqlite-watch-state.js';
import { runWatchCycle } from '../../src/watch/run-watch.js';
import { createAwsCanaryKeysSource } from '../../src/watch/sources/aws-canary-keys/index.js';
import { parseWatchSettings } from '../../src/watch/watch-settings.js';
import { removeTempDirs } from '../helpers/git-repo.js';
import { OWNER, makeEngine, makeFixture, ruleset, scanFindings } from '../helpers/incident-fixture.js';
import type { Engine, Fixture } from '../helpers/incident-fixture.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';

const T0 = new Date('2026-11-28T12:00:00.000Z');
const iamMock = mockClient(IAMClient);
const stsMock = mockClient(STSClient);
const snsMock = mockClient(SNSClient);
const ctMock = mockClient(CloudTrailClient);
let f: Fixture;
let engine: Engine;
let findings: Finding[];
let canaryConfig: LeakwatchConfig;

beforeEach(async () => {
  for (const m of [iamMock, stsMock, snsMock, ctMock]) m.reset();
  snsMock.on(PublishCommand).resolves({ MessageId: 'm' });
  // Under auto a real leaked key would be rotated at once: the canary must not be.
  f = await makeFixture({ policies: { aws: 'auto' } });
  findings = await scanFindings(f);
  canaryConfig = { ...f.config, canary: { awsKeys: [{ repository: 'payments-api', accessKeyId: f.keyId }], cloudtrailRegions: ['us-east-1'] } };
});
afterEach(() => engine.store.close());
afterAll(() => removeTempDirs());

function canaryEngine(): Engine {
  return makeEngine({ ...f, config: canaryConfig }, null, () => T0);
}

function trailEvent(id: string, name: string, at: string) {
  return {
    EventId: id,
    EventName: name,
    EventTime: new Date(at),
    EventSource: 'sts.amazonaws.com',
    CloudTrailEvent: JSON.stringify({ sourceIPAddress: '198.51.100.7', userAgent: 'Boto3/1.34.0', awsRegion: 'us-east-1', errorCode: 'AccessDenied' }),
  };
}

describe('canary key findings', () => {
  it('open no credential incident and trigger no rotation when the key id is a configured canary', async () => {
    const hashes = new Set(findings.flatMap((x) => [x.secretSha256, x.related?.secretSha256]));
    expect(hashes.has(secretSha256(f.keyId))).toBe(true);
    engine = canaryEngine();
    const summary = await respondToFindings(engine.deps, { findings, repository: f.repository, gitDir: `${f.repo.dir}/.git` });
    expect(summary).toMatchObject({ opened: [], joined: [], failed: [] });
    // The key id alone and the pair (secret access key with the key id as its related half).
    expect(summary.canaries).toBe(findings.filter((x) => x.ruleId.startsWith('aws-access') || x.ruleId.startsWith('aws-secret')).length);
    expect(engine.store.list().filter((r) => r.kind === 'credential-exposure')).toEqual([]);
    expect(iamMock.calls()).toHaveLength(0);
    expect(stsMock.calls()).toHaveLength(0);
    expect(engine.logs.lines().some((l) => l.msg === 'Canary key findings skipped')).toBe(true);
  });

  it('still open a credential incident for the same key when it is not configured as a canary', async () => {
    engine = makeEngine(f, null, () => T0);
    const summary = await respondToFindings(engine.deps, { findings, repository: f.repository, gitDir: `${f.repo.dir}/.git` });
    expect(summary.opened).toHaveLength(1);
    expect(summary.canaries).toBe(0);
    expect(engine.store.list()[0]!.kind).toBe('credential-exposure');
  });
});

describe('canary key used', () => {
  function cycle(state: SqliteWatchState) {
    const sink = createPublicExposureSink(engine.deps, { repository: (name) => (name === f.repository.name ? f.repository : undefined), findings: () => [] });
    return runWatchCycle({
      octokit: createOctokit({ log: createMemoryLogger().log, baseUrl: 'http://127.0.0.1:9', resilient: false }),
      sources: [createAwsCanaryKeysSource({ sleep: () => Promise.resolve() })],
      state,
      sink,
      index: new InMemoryFingerprintIndex(DEFAULT_WINNOW_PARAMETERS),
      scanner: new ObjectScanner(ruleset()),
      knownSecrets: new Map(),
      settings: parseWatchSettings({ canaryKeys: canaryConfig.canary.awsKeys }),
      log: createMemoryLogger().log,
      now: () => T0.getTime(),
    });
  }

  it('opens one code-exposure incident for the repository owner with the calls as evidence, and a restart repeats nothing', async () => {
    engine = canaryEngine();
    ctMock.on(LookupEventsCommand).resolves({ Events: [trailEvent('ev-1', 'GetCallerIdentity', '2026-11-28T11:40:00Z')] });
    const file = join(f.dataDir, 'watch.db');
    let db = new Database(file);
    expect((await cycle(new SqliteWatchState(db))).delivered).toBe(1);
    db.close();
    db = new Database(file);
    expect((await cycle(new SqliteWatchState(db))).delivered).toBe(0);
    db.close();

    const all = engine.store.list();
    expect(all).toHaveLength(1);
    const record = all[0]!;
    expect(record).toMatchObject({ kind: 'code-exposure', policy: 'notify', status: 'open' });
    expect(record.repository.ownerEmail).toBe(OWNER);
    expect(record.exposure.title).toBe('Canary key of payments-api used');
    const used = record.timeline.filter((e) => e.action === 'canary.key-used');
    expect(used).toHaveLength(1);
    expect(used[0]!.detail).toContain('2026-11-28T11:40:00.000Z GetCallerIdentity (sts.amazonaws.com, us-east-1) from 198.51.100.7 with Boto3/1.34.0 → AccessDenied');
    expect(used[0]!.data).toMatchObject({ uses: 1, sourceIps: '198.51.100.7', userAgents: 'Boto3/1.34.0', regions: 'us-east-1' });
    expect(record.remainingSteps[0]).toContain('treat everything in the repository');
    // The owner was told (SNS topic of the repository).
    const published = snsMock.commandCalls(PublishCommand);
    expect(published).toHaveLength(1);
    expect(published[0]!.args[0].input.Message).toContain('GetCallerIdentity (sts.amazonaws.com, us-east-1) from 198.51.100.7');
    expect(JSON.stringify(record)).not.toContain(f.keyId);
  });

  it('joins later uses to the same incident as new evidence', async () => {
    engine = canaryEngine();
    const state = new SqliteWatchState(new Database(':memory:'));
    ctMock.on(LookupEventsCommand).resolves({ Events: [trailEvent('ev-1', 'GetCallerIdentity', '2026-11-28T11:40:00Z')] });
    await cycle(state);
    ctMock.on(LookupEventsCommand).resolves({ Events: [trailEvent('ev-2', 'ListBuckets', '2026-11-28T11:55:00Z'), trailEvent('ev-1', 'GetCallerIdentity', '2026-11-28T11:40:00Z')] });
    await cycle(state);
    const all = engine.store.list();
    expect(all).toHaveLength(1);
    const used = all[0]!.timeline.filter((e) => e.action === 'canary.key-used');
    expect(used.map((e) => e.data?.firstEventName)).toEqual(['GetCallerIdentity', 'ListBuckets']);
  });

  it('takes a configured canary key found in public as a copy of the repository, not as a credential to rotate', async () => {
    engine = canaryEngine();
    const sink = createPublicExposureSink(engine.deps, { repository: () => f.repository, findings: () => findings });
    const keyFinding = findings.find((x) => x.secretSha256 === secretSha256(f.keyId))!;
    await sink.deliver({
      kind: 'credential-exposure',
      public: true,
      url: 'https://gist.github.com/someone/0123abcd',
      repository: 'payments-api',
      score: 1,
      matchedFiles: [],
      lines: [[2, 2]],
      secretSha256: keyFinding.secretSha256,
      redacted: keyFinding.redacted,
      ruleId: keyFinding.ruleId,
      source: 'github-gists',
      publicLocation: 'gist:0123abcd',
      publicPath: 'settings.py',
    });
    const all = engine.store.list();
    expect(all.map((r) => r.kind)).toEqual(['code-exposure']);
    expect(all[0]!.exposure.publicUrl).toBe('https://gist.github.com/someone/0123abcd');
    expect(iamMock.calls()).toHaveLength(0);
  });
});
