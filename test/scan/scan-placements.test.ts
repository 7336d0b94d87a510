import { afterAll, describe, expect, it } from 'vitest';
import { runScan } from '../../src/scan/run-scan.js';
import { openScanStore } from '../../src/store/open-store.js';
import type { Finding, ScanReport } from '../../src/domain/finding.js';
import { TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { awsKeyId, awsSecretKey, githubToken } from '../helpers/tokens.js';

afterAll(removeTempDirs);

const scan = (target: string): Promise<ScanReport> => runScan({ target, stateDir: tempDir(), openStore: openScanStore, workers: 1 });

function findingFor(report: ScanReport, secretPart: string, ruleId: string): Finding {
  const f = report.findings.find((x) => x.ruleId === ruleId && secretPart.startsWith(x.redacted.split('…')[0]!) && secretPart.endsWith(x.redacted.split('…')[1]!));
  expect(f, `a ${ruleId} finding`).toBeDefined();
  return f!;
}

describe('history scan finds and attributes every placement', () => {
  it('a secret added and deleted later is attributed to the commit that added it', async () => {
    const repo = TestRepo.create();
    const token = githubToken();
    repo.commit('init', { 'README.md': 'hello\n' });
    const added = repo.commit('add config', { 'config/app.env': `A=1\nB=2\nGITHUB_TOKEN=${token}\n` });
    repo.git('rm', '-q', 'config/app.env');
    repo.commit('remove config');
    const f = findingFor(await scan(repo.dir), token, 'github-pat-classic');
    expect(f).toMatchObject({ commit: added, path: 'config/app.env', line: 3, column: 14, author: 'Test Author', email: 'author@example.test' });
  });

  it('a secret only on a non-default branch is found', async () => {
    const repo = TestRepo.create();
    repo.commit('init', { 'a.txt': 'a\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    const token = githubToken();
    const c = repo.commit('feature work', { 'src/client.ts': `const t = "${token}";\n` });
    repo.git('checkout', '-q', 'main');
    expect(findingFor(await scan(repo.dir), token, 'github-pat-classic')).toMatchObject({ commit: c, path: 'src/client.ts', line: 1 });
  });

  it('a secret only in a dangling commit (branch deleted) is found', async () => {
    const repo = TestRepo.create();
    repo.commit('init', { 'a.txt': 'a\n' });
    repo.git('checkout', '-q', '-b', 'oops');
    const token = githubToken();
    const c = repo.commit('oops', { 'deploy.sh': `curl -H "Authorization: token ${token}"\n` });
    repo.git('checkout', '-q', 'main');
    repo.git('branch', '-q', '-D', 'oops');
    repo.git('reflog', 'expire', '--expire=now', '--all');
    expect(repo.git('branch', '--contains', c).trim()).toBe('');
    expect(findingFor(await scan(repo.dir), token, 'github-pat-classic')).toMatchObject({ commit: c, path: 'deploy.sh' });
  });

  it('a renamed file: first exposure at the old path, the new path among the locations', async () => {
    const repo = TestRepo.create();
    const token = githubToken();
    const first = repo.commit('add', { 'old/name.yml': `token: ${token}\n` });
    repo.git('mv', 'old/name.yml', 'new-name.yml');
    const renamed = repo.commit('rename');
    const f = findingFor(await scan(repo.dir), token, 'github-pat-classic');
    expect(f).toMatchObject({ commit: first, path: 'old/name.yml' });
    expect(f.locations).toContainEqual(expect.objectContaining({ commit: renamed, path: 'new-name.yml' }));
  });

  it('a secret in a commit message has path null and the commit itself', async () => {
    const repo = TestRepo.create();
    const token = githubToken();
    repo.commit('init', { 'a.txt': 'a\n' });
    const c = repo.commit(`fix auth\n\nused token ${token} to test`);
    expect(findingFor(await scan(repo.dir), token, 'github-pat-classic')).toMatchObject({ commit: c, path: null, line: 3 });
  });

  it('a secret in a commit message keeps a non-ASCII author name as written', async () => {
    const repo = TestRepo.create();
    const token = githubToken();
    repo.commit('init', { 'a.txt': 'a\n' });
    repo.git('commit', '-q', '--allow-empty', '--author', 'José Núñez <jose@example.test>', '-m', `débogage\n\nclé ${token}`);
    const f = findingFor(await scan(repo.dir), token, 'github-pat-classic');
    expect(f).toMatchObject({ commit: repo.head(), path: null, line: 3, author: 'José Núñez', email: 'jose@example.test' });
  });

  it('a secret deep in a 5 MB text file is found at the right line', async () => {
    const repo = TestRepo.create();
    const token = githubToken();
    const filler = 'the quick brown fox jumps over the lazy dog 0123456789\n';
    const lines = Math.ceil((5 * 1024 * 1024) / filler.length);
    const content = `${filler.repeat(lines)}key = "${token}"\n${filler.repeat(10)}`;
    repo.commit('big', { 'data/big.txt': content });
    expect(findingFor(await scan(repo.dir), token, 'github-pat-classic')).toMatchObject({ path: 'data/big.txt', line: lines + 1, column: 8 });
  });

  it('a secret on a 200 KB single line is found at the right column', async () => {
    const repo = TestRepo.create();
    const token = githubToken();
    const prefix = 'var a="x";'.repeat(20_000);
    repo.commit('minified', { 'dist/app.min.js': `${prefix}var t="${token}";\n` });
    expect(findingFor(await scan(repo.dir), token, 'github-pat-classic')).toMatchObject({ line: 1, column: prefix.length + 8 });
  });

  it('an AWS key id and secret on separate lines are paired', async () => {
    const repo = TestRepo.create();
    const id = awsKeyId();
    const secret = awsSecretKey();
    repo.commit('creds', { '.aws/credentials': `[prod]\naws_access_key_id = ${id}\nregion = eu-west-1\naws_secret_access_key = ${secret}\n` });
    const report = await scan(repo.dir);
    const f = findingFor(report, secret, 'aws-secret-access-key');
    expect(f).toMatchObject({ path: '.aws/credentials', line: 4 });
    expect(f.related?.ruleId).toBe('aws-access-key-id');
    expect(findingFor(report, id, 'aws-access-key-id').line).toBe(2);
  });

  it('a secret introduced by a merge commit is attributed to the merge', async () => {
    const repo = TestRepo.create();
    repo.commit('init', { 'a.txt': 'base\n' });
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit('side', { 'b.txt': 'side\n' });
    repo.git('checkout', '-q', 'main');
    repo.commit('main', { 'c.txt': 'main\n' });
    repo.git('merge', '-q', '--no-ff', '--no-commit', 'side');
    const token = githubToken();
    repo.write('merged.env', `TOKEN=${token}\n`);
    repo.git('add', 'merged.env');
    const merge = repo.commit('merge side');
    expect(repo.git('rev-list', '--parents', '-n1', merge).trim().split(' ')).toHaveLength(3);
    expect(findingFor(await scan(repo.dir), token, 'github-pat-classic')).toMatchObject({ commit: merge, path: 'merged.env' });
  });

  it('a secret only reachable from a tag is found, and one in a tag message too', async () => {
    const repo = TestRepo.create();
    repo.commit('init', { 'a.txt': 'a\n' });
    repo.git('checkout', '-q', '-b', 'release-tmp');
    const token = githubToken();
    const c = repo.commit('release', { 'release.cfg': `token=${token}\n` });
    const inMessage = githubToken();
    repo.git('tag', '-a', 'v1.0.0', '-m', `release notes\nci token ${inMessage}`);
    repo.git('checkout', '-q', 'main');
    repo.git('branch', '-q', '-D', 'release-tmp');
    const report = await scan(repo.dir);
    expect(findingFor(report, token, 'github-pat-classic')).toMatchObject({ commit: c, path: 'release.cfg' });
    expect(findingFor(report, inMessage, 'github-pat-classic')).toMatchObject({ commit: c, path: null, line: 2 });
  });

  it('a bare repository is scanned like one with a work tree', async () => {
    const repo = TestRepo.create();
    const token = githubToken();
    repo.commit('add', { 'x.txt': `t=${token}\n` });
    const bare = tempDir();
    repo.git('clone', '-q', '--bare', repo.dir, `${bare}/r.git`);
    expect(findingFor(await scan(`${bare}/r.git`), token, 'github-pat-classic').path).toBe('x.txt');
  });

  it('the same secret in two files is one finding with two locations', async () => {
    const repo = TestRepo.create();
    const token = githubToken();
    repo.commit('a', { 'a.env': `T=${token}\n` });
    repo.commit('b', { 'b/config.json': `{\n  "token": "${token}"\n}\n` });
    const report = await scan(repo.dir);
    const matching = report.findings.filter((f) => f.ruleId === 'github-pat-classic');
    expect(matching).toHaveLength(1);
    expect(matching[0]!.locations.map((l) => `${l.path}:${l.line}`).sort()).toEqual(['a.env:1', 'b/config.json:2']);
  });
});
