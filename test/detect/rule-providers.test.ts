import { describe, expect, it } from 'vitest';
import { EXAMPLE_VARIABLES } from '../../src/detect/example-variables.js';
import { loadRules } from '../../src/detect/load-rules.js';
import { rotators } from '../../src/respond/rotators/api.js';
import { verifiers } from '../../src/verify/api.js';

describe('response providers named by rules', () => {
  const { rules } = loadRules([], { variables: EXAMPLE_VARIABLES });

  it('every rotate: names a registered rotator', () => {
    const unknown = rules.filter((r) => r.provider?.rotate && !rotators.has(r.provider.rotate)).map((r) => `${r.id} -> ${r.provider!.rotate}`);
    expect(unknown).toEqual([]);
  });

  it('every verify: names a registered verifier', () => {
    const unknown = rules.filter((r) => r.provider?.verify && !verifiers.has(r.provider.verify)).map((r) => `${r.id} -> ${r.provider!.verify}`);
    expect(unknown).toEqual([]);
  });
});
