import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TestRepo, removeTempDirs, tempDir } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { awsKeyId, awsSecretKey, githubToken, pemPrivateKey } from '../helpers/tokens.js';

afterAll(removeTempDirs);

function repoWithSecrets(): { repo: TestRepo; secrets: string[] } {
  const repo = TestRepo.create();
  const secrets = [githubToken(), awsKeyId(), awsSecretKey(), pemPrivateKey()];
  repo.commit('init', { 'README.md': '# app\n' });
  repo.commit('config', {
    'deploy/creds.ini': `[ci]\naws_access_key_id = ${secrets[1]}\naws_secret_access_key = ${secrets[2]}\n`,
    'src/gh.ts': `export const token = '${secrets[0]}';\n`,
    'keys/id_rsa': `${secrets[3]}\n`,
  });
  repo.commit(`message mentions ${secrets[0]}`);
  return { repo, secrets };
}

describe('leakwatch scan (built CLI)', () => {
  it('reports findings as JSON with exit 1, following the report contract', () => {
    const { repo } = repoWithSecrets();
    const r = runCli(['scan', repo.dir, '--format', 'json', '--state', tempDir()]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ version: 1, tool: 'leakwatch', target: repo.dir });
    expect(Object.keys(report.stats)).toEqual(expect.arrayContaining(['commits', 'blobs', 'bytes', 'durationMs']));
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId).sort()).toEqual(
      ['aws-access-key-id', 'aws-secret-access-key', 'github-pat-classic', 'private-key-rsa'].sort(),
    );
    const pem = report.findings.find((f: { ruleId: string }) => f.ruleId === 'private-key-rsa');
    expect(pem).toMatchObject({ path: 'keys/id_rsa', line: 1, endLine: 18 });
    for (const f of report.findings) {
      expect(f.secretSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['id', 'ruleId', 'title', 'severity', 'redacted', 'commit', 'author', 'email', 'date', 'path', 'line', 'endLine', 'column', 'blob', 'verified', 'confidence', 'locations']));
      expect(f.confidence).toBe('high');
    }
  });

  it('never prints a found secret in json, sarif or text output, nor in the state', () => {
    const { repo, secrets } = repoWithSecrets();
    const state = tempDir();
    const outputs = ['json', 'sarif', 'text'].map((format) => {
      const r = runCli(['scan', repo.dir, '--format', format, '--state', state]);
      expect(r.code).toBe(1);
      return r.stdout + r.stderr;
    });
    outputs.push(readFileSync(join(state, 'state.db')).toString('latin1'));
    for (const text of outputs) {
      for (const secret of secrets) {
        const needle = secret.includes('\n') ? secret.split('\n')[1]! : secret;
        expect(text.includes(needle)).toBe(false);
      }
    }
  });

  it('writes SARIF 2.1.0 with rules, locations and partial fingerprints', () => {
    const { repo } = repoWithSecrets();
    const out = join(tempDir(), 'out.sarif');
    const r = runCli(['scan', repo.dir, '--format', 'sarif', '--output', out, '--state', tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const sarif = JSON.parse(readFileSync(out, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('leakwatch');
    const ruleIds = run.tool.driver.rules.map((x: { id: string }) => x.id);
    for (const result of run.results) {
      expect(ruleIds[result.ruleIndex]).toBe(result.ruleId);
      expect(result.partialFingerprints['leakwatchFindingId/v1']).toMatch(/^[0-9a-f]{32}$/);
      expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
      expect(['error', 'warning', 'note']).toContain(result.level);
    }
  });

  it('prints grouped text with a summary line, and exit 0 with no findings', () => {
    const { repo } = repoWithSecrets();
    const text = runCli(['scan', repo.dir, '--format', 'text', '--state', tempDir()]);
    expect(text.stdout).toMatch(/^HIGH CONFIDENCE \(4\)\n {2}CRITICAL /m);
    expect(text.stdout).toMatch(/4 findings \(.*\) in .*: scanned 3 commits and 4 blobs/);
    const clean = TestRepo.create();
    clean.commit('init', { 'a.txt': 'nothing here\n' });
    const r = runCli(['scan', clean.dir, '--format', 'text', '--state', tempDir()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^No findings in /m);
  });

  it('spreads a large scan over worker threads with the same findings as inline', () => {
    const repo = TestRepo.create();
    const token = githubToken();
    for (let i = 0; i < 6; i++) {
      repo.commit(`bulk ${i}`, { [`data/file-${i}.txt`]: `${`row ${i} lorem ipsum dolor sit amet\n`.repeat(40_000)}${i === 4 ? `token=${token}\n` : ''}` });
    }
    const threaded = JSON.parse(runCli(['scan', repo.dir, '-f', 'json', '--state', tempDir(), '--workers', '2']).stdout);
    const inline = JSON.parse(runCli(['scan', repo.dir, '-f', 'json', '--state', tempDir(), '--workers', '1']).stdout);
    expect(threaded.stats.bytes).toBeGreaterThan(4 * 1024 * 1024);
    expect(threaded.findings).toEqual(inline.findings);
    expect(threaded.findings[0]).toMatchObject({ path: 'data/file-4.txt', line: 40_001 });
  });

  it('scans a plain directory as files, without history', () => {
    const dir = tempDir();
    const token = githubToken();
    writeFileSync(join(dir, 'settings.py'), `GITHUB = "${token}"\n`);
    const r = runCli(['scan', dir, '-f', 'json', '--state', join(dir, '.leakwatch')]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.findings[0]).toMatchObject({ path: 'settings.py', line: 1, commit: null });
  });

  it('reports environment intelligence for the organisation\'s own domains and address ranges', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'hosts.txt'), 'db = billing-db.prod.corp.internal\nnat = 10.20.30.40\nops = oncall@example-corp.com\n');
    const r = runCli(['scan', dir, '-f', 'json', '--no-state', '--internal-domain', 'corp.internal', '--internal-cidr', '10.20.', '--org-domain', 'example-corp.com']);
    const report = JSON.parse(r.stdout);
    expect(report.findings.map((f: { kind: string; line: number }) => `${f.kind}:${f.line}`).sort()).toEqual(['sensitive-data:1', 'sensitive-data:2', 'sensitive-data:3']);
    const without = JSON.parse(runCli(['scan', dir, '-f', 'json', '--no-state']).stdout);
    expect(without.findings).toEqual([]);
  });

  it('a baseline hides accepted findings so only new ones fail', () => {
    const { repo } = repoWithSecrets();
    const baseline = join(tempDir(), 'baseline.json');
    expect(runCli(['scan', repo.dir, '-f', 'json', '--state', tempDir(), '--write-baseline', baseline]).code).toBe(1);
    const quiet = runCli(['scan', repo.dir, '-f', 'json', '--state', tempDir(), '--baseline', baseline]);
    expect(quiet.code).toBe(0);
    const token = githubToken();
    repo.commit('new', { 'new.env': `T=${token}\n` });
    const loud = runCli(['scan', repo.dir, '-f', 'json', '--state', tempDir(), '--baseline', baseline]);
    expect(loud.code).toBe(1);
    expect(JSON.parse(loud.stdout).findings.map((f: { path: string }) => f.path)).toEqual(['new.env']);
  });

  it('.leakwatchignore and inline leakwatch:allow suppress findings', () => {
    const repo = TestRepo.create();
    repo.commit('a', {
      'fixtures/token.txt': `${githubToken()}\n`,
      'src/ok.ts': `const t = '${githubToken()}'; // leakwatch:allow test fixture\n`,
      '.leakwatchignore': '# test fixtures\nfixtures/**\n',
    });
    const r = runCli(['scan', repo.dir, '-f', 'json', '--state', tempDir()]);
    expect(r.code).toBe(0);
  });
});

