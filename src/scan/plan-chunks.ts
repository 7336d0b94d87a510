/**
 * Cuts work into runs that keep their order (for objects: pack order, so each worker's
 * cat-file reads neighbouring, delta-related objects) and are small enough to balance across
 * workers.
 */
export const CHUNK_BYTES = 8 * 1024 * 1024;
export const CHUNK_ITEMS = 2048;

export function planChunks<T extends { size: number }>(items: T[], maxItems = CHUNK_ITEMS, maxBytes = CHUNK_BYTES): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    current.push(item);
    bytes += item.size;
    if (bytes >= maxBytes || current.length >= maxItems) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
