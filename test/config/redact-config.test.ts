import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { redactConfig } from '../../src/config/redact-config.js';

describe('redactConfig', () => {
  it('hides the webhook token and database URL and leaves the rest and the original intact', () => {
    const token = ['tok', 'en-'].join('') + 'x'.repeat(24);
    const config = parseConfig({}, { LEAKWATCH_HTTP_WEBHOOK_TOKEN: token, LEAKWATCH_DATABASE_URL: 'postgres://u:p@db/x' }, 'test');
    const redacted = redactConfig(config);
    expect(redacted.http.webhookToken).toBe('[redacted]');
    expect(redacted.databaseUrl).toBe('[redacted]');
    expect(JSON.stringify(redacted)).not.toContain(token);
    expect(redacted.http.port).toBe(8080);
    expect(config.http.webhookToken).toBe(token);
  });

  it('leaves unset secrets unset', () => {
    const redacted = redactConfig(parseConfig({}, {}, 'test'));
    expect(redacted.http.webhookToken).toBeUndefined();
  });
});
