/** A minimal valid rule spec for engine tests; fields not given take neutral defaults. */
import type { RuleSpec } from '../../src/detect/types.js';

export function ruleSpec(fields: Pick<RuleSpec, 'id' | 'keywords' | 'regex'> & Partial<RuleSpec>): RuleSpec {
  return {
    title: fields.id,
    severity: 'high',
    kind: 'credential',
    ignoreCase: false,
    validators: [],
    allow: [],
    allowLine: [],
    allowPath: [],
    generic: false,
    examples: { positive: ['x'], negative: ['y'] },
    source: 'test.yaml',
    ...fields,
  };
}
