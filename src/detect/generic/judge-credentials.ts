/**
 * The confidence of a base64 `user:password` pair (an HTTP Basic Authorization header, a Docker
 * config's `auth`), judged by its password the way an assigned password is: a template, a
 * reference or a placeholder is no finding; a dictionary word or a name (admin:password123,
 * tester:secret, as tests and tutorials write) is reported at low confidence; anything else
 * keeps the rule's own level.
 */
import type { Confidence } from '../types.js';
import { classifyValue } from './classify-value.js';

export function judgeEncodedCredentials(encoded: string): Confidence | null {
  const text = Buffer.from(encoded, 'base64').toString('latin1');
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  const cls = classifyValue(text.slice(colon + 1), 'literal');
  if (cls === 'random' || cls === 'plausible') return 'high';
  if (cls === 'word' || cls === 'identifier' || cls === 'number') return 'low';
  return null;
}
