import { describe, expect, it } from 'vitest';
import { createCanaryMarker } from '../../src/fingerprint/canary.js';
import { collectSearchTerms, parseConfiguredTerms, pickDistinctiveStrings } from '../../src/watch/distinctive-strings.js';
import { awsKeyId, awsSecretKey, githubToken } from '../helpers/tokens.js';

const SOURCE = `
import express from 'express';
const DB_HOST = "ledger-db-7.billing.corp";
const QUEUE = 'acme.billing.ledger-events.v7';
const TYPE = 'application/json';
const greeting = "Hello there world";
const docs = 'https://github.com/expressjs/express';
const blob = "${awsSecretKey()}";
const api = 'https://pay-gw.int.acme.example/v2/charge';
`;

describe('pickDistinctiveStrings', () => {
  it('picks internal hostnames and structured literals, not MIME types, public URLs or prose', () => {
    const picked = pickDistinctiveStrings(SOURCE, { internalDomains: ['int.acme.example'] });
    expect(picked).toContain('ledger-db-7.billing.corp');
    expect(picked).toContain('pay-gw.int.acme.example');
    expect(picked).toContain('acme.billing.ledger-events.v7');
    expect(picked).not.toContain('application/json');
    expect(picked).not.toContain('Hello there world');
    expect(picked).not.toContain('https://github.com/expressjs/express');
  });

  it('never picks a random-looking literal, which may be a secret', () => {
    for (let i = 0; i < 2000; i++) {
      const text = `const k = "${awsSecretKey()}";\nconst t = '${githubToken()}';\nconst id = "${awsKeyId()}";\n`;
      expect(pickDistinctiveStrings(text), text).toEqual([]);
    }
  });

  it('always picks a canary marker', () => {
    const marker = createCanaryMarker('billing', 's'.repeat(32));
    expect(pickDistinctiveStrings(`// ${marker}\n`)).toEqual([marker]);
  });
});

describe('collectSearchTerms', () => {
  it('keeps strings found in one repository only, naming that repository', () => {
    const terms = collectSearchTerms([
      { repo: 'billing', path: 'a.js', text: `const q = 'acme.billing.ledger-events.v7';\nconst s = 'acme.shared.tracing-header';\n` },
      { repo: 'portal', path: 'b.js', text: `const s = 'acme.shared.tracing-header';\n` },
    ]);
    expect(terms).toEqual([{ repository: 'billing', value: 'acme.billing.ledger-events.v7' }]);
  });

  it('parses configured terms written repository:string', () => {
    expect(parseConfiguredTerms(['billing:ACME_LEDGER:v7', 'bad', 'x:'])).toEqual([{ repository: 'billing', value: 'ACME_LEDGER:v7' }]);
  });
});
