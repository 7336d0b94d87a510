/**
 * Public key material written where a credential-named key would hold a secret: a public key in
 * base64 DER (a pinned signer's key, a DKIM record's `p=`), an OpenSSH public key (an
 * authorized_keys line) and an OpenPGP fingerprint as gpg prints it. Anyone may hold these; they
 * are what a secret is checked against, not a secret.
 */

/** Reads a DER length at `at`: [length, where the content starts], or null. */
function derLength(der: Buffer, at: number): [number, number] | null {
  const first = der[at];
  if (first === undefined) return null;
  if (first < 0x80) return [first, at + 1];
  const bytes = first & 0x7f;
  if (bytes < 1 || bytes > 3 || at + 1 + bytes > der.length) return null;
  let length = 0;
  for (let i = 0; i < bytes; i++) length = length * 256 + der[at + 1 + i]!;
  return [length, at + 1 + bytes];
}

/**
 * A public key in base64 DER (X.509 SubjectPublicKeyInfo: SEQUENCE { AlgorithmIdentifier
 * SEQUENCE, BIT STRING }), as `key: "MFkwEwYH…"` pins a signer's key: public, not a secret. A
 * private key (PKCS#8, PKCS#1) has a version INTEGER where this has the algorithm's SEQUENCE.
 */
export function isPublicKeyInfo(value: string): boolean {
  if (value.length < 60 || value.length > 2000 || !/^M[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  const der = Buffer.from(value, 'base64');
  if (der[0] !== 0x30) return false;
  const outer = derLength(der, 1);
  if (!outer || outer[1] + outer[0] !== der.length || der[outer[1]] !== 0x30) return false;
  const algorithm = derLength(der, outer[1] + 1);
  if (!algorithm) return false;
  const next = algorithm[1] + algorithm[0];
  return der[next] === 0x03 && derLength(der, next + 1)?.[1] !== undefined;
}

/**
 * An OpenSSH public key: its type, the base64 blob (which opens on the type's name, hence
 * `AAAA`) and an optional comment (`ssh-rsa AAAAB3Nza… deploy@build`), as authorized_keys and
 * cloud-init's `ssh_authorized_keys` write it.
 */
const SSH_PUBLIC_KEY =
  /^(?:ssh-(?:rsa|dss|ed25519|ed448)|ecdsa-sha2-nistp(?:256|384|521)|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)(?:-cert-v01@openssh\.com)?\s{1,3}AAAA[A-Za-z0-9+/]{20,}={0,3}(?:\s{1,3}\S[^\n]{0,200})?$/;

/** An OpenPGP v4 fingerprint as gpg prints it: ten groups of four hex digits, two spaces in the middle or one. */
const PGP_FINGERPRINT = /^(?:0x)?[0-9A-F]{4}(?: [0-9A-F]{4}){4} {1,2}[0-9A-F]{4}(?: [0-9A-F]{4}){4}$/i;

/**
 * A DKIM record's tags (`v=DKIM1; k=rsa; p=MIGf…`): the domain's published public key. (A
 * DKIM record names its key `p`; the private key is kept in a PEM file the signer reads.)
 */
const DKIM_RECORD = /^(?:v=DKIM1;\s{0,3})?(?:[a-z]{1,2}=[\w:.-]{0,40};\s{0,3})*p=([A-Za-z0-9+/]{60,}={0,2})(?:;[^\n]{0,200})?$/;

/** The value is public key material (a public key or a fingerprint), not a secret. */
export function isPublicKey(value: string): boolean {
  if (isPublicKeyInfo(value) || SSH_PUBLIC_KEY.test(value) || PGP_FINGERPRINT.test(value)) return true;
  const dkim = DKIM_RECORD.exec(value);
  return dkim !== null && (value.startsWith('v=DKIM1') || isPublicKeyInfo(dkim[1]!));
}

/** Words of a key that name OpenPGP: under them a key id or a fingerprint is what is meant. */
const OPENPGP_WORDS = /^(?:gpg|pgp|gnupg|openpgp)$/;
/** A long key id (16 hex digits) or a v4 fingerprint (40), with gpg's optional `0x`. */
const PGP_KEY_ID = /^(?:0x)?(?:[0-9A-F]{16}|[0-9A-F]{40})$/i;

/** A key id or a fingerprint under an OpenPGP key's name (`GPG_KEY`, `gpg_signing_key`, `pgp.key`): public. */
export function isOpenPgpKeyId(keyWords: readonly string[], value: string): boolean {
  return keyWords.some((w) => OPENPGP_WORDS.test(w)) && PGP_KEY_ID.test(value);
}
