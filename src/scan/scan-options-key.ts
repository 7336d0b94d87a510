/** The options that change what a scan reads: a state saved under others cannot answer for it. */
export function optionsKeyOf(options: { maxBlobBytes: number }): string {
  return JSON.stringify({ maxBlobBytes: options.maxBlobBytes });
}
