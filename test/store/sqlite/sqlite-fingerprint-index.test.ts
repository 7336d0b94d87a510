import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCanaryMarker } from '../../../src/fingerprint/canary.js';
import { InMemoryFingerprintIndex } from '../../../src/fingerprint/fingerprint-index.js';
import { fingerprintText } from '../../../src/fingerprint/fingerprint-text.js';
import { scoreCandidate } from '../../../src/fingerprint/score-candidate.js';
import { updateRepoIndex } from '../../../src/fingerprint/update-repo-index.js';
import { DEFAULT_WINNOW_PARAMETERS } from '../../../src/fingerprint/winnow-parameters.js';
import { openDatabase } from '../../../src/store/sqlite/open-database.js';
import {
  SqliteFingerprintIndex, decodeFingerprints, encodeFingerprints, storedFingerprintParameters,
} from '../../../src/store/sqlite/sqlite-fingerprint-index.js';
import { OUR_CACHE, OUR_PARSER, UNRELATED } from '../../fingerprint/fixtures.js';
import { git, makeRepo, tempDir, writeFiles } from '../../fingerprint/git-fixture.js';
import { createMemoryLogger } from '../../helpers/memory-logger.js';
import { GIT_CONFIG_GLOBAL } from '../../helpers/git-config-global.js';

const saved = process.env.GIT_CONFIG_GLOBAL;
const params = DEFAULT_WINNOW_PARAMETERS;
const marker = createCanaryMarker('repo-svc', 'a-test-salt-of-enough-length');
const CANARIED = `// ${marker}\nexport const limits = { requests: 10, burst: 20 };\n`;

let open: Db[] = [];

function database(file: string): Db {
  const db = openDatabase(file);
  open.push(db);
  return db;
}

function dbFile(): string {
  return join(tempDir('fpstore'), 'state.db');
}

/** Candidates that exercise each kind of evidence: blob, fingerprints, canary, and none. */
function candidates(): string[] {
  const excerpt = OUR_PARSER.split('\n').slice(1, 27).join('\n').replaceAll('header', 'h').replaceAll('  ', '    ');
  return [OUR_CACHE, `${UNRELATED}\n${excerpt}\n`, `leak ${marker}\n`, UNRELATED, OUR_CACHE.replaceAll('entries', 'items')];
}

