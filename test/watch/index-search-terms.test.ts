import { describe, expect, it } from 'vitest';
import { addTextToIndex } from '../../src/fingerprint/add-text-to-index.js';
import { createCanaryMarker } from '../../src/fingerprint/canary.js';
import { InMemoryFingerprintIndex } from '../../src/fingerprint/fingerprint-index.js';
import { DEFAULT_WINNOW_PARAMETERS } from '../../src/fingerprint/winnow-parameters.js';
import { canarySearchTerms } from '../../src/watch/index-search-terms.js';

describe('canarySearchTerms', () => {
  it('turns every canary marker in the index into one search term for its repository', () => {
    const salt = 's'.repeat(32);
    const billing = createCanaryMarker('billing', salt);
    const portal = createCanaryMarker('portal', salt);
    const index = new InMemoryFingerprintIndex(DEFAULT_WINNOW_PARAMETERS);
    const add = (repo: string, path: string, text: string): unknown => addTextToIndex(index, { repo, path, content: Buffer.from(text) });
    add('billing', 'a.js', `// ${billing}\nexport const a = 1;\n`);
    add('billing', 'b.js', `// ${billing}\nexport const b = 2;\n`);
    add('portal', 'c.js', `const tag = '${portal}';\n`);
    add('portal', 'd.js', 'export const nothing = 0;\n');
    expect(canarySearchTerms(index)).toEqual([
      { repository: 'billing', value: billing },
      { repository: 'portal', value: portal },
    ]);
  });
});
