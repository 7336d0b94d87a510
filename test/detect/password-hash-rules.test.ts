import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/detect/load-rules.js';
import { Matcher } from '../../src/detect/matcher.js';

const matcher = new Matcher(loadRules());
const ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const pick = (n: number): string => [...randomBytes(n)].map((b) => ALPHABET[b % 64]).join('');
const bcrypt = (): string => `$2b$12$${pick(21)}O${pick(30)}C`;
const sha512crypt = (): string => `$6$${pick(16)}$${pick(86)}`;

describe('password hashes', () => {
  it('reports a hash assigned to a password key as a hash, not also as a generic secret', () => {
    for (const line of [`DB_PASSWORD="${bcrypt()}"`, `  password: '${sha512crypt()}'`, `"password_hash": "${bcrypt()}",`]) {
      const ids = matcher.match(line).map((m) => m.ruleId);
      expect(ids.length, line).toBe(1);
      expect(ids[0]).toMatch(/^password-hash-/);
    }
  });

  it('finds every hash of an .htpasswd file and of a shadow file', () => {
    const htpasswd = `alice:${bcrypt()}\nbob:${bcrypt()}\n`;
    expect(matcher.match(htpasswd).map((m) => m.ruleId)).toEqual(['password-hash-bcrypt', 'password-hash-bcrypt']);
    const shadow = `root:${sha512crypt()}:19500:0:99999:7:::\ndaemon:*:19500:0:99999:7:::\n`;
    expect(matcher.match(shadow).map((m) => [m.ruleId, m.line])).toEqual([['password-hash-sha512-crypt', 1]]);
  });
});
