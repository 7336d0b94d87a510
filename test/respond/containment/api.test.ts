import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeStoreContainers } from '../../../src/respond/containment/api.js';

describe('code-store containment registry', () => {
  it('registers exactly the provider folders on disk, each under its folder name, each in the s3 or ec2 family', () => {
    const dir = resolve(import.meta.dirname, '../../../src/respond/containment');
    const folders = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect([...codeStoreContainers.keys()].sort()).toEqual(folders);
    for (const [id, container] of codeStoreContainers) {
      expect(container.id).toBe(id);
      expect(['s3', 'ec2']).toContain(container.family);
    }
  });
});
