import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { gitBlobId } from '../../src/fingerprint/blob-id.js';

describe('gitBlobId', () => {
  it('equals the id git gives the same bytes', () => {
    for (const content of ['', 'hello\n', 'héllo wörld\r\n\u0000binary']) {
      const fromGit = execFileSync('git', ['hash-object', '--stdin'], { input: Buffer.from(content) }).toString().trim();
      expect(gitBlobId(content)).toBe(fromGit);
      expect(gitBlobId(Buffer.from(content))).toBe(fromGit);
    }
  });
});
