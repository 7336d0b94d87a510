// AssemblyScript, compiled to WebAssembly by `npm run build` (asc). The keyword prefilter's
// hot loop: one pass over a blob's bytes with one table lookup per position. At each start s
// it loads the four bytes at s as one word, folds case by setting bit 0x20 of every byte (a
// superset of ASCII case folding: it also merges a few punctuation and control bytes), and
// tests the word's hash in a bitmap holding every keyword's first four bytes and every
// three-byte keyword followed by any byte. The bitmap is rarely hit, so the loop runs without
// mispredicted branches. A hit is checked exactly (ASCII case folding by table) against
// hash tables of the keywords' first four bytes and of the three-byte keywords, and only
// exact hits go to JavaScript, which confirms the rest of the keyword.
// The host writes three zero bytes after the input, so the last starts can load a word.
// Memory layout, set by the host:
//   [0, 256)              case-fold table
//   [256, +128 KiB)       bitmap of hashed, bit-0x20-folded four-byte grams
//   [.., +16 KiB)         open-addressed table of keywords' first four bytes (u32, 0 = empty)
//   [.., +16 KiB)         the same for three-byte keywords (top byte 0)
// Each hit is a u32: the start offset, with bit 31 set when a keyword of four or more bytes
// starts with the four bytes there, and bit 30 when a three-byte keyword starts there.
// Hits come in order of start.

const FOLD: u32 = 0;
const BITMAP: u32 = 256;
const PREFIX4: u32 = BITMAP + 131072;
const WORD3: u32 = PREFIX4 + 16384;
const SLOT_MASK: u32 = 4095;

// @ts-ignore: decorator
@inline function bucket(word: u32): u32 {
  return (word * 2654435761) >>> 12;
}

// @ts-ignore: decorator
@inline function slot(word: u32): u32 {
  return (word * 2654435761) >>> 20;
}

// @ts-ignore: decorator
@inline function folded(input: u32, i: u32): u32 {
  return <u32>load<u8>(FOLD + <u32>load<u8>(input + i));
}

// @ts-ignore: decorator
@inline function contains(table: u32, word: u32): bool {
  let i = slot(word) & SLOT_MASK;
  let k = load<u32>(table + (i << 2));
  while (k != word && k != 0) {
    i = (i + 1) & SLOT_MASK;
    k = load<u32>(table + (i << 2));
  }
  return k == word;
}

export function scan(input: u32, start: u32, length: u32, out: u32, capacity: u32): u32 {
  let n: u32 = 0;
  for (let s: u32 = start; s < length; s++) {
    const b = bucket(load<u32>(input + s) | 0x20202020);
    if ((load<u8>(BITMAP + (b >>> 3)) & (1 << (b & 7))) == 0) continue;
    const word = folded(input, s) | (folded(input, s + 1) << 8) | (folded(input, s + 2) << 16) | (folded(input, s + 3) << 24);
    let kind: u32 = contains(PREFIX4, word) ? 2 : 0;
    if (contains(WORD3, word & 0xffffff)) kind |= 1;
    if (kind == 0) continue;
    store<u32>(out + (n << 2), s | (kind << 30));
    if (++n == capacity) return n;
  }
  return n;
}
