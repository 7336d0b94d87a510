/**
 * What an S3 scan left unread, per object version, kept in the scan state: an unchanged object
 * is not read again, and its gaps (members too large, a damaged archive, a limit reached) are
 * still reported on every run until the object changes or the limits do.
 */
import type { UnreadablePath } from '../../domain/finding.js';

export interface ObjectGaps {
  tooLarge: string[];
  unreadable: UnreadablePath[];
}

export type S3Gaps = Record<string, ObjectGaps>;

export function parseS3Gaps(text: string | null): S3Gaps {
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as { s3?: S3Gaps };
    return parsed.s3 ?? {};
  } catch {
    return {};
  }
}

export function serializeS3Gaps(gaps: S3Gaps): string {
  return JSON.stringify({ s3: gaps });
}
