// The quality benchmark's own correctness: a reproducible corpus, well-formed labels, tokens
// that pass (or, for look-alikes, fail) the real checksum, and a scorer that counts right.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasValidCrc32Checksum } from '../../src/detect/validators/checksum-crc32.js';
import { GIT_CONFIG_GLOBAL } from '../helpers/git-config-global.js';

interface Labels {
  commits: number;
  planted: { id: string; kind: string; secretSha256: string; acceptSha256: string[]; relatedSha256: string[]; path: string | null; line: number | null; commit: string; placement: string }[];
  decoys: { id: string; kind: string; sha256: string; alsoSha256: string[]; path: string; line: number | null; commit: string }[];
}
interface Overall { planted: number; found: number; recall: number; precision: number; tpFindings: number; fpFindings: number; relatedFindings: number; neutralFindings: number }
interface ScoreResult { overall: Overall; falsePositives: { ruleId: string; decoyKind: string }[]; missedKinds: string[] }
interface Rng { chars(set: string, n: number): string }

const load = async <T>(name: string): Promise<T> => (await import(new URL(`../../scripts/bench/${name}`, import.meta.url).href)) as T;
const { buildCorpus } = await load<{ buildCorpus(dir: string, seed?: number): { gitDir: string; labels: Labels } }>('quality-corpus.mjs');
const { score } = await load<{ score(l: Labels, r: unknown, o?: { neutralRules?: Set<string> }): ScoreResult }>('quality-score.mjs');
const rngMod = await load<{ createRng(seed: number): Rng; crcToken(r: Rng, p: string): string; badCrcToken(r: Rng, p: string): string }>('quality-rng.mjs');

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'lw-quality-test-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const env = { ...process.env, GIT_CONFIG_GLOBAL: GIT_CONFIG_GLOBAL, GIT_CONFIG_NOSYSTEM: '1' };
const git = (gitDir: string, ...args: string[]) => execFileSync('git', ['--git-dir', gitDir, ...args], { env, encoding: 'utf8' }).trim();

describe('quality corpus', () => {
  const a = buildCorpus(tmp());
  const b = buildCorpus(tmp());

  it('is byte-for-byte reproducible from its seed', () => {
    expect(git(a.gitDir, 'rev-parse', 'main')).toBe(git(b.gitDir, 'rev-parse', 'main'));
    expect(readFileSync(join(a.gitDir, '..', 'labels.json'), 'utf8')).toBe(readFileSync(join(b.gitDir, '..', 'labels.json'), 'utf8'));
  });

  it('has the size and variety the benchmark promises', () => {
    const { labels } = a;
    expect(labels.commits).toBeGreaterThanOrEqual(300);
    expect(labels.commits).toBeLessThanOrEqual(800);
    expect(labels.planted.length).toBeGreaterThanOrEqual(140);
    expect(labels.decoys.length).toBeGreaterThanOrEqual(140);
    expect(new Set(labels.planted.map((s) => s.kind)).size).toBeGreaterThanOrEqual(45);
    const placements = new Set(labels.planted.map((s) => s.placement));
    for (const p of ['deleted', 'branch', 'dangling', 'renamed', 'message', 'merge', 'tag', 'minified', 'fixture', 'ci', 'notebook']) expect(placements).toContain(p);
  });

  it('labels every secret with an existing commit and a line, and only commit messages without a path', () => {
    const all = new Set(git(a.gitDir, 'cat-file', '--batch-all-objects', '--batch-check').split('\n').filter((l) => l.includes(' commit ')).map((l) => l.split(' ')[0]));
    for (const s of a.labels.planted) {
      expect(all.has(s.commit), s.id).toBe(true);
      expect(s.line, s.id).not.toBeNull();
      expect(s.path === null, s.id).toBe(s.placement === 'message');
    }
    for (const d of a.labels.decoys) expect(d.line, d.id).not.toBeNull();
  });

  it('keeps dangling secrets out of every ref but in the object store', () => {
    const reachable = new Set(git(a.gitDir, 'rev-list', '--all').split('\n'));
    const dangling = a.labels.planted.filter((s) => s.placement === 'dangling');
    expect(dangling.length).toBeGreaterThan(0);
    for (const s of dangling) expect(reachable.has(s.commit), s.id).toBe(false);
  });
});

describe('token generators', () => {
  it('make GitHub/npm-style tokens whose CRC32 checksum is valid, and look-alikes whose checksum is not', () => {
    const rng = rngMod.createRng(7);
    for (let i = 0; i < 50; i++) {
      expect(hasValidCrc32Checksum(rngMod.crcToken(rng, ['gh', 'p_'].join('')))).toBe(true);
      expect(hasValidCrc32Checksum(rngMod.badCrcToken(rng, ['np', 'm_'].join('')))).toBe(false);
    }
  });
});

describe('scoring', () => {
  const h = (c: string) => c.repeat(64);
  const labels: Labels = {
    commits: 3,
    planted: [
      { id: 's1', kind: 'k1', secretSha256: h('1'), acceptSha256: [h('a')], relatedSha256: [h('r')], path: 'x', line: 1, commit: 'c', placement: 'normal' },
      { id: 's2', kind: 'k2', secretSha256: h('2'), acceptSha256: [], relatedSha256: [], path: 'y', line: 1, commit: 'c', placement: 'normal' },
    ],
    decoys: [{ id: 'd1', kind: 'placeholder', sha256: h('d'), alsoSha256: [], path: 'z', line: 3, commit: 'c' }],
  };
  const finding = (ruleId: string, secretSha256: string, path = 'x', line = 1) => ({ ruleId, secretSha256, path, line, commit: 'c', locations: [] });

  it('counts a planted secret found by an accepted spelling, ignores related parts and sensitive data, and names the decoy of a false positive', () => {
    const report = { findings: [finding('r1', h('a')), finding('r1', h('r')), finding('env', h('e')), finding('r2', h('d'), 'z', 3), finding('r2', h('f'), 'q', 9)] };
    const r = score(labels, report, { neutralRules: new Set(['env']) });
    expect(r.overall).toMatchObject({ found: 1, recall: 0.5, tpFindings: 1, fpFindings: 2, relatedFindings: 1, neutralFindings: 1 });
    expect(r.overall.precision).toBeCloseTo(1 / 3);
    expect(r.falsePositives.map((f) => f.decoyKind).sort()).toEqual(['placeholder', 'unlabelled']);
    expect(r.missedKinds).toEqual(['k2']);
  });
});
