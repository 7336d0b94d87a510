/**
 * An incident's severity and the reasons for it, for the owner to read. Start from the rule's
 * severity, then one step up for each aggravating fact and one down for each mitigating one:
 *
 * - repository classified `confidential` or `restricted`: +1 (what the code reaches is sensitive);
 * - the secret is public (a public URL, or a repository classified `public`): +1;
 * - verified live: +1; verified dead (the check said it no longer works): -1;
 * - never above `critical` nor below `low`.
 */
import type { DataClassification, Severity } from '../domain/incident.js';

const ORDER: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

export interface SeverityInput {
  ruleId: string;
  ruleSeverity: Severity;
  classification: DataClassification;
  /** null: not verified (verification is opt-in). */
  verified: boolean | null;
  isPublic: boolean;
}

export interface ScoredSeverity {
  severity: Severity;
  reasons: string[];
}

export function scoreSeverity(input: SeverityInput): ScoredSeverity {
  let level = ORDER.indexOf(input.ruleSeverity);
  const reasons = [`rule ${input.ruleId} is ${input.ruleSeverity}`];
  if (input.classification === 'confidential' || input.classification === 'restricted') {
    level += 1;
    reasons.push(`repository is classified ${input.classification} (+1)`);
  }
  if (input.isPublic) {
    level += 1;
    reasons.push('the secret is public (+1)');
  }
  if (input.verified === true) {
    level += 1;
    reasons.push('the credential was verified live (+1)');
  } else if (input.verified === false) {
    level -= 1;
    reasons.push('the credential failed verification: probably no longer valid (-1)');
  }
  const clamped = Math.min(ORDER.length - 1, Math.max(0, level));
  return { severity: ORDER[clamped]!, reasons };
}
