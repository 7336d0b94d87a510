/**
 * Cuts work into runs that keep their order (for objects: pack order, the order one cat-file
 * child reads them fastest in) and are small enough to balance across workers. A chunk is read
 * whole before a worker scans it, and one more than there are workers can be held at once
 * (worker-pool.ts): small chunks keep that memory small (8 MB ones cost 20-30 MB more peak).
 */
export const CHUNK_BYTES = 2 * 1024 * 1024;
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
