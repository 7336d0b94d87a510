import { describe, expect, it } from 'vitest';
import { exposureKey } from '../../src/watch/exposure-key.js';
import type { PublicExposure } from '../../src/watch/types.js';

const code: PublicExposure = {
  kind: 'code-exposure', public: true, url: 'https://github.com/a/b/blob/c1/x.js', repository: 'billing', score: 0.9,
  matchedFiles: [], lines: [[1, 9]], source: 'github-events', publicLocation: 'a/b', publicPath: 'x.js',
};

describe('exposureKey', () => {
  it('is the same for the same public file found again at a later commit or by another source', () => {
    expect(exposureKey({ ...code, url: 'https://github.com/a/b/blob/c2/x.js', source: 'github-code-search', score: 0.5 })).toBe(exposureKey(code));
  });

  it('differs for another copied file, another of our repositories, or another secret', () => {
    expect(exposureKey({ ...code, publicPath: 'y.js' })).not.toBe(exposureKey(code));
    expect(exposureKey({ ...code, repository: 'portal' })).not.toBe(exposureKey(code));
    const cred = { ...code, kind: 'credential-exposure' as const, secretSha256: 'a'.repeat(64) };
    expect(exposureKey({ ...cred, publicPath: 'other.env' })).toBe(exposureKey(cred));
    expect(exposureKey({ ...cred, secretSha256: 'b'.repeat(64) })).not.toBe(exposureKey(cred));
  });
});
