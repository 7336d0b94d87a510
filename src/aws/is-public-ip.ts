/**
 * Whether a CloudTrail `sourceIPAddress` is a public internet address: not private, loopback,
 * link-local, carrier-grade NAT or unique-local, and not an AWS service name
 * (`s3.amazonaws.com`, `AWS Internal`), which CloudTrail writes for calls services make.
 */
import { isIP } from 'node:net';

function ipv4Private(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number) as [number, number];
  return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
}

export function isPublicIp(address: string | undefined): boolean {
  if (address === undefined) return false;
  const kind = isIP(address);
  if (kind === 4) return !ipv4Private(address);
  if (kind === 6) {
    const lower = address.toLowerCase();
    if (lower.startsWith('::ffff:')) return isPublicIp(lower.slice(7));
    return !(lower === '::1' || lower === '::' || lower.startsWith('fe80:') || lower.startsWith('fc') || lower.startsWith('fd'));
  }
  return false;
}
