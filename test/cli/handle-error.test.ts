/* eslint-disable no-control-regex -- the test looks for raw control characters */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleError } from '../../src/cli/handle-error.js';
import { LeakwatchError } from '../../src/errors.js';

afterEach(() => vi.restoreAllMocks());

function stderrOf(err: unknown): string {
  let text = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    text += String(chunk);
    return true;
  });
  handleError(err, false);
  return text;
}

describe('handleError', () => {
  it('redacts credentials of any URL in the message and escapes control characters', () => {
    const token = randomBytes(8).toString('hex');
    const text = stderrOf(new LeakwatchError('target', `cannot fetch https://u:p@${token}@host/r.git?access_token=${token}: \x1b]0;x\x07\rbad`));
    expect(text).not.toContain(token);
    expect(text).not.toMatch(/[\x1b\r\x07]/);
    expect(text).toContain('https://***@host/r.git?access_token=***');
  });
});
