import { describe, expect, it } from 'vitest';
import { LeakwatchError } from '../../../src/errors.js';
import { parseDatabaseUrl, redacted } from '../../../src/store/postgres/pg-connection.js';

describe('parseDatabaseUrl', () => {
  it('takes the schema from ?schema= (default public) and gives pg the URL without it', () => {
    expect(parseDatabaseUrl('postgres://db.internal:5432/leakwatch')).toEqual({ url: 'postgres://db.internal:5432/leakwatch', schema: 'public' });
    expect(parseDatabaseUrl('postgresql://db.internal/leakwatch?schema=team_a&sslmode=require')).toEqual({
      url: 'postgresql://db.internal/leakwatch?sslmode=require',
      schema: 'team_a',
    });
  });

  it('refuses another scheme, a non-URL and a schema that is not a plain identifier, as configuration errors', () => {
    for (const bad of ['mysql://db/x', 'not a url', 'postgres://db/x?schema=a;drop']) {
      expect(() => parseDatabaseUrl(bad)).toThrow(LeakwatchError);
    }
    expect(() => parseDatabaseUrl('mysql://db/x')).toThrow(/must start with postgres:\/\//);
  });

  it('never puts the password in a message', () => {
    expect(redacted(['postgres://u:', 'pw-secret', '@db/x'].join(''))).toBe('postgres://u:***@db/x');
  });
});
