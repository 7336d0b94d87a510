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
    expect(config['response']).toEqual({ defaultPolicy: 'notify' });
    expect(config['databaseUrl']).toBeUndefined();
  });
});
