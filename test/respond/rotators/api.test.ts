import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rotators } from '../../../src/respond/rotators/api.js';

const dir = fileURLToPath(new URL('../../../src/respond/rotators/', import.meta.url));

describe('rotator registry', () => {
  it('registers exactly one rotator per provider folder, under the folder name', () => {
    const folders = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect([...rotators.keys()].sort()).toEqual(folders);
    for (const [id, rotator] of rotators) expect(rotator.id).toBe(id);
  });
});
