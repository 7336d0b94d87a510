import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inventorySources } from '../../../src/inventory/sources/api.js';

describe('inventory source registry', () => {
  it('registers exactly the source folders on disk, each under its folder name', () => {
    const dir = resolve(import.meta.dirname, '../../../src/inventory/sources');
    const folders = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect([...inventorySources.keys()].sort()).toEqual(folders);
    for (const [id, source] of inventorySources) expect(source.id).toBe(id);
  });

  it('ranks the static file above every other source so the file overrides tags', () => {
    const staticRank = inventorySources.get('static-file')!.precedence;
    for (const source of inventorySources.values()) {
      if (source.id !== 'static-file') expect(source.precedence).toBeLessThan(staticRank);
    }
  });
});
