/**
 * Cuts the objects to scan into runs that keep pack order (so each worker's cat-file reads
 * neighbouring, delta-related objects) and are small enough to balance across workers.
 */
import type { ObjectInfo } from '../git/enumerate-objects.js';

const CHUNK_BYTES = 8 * 1024 * 1024;
const CHUNK_OBJECTS = 2048;

export function planChunks(objects: ObjectInfo[]): ObjectInfo[][] {
  const chunks: ObjectInfo[][] = [];
  let current: ObjectInfo[] = [];
  let bytes = 0;
  for (const o of objects) {
    current.push(o);
    bytes += o.size;
    if (bytes >= CHUNK_BYTES || current.length >= CHUNK_OBJECTS) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
