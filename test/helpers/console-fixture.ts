/**
 * A daemon's state with one incident in it, for the console's tests: the response fixture's real
 * repository and scan (an AWS key pair built at run time), the real engine opening the incident
 * under the `approve` policy, and the monitor store holding the repository, its findings and its
 * last mirror, all in one SQLite database. AWS answers come from aws-sdk-client-mock (the
 * investigation's read-only calls; nothing is contained until someone approves).
 */
import { GetAccessKeyLastUsedCommand, IAMClient, ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetAccessKeyInfoCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { respondToFindings } from '../../src/respond/respond-to-findings.js';
import { SqliteIncidentStore } from '../../src/store/sqlite/sqlite-incident-store.js';
import { SqliteMonitorStore } from '../../src/store/sqlite/sqlite-monitor-store.js';
import { makeEngine, makeFixture, scanFindings } from './incident-fixture.js';
import type { Fixture } from './incident-fixture.js';

export interface ConsoleFixture {
  f: Fixture;
  incidentId: string;
  incidents: SqliteIncidentStore;
  store: SqliteMonitorStore;
  close(): void;
}

export async function makeConsoleFixture(now: Date = new Date()): Promise<ConsoleFixture> {
  const f = await makeFixture({ policies: { aws: 'approve' } });
  const sts = mockClient(STSClient);
  const iam = mockClient(IAMClient);
  const sns = mockClient(SNSClient);
  sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:sts::111122223333:assumed-role/leakwatch/daemon' });
  sts.on(GetAccessKeyInfoCommand).resolves({ Account: '111122223333' });
  iam.on(GetAccessKeyLastUsedCommand).resolves({ UserName: 'alice', AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' } });
  iam.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: [{ AccessKeyId: f.keyId, Status: 'Active', UserName: 'alice' }] });
  sns.on(PublishCommand).resolves({ MessageId: 'm' });
  const findings = await scanFindings(f);
  const engine = makeEngine(f, null, () => now);
  const summary = await respondToFindings(engine.deps, { findings, repository: f.repository, gitDir: `${f.repo.dir}/.git` });
  engine.store.close();
  for (const mock of [sts, iam, sns]) mock.restore();
  const store = new SqliteMonitorStore(f.dbFile);
  store.upsertRepositories([f.repository]);
  store.recordFindings(f.repository.id, findings, now);
  store.recordMirror(f.repository.id, { ok: true, at: now });
  const incidents = new SqliteIncidentStore(f.dbFile);
  return {
    f,
    incidentId: summary.opened[0]!,
    incidents,
    store,
    close: () => {
      incidents.close();
      store.close();
    },
  };
}
