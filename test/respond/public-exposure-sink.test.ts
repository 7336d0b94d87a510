import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Repository } from '../../src/domain/repository.js';
import { createPublicExposureSink } from '../../src/respond/public-exposure-sink.js';
import { respondToFindings } from '../../src/respond/respond-to-findings.js';
import type { Finding } from '../../src/domain/finding.js';
import type { PublicExposure } from '../../src/watch/types.js';
import { removeTempDirs } from '../helpers/git-repo.js';
import { OWNER, makeEngine, makeFixture, scanFindings } from '../helpers/incident-fixture.js';
import type { Engine, Fixture } from '../helpers/incident-fixture.js';

const T0 = new Date('2026-11-28T12:00:00.000Z');
const snsMock = mockClient(SNSClient);
let f: Fixture;
let engine: Engine;
let repository: Repository;
let findings: Finding[];

beforeEach(async () => {
  snsMock.reset();
  snsMock.on(PublishCommand).resolves({ MessageId: 'm' });
  f = await makeFixture({});
  // Internal, so a public copy has room to raise the severity.
  repository = { ...f.repository, classification: 'internal' };
  findings = await scanFindings(f);
  engine = makeEngine(f, null, () => T0);
});
afterEach(() => engine.store.close());
afterAll(() => removeTempDirs());

function sink() {
  return createPublicExposureSink(engine.deps, {
    repository: (name) => (name === repository.name ? repository : undefined),
    findings: (_repo, sha) => findings.filter((x) => x.secretSha256 === sha || x.related?.secretSha256 === sha),
  });
}

function codeExposure(): PublicExposure {
  return {
    kind: 'code-exposure',
    public: true,
    url: 'https://github.com/someone/copy/blob/abc/src/billing.py',
    repository: 'payments-api',
    score: 0.93,
    matchedFiles: [{ path: 'src/billing.py', score: 0.93, candidateLines: [[3, 40]], sourceLines: [[10, 47]] }],
    lines: [[3, 40]],
    source: 'github-code-search',
    publicLocation: 'someone/copy',
    publicPath: 'src/billing.py',
  };
}

describe('public exposure sink', () => {
  it('opens one code-exposure incident for the owner of the matched repository, with URL, score, files and lines', async () => {
    await sink().deliver(codeExposure());
    await sink().deliver(codeExposure());
    const all = engine.store.list();
    expect(all).toHaveLength(1);
    const record = all[0]!;
    expect(record).toMatchObject({ kind: 'code-exposure', policy: 'notify', status: 'open', severity: 'high' });
    expect(record.repository.ownerEmail).toBe(OWNER);
    expect(record.exposure.publicUrl).toBe(codeExposure().url);
    expect(record.determination.files).toEqual(['payments-api:src/billing.py']);
    expect(record.determination.publicUrls).toEqual([codeExposure().url]);
    const opened = record.timeline.find((e) => e.action === 'incident.opened')!;
    expect(opened.detail).toContain('lines 3-40');
    expect(opened.data).toMatchObject({ score: 0.93, owner: OWNER });
    expect(record.timeline.find((e) => e.action === 'incident.determined')!.detail).toContain('src/billing.py lines 10-47');
  });

  it('joins a public copy of a secret to the incident of that secret, marks it public and raises the severity', async () => {
    const summary = await respondToFindings(engine.deps, { findings, repository, gitDir: `${f.repo.dir}/.git` });
    expect(summary.opened).toHaveLength(1);
    const before = engine.store.get(summary.opened[0]!)!;
    expect(before.exposure.publicUrl).toBeUndefined();
    const paired = findings.find((x) => x.related !== undefined)!;
    const url = 'https://gist.github.com/someone/0123abcd';
    await sink().deliver({
      kind: 'credential-exposure',
      public: true,
      url,
      repository: 'payments-api',
      score: 1,
      matchedFiles: [],
      lines: [[2, 2]],
      secretSha256: paired.secretSha256,
      redacted: paired.redacted,
      ruleId: paired.ruleId,
      source: 'github-gists',
      publicLocation: 'gist:0123abcd',
      publicPath: 'creds.txt',
    });
    const all = engine.store.list();
    expect(all).toHaveLength(1);
    const after = all[0]!;
    expect(after.id).toBe(before.id);
    expect(after.exposure.publicUrl).toBe(url);
    expect(after.determination.publicUrls).toEqual([url]);
    expect(after.locations.some((l) => l.publicUrl === url && l.path === 'creds.txt' && l.line === 2)).toBe(true);
    expect(after.severityReasons).toContain('the secret is public (+1)');
    const order = ['low', 'medium', 'high', 'critical'];
    expect(order.indexOf(after.severity)).toBe(Math.min(3, order.indexOf(before.severity) + 1));
    expect(after.timeline.some((e) => e.action === 'incident.location-added' && e.detail.includes(url))).toBe(true);
  });

  it('defers a public copy of a secret whose incident another actor holds, and joins it when delivered again', async () => {
    const summary = await respondToFindings(engine.deps, { findings, repository, gitDir: `${f.repo.dir}/.git` });
    const id = summary.opened[0]!;
    const paired = findings.find((x) => x.related !== undefined)!;
    const url = 'https://gist.github.com/someone/4567cdef';
    const exposure: PublicExposure = {
      kind: 'credential-exposure',
      public: true,
      url,
      repository: 'payments-api',
      score: 1,
      matchedFiles: [],
      lines: [[1, 1]],
      secretSha256: paired.secretSha256,
      redacted: paired.redacted,
      ruleId: paired.ruleId,
      source: 'github-gists',
      publicLocation: 'gist:4567cdef',
      publicPath: 'env.txt',
    };
    // The escalation pass (another actor) is working on the incident.
    expect(engine.store.acquireLease(id, 'escalation-pass', T0, new Date(T0.getTime() + 60_000))).toBe(true);
    expect(await sink().deliver(exposure)).toBe('deferred');
    expect(engine.store.get(id)!.exposure.publicUrl).toBeUndefined();

    engine.store.releaseLease(id, 'escalation-pass');
    expect(await sink().deliver(exposure)).toBeUndefined();
    expect(engine.store.get(id)!.exposure.publicUrl).toBe(url);
  });

  it('defers a code exposure whose incident another actor holds', async () => {
    await sink().deliver(codeExposure());
    const id = engine.store.list()[0]!.id;
    expect(engine.store.acquireLease(id, 'escalation-pass', T0, new Date(T0.getTime() + 60_000))).toBe(true);
    expect(await sink().deliver({ ...codeExposure(), url: 'https://github.com/someone/copy/blob/def/src/billing.py' })).toBe('deferred');
  });

  it('ignores an exposure of a repository that is not in the inventory', async () => {
    await sink().deliver({ ...codeExposure(), repository: 'not-ours' });
    expect(engine.store.list()).toEqual([]);
  });
});
