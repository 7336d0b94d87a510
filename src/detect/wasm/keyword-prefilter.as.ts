// AssemblyScript, compiled to WebAssembly by `npm run build` (asc). The keyword prefilter's
// hot loop: one pass over a blob's bytes, folding ASCII case, testing the 4-, 3- and 2-byte
// grams that end at each position against bitmaps of the rule keywords' first grams, and
// writing candidate positions for JavaScript to verify. Memory layout, set by the host:
//   [0, 256)            case-fold table
//   [256, +128 KiB)     bitmap of hashed 4-gram keyword prefixes
//   [.., +128 KiB)      (unused)
//   [.., +8 KiB)        bitmap of the first two bytes of 2- and 3-byte keywords
// Each hit is a u32: the gram's last byte offset, with 1 (a 4-gram) or 3 (a 2-byte prefix)
// in the top two bits.

const FOLD: u32 = 0;
const BM4: u32 = 256;
const BM3: u32 = BM4 + 131072;
const BM2: u32 = BM3 + 131072;

// @ts-ignore: decorator
@inline function bucket(h: u32): u32 {
  return (h * 2654435761) >>> 12;
}

// @ts-ignore: decorator
@inline function isSet(base: u32, bit: u32): bool {
  return (load<u8>(base + (bit >>> 3)) & (1 << (bit & 7))) != 0;
}

export function scan(input: u32, start: u32, length: u32, out: u32, capacity: u32): u32 {
  let h: u32 = 0;
  const from: u32 = start >= 3 ? start - 3 : 0;
  for (let j: u32 = from; j < start; j++) h = (h << 8) | <u32>load<u8>(FOLD + <u32>load<u8>(input + j));
  let n: u32 = 0;
  for (let i: u32 = start; i < length; i++) {
    h = (h << 8) | <u32>load<u8>(FOLD + <u32>load<u8>(input + i));
    if (i >= 3 && isSet(BM4, bucket(h))) {
      store<u32>(out + (n << 2), i | (1 << 30));
      if (++n == capacity) return n;
    }
    // Keywords of 2 or 3 bytes are few: flag their first two bytes (a table that stays in
    // L1), and JavaScript checks the third.
    if (i >= 1 && isSet(BM2, h & 0xffff)) {
      store<u32>(out + (n << 2), i | (3 << 30));
      if (++n == capacity) return n;
    }
  }
  return n;
}
