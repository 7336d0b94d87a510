import { describe, expect, it } from 'vitest';
import { pathToSarifUri, renderSarif } from '../../src/report/render-sarif.js';
import type { Finding, ScanReport, ScanStats } from '../../src/domain/finding.js';

function finding(path: string | null): Finding {
  return {
    id: `f-${path}`, ruleId: 'github-pat', title: 'GitHub token', severity: 'high', kind: 'credential', confidence: 'high',
    secretSha256: 'a'.repeat(64), redacted: 'ghp_…abcd', commit: '0123456789abcdef0123456789abcdef01234567',
    author: null, email: null, date: null, path, line: 1, endLine: 1, column: 1, blob: null, verified: null, locations: [],
  };
}

function uris(paths: (string | null)[]): string[] {
  const stats = { commits: 1, blobs: 1, bytes: 1, durationMs: 1, cachedObjects: 0, skipped: { tooLarge: 0, binary: 0, partial: 0 } } as ScanStats;
  const report: ScanReport = { version: 1, tool: 'leakwatch', target: 't', rulesetHash: 'x', stats, findings: paths.map(finding) };
  const sarif = JSON.parse(renderSarif(report)) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
  return sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri);
}

describe('SARIF artifact uris', () => {
  it('percent-encodes spaces, %, #, ?, and non-ASCII as UTF-8, keeping / between segments', () => {
    expect(uris(['config/my secrets.env', 'a%20b/100%.txt', 'docs/#1?.md', 'café/naïve.txt', 'a:b/c'])).toEqual([
      'config/my%20secrets.env',
      'a%2520b/100%25.txt',
      'docs/%231%3F.md',
      'caf%C3%A9/na%C3%AFve.txt',
      'a%3Ab/c',
    ]);
  });

  it('every uri is a valid relative reference that decodes back to the path', () => {
    for (const path of ['x y/z#?%.txt', "it's (1)*!.js", 'über/😀.ts']) {
      const uri = pathToSarifUri(path);
      expect(uri).toMatch(/^[A-Za-z0-9\-._~%/!$&'()*+,;=:@]*$/);
      expect(uri).not.toMatch(/[ #?'()*!]/);
      expect(decodeURIComponent(uri)).toBe(path);
    }
  });

  it('gives an S3 object or archive member an absolute s3:// uri, the key and member names encoded, `!` between them', () => {
    expect(pathToSarifUri('s3://code-backups/rel 1/app.zip!src/a#b.py')).toBe('s3://code-backups/rel%201/app.zip!src/a%23b.py');
    expect(new URL(pathToSarifUri('s3://code-backups/k.tgz!x/y.sh')).protocol).toBe('s3:');
  });

  it('keeps plain paths and the commit-message marker as they are', () => {
    expect(uris(['src/app.ts', null])).toEqual(['src/app.ts', 'COMMIT_MSG']);
  });
});

describe('SARIF password hashes', () => {
  it('tags a password-hash finding as such and asks for the password to be changed, not rotated', () => {
    const stats = { commits: 1, blobs: 1, bytes: 1, durationMs: 1, cachedObjects: 0, skipped: { tooLarge: 0, binary: 0, partial: 0 } } as ScanStats;
    const hash: Finding = { ...finding('.htpasswd'), ruleId: 'password-hash-bcrypt', title: 'bcrypt password hash', severity: 'medium', kind: 'password-hash' };
    const report: ScanReport = { version: 1, tool: 'leakwatch', target: 't', rulesetHash: 'x', stats, findings: [hash] };
    const run = (JSON.parse(renderSarif(report)) as { runs: { tool: { driver: { rules: { properties: { tags: string[] } }[] } }; results: { message: { text: string } }[] }[] }).runs[0]!;
    expect(run.tool.driver.rules[0]!.properties.tags).toEqual(['security', 'password-hash']);
    expect(run.results[0]!.message.text).toContain('change the password behind it');
    expect(run.results[0]!.message.text).not.toContain('Rotate it');
  });
});
