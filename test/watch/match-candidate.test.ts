import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/detect/load-rules.js';
import { addTextToIndex } from '../../src/fingerprint/add-text-to-index.js';
import { InMemoryFingerprintIndex } from '../../src/fingerprint/fingerprint-index.js';
import { DEFAULT_WINNOW_PARAMETERS } from '../../src/fingerprint/winnow-parameters.js';
import { ObjectScanner } from '../../src/scan/object-scanner.js';
import { matchCandidate } from '../../src/watch/match-candidate.js';
import type { Candidate } from '../../src/watch/types.js';
import { OUR_CACHE, UNRELATED } from '../fingerprint/fixtures.js';
import { githubToken } from '../helpers/tokens.js';

const scanner = new ObjectScanner(loadRules());

function shaOf(text: string): string {
  const [m] = scanner.scan('x', 'blob', Buffer.from(text))!.matches;
  return m!.secretSha256;
}

function candidate(text: string, path = 'file.js'): Candidate {
  return { id: `someone/repo:${path}@1`, url: `https://github.com/someone/repo/blob/main/${path}`, publicLocation: 'someone/repo', path, content: Buffer.from(text) };
}

function context(knownSecrets = new Map<string, string[]>()) {
  const index = new InMemoryFingerprintIndex(DEFAULT_WINNOW_PARAMETERS);
  addTextToIndex(index, { repo: 'billing', path: 'src/cache.js', content: Buffer.from(OUR_CACHE) });
  return { index, scanner, knownSecrets, source: 'test' };
}

describe('matchCandidate', () => {
  it('reports a copy of our code as one code exposure of the repository it came from', () => {
    const [e, ...rest] = matchCandidate(context(), candidate(OUR_CACHE.replaceAll('entries', 'slots')));
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ kind: 'code-exposure', public: true, repository: 'billing', url: 'https://github.com/someone/repo/blob/main/file.js', source: 'test' });
    expect(e!.score).toBeGreaterThan(0.9);
    expect(e!.matchedFiles.map((f) => f.path)).toEqual(['src/cache.js']);
    expect(e!.lines.length).toBeGreaterThan(0);
  });

  it('reports one of our secrets found in public as a credential exposure, with hash and redacted preview only', () => {
    const token = githubToken();
    const sha = shaOf(`token = "${token}"\n`);
    const [e, ...rest] = matchCandidate(context(new Map([[sha, ['billing']]])), candidate(`${UNRELATED}\nGH = "${token}"\n`, 'ci.py'));
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ kind: 'credential-exposure', public: true, repository: 'billing', secretSha256: sha, score: 1 });
    expect(e!.lines[0]![0]).toBe(UNRELATED.split('\n').length + 1);
    expect(JSON.stringify(e)).not.toContain(token);
    expect(e!.redacted).not.toBe(token);
  });

  it('drops secrets that are not ours and code that is not ours', () => {
    expect(matchCandidate(context(), candidate(`${UNRELATED}\nGH = "${githubToken()}"\n`))).toEqual([]);
  });

  it('skips binary content', () => {
    expect(matchCandidate(context(), { ...candidate(''), content: Buffer.from([0, 1, 2, 0, 255, 0, 7]) })).toEqual([]);
  });
});
