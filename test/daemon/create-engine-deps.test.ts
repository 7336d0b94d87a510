import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { createEngineDeps } from '../../src/daemon/create-engine-deps.js';
import { SqliteIncidentStore } from '../../src/store/sqlite/sqlite-incident-store.js';
import { removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { ruleset } from '../helpers/incident-fixture.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';

afterAll(removeTempDirs);

function deps(raw: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) {
  const store = new SqliteIncidentStore(join(tempDir(), 'state.db'));
  try {
    return createEngineDeps({ config: parseConfig(raw, env, 'test'), store, ruleset: ruleset(), log: createMemoryLogger().log });
  } finally {
    store.close();
  }
}

describe('createEngineDeps', () => {
  it('sends nothing and looks nothing up by default', () => {
    const d = deps({});
    expect(d.emailChannels).toEqual([]);
    expect(d.notifierDeps).toEqual({});
    expect(d.clients.cloudtrail).toBeUndefined();
  });

  it('builds the SMTP channel, SNS with its default topic and CloudTrail when configured', () => {
    const d = deps(
      { response: { email: { channel: 'smtp', from: 'leakwatch@example.test' }, sns: { enabled: true, defaultTopicArn: 'arn:aws:sns:us-east-1:111122223333:t' }, forensics: { enabled: true } } },
      { LEAKWATCH_RESPONSE_EMAIL_SMTP_URL: 'smtp://127.0.0.1:2525' },
    );
    expect(d.emailChannels).toEqual(['smtp']);
    expect(d.notifierDeps.smtp?.from).toBe('leakwatch@example.test');
    expect(d.notifierDeps.sns?.defaultTopicArn).toBe('arn:aws:sns:us-east-1:111122223333:t');
    expect(d.clients.cloudtrail).toBeDefined();
  });

  it('passes response.aws.* to the IAM access key rotator: no replacement key unless asked', () => {
    expect(deps({}).rotatorOptions?.awsIamAccessKey).toMatchObject({ createReplacement: false });
    const asked = deps({ response: { aws: { createReplacementKey: true, replacementKmsKeyId: 'alias/replacements' } } }).rotatorOptions;
    expect(asked?.awsIamAccessKey).toEqual({
      createReplacement: true,
      replacementSecretName: 'leakwatch/replacement-keys/{user}',
      kmsKeyId: 'alias/replacements',
    });
    const fromEnv = deps({}, { LEAKWATCH_RESPONSE_AWS_CREATE_REPLACEMENT_KEY: 'true' }).rotatorOptions;
    expect(fromEnv?.awsIamAccessKey?.createReplacement).toBe(true);
  });

  it('refuses an e-mail channel without a sender or an SMTP URL, naming the option', () => {
    expect(() => deps({ response: { email: { channel: 'ses' } } })).toThrow(/response\.email\.from/);
    expect(() => deps({ response: { email: { channel: 'smtp', from: 'a@example.test' } } })).toThrow(/LEAKWATCH_RESPONSE_EMAIL_SMTP_URL/);
  });
});
