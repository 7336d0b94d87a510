/**
 * Binary or text? Looks at the first 8 KB like git does (no NUL there: text), but does not give
 * up on a text file because of a stray NUL or a few odd bytes: it needs NULs and a real share
 * of control bytes.
 */
const SAMPLE = 8000;

export function isBinary(data: Buffer): boolean {
  const n = Math.min(data.length, SAMPLE);
  // Most blobs are plain text: a native search for NUL settles them without a byte loop.
  if (data.subarray(0, n).indexOf(0) < 0) return false;
  let nul = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = data[i]!;
    if (b === 0) nul++;
    else if (b < 7 || (b > 13 && b < 27) || (b > 27 && b < 32) || b === 127) control++;
  }
  return nul + control > n * 0.1 || nul > 8;
}

/** UTF-16 text (with a byte-order mark) is decoded rather than skipped as binary. */
export function decodeText(data: Buffer): string {
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return data.toString('utf16le', 2);
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) {
    const swapped = Buffer.from(data.subarray(2, 2 + ((data.length - 2) & ~1)));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return data.toString('latin1');
}

export function hasUtf16Bom(data: Uint8Array): boolean {
  return data.length >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff));
}
