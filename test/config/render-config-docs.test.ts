import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPTIONS } from '../../src/config/options.js';
import { renderConfigDocs } from '../../src/config/render-config-docs.js';

const docPath = resolve(import.meta.dirname, '../../docs/configuration.md');

describe('docs/configuration.md', () => {
  it('is the current rendering of the option list', () => {
    const rendered = renderConfigDocs();
    if (process.env.LEAKWATCH_UPDATE_DOCS === '1') writeFileSync(docPath, rendered);
    expect(readFileSync(docPath, 'utf8')).toBe(rendered);
  });

  it('documents every option with its env var', () => {
    const rendered = renderConfigDocs();
    for (const option of OPTIONS) {
      expect(rendered).toContain(`\`${option.path}\``);
      expect(rendered).toContain(`\`${option.env}\``);
    }
  });
});
