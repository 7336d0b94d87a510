// AssemblyScript, compiled to WebAssembly by `npm run build` (asc). The keyword prefilter's
// hot loop: one pass over a blob's bytes, folding ASCII case. For each start position s it
// tests the hashed 4-byte gram at s against a bitmap of the keywords' first four bytes, the
// hashed 3-byte gram against the 3-byte keywords, and the 2-byte gram against the 2-byte
// keywords. All three are rarely true, so the loop runs without mispredicted branches.
// Candidates go to JavaScript, which confirms the keyword. Memory layout, set by the host:
//   [0, 256)              case-fold table
//   [256, +128 KiB)       bitmap of hashed first-4-byte grams of keywords of 4+ bytes
//   [.., +128 KiB)        bitmap of hashed 3-byte keywords
//   [.., +8 KiB)          bitmap of 2-byte keywords
// Each hit is a u32: the start offset, with the gram length (4, 3, 2 -> 1, 2, 3) in the top
// two bits. Hits come in order of start.

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

// @ts-ignore: decorator
@inline function folded(input: u32, i: u32): u32 {
  return <u32>load<u8>(FOLD + <u32>load<u8>(input + i));
}

export function scan(input: u32, start: u32, length: u32, out: u32, capacity: u32): u32 {
  let n: u32 = 0;
  let s: u32 = start;
  if (length >= 4 && start + 3 < length) {
    let h: u32 = (folded(input, s) << 16) | (folded(input, s + 1) << 8) | folded(input, s + 2);
    for (let i: u32 = s + 3; i < length; i++) {
      h = (h << 8) | folded(input, i);
      // h holds the four bytes starting at s = i - 3.
      if (isSet(BM2, h >>> 16)) {
        store<u32>(out + (n << 2), s | (3 << 30));
        if (++n == capacity) return n;
      }
      if (isSet(BM3, bucket(h >>> 8))) {
        store<u32>(out + (n << 2), s | (2 << 30));
        if (++n == capacity) return n;
      }
      if (isSet(BM4, bucket(h))) {
        store<u32>(out + (n << 2), s | (1 << 30));
        if (++n == capacity) return n;
      }
      s++;
    }
  }
  // The last starts have no four bytes left: only short keywords can begin there.
  for (; s + 1 < length; s++) {
    const pair = (folded(input, s) << 8) | folded(input, s + 1);
    if (isSet(BM2, pair)) {
      store<u32>(out + (n << 2), s | (3 << 30));
      if (++n == capacity) return n;
    }
    if (s + 2 < length && isSet(BM3, bucket((pair << 8) | folded(input, s + 2)))) {
      store<u32>(out + (n << 2), s | (2 << 30));
      if (++n == capacity) return n;
    }
  }
  return n;
}
