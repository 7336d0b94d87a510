/**
 * Values that the OAuth specifications print as their examples (RFC 5849, 6749, 6750, 7009):
 * access and refresh tokens, client and token secrets, codes and nonces that every OAuth library
 * quotes again in its docstrings, docs and tests. They are documentation, but written where a
 * credential would be, so they are reported at low, as a password from a list is. Kept as the first 128 bits of their SHA-256, so no credential-shaped text is written
 * here.
 */
import { createHash } from 'node:crypto';

const DIGESTS = new Set([
  // RFC 5849 (OAuth 1.0)
  '293257ab6495ebb11cf9e4aee0686ca3', 'cb87c87e4a138d9a72259d2a01bab156',
  '4c20e6f5cc11b93731e74cbe20739821', '6aa14267d94944e6b6483c81f5ad37f8',
  '5586407997f5e8492fa0d6d310460386', 'bb9b1163338b2a51495834ad5c654204',
  '649e1f5c769e718ba10d1a702a36499a', '80f8b7c904d4a43f3b7036db73247daa',
  '2ff8b0fb93aca981c78f1e94355c298c', 'c20fbc2b96183894fb46187909d02afb',
  'b87dad10a32a2d81aa2e36e31e258b36', '8d567eb88afff34f31ab97fbb2731e58',
  '9d03b692e941d5ace207a9f804883443', '969d6377769fd9dd3b42fd4f4811f196',
  // RFC 6749 (OAuth 2.0)
  '53f5da0aaa93d64cd5772c554cbf940f', '6c96130f130ab0d6d158397e24d2bcc1',
  '00cf4c781dc37003f7c7dd7d4c9a6ef1', 'a35b81a7d7927b70ec99270dd2362b88',
  'a71b359a87afde133e6d9731de69f882', '05a65dd788c775e6cc72bc1adac102a3',
  '641a509ebacbfbad8cc34c2f8c508e09', '9e309cccd311ea64d04133daf7760f71',
  // RFC 6750 (Bearer tokens)
  'b8e148545b13c78bc74da2f1a7275dd7',
  // RFC 7009 (token revocation)
  'ea9bdfd02c0c412c8cc36ba67f6c17f9',
]);

/** The value is one the OAuth specifications print as an example. */
export function isPublishedSample(value: string): boolean {
  if (value.length < 8 || value.length > 40 || /\s/.test(value)) return false;
  return DIGESTS.has(createHash('sha256').update(value).digest('hex').slice(0, 32));
}
