/** Blobs larger than this are skipped (and counted) unless --max-blob-bytes says otherwise. */
export const DEFAULT_MAX_BLOB_BYTES = 50 * 1024 * 1024;

/** The options that change what a scan reads: a state saved under others cannot answer for it. */
export function optionsKeyOf(options: { maxBlobBytes: number }): string {
  return JSON.stringify({ maxBlobBytes: options.maxBlobBytes });
}
