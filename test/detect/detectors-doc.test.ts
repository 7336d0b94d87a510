import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE_VARIABLES } from '../../src/detect/example-variables.js';
import { loadRules } from '../../src/detect/load-rules.js';
import { readRuleFamilies } from '../../src/detect/read-rule-families.js';
import { VALIDATOR_DESCRIPTIONS, renderDetectorsDocFor } from '../../src/detect/render-detectors-doc.js';
import { validators } from '../../src/detect/validators/api.js';

const docPath = resolve(import.meta.dirname, '../../docs/detectors.md');
const dirs: string[] = [];

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function rulesDir(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'leakwatch-rules-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'acme.yaml'), yaml);
  return dir;
}

describe('docs/detectors.md', () => {
  it('is the current rendering of detectors/*.yaml', () => {
    expect(
      readFileSync(docPath, 'utf8'),
      'docs/detectors.md is out of date: run `npm run build && node dist/cli/main.js rules docs -o docs/detectors.md` and commit it',
    ).toBe(renderDetectorsDocFor());
  });

  it('lists every built-in rule once, under its provider name, with the totals', () => {
    const doc = renderDetectorsDocFor();
    const { rules } = loadRules([], { variables: EXAMPLE_VARIABLES });
    for (const rule of rules) expect(doc.split(`| \`${rule.id}\` |`)).toHaveLength(2);
    expect(doc).toContain(`**${rules.length} rules**`);
    expect(doc).toContain('### Amazon Web Services (`aws`)');
    expect(doc).toMatch(/\| `aws-secret-access-key` \|[^\n]*`aws-access-key-id` within 5 lines \| rotate `aws-iam-access-key`, verify `aws-sts` \|/);
    expect(doc).toMatch(/\| `github-pat-classic` \|[^\n]*\| `crc32-checksum` \|/);
  });

  it('describes every registered validator', () => {
    for (const name of validators.keys()) expect(VALIDATOR_DESCRIPTIONS[name], name).toBeTruthy();
  });

  it('says which rules need organisation values and how to give them', () => {
    const doc = renderDetectorsDocFor();
    expect(doc).toMatch(/\| `internal-hostname` \|[^\n]*needs `internalDomains` \(`scan --internal-domain`\)/);
    expect(readRuleFamilies().variables.get('organisation-email-address')).toEqual(['orgEmailDomains']);
  });

  it('documents custom rules from --rules directories, an override under its new family', () => {
    const dir = rulesDir(`family: acme
provider: Acme Cloud
rules:
  - id: acme-api-key
    title: Acme API key
    severity: high
    keywords: [acme_]
    regex: '(acme_[a-z0-9]{32})'
    examples: { positive: ['{{join:ac:me_}}{{rand:hex:32}}'], negative: ['acme_short'] }
  - id: stripe-secret-key
    title: Stripe key, our stricter version
    severity: low
    keywords: [sk_live_]
    regex: '(sk_live_[a-z0-9]{99})'
    examples: { positive: ['{{join:sk_:live_}}{{rand:hex:99}}'], negative: ['sk_live_'] }
`);
    const doc = renderDetectorsDocFor([dir]);
    const start = doc.indexOf('### Acme Cloud (`acme`)');
    expect(start).toBeGreaterThan(0);
    const acme = doc.slice(start, doc.indexOf('\n### ', start + 1));
    expect(acme).toContain('| `acme-api-key` | Acme API key | high |');
    expect(acme).toContain('| `stripe-secret-key` | Stripe key, our stricter version | low |');
    expect(doc.split('| `stripe-secret-key` |')).toHaveLength(2);
  });
});
