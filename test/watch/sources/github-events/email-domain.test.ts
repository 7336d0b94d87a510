import { describe, expect, it } from 'vitest';
import { anyOurEmail, isOurEmail } from '../../../../src/watch/sources/github-events/email-domain.js';

describe('commit e-mail domains', () => {
  it('matches a domain and its subdomains, in any case, and nothing that only ends with the same letters', () => {
    expect(isOurEmail('Jane@ACME.example', ['acme.example'])).toBe(true);
    expect(isOurEmail('ci@build.eu.acme.example', ['acme.example'])).toBe(true);
    expect(isOurEmail('jane@notacme.example', ['acme.example'])).toBe(false);
    expect(isOurEmail('jane@acme.example.org', ['acme.example'])).toBe(false);
    expect(isOurEmail('12345+jane@users.noreply.github.com', ['acme.example'])).toBe(false);
    expect(isOurEmail(undefined, ['acme.example'])).toBe(false);
    expect(isOurEmail('no-at-sign', ['acme.example'])).toBe(false);
  });

  it('finds one of ours among several e-mails, and none without domains', () => {
    expect(anyOurEmail(['a@example.org', null, 'b@acme.example'], ['acme.example'])).toBe(true);
    expect(anyOurEmail(['b@acme.example'], [])).toBe(false);
  });
});
