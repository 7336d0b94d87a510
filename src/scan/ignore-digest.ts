/**
 * The digest of an ignore file's text (IgnoreRules.digest), apart from the parser
 * (ignore-rules.ts) so a rerun answered from its cached report (cached-rerun.ts) can key it
 * without loading the parser: a digest that keys a cached report is that of a text a scan has
 * already parsed, without error, before it wrote the report.
 */
import { createHash } from 'node:crypto';

export function ignoreDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
