/** A minimal valid rule spec for engine tests; fields not given take neutral defaults. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** A rules folder with one custom rule file (an internal ticket id, `LW-` and eight digits). */
export function writeTicketRules(dir: string): string {
  writeFileSync(
    join(dir, 'custom.yaml'),
    [
      'family: custom',
      'provider: Custom',
      'rules:',
      '  - id: custom-ticket',
      '    title: Internal ticket id',
      '    severity: low',
      '    keywords: [lw-]',
      "    regex: '(LW-[0-9]{8})'",
      '    examples:',
      "      positive: ['see LW-12345678']",
      "      negative: ['see LW-12']",
    ].join('\n'),
  );
  return dir;
}
