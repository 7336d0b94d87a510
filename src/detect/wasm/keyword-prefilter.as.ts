// AssemblyScript, compiled to WebAssembly by `npm run build` (asc). The keyword prefilter's
// hot loop: one pass over a blob's bytes with one table lookup per position. At each start s
// it loads the four bytes at s as one word, folds case by setting bit 0x20 of every byte (a
// superset of ASCII case folding: it also merges a few punctuation and control bytes), and
// tests the word's hash in a bitmap holding every keyword's first four bytes and every
// three-byte keyword followed by any byte. The bitmap is rarely hit, so the loop runs without
// mispredicted branches. A hit is checked exactly (ASCII case folding by table) against
// hash tables of the keywords' first four bytes and of the three-byte keywords, and then each
// keyword with those first four bytes is compared whole, here: a common prefix ("cons" of
// consumer_key in every `const`, "mand" of mandrill in every `command`) costs no call out.
// Only whole keywords go to JavaScript, by their index.
// The host writes three zero bytes after the input's last readable byte, so the last starts
// can load a word.
// Memory layout, set by the host:
//   [0, 256)              case-fold table
//   [256, +128 KiB)       bitmap of hashed, bit-0x20-folded four-byte grams
//   [.., +16 KiB)         open-addressed table of keywords' first four bytes (u32, 0 = empty)
//   [.., +16 KiB)         the same for three-byte keywords (top byte 0)
//   [.., +16 KiB)         per slot of the first table: its keywords, as first entry << 16 | count
//   [.., +16 KiB)         per slot of the second table: its keyword's index
//   [.., +32 KiB)         entries, two u32 each: keyword index | length << 16, offset of its bytes
//   [.., +64 KiB)         the keywords' bytes, lower case
// Each hit is two u32: the start offset and the keyword's index. Hits come in order of start;
// at one start, a three-byte keyword first, then the longer ones in entry order.

const FOLD: u32 = 0;
const BITMAP: u32 = 256;
const PREFIX4: u32 = BITMAP + 131072;
const WORD3: u32 = PREFIX4 + 16384;
const PREFIX4_LIST: u32 = WORD3 + 16384;
const WORD3_ID: u32 = PREFIX4_LIST + 16384;
const ENTRIES: u32 = WORD3_ID + 16384;
const KEYWORD_BYTES: u32 = ENTRIES + 32768;
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

/** The word's slot in the table, or -1. */
// @ts-ignore: decorator
@inline function find(table: u32, word: u32): i32 {
  let i = slot(word) & SLOT_MASK;
  let k = load<u32>(table + (i << 2));
  while (k != word && k != 0) {
    i = (i + 1) & SLOT_MASK;
    k = load<u32>(table + (i << 2));
  }
  return k == word ? <i32>i : -1;
}

/**
 * Hits of keywords starting in [start, length) of the input; a keyword must end by `limit`
 * (the readable bytes: the window and what follows it). Returns the number of hits written to
 * `out`, stopping after the start that reaches `capacity` hits (the host leaves room past it
 * for one start's hits) so the host can go on from the start after the last hit.
 */
export function scan(input: u32, start: u32, length: u32, limit: u32, out: u32, capacity: u32): u32 {
  let n: u32 = 0;
  for (let s: u32 = start; s < length; s++) {
    const b = bucket(load<u32>(input + s) | 0x20202020);
    if ((load<u8>(BITMAP + (b >>> 3)) & (1 << (b & 7))) == 0) continue;
    const word = folded(input, s) | (folded(input, s + 1) << 8) | (folded(input, s + 2) << 16) | (folded(input, s + 3) << 24);
    const three = find(WORD3, word & 0xffffff);
    if (three >= 0 && s + 3 <= limit) {
      store<u32>(out + (n << 3), s);
      store<u32>(out + (n << 3) + 4, load<u32>(WORD3_ID + (<u32>three << 2)));
      n++;
    }
    const four = find(PREFIX4, word);
    if (four >= 0) {
      const list = load<u32>(PREFIX4_LIST + (<u32>four << 2));
      const end = (list >>> 16) + (list & 0xffff);
      for (let e: u32 = list >>> 16; e < end; e++) {
        const head = load<u32>(ENTRIES + (e << 3));
        const len = head >>> 16;
        if (s + len > limit) continue;
        const bytes = load<u32>(ENTRIES + (e << 3) + 4);
        let q: u32 = 4;
        while (q < len && folded(input, s + q) == <u32>load<u8>(bytes + q)) q++;
        if (q < len) continue;
        store<u32>(out + (n << 3), s);
        store<u32>(out + (n << 3) + 4, head & 0xffff);
        n++;
      }
    }
    if (n >= capacity) return n;
  }
  return n;
}
