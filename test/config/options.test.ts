import { describe, expect, it } from 'vitest';
import { OPTIONS } from '../../src/config/options.js';
import { configSchema } from '../../src/config/schema.js';

describe('option list', () => {
  it('names every env var LEAKWATCH_ plus the path in upper snake case', () => {
    for (const option of OPTIONS) {
      const expected = `LEAKWATCH_${option.path
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .replaceAll('.', '_')
        .toUpperCase()}`;
      expect(option.env, option.path).toBe(expected);
    }
  });

  it('has unique paths and env vars', () => {
    expect(new Set(OPTIONS.map((option) => option.path)).size).toBe(OPTIONS.length);
    expect(new Set(OPTIONS.map((option) => option.env)).size).toBe(OPTIONS.length);
  });

  it('gives every option a description ending in a full stop', () => {
    for (const option of OPTIONS) expect(option.description, option.path).toMatch(/\.$/);
  });

  it('has defaults that pass its own schema', () => {
    const parsed = configSchema.safeParse({});
    expect(parsed.success).toBe(true);
  });

  it('fills every defaulted option when the file is empty', () => {
    const config = configSchema.parse({}) as Record<string, Record<string, unknown>>;
    expect(config['dataDir']).toBe('./.leakwatch');
    expect(config['mirror']).toEqual({ concurrency: 4, timeoutSeconds: 900, retries: 3, backoffSeconds: 30 });
    expect(config['response']).toEqual({
      defaultPolicy: 'notify',
      policies: {},
      escalateAfterMinutes: 60,
      maxAttempts: 3,
      awsRegion: 'us-east-1',
      aws: { createReplacementKey: false, replacementSecretName: 'leakwatch/replacement-keys/{user}' },
      email: { channel: 'none' },
      sns: { enabled: false },
      verify: false,
      canaryAccounts: [],
      forensics: { enabled: false, knownPrincipals: [] },
      s3: { blockAccountPublicAccess: false },
    });
    expect(config['databaseUrl']).toBeUndefined();
  });
});

describe('canary.awsKeys', () => {
  it('reads canary keys from the file and from LEAKWATCH_CANARY_AWS_KEYS as JSON, and defaults to none in us-east-1', async () => {
    const { parseConfig } = await import('../../src/config/load-config.js');
    const { fakeAccessKeyId } = await import('../helpers/fake-credentials.js');
    const keyId = fakeAccessKeyId();
    expect(parseConfig({}, {}, 'test').canary).toEqual({ awsKeys: [], cloudtrailRegions: ['us-east-1'] });
    const fromFile = parseConfig({ canary: { awsKeys: [{ repository: 'payments-api', accessKeyId: keyId }] } }, {}, 'test');
    expect(fromFile.canary.awsKeys).toEqual([{ repository: 'payments-api', accessKeyId: keyId }]);
    const fromEnv = parseConfig({}, { LEAKWATCH_CANARY_AWS_KEYS: JSON.stringify([{ repository: 'web', accessKeyId: keyId }]) }, 'test');
    expect(fromEnv.canary.awsKeys).toEqual([{ repository: 'web', accessKeyId: keyId }]);
  });

  it('rejects a key id that is not an IAM user access key id, and an unknown field', async () => {
    const { parseConfig } = await import('../../src/config/load-config.js');
    expect(() => parseConfig({ canary: { awsKeys: [{ repository: 'web', accessKeyId: 'not-a-key' }] } }, {}, 'test')).toThrow(/canary\.awsKeys\.0\.accessKeyId/);
    expect(() => parseConfig({ canary: { awsKeys: [{ repository: 'web', accessKeyId: 'x', secret: 'y' }] } }, {}, 'test')).toThrow(/canary\.awsKeys/);
    expect(() => parseConfig({}, { LEAKWATCH_CANARY_AWS_KEYS: 'web=x' }, 'test')).toThrow(/JSON array/);
  });
});

describe('response.policies', () => {
  it('accepts a policy per family and rejects an unknown policy', async () => {
    const { parseConfig } = await import('../../src/config/load-config.js');
    const config = parseConfig({ response: { policies: { aws: 'auto', github: 'approve' } } }, {}, 'test');
    expect(config.response.policies).toEqual({ aws: 'auto', github: 'approve' });
    expect(() => parseConfig({ response: { policies: { aws: 'delete-everything' } } }, {}, 'test')).toThrow(/response\.policies\.aws/);
  });

  it('reads aws=auto,github=approve from LEAKWATCH_RESPONSE_POLICIES', async () => {
    const { parseConfig } = await import('../../src/config/load-config.js');
    const config = parseConfig({}, { LEAKWATCH_RESPONSE_POLICIES: 'aws=auto, github=approve' }, 'test');
    expect(config.response.policies).toEqual({ aws: 'auto', github: 'approve' });
    expect(() => parseConfig({}, { LEAKWATCH_RESPONSE_POLICIES: 'aws' }, 'test')).toThrow(/key=value/);
  });
});
