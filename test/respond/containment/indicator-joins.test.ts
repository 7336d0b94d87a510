/**
 * Indicators that concern code by other roads than a code store: the access key of a credential
 * incident, and a principal that pulled one of our repositories (CloudTrail GitPull).
 */
import { createHash } from 'node:crypto';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Repository } from '../../../src/domain/repository.js';
import { createIndicatorSink } from '../../../src/respond/deliver-indicator.js';
import type { IncidentRecord } from '../../../src/respond/incident-store.js';
import { lookupPrincipalPulls } from '../../../src/respond/forensics/lookup-principal-pulls.js';
import { fakeAccessKeyId } from '../../helpers/fake-credentials.js';
import { makeIncident } from '../../helpers/make-incident.js';
import { indicator, makeEngine } from './code-store-fixture.js';

const ct = mockClient(CloudTrailClient);
beforeEach(() => ct.reset());

const repository: Repository = {
  id: 'static:payments-api', name: 'payments-api', cloneUrl: '/srv/payments-api.git', source: 'static-file', owner: { email: 'owner@example.test' },
  escalationContacts: [], classification: 'confidential', tags: {}, ownerMissing: false,
};

describe('indicators joining credential and repository incidents', () => {
  it('a GuardDuty finding naming a leaked access key joins that key\'s incident as evidence, once, and opens nothing', async () => {
    const engine = makeEngine();
    const keyId = fakeAccessKeyId();
    const sha = createHash('sha256').update(keyId).digest('hex');
    const base = makeIncident({ id: 'inc-key' });
    const leaked: IncidentRecord = {
      ...base, ruleFamily: 'aws', policy: 'notify', secretSha256s: [sha], locations: [],
      determination: { credentials: [], files: [], intelligence: [], since: '2026-11-01T00:00:00Z', branches: [], publicUrls: [] },
      createdAt: new Date(), updatedAt: new Date(), acknowledgedAt: null, approvedAt: null, escalatedAt: null,
    };
    engine.store.create(leaked);
    const sink = createIndicatorSink(engine.deps, { codeStores: () => [], repository: () => undefined });
    const finding = indicator({ id: 'f-1', source: 'guardduty', type: 'Exfiltration:IAMUser/AnomalousBehavior', effect: 'finding', buckets: [], accessKeyId: keyId, severity: 8 });
    await sink.deliver(finding);
    await sink.deliver(finding);
    expect(engine.store.list()).toHaveLength(1);
    const evidence = engine.store.get(leaked.id)!.timeline.filter((e) => e.action === 'indicator.guardduty');
    expect(evidence).toHaveLength(1);
    expect(evidence[0]!.detail).toContain('It names the access key this incident is about.');
    expect(evidence[0]!.detail).not.toContain(keyId);
    expect(evidence[0]!.data?.accessKeyId).toBe(`${keyId.slice(0, 4)}…${keyId.slice(-4)}`);
  });

  it('a GuardDuty finding whose principal pulled one of our repositories opens that repository\'s incident (notify)', async () => {
    const engine = makeEngine();
    const sink = createIndicatorSink(engine.deps, {
      codeStores: () => [],
      repository: (name) => (name === 'payments-api' ? repository : undefined),
      pulledBy: async () => ['payments-api', 'not-ours'],
    });
    await sink.deliver(indicator({ id: 'f-2', source: 'guardduty', type: 'Discovery:IAMUser/AnomalousBehavior', effect: 'finding', buckets: [], userName: 'mallory' }));
    const [incident] = engine.store.list();
    expect(incident).toMatchObject({ kind: 'code-exposure', policy: 'notify', repository: { name: 'payments-api', ownerEmail: 'owner@example.test' } });
    expect(incident!.exposure.codeStore).toBeUndefined();
    expect(incident!.timeline.find((e) => e.action === 'indicator.guardduty')?.detail).toContain('Its principal pulled payments-api (CloudTrail GitPull).');
  });

  it('looks up GitPull events of a principal by access key and names the repositories', async () => {
    const keyId = fakeAccessKeyId();
    const pull = (repo: string) => ({ EventName: 'GitPull', CloudTrailEvent: JSON.stringify({ additionalEventData: { repositoryName: repo } }) });
    ct.on(LookupEventsCommand).resolvesOnce({ Events: [pull('b'), { EventName: 'GetObject' }], NextToken: 'n' }).resolves({ Events: [pull('a'), pull('b')] });
    const names = await lookupPrincipalPulls({ cloudtrail: new CloudTrailClient({ region: 'us-east-1' }), accessKeyId: keyId, now: new Date('2026-12-01T00:00:00Z'), limiter: { acquire: () => Promise.resolve() } });
    expect(names).toEqual(['a', 'b']);
    expect(ct.commandCalls(LookupEventsCommand)[0]!.args[0].input.LookupAttributes).toEqual([{ AttributeKey: 'AccessKeyId', AttributeValue: keyId }]);
  });
});
