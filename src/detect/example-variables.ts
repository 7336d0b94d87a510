/**
 * Values for `{{var:NAME}}` used when rules are checked against their own examples (the test
 * suite and `leakwatch rules test`), so organisation-specific rules are exercised too.
 */
import type { RuleVariables } from './apply-rule-variables.js';

export const EXAMPLE_VARIABLES: RuleVariables = {
  internalDomains: ['corp.internal', 'example-corp.net'],
  orgEmailDomains: ['example-corp.com'],
  internalCidrs: ['10.20.', '172.19.'],
};
