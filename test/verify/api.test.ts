import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifiers } from '../../src/verify/api.js';

describe('verifier registry', () => {
  it('registers exactly one verifier per provider folder, under the folder name', () => {
    const dir = fileURLToPath(new URL('../../src/verify/', import.meta.url));
    const folders = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect([...verifiers.keys()].sort()).toEqual(folders);
    for (const [id, verifier] of verifiers) expect(verifier.id).toBe(id);
  });
});
