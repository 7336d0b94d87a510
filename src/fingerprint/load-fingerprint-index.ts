/**
 * Loads a serialized fingerprint index from outside the process (a file, a store row), checking
 * its shape first: a truncated or foreign blob must fail with a clear error, not as wrong matches.
 */
import { z } from 'zod';
import { LeakwatchError } from '../errors.js';
import { InMemoryFingerprintIndex } from './fingerprint-index.js';

const serializedIndexSchema = z.object({
  version: z.literal(1),
  k: z.number().int().min(1),
  w: z.number().int().min(1),
  files: z.array(z.object({
    repo: z.string(),
    path: z.string(),
    blobId: z.string().regex(/^[0-9a-f]{40}$/),
    tokenCount: z.number().int().min(0),
    lineCount: z.number().int().min(0),
    canaries: z.array(z.string()),
    fingerprints: z.array(z.number().int().min(0).max(0xffffffff)).refine((a) => a.length % 3 === 0, 'must hold triples'),
  })),
});

export function loadFingerprintIndex(data: unknown): InMemoryFingerprintIndex {
  const parsed = serializedIndexSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LeakwatchError('state', `Fingerprint index is not valid (${issue?.path.join('.') || 'root'}: ${issue?.message}); rebuild it`);
  }
  return InMemoryFingerprintIndex.deserialize(parsed.data);
}
