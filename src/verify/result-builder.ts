/** Builds a verifier's results with its id and the check time filled in. */
import type { VerifyResult } from '../domain/verification.js';
import type { VerifyContext } from './types.js';

export type ResultBuilder = (status: VerifyResult['status'], detail: string, extra?: Partial<VerifyResult>) => VerifyResult;

export function resultBuilder(verifier: string, ctx: VerifyContext): ResultBuilder {
  return (status, detail, extra = {}) => ({ verifier, status, detail, checkedAt: ctx.now(), ...extra });
}
