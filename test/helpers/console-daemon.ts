/**
 * A daemon with its console on, over the response fixture's repository: the real startDaemon and
 * playbook (inventory, mirror, scan, the engine opening an incident under the `approve` policy),
 * with AWS answered by aws-sdk-client-mock. UI tokens are made at run time.
 */
import { GetAccessKeyLastUsedCommand, IAMClient, ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetAccessKeyInfoCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { parseConfig } from '../../src/config/load-config.js';
import { createPlaybook } from '../../src/daemon/create-playbook.js';
import type { Playbook } from '../../src/daemon/create-playbook.js';
import { startDaemon } from '../../src/daemon/start-daemon.js';
import type { Daemon } from '../../src/daemon/start-daemon.js';
import { branchesContaining } from '../../src/git/list-branches.js';
import type { EngineDeps } from '../../src/respond/engine-deps.js';
import { recoverSecret } from '../../src/scan/recover-secret.js';
import { openMonitorStore } from '../../src/store/open-store.js';
import { uiTokens } from './console-server.js';
import { makeFixture, ruleset } from './incident-fixture.js';
import type { Fixture } from './incident-fixture.js';
import { createMemoryLogger } from './memory-logger.js';
import type { MemoryLogger } from './memory-logger.js';

const NEVER = '0 0 1 1 *';

export interface ConsoleDaemon {
  f: Fixture;
  daemon: Daemon;
  playbook: Playbook;
  tokens: { responder: string; viewer: string };
  logs: MemoryLogger;
  stop(): Promise<void>;
}

function mockAws(f: Fixture): () => void {
  const sts = mockClient(STSClient);
  const iam = mockClient(IAMClient);
  const sns = mockClient(SNSClient);
  sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:sts::111122223333:assumed-role/leakwatch/daemon' });
  sts.on(GetAccessKeyInfoCommand).resolves({ Account: '111122223333' });
  iam.on(GetAccessKeyLastUsedCommand).resolves({ UserName: 'alice', AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' } });
  iam.on(ListAccessKeysCommand).resolves({ AccessKeyMetadata: [{ AccessKeyId: f.keyId, Status: 'Active', UserName: 'alice' }] });
  sns.on(PublishCommand).resolves({ MessageId: 'm' });
  return () => {
    for (const mock of [sts, iam, sns]) mock.restore();
  };
}

/** Starts the daemon and waits until its first scan has been answered (the incident is open). */
export async function startConsoleDaemon(): Promise<ConsoleDaemon> {
  const f = await makeFixture({ policies: { aws: 'approve' } });
  const restore = mockAws(f);
  const tokens = uiTokens();
  const logs = createMemoryLogger('debug');
  const config = parseConfig(
    {
      dataDir: f.dataDir,
      inventory: { staticFile: f.config.inventory.staticFile },
      response: { policies: { aws: 'approve' } },
      schedule: { inventoryRefresh: NEVER, mirrorScan: NEVER, watch: NEVER, escalation: NEVER },
      http: { host: '127.0.0.1', port: 0 },
    },
    { LEAKWATCH_HTTP_UI_TOKEN: tokens.responder, LEAKWATCH_HTTP_UI_VIEWER_TOKEN: tokens.viewer },
    'test',
  );
  const store = openMonitorStore({ dataDir: f.dataDir });
  const engine = (incidents: EngineDeps['store'], gitDirFor: (name: string) => string | undefined): EngineDeps => ({
    store: incidents, config, ruleset: ruleset(),
    clients: { iam: new IAMClient({ region: 'us-east-1' }), sts: new STSClient({ region: 'us-east-1' }) },
    notifierDeps: { sns: { client: new SNSClient({ region: 'eu-west-1' }) } },
    emailChannels: [], gitDirFor, recoverSecret, branchesContaining, log: logs.log, now: () => new Date(), sleep: () => Promise.resolve(),
  });
  const playbook = await createPlaybook({ config, log: logs.log, dataDir: f.dataDir, store, ruleset: ruleset(), engine });
  const daemon = await startDaemon({ config, log: logs.log, cwd: f.dataDir, ruleset: ruleset(), hooks: playbook.hooks, openStore: () => store, incidents: playbook.incidents });
  await daemon.queue.idle();
  return {
    f, daemon, playbook, tokens, logs,
    async stop() {
      await daemon.stop(5000);
      playbook.close();
      restore();
    },
  };
}
