/**
 * What a live check of a found credential answers, and the one function shape that asks it.
 * The scanner (`scan --verify`) and the incident engine both take a `VerifySecret` from their
 * caller, so neither imports the verifiers themselves.
 */
import type { LeakedSecret } from './incident.js';

export type VerifyStatus = 'live' | 'invalid' | 'skipped' | 'error';

export interface VerifyResult {
  verifier: string;
  status: VerifyStatus;
  /** One sentence for the incident; never the secret. */
  detail: string;
  checkedAt: Date;
  /** For `error`: whether checking again later may succeed. */
  retryable?: boolean;
  /** Who the credential authenticates as (ARN, account, login, scopes). */
  identity?: Record<string, string>;
}

export type VerifySecret = (verifierId: string, secret: LeakedSecret) => Promise<VerifyResult>;
