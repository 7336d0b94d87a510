/**
 * Picks the access key id out of a leaked secret: the value itself for a key-id finding, or the
 * paired id for a secret-access-key finding.
 */
import type { LeakedSecret } from '../domain/incident.js';

const KEY_ID = /^(AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}$/;

export function accessKeyIdOf(secret: LeakedSecret): string | undefined {
  if (KEY_ID.test(secret.value)) return secret.value;
  if (secret.relatedValue !== undefined && KEY_ID.test(secret.relatedValue)) return secret.relatedValue;
  return undefined;
}

/** Temporary (STS) keys cannot be deactivated; their sessions must be revoked instead. */
export function isTemporaryKeyId(keyId: string): boolean {
  return keyId.startsWith('ASIA');
}
