/**
 * A test vector's key: hex bytes that count up or down by one (`000102…0f`, as RFCs and test
 * suites key their examples). A random key's bytes do so with odds of 1 in 256 a byte. (A key
 * repeating a short cycle of bytes has too few distinct digits to be judged random at all.)
 */
const HEX_BYTES = /^(?:[0-9a-f]{2}){8,}$|^(?:[0-9A-F]{2}){8,}$/;

export function countingBytes(value: string): boolean {
  if (!HEX_BYTES.test(value)) return false;
  const bytes = value.match(/../g)!.map((b) => parseInt(b, 16));
  const steps = (step: number): boolean => bytes.every((b, i) => i === 0 || b === ((bytes[i - 1]! + step) & 0xff));
  return steps(1) || steps(-1);
}
