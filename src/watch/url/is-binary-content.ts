/** Whether fetched bytes are binary, by the same NUL-byte test the indexer applies to text. */
import { ignoreReasonForText } from '../../fingerprint/is-ignorable-text.js';

export function isBinaryContent(content: Buffer): boolean {
  return ignoreReasonForText(content.toString('latin1', 0, 8_000)) === 'binary';
}