describe('leakwatch scan errors: one line, exit 2, nothing half-written', () => {
  const oneLine = (text: string): void => {
    expect(text.trim().split('\n')).toHaveLength(1);
    expect(text).toMatch(/^leakwatch: /);
    expect(text).not.toMatch(/\n\s+at /);
  };

  it('a path that does not exist', () => {
    const r = runCli(['scan', '/nonexistent/leakwatch/path', '--state', tempDir()]);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toContain('does not exist');
  });

  it('a file instead of a directory', () => {
    const file = join(tempDir(), 'f.txt');
    writeFileSync(file, 'x');
    const r = runCli(['scan', file, '--state', tempDir()]);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
  });

  it('a clone URL that cannot be reached leaves no partial mirror', () => {
    const state = tempDir();
    const r = runCli(['scan', 'http://127.0.0.1:9/nothing.git', '--state', state]);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toContain('cannot clone');
    const mirrors = join(state, 'mirrors');
    expect(existsSync(mirrors) ? readdirSync(mirrors) : []).toEqual([]);
  });

  it('a corrupt object store', () => {
    const repo = TestRepo.create();
    const token = githubToken();
    repo.commit('a', { 'a.txt': `t=${token}\n` });
    const blob = repo.git('rev-parse', 'HEAD:a.txt').trim();
    const loose = join(repo.dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2));
    writeFileSync(loose, Buffer.from('not zlib at all'));
    const r = runCli(['scan', repo.dir, '--state', tempDir()]);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
  });

  it('bad options: unknown format, bad number, missing target', () => {
    for (const args of [['scan', '.', '--format', 'xml'], ['scan', '.', '--max-blob-bytes', 'lots'], ['scan']]) {
      const r = runCli(args);
      expect(r.code).toBe(2);
      oneLine(r.stderr);
      expect(r.stderr).toMatch(/\(see 'leakwatch scan --help'\)$/m);
    }
  });

  it('a rules directory with a bad rule names the file, rule and problem', () => {
    const rules = tempDir();
    writeFileSync(join(rules, 'bad.yaml'), "family: x\nprovider: Xyz\nrules:\n  - id: bad-rule\n    title: Bad rule\n    severity: high\n    keywords: [abc]\n    regex: '(abc.+)'\n    examples:\n      positive: [abcd]\n      negative: [xyz]\n");
    const r = runCli(['scan', '.', '--rules', rules, '--state', tempDir()]);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/bad\.yaml: rule bad-rule: regex: unbounded quantifier/);
  });

  it('the output file is not written when the scan fails', () => {
    const out = join(tempDir(), 'report.json');
    const r = runCli(['scan', '/nonexistent/x', '--output', out, '--state', tempDir()]);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe('leakwatch scan --min-confidence (built CLI)', () => {
  /**
   * A token in code (high) and a test's chosen word password (low, test/fixtures/). (A test's
   * private key was the low example until keys became one lower in tests, like tokens: medium.)
   */
  const testPassword = (): string => `password: ${['sun', 'shine', '42'].join('')}\n`;
  function repoWithLevels(): TestRepo {
    const repo = TestRepo.create();
    repo.commit('code', { 'src/gh.ts': `export const token = '${githubToken()}';\n` });
    repo.commit('tests', { 'test/fixtures/db.yml': testPassword() });
    return repo;
  }

  it('shows medium and up in text, says what it left out, and counts only what it shows in the exit code', () => {
    const repo = repoWithLevels();
    const text = runCli(['scan', repo.dir, '--format', 'text', '--state', tempDir()]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^HIGH CONFIDENCE \(1\)$/m);
    expect(text.stdout).not.toMatch(/LOW CONFIDENCE|db\.yml/);
    expect(text.stdout).toMatch(/^1 lower-confidence finding not shown \(1 low\); --min-confidence low shows them\.$/m);
    const all = runCli(['scan', repo.dir, '--format', 'text', '--min-confidence', 'low', '--state', tempDir()]);
    expect(all.stdout).toMatch(/^LOW CONFIDENCE \(1\)\n {2}MEDIUM {4}Hard-coded secret in an assignment.*\n {4}test\/fixtures\/db\.yml:1/m);
    expect(all.stdout).not.toMatch(/not shown/);

    const onlyLow = TestRepo.create();
    onlyLow.commit('tests', { 'test/fixtures/db.yml': testPassword() });
    const quiet = runCli(['scan', onlyLow.dir, '--format', 'text', '--state', tempDir()]);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toMatch(/^No findings shown in .*\n1 lower-confidence finding not shown/m);
    expect(runCli(['scan', onlyLow.dir, '--format', 'text', '--min-confidence', 'low', '--state', tempDir()]).code).toBe(1);
  });

  it('shows everything in json and sarif by default, and an explicit level applies to them too', () => {
    const repo = repoWithLevels();
    const json = runCli(['scan', repo.dir, '--format', 'json', '--state', tempDir()]);
    expect(JSON.parse(json.stdout).findings.map((f: { confidence: string }) => f.confidence).sort()).toEqual(['high', 'low']);
    const sarif = JSON.parse(runCli(['scan', repo.dir, '--format', 'sarif', '--state', tempDir()]).stdout);
    const results = sarif.runs[0].results as Array<{ level: string; rank: number; properties: { confidence: string } }>;
    const low = results.find((r) => r.properties.confidence === 'low')!;
    expect(low).toMatchObject({ level: 'note', rank: 20 });
    expect(results.find((r) => r.properties.confidence === 'high')).toMatchObject({ level: 'error', rank: 90 });
    const high = runCli(['scan', repo.dir, '--format', 'json', '--min-confidence', 'high', '--state', tempDir()]);
    expect(high.code).toBe(1);
    expect(JSON.parse(high.stdout).findings.map((f: { confidence: string }) => f.confidence)).toEqual(['high']);
  });

  it('a baseline keeps every finding, whatever the level shown', () => {
    const repo = repoWithLevels();
    const baseline = join(tempDir(), 'baseline.json');
    expect(runCli(['scan', repo.dir, '--format', 'text', '--write-baseline', baseline, '--state', tempDir()]).code).toBe(1);
    expect(JSON.parse(readFileSync(baseline, 'utf8')).findings).toHaveLength(2);
    const r = runCli(['scan', repo.dir, '--format', 'json', '--min-confidence', 'low', '--baseline', baseline, '--state', tempDir()]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).findings).toEqual([]);
  });

  it('a level it does not know is a one-line usage error, exit 2', () => {
    const r = runCli(['scan', '.', '--min-confidence', 'certain']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--min-confidence.*certain.*high, medium, low/);
  });
});
