import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWatchSources, watchSources } from '../../../src/watch/sources/api.js';

describe('public source registry', () => {
  it('registers exactly the source folders on disk, each under its folder name', () => {
    const dir = resolve(import.meta.dirname, '../../../src/watch/sources');
    const folders = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect([...watchSources.keys()].sort()).toEqual(folders);
    for (const source of createWatchSources()) expect(watchSources.has(source.id)).toBe(true);
    expect(createWatchSources().map((s) => s.id).sort()).toEqual(folders);
  });

  it('refuses an unknown source id', () => {
    expect(() => createWatchSources({}, ['pastebin'])).toThrow(/Unknown public source pastebin/);
  });
});
