/** The verifier registry: one entry per folder beside this file, keyed by the rule's `verify` id. */
import { awsStsVerifier } from './aws-sts/index.js';
import { gitHubVerifier } from './github/index.js';
import type { Verifier } from './types.js';

export const verifiers: ReadonlyMap<string, Verifier> = new Map<string, Verifier>([
  [awsStsVerifier.id, awsStsVerifier],
  [gitHubVerifier.id, gitHubVerifier],
]);
