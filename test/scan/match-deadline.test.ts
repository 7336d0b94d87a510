/**
 * The hard deadline on matching one object (issue 10, section 4): a user rule that passes the
 * load-time regex checks but backtracks for minutes on crafted input must not hang the scan.
 * The pool runs the built workers (dist/), as the CLI and the daemon do.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir, TestRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { githubToken } from '../helpers/tokens.js';
import type * as LoadRules from '../../src/detect/load-rules.js';
import type * as EnumerateObjects from '../../src/git/enumerate-objects.js';
import type { ObjectInfo } from '../../src/git/enumerate-objects.js';
import type * as WorkerPool from '../../src/scan/worker-pool.js';

afterAll(removeTempDirs);

const dist = (path: string): string => new URL(`../../dist/${path}`, import.meta.url).href;
const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/**
 * Passes the ambiguity and neighbouring-quantifier checks and `rules test`, yet one `exec` on
 * `slow_` and 300 letters takes about 30 s (measured).
 */
function slowRules(): string {
  const dir = tempDir();
  writeFileSync(
    join(dir, 'slow.yaml'),
    [
      'family: slow',
      'provider: Slow',
      'rules:',
      '  - id: slow-token',
      '    title: Slow token',
      '    severity: high',
      '    keywords: [slow_]',
      "    regex: 'slow_[a-z]{0,120}(?:-?[a-z]{1,60}){1,4}!'",
      '    examples:',
      "      positive: ['slow_abc!']",
      "      negative: ['slow_x']",
      '',
    ].join('\n'),
  );
  return dir;
}

/** A hundred on one line make one region and one `exec` call of minutes (ten: 54 s on main). */
const HOSTILE = `note = ${`slow_${'a'.repeat(300)} `.repeat(100)}\n`;

