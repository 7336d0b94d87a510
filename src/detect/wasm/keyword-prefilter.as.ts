// AssemblyScript, compiled to WebAssembly by `npm run build` (asc). The keyword prefilter's
// hot loop: one pass over a blob's bytes, folding ASCII case. At each position the 2-byte
// gram starting there is looked up in a 64 KiB table of the keywords' first two bytes (most
// positions stop here); where a long keyword may start, the 4-byte gram is tested against a
// bitmap of hashed keyword prefixes. Candidate positions go to JavaScript, which confirms
// the keyword. Memory layout, set by the host:
//   [0, 256)                  case-fold table
//   [256, +128 KiB)           bitmap of hashed first-4-byte grams of keywords of 4+ bytes
//   [.., +64 KiB)             first-two-byte table: bit 1 a short (2-3 byte) keyword starts
//                             so, bit 2 a long one does
// Each hit is a u32: the candidate's start offset, with 1 (a 4-byte gram matched) or 3 (a
// short keyword's first two bytes) in the top two bits.

const FOLD: u32 = 0;
const BM4: u32 = 256;
const PRE2: u32 = BM4 + 131072;

// @ts-ignore: decorator
@inline function bucket(h: u32): u32 {
  return (h * 2654435761) >>> 12;
}

// @ts-ignore: decorator
@inline function folded(input: u32, i: u32): u32 {
  return <u32>load<u8>(FOLD + <u32>load<u8>(input + i));
}

export function scan(input: u32, start: u32, length: u32, out: u32, capacity: u32): u32 {
  let n: u32 = 0;
  if (length < 2) return 0;
  let prev: u32 = folded(input, start);
  for (let i: u32 = start; i + 1 < length; i++) {
    const next = folded(input, i + 1);
    const pair = (prev << 8) | next;
    prev = next;
    const kinds = <u32>load<u8>(PRE2 + pair);
    if (kinds == 0) continue;
    if ((kinds & 1) != 0) {
      store<u32>(out + (n << 2), i | (3 << 30));
      if (++n == capacity) return n;
    }
    if ((kinds & 2) != 0 && i + 3 < length) {
      const gram = (pair << 16) | (folded(input, i + 2) << 8) | folded(input, i + 3);
      const bit = bucket(gram);
      if ((load<u8>(BM4 + (bit >>> 3)) & (1 << (bit & 7))) != 0) {
        store<u32>(out + (n << 2), i | (1 << 30));
        if (++n == capacity) return n;
      }
    }
  }
  return n;
}
