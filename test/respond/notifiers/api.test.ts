import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { notifiers } from '../../../src/respond/notifiers/api.js';

describe('notifier registry', () => {
  it('registers exactly one notifier per provider folder, under the folder name', () => {
    const dir = fileURLToPath(new URL('../../../src/respond/notifiers/', import.meta.url));
    const folders = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect([...notifiers.keys()].sort()).toEqual(folders);
    for (const [id, notifier] of notifiers) expect(notifier.id).toBe(id);
  });
});