describe('SqliteFingerprintIndex', () => {
  beforeAll(() => {
    process.env.GIT_CONFIG_GLOBAL = GIT_CONFIG_GLOBAL;
  });
  afterEach(() => {
    for (const db of open) if (db.open) db.close();
    open = [];
  });
  afterAll(() => {
    process.env.GIT_CONFIG_GLOBAL = saved;
  });

  it('scores candidates exactly as the in-memory index does on the same files, before and after a reopen', async () => {
    const repo = makeRepo('svc', { 'src/cache.js': OUR_CACHE, 'src/parse.js': OUR_PARSER, 'src/limits.js': CANARIED });
    const memory = new InMemoryFingerprintIndex(params);
    await updateRepoIndex(memory, 'svc', repo);
    const file = dbFile();
    const stored = SqliteFingerprintIndex.open(database(file), { parameters: params });
    await updateRepoIndex(stored, 'svc', repo);

    const expected = candidates().map((c) => scoreCandidate(memory, c));
    expect(expected.filter((m) => m.length > 0)).toHaveLength(4);
    expect(expected.flat().map((m) => m.kind).sort()).toEqual(['blob', 'canary', 'fingerprint', 'fingerprint']);
    expect(candidates().map((c) => scoreCandidate(stored, c))).toEqual(expected);

    open[0]!.close();
    const reopened = SqliteFingerprintIndex.open(database(file), { parameters: params });
    expect(reopened.fileCount()).toBe(3);
    expect(reopened.findFile('svc', 'src/limits.js')?.canaries).toEqual([marker]);
    expect(candidates().map((c) => scoreCandidate(reopened, c))).toEqual(expected);
  });

  it('after a restart, an update reads only the blob that changed and drops deleted files', async () => {
    const repo = makeRepo('svc', { 'a.js': OUR_CACHE, 'b.js': OUR_PARSER, 'c.js': CANARIED });
    const file = dbFile();
    const first = SqliteFingerprintIndex.open(database(file), { parameters: params });
    expect(await updateRepoIndex(first, 'svc', repo)).toEqual({ added: 3, unchanged: 0, removed: 0, skipped: 0 });
    open[0]!.close();

    writeFiles(repo, { 'a.js': `${OUR_CACHE}\nexport const version = 2;\n` });
    git(repo, 'rm', '-q', 'b.js');
    git(repo, 'commit', '-qam', 'change a, delete b');
    const second = SqliteFingerprintIndex.open(database(file), { parameters: params });
    expect(await updateRepoIndex(second, 'svc', repo)).toEqual({ added: 1, unchanged: 1, removed: 1, skipped: 0 });
    open[1]!.close();

    const third = SqliteFingerprintIndex.open(database(file), { parameters: params });
    expect(third.pathsOfRepo('svc').sort()).toEqual(['a.js', 'c.js']);
    expect(scoreCandidate(third, OUR_PARSER)).toEqual([]);
    expect(await updateRepoIndex(third, 'svc', repo)).toEqual({ added: 0, unchanged: 2, removed: 0, skipped: 0 });
  });

  it('removeRepo drops every file and canary of a repository, in memory and on disk', async () => {
    const svc = makeRepo('svc', { 'a.js': OUR_CACHE, 'c.js': CANARIED });
    const other = makeRepo('other', { 'p.js': OUR_PARSER });
    const file = dbFile();
    const index = SqliteFingerprintIndex.open(database(file), { parameters: params });
    await updateRepoIndex(index, 'svc', svc);
    await updateRepoIndex(index, 'other', other);
    expect(index.repos().sort()).toEqual(['other', 'svc']);

    expect(index.removeRepo('svc')).toBe(2);
    expect(index.repos()).toEqual(['other']);
    expect(index.filesWithCanary(marker)).toEqual([]);
    const db = open[0]!;
    expect(db.prepare('SELECT count(*) FROM fingerprint_canaries').pluck().get()).toBe(0);
    db.close();

    const reopened = SqliteFingerprintIndex.open(database(file), { parameters: params });
    expect(reopened.repos()).toEqual(['other']);
    expect(scoreCandidate(reopened, OUR_CACHE)).toEqual([]);
    expect(scoreCandidate(reopened, OUR_PARSER)[0]).toMatchObject({ repo: 'other', path: 'p.js' });
  });

  it('drops the stored index, with a warning, when opened with other winnow parameters, and rebuilds on the next update', async () => {
    const repo = makeRepo('svc', { 'a.js': OUR_CACHE, 'b.js': OUR_PARSER });
    const file = dbFile();
    await updateRepoIndex(SqliteFingerprintIndex.open(database(file), { parameters: params }), 'svc', repo);
    expect(storedFingerprintParameters(open[0]!)).toEqual(params);
    open[0]!.close();

    const other = { k: 12, w: 10 };
    const logs = createMemoryLogger();
    const changed = SqliteFingerprintIndex.open(database(file), { parameters: other, log: logs.log });
    expect(changed.fileCount()).toBe(0);
    expect(logs.lines().find((l) => String(l['msg']).startsWith('Stored fingerprint index was made with other parameters'))).toMatchObject({ dropped: 2, k: 12, w: 10 });
    expect(await updateRepoIndex(changed, 'svc', repo)).toEqual({ added: 2, unchanged: 0, removed: 0, skipped: 0 });
    expect(storedFingerprintParameters(open[1]!)).toEqual(other);
    open[1]!.close();

    const same = SqliteFingerprintIndex.open(database(file), { parameters: other, log: logs.log });
    expect(same.fileCount()).toBe(2);
    expect(same.findFile('svc', 'a.js')?.fingerprints.hashes).toEqual(fingerprintText(OUR_CACHE, other).hashes);
  });

  it('opens a current index without writing, so a read-only connection (another process reading the daemon\'s database) can match', async () => {
    const repo = makeRepo('svc', { 'a.js': OUR_CACHE });
    const file = dbFile();
    await updateRepoIndex(SqliteFingerprintIndex.open(database(file), { parameters: params }), 'svc', repo);
    open[0]!.close();
    const readOnly = new Database(file, { readonly: true });
    open.push(readOnly);
    const index = SqliteFingerprintIndex.open(readOnly, { parameters: storedFingerprintParameters(readOnly)! });
    expect(scoreCandidate(index, OUR_CACHE)[0]).toMatchObject({ repo: 'svc', path: 'a.js', kind: 'blob' });
  });

  it('drops a damaged fingerprint row at open instead of trusting it, so the next update re-reads that file', async () => {
    const repo = makeRepo('svc', { 'a.js': OUR_CACHE, 'b.js': OUR_PARSER });
    const file = dbFile();
    await updateRepoIndex(SqliteFingerprintIndex.open(database(file), { parameters: params }), 'svc', repo);
    open[0]!.prepare("UPDATE fingerprint_files SET fingerprints = x'0102030405' WHERE path = 'a.js'").run();
    open[0]!.close();

    const logs = createMemoryLogger();
    const index = SqliteFingerprintIndex.open(database(file), { parameters: params, log: logs.log });
    expect(index.pathsOfRepo('svc')).toEqual(['b.js']);
    expect(logs.text()).toContain('Damaged fingerprint index rows dropped');
    expect(await updateRepoIndex(index, 'svc', repo)).toEqual({ added: 1, unchanged: 1, removed: 0, skipped: 0 });
  });

  it('encodes fingerprints as little-endian Uint32 hashes, start lines and end lines, and decodes them back', () => {
    const fp = fingerprintText(OUR_PARSER, params);
    const blob = encodeFingerprints(fp);
    expect(blob.length).toBe(fp.hashes.length * 12);
    expect(blob.readUInt32LE(0)).toBe(fp.hashes[0]);
    expect(blob.readUInt32LE(fp.hashes.length * 4)).toBe(fp.startLines[0]);
    expect(blob.readUInt32LE(fp.hashes.length * 8)).toBe(fp.endLines[0]);
    // An unaligned copy, as SQLite may hand back, decodes the same.
    const unaligned = Buffer.concat([Buffer.from([0]), blob]).subarray(1);
    expect(decodeFingerprints(unaligned, fp.tokenCount, fp.lineCount)).toEqual(fp);
    expect(decodeFingerprints(blob.subarray(1), 0, 0)).toBeUndefined();
  });
});
