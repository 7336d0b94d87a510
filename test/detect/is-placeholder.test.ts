import { describe, expect, it } from 'vitest';
import { expandExample } from '../../src/detect/expand-example.js';
import { isPlaceholder } from '../../src/detect/is-placeholder.js';

describe('isPlaceholder', () => {
  it('treats a property access chain as code', () => {
    expect(isPlaceholder('settings.database.password')).toBe(true);
  });

  it('does not treat a JWT (dot-separated, long segments) as a property access chain', () => {
    const jwt = expandExample('{{jwt}}').replace(/-/g, 'A');
    expect(jwt.split('.')).toHaveLength(3);
    expect(isPlaceholder(jwt)).toBe(false);
  });
});

describe('isPlaceholder on code and identifiers', () => {
  it('treats expressions as code: indexing, optional chaining, parenthesised and negated values', () => {
    for (const v of ['tokens[index', 'init?.webIdentityTokenFile', '(this.options.clientSecret', '!!node.flag', 'SemicolonToken$1', 'this.#store.get(x', '/^(?:[+-]', ':TokenStream', ':password']) {
      expect(isPlaceholder(v)).toBe(true);
    }
  });

  it('treats CamelCase and kebab-case names made of words as identifiers', () => {
    for (const v of ['CreateOAuth2TokenRequestBody', 'x-aws-ec2-metadata-token-ttl-seconds', 'XOAuth2Token', 'MyTestDatabaseSecret', 'AccountPasswordPresent', 'HttpApiKeyAuthSigner', '__SmithyResolvedConfiguration']) {
      expect(isPlaceholder(v), v).toBe(true);
    }
  });

  it('keeps random tokens, including lower-case alphanumeric and hex ones', () => {
    for (const template of ['{{rand:base62:24}}', '{{rand:a-z0-9:20}}', '{{rand:hex:32}}', '{{rand:base64url:40}}']) {
      for (let i = 0; i < 500; i++) {
        const value = expandExample(`${template}#${i}`).split('#')[0]!;
        // A single-case run of letters alone is treated as a word, by design.
        if (/^(?:[a-z]+|[A-Z]+)$/.test(value)) continue;
        expect(isPlaceholder(value), value).toBe(false);
      }
    }
  });

  it('treats text in other scripts as prose, not a secret', () => {
    expect(isPlaceholder(Buffer.from('予期しないトークン', 'utf8').toString('latin1'))).toBe(true);
  });
});
