import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeBase32 } from '../../../src/detect/base32.js';
import { crc16 } from '../../../src/detect/crc16.js';
import { isNkeySeed } from '../../../src/detect/validators/nkey-seed.js';

/** A seed as nkeys encodes it: seed marker and type prefix, 32 random bytes, CRC-16 little-endian. */
function seed(typePrefix: number, corrupt = false): string {
  const raw = new Uint8Array(36);
  raw[0] = (18 << 3) | (typePrefix >> 5);
  raw[1] = (typePrefix & 31) << 3;
  raw.set(randomBytes(32), 2);
  const sum = crc16(raw.subarray(0, 34)) ^ (corrupt ? 1 : 0);
  raw[34] = sum & 0xff;
  raw[35] = sum >> 8;
  return encodeBase32(raw);
}

describe('isNkeySeed', () => {
  it('computes CRC-16/XMODEM (check value of "123456789" is 0x31C3)', () => {
    expect(crc16(Buffer.from('123456789'))).toBe(0x31c3);
  });

  it('accepts user, account and operator seeds, which read SU, SA, SO', () => {
    for (const [prefix, start] of [[20 << 3, 'SUA'], [0, 'SAA'], [14 << 3, 'SOA']] as const) {
      const s = seed(prefix);
      expect(s).toHaveLength(58);
      expect(s.startsWith(start)).toBe(true);
      expect(isNkeySeed(s)).toBe(true);
    }
  });

  it('rejects a wrong checksum, an unknown key type and other lengths', () => {
    expect(isNkeySeed(seed(20 << 3, true))).toBe(false);
    expect(isNkeySeed(seed(9 << 3))).toBe(false);
    expect(isNkeySeed(seed(20 << 3).slice(0, 57))).toBe(false);
  });
});
