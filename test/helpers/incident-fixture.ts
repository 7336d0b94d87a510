/**
 * An end-to-end response fixture: a real git repository listed in a static inventory, a commit
 * with an AWS key pair built at run time, the scan, mocked AWS clients, a real SMTP server, and
 * an engine over a real SQLite store. Tests make a fresh engine on the same database to "restart".
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IAMClient } from '@aws-sdk/client-iam';
import { SNSClient } from '@aws-sdk/client-sns';
import { STSClient } from '@aws-sdk/client-sts';
import Database from 'better-sqlite3';
import { createTransport } from 'nodemailer';
import { parseConfig } from '../../src/config/load-config.js';
import type { LeakwatchConfig } from '../../src/config/config-types.js';
import { loadRules } from '../../src/detect/load-rules.js';
import type { Ruleset } from '../../src/detect/types.js';
import { branchesContaining } from '../../src/git/list-branches.js';
import { loadInventory } from '../../src/inventory/load-inventory.js';
import type { Repository } from '../../src/domain/repository.js';
import type { EngineDeps } from '../../src/respond/engine-deps.js';
import { recoverSecret } from '../../src/scan/recover-secret.js';
import { runScan } from '../../src/scan/run-scan.js';
import type { Finding } from '../../src/domain/finding.js';
import { SqliteIncidentStore } from '../../src/store/sqlite/sqlite-incident-store.js';
import { fakeAccessKeyId, fakeSecretAccessKey } from './fake-credentials.js';
import { TestRepo, tempDir } from './git-repo.js';
import { createMemoryLogger } from './memory-logger.js';
import type { MemoryLogger } from './memory-logger.js';
import type { SmtpSink } from './smtp-sink.js';

export const OWNER = 'owner@example.test';
export const ESCALATION = 'security-oncall@example.test';
export const TOPIC = 'arn:aws:sns:eu-west-1:111122223333:payments-security';
/** A made-up account id that is not on the rules' allowlist of documentation examples. */
export const ACCOUNT_ID = ['4739', '2018', '5563'].join('');

let cachedRuleset: Ruleset | undefined;
export function ruleset(): Ruleset {
  cachedRuleset ??= loadRules();
  return cachedRuleset;
}

export interface Fixture {
  repo: TestRepo;
  keyId: string;
  secret: string;
  dataDir: string;
  dbFile: string;
  configFile: string;
  config: LeakwatchConfig;
  repository: Repository;
  leakCommit: string;
}

export async function makeFixture(response: Record<string, unknown> = { policies: { aws: 'auto' } }): Promise<Fixture> {
  const repo = TestRepo.create();
  repo.commit('init', { 'README.md': '# payments\n' });
  const keyId = fakeAccessKeyId();
  const secret = fakeSecretAccessKey();
  const leakCommit = repo.commit('add settings', {
    'config/settings.py': `aws_access_key_id = "${keyId}"\naws_secret_access_key = "${secret}"\naws_account_id = "${ACCOUNT_ID}"\n`,
  });
  repo.git('branch', 'release');
  const dataDir = tempDir();
  const inventory = join(dataDir, 'inventory.yaml');
  writeFileSync(
    inventory,
    `repositories:\n  - url: ${repo.dir}\n    name: payments-api\n    owner: ${OWNER}\n    team: payments\n` +
      `    escalation: [${ESCALATION}]\n    snsTopicArn: ${TOPIC}\n    classification: confidential\n`,
  );
  const raw = { dataDir, inventory: { staticFile: inventory }, response };
  const configFile = join(dataDir, 'leakwatch.yaml');
  writeFileSync(configFile, JSON.stringify(raw));
  const config = parseConfig(raw, {}, 'test');
  const { repositories } = await loadInventory({ config, log: createMemoryLogger().log, cwd: dataDir });
  return { repo, keyId, secret, dataDir, dbFile: join(dataDir, 'state.db'), configFile, config, repository: repositories[0]!, leakCommit };
}

export async function scanFindings(f: Fixture): Promise<Finding[]> {
  return (await runScan({ target: f.repo.dir, stateDir: null, workers: 1, ruleset: ruleset() })).findings;
}

export interface Engine {
  deps: EngineDeps;
  store: SqliteIncidentStore;
  logs: MemoryLogger;
}

export function makeEngine(f: Fixture, sink: SmtpSink | null, now: () => Date, logs = createMemoryLogger()): Engine {
  const store = new SqliteIncidentStore(f.dbFile);
  const deps: EngineDeps = {
    store,
    config: f.config,
    ruleset: ruleset(),
    clients: { iam: new IAMClient({ region: 'us-east-1' }), sts: new STSClient({ region: 'us-east-1' }) },
    notifierDeps: {
      ...(sink === null
        ? {}
        : { smtp: { transport: createTransport({ host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true }), from: 'leakwatch@example.test' } }),
      sns: { client: new SNSClient({ region: 'eu-west-1' }) },
    },
    emailChannels: sink === null ? [] : ['smtp'],
    gitDirFor: (name) => (name === f.repository.name ? join(f.repo.dir, '.git') : undefined),
    recoverSecret,
    branchesContaining,
    log: logs.log,
    now,
    sleep: () => Promise.resolve(),
  };
  return { deps, store, logs };
}

/** Every row of every table of the database, as text, to search for values that must not be stored. */
export function dumpDatabase(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    return tables.map((t) => `${t}: ${JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all())}`).join('\n');
  } finally {
    db.close();
  }
}
