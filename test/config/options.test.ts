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
      email: { channel: 'none' },
      sns: { enabled: false },
      verify: false,
      canaryAccounts: [],
      forensics: { enabled: false, knownPrincipals: [] },
    });
    expect(config['databaseUrl']).toBeUndefined();
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
