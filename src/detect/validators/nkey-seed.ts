/**
 * A NATS NKEY seed: base32 of two prefix bytes (the seed marker 'S' and the key type), the
 * 32-byte Ed25519 seed, and a little-endian CRC-16 of everything before it. Only a seed whose
 * checksum holds is reported, so 58 random capitals starting with "SU" do not count.
 */
import { decodeBase32 } from '../base32.js';
import { crc16 } from '../crc16.js';

/** Key types (as their prefix byte >> 3): operator, server, cluster, account, user, curve. */
const TYPES = new Set([14, 13, 2, 0, 20, 23]);
const SEED = 18;

export function isNkeySeed(value: string): boolean {
  if (value.length !== 58) return false;
  const raw = decodeBase32(value);
  if (!raw || raw.length !== 36) return false;
  if (raw[0]! >> 3 !== SEED || (raw[1]! & 7) !== 0) return false;
  const type = ((raw[0]! & 7) << 5) | (raw[1]! >> 3);
  if (!TYPES.has(type >> 3) || (type & 7) !== 0) return false;
  const body = raw.subarray(0, 34);
  return crc16(body) === (raw[34]! | (raw[35]! << 8));
}
