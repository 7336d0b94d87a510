/**
 * The confidence of a base64 `user:password` pair (an HTTP Basic Authorization header, a Docker
 * config's `auth`), judged by its password the way an assigned password is: a template, a
 * reference or a placeholder is no finding; a dictionary word or a name (admin:password123,
 * tester:secret, as tests and tutorials write) is reported at low confidence, and so is a short
 * password under a made-up user's name (foo:b=ar), or one character repeated (aaa:bbb); anything
 * else keeps the rule's own level.
 */
import type { Confidence } from '../types.js';
import { classifyValue } from './classify-value.js';

/** The metasyntactic names tests and examples give a user. */
const MADE_UP_USER = /^(?:foo|bar|baz|qux|quux|test|tester|user|username|someone|example|alice|bob|john|jane)$/i;

export function judgeEncodedCredentials(encoded: string): Confidence | null {
  const text = Buffer.from(encoded, 'base64').toString('latin1');
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  const password = text.slice(colon + 1);
  const cls = classifyValue(password, 'literal');
  // A password of one character repeated, beside any escapes and punctuation (aaa:bbb,
  // aaa%2F:bbb%2F%3B): a test's stand-in pair.
  const alphanumeric = password.replace(/%[0-9A-Fa-f]{2}|[^A-Za-z0-9]/g, '');
  if (alphanumeric.length >= 2 && /^(.)\1*$/.test(alphanumeric)) return 'low';
  // A short password under a made-up user's name (foo:b=ar, test:x1): a test's stand-in pair.
  if ((cls === 'random' || cls === 'plausible') && password.length <= 6 && MADE_UP_USER.test(text.slice(0, colon))) return 'low';
  if (cls === 'random' || cls === 'plausible') return 'high';
  if (cls === 'word' || cls === 'identifier' || cls === 'number') return 'low';
  return null;
}