/** `git` processes whose parent is this test process, as "pid state". */
function gitChildren(): { pid: string; state: string }[] {
  const out = execFileSync('ps', ['-o', 'pid=,stat=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f[2] === 'git')
    .map((f) => ({ pid: f[0]!, state: f[1]! }));
}
const running = (): string[] => gitChildren().filter((p) => !p.state.startsWith('Z')).map((p) => p.pid);

describe('the hard matching deadline', () => {
  it('passes the load-time checks (so only the deadline stands between it and a hang)', () => {
    const r = runCli(['rules', 'test', '--rules', slowRules()]);
    expect(r.code).toBe(0);
  });

  it('stops a worker stuck on one blob, counts the blob as partial, and scans the rest of its chunk', async () => {
    const { loadRules } = (await import(dist('detect/load-rules.js'))) as typeof LoadRules;
    const { createTaskRunner } = (await import(dist('scan/worker-pool.js'))) as typeof WorkerPool;
    const { enumerateObjects } = (await import(dist('git/enumerate-objects.js'))) as typeof EnumerateObjects;
    const before = githubToken();
    const after = githubToken();
    const repo = TestRepo.create();
    repo.commit('three files', { 'a.txt': `token=${before}\n`, 'b.txt': HOSTILE, 'c.txt': `token=${after}\n` });
    const gitDir = join(repo.dir, '.git');
    const ruleset = loadRules([slowRules()]);
    expect(ruleset.userRules).toBe(true);
    const hostileOid = repo.git('rev-parse', 'HEAD:b.txt').trim();
    const objects: ObjectInfo[] = [];
    await enumerateObjects(gitDir, (o) => {
      if (o.type !== 'tree') objects.push(o);
    });
    // The hostile blob in the middle of the chunk, so objects on both sides of it are matched.
    objects.sort((x, y) => (x.oid === hostileOid ? 0 : 1) - (y.oid === hostileOid ? 0 : 1));
    objects.push(objects.shift()!, objects.shift()!);
    expect(objects.findIndex((o) => o.oid === hostileOid)).toBeGreaterThan(0);
    expect(objects.findIndex((o) => o.oid === hostileOid)).toBeLessThan(objects.length - 1);

    // One worker, even for this small job, because user rules are loaded.
    const pool = createTaskRunner(gitDir, ruleset, 1, { hardDeadlineMs: () => 200 });
    let r;
    try {
      r = await pool.run({ kind: 'objects', objects });
      // One cat-file child reads for every worker, on the main thread: stopping a worker leaves it running.
      expect(running()).toHaveLength(1);
    } finally {
      await pool.close();
    }
    expect(r.partial).toBe(1);
    expect(r.partialOids).toEqual([hostileOid]);
    expect(r.objects).toBe(objects.length);
    const found = r.results.flatMap((x) => x.matches.map((m) => m.secretSha256)).sort();
    expect(found).toEqual([sha256(before), sha256(after)].sort());
    // Each blob with a token is reported once: nothing from the stopped run is counted.
    expect(r.results.filter((x) => x.type === 'blob')).toHaveLength(2);
    // Closed: the child has exited and been reaped (no zombie).
    expect(gitChildren()).toEqual([]);
  }, 60_000);

  it('re-sends the chunks queued behind a stuck one to the fresh worker, each answered once', async () => {
    const { loadRules } = (await import(dist('detect/load-rules.js'))) as typeof LoadRules;
    const { createTaskRunner, QUEUE_DEPTH } = (await import(dist('scan/worker-pool.js'))) as typeof WorkerPool;
    const { enumerateObjects } = (await import(dist('git/enumerate-objects.js'))) as typeof EnumerateObjects;
    expect(QUEUE_DEPTH).toBeGreaterThan(1);
    const tokens = [githubToken(), githubToken(), githubToken()];
    const repo = TestRepo.create();
    repo.commit('files', { 'a.txt': `token=${tokens[0]}\n`, 'b.txt': HOSTILE, 'c.txt': `token=${tokens[1]}\n`, 'd.txt': `token=${tokens[2]}\n` });
    const gitDir = join(repo.dir, '.git');
    const oidOf = (path: string): string => repo.git('rev-parse', `HEAD:${path}`).trim();
    const blobs = new Map<string, ObjectInfo>();
    await enumerateObjects(gitDir, (o) => {
      if (o.type === 'blob') blobs.set(o.oid, o);
    });
    const chunk = (...paths: string[]): ObjectInfo[] => paths.map((p) => blobs.get(oidOf(p))!);
    // One worker: the hostile chunk waits in its queue behind the first, the third behind it.
    // Only the hostile blob gets the short deadline: a cold worker on a busy machine can take
    // longer than that over its first small blob.
    const pool = createTaskRunner(gitDir, loadRules([slowRules()]), 1, { hardDeadlineMs: (bytes) => (bytes > 10_000 ? 200 : 60_000) });
    let rs;
    try {
      rs = await Promise.all([chunk('a.txt'), chunk('b.txt', 'c.txt'), chunk('d.txt')].map((objects) => pool.run({ kind: 'objects', objects })));
    } finally {
      await pool.close();
    }
    expect(rs.map((r) => r.partial)).toEqual([0, 1, 0]);
    expect(rs[1]!.partialOids).toEqual([oidOf('b.txt')]);
    expect(rs.map((r) => r.objects)).toEqual([1, 2, 1]);
    const found = rs.map((r) => r.results.flatMap((x) => x.matches.map((m) => m.secretSha256)));
    expect(found).toEqual([[sha256(tokens[0]!)], [sha256(tokens[1]!)], [sha256(tokens[2]!)]]);
    expect(gitChildren()).toEqual([]);
  }, 60_000);

  it('does the same for plain files', async () => {
    const { loadRules } = (await import(dist('detect/load-rules.js'))) as typeof LoadRules;
    const { createTaskRunner } = (await import(dist('scan/worker-pool.js'))) as typeof WorkerPool;
    const dir = tempDir();
    const token = githubToken();
    writeFileSync(join(dir, 'a.txt'), HOSTILE);
    writeFileSync(join(dir, 'b.txt'), `token=${token}\n`);
    const files = ['a.txt', 'b.txt'].map((rel) => ({ abs: join(dir, rel), rel, oid: sha256(rel) }));
    const pool = createTaskRunner(null, loadRules([slowRules()]), 1, { hardDeadlineMs: () => 200 });
    let r;
    try {
      r = await pool.run({ kind: 'files', files, maxBytes: 1024 * 1024 });
    } finally {
      await pool.close();
    }
    expect(r.partial).toBe(1);
    expect(r.objects).toBe(2);
    expect(r.results.map((x) => x.path)).toEqual(['b.txt']);
    expect(r.results[0]!.matches.map((m) => m.secretSha256)).toEqual([sha256(token)]);
  }, 60_000);

  it('ends a CLI history scan with the default deadline: the blob is partial, the other secrets found', () => {
    const token = githubToken();
    const repo = TestRepo.create();
    repo.commit('two files', { 'hostile.txt': HOSTILE, 'settings.py': `GITHUB = "${token}"\n` });
    // A small repository and --workers 1: run inline before, in a worker now that user rules are in.
    const r = runCli(['scan', repo.dir, '-f', 'json', '--no-state', '--workers', '1', '--rules', slowRules()]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.stats.skipped.partial).toBe(1);
    expect(report.findings.map((f: { path: string }) => f.path)).toEqual(['settings.py']);
  }, 120_000);
});
