import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGithubGistsSource } from '../../../src/watch/sources/github-gists/index.js';
import { startFakePublicGitHub } from '../../helpers/fake-github-public.js';
import type { FakePublicGitHub } from '../../helpers/fake-github-public.js';
import { recordingContext } from '../watch-fixture.js';

let github: FakePublicGitHub;
beforeEach(async () => {
  github = await startFakePublicGitHub();
});
afterEach(async () => {
  await github.close();
});

const source = createGithubGistsSource();

describe('github-gists source', () => {
  it('pages public gists and fetches each file from its raw_url', async () => {
    github.addGist({ id: 'g1', updatedAt: '2026-11-28T10:00:00Z', files: { 'a.js': 'one\n', 'b.md': 'two\n' } });
    github.addGist({ id: 'g2', updatedAt: '2026-11-28T11:00:00Z', files: { 'c.py': 'three\n' } });
    const ctx = recordingContext(github);
    const report = await source.poll(ctx);
    expect(ctx.handled.map((c) => [c.publicLocation, c.path, c.content.toString()]).sort()).toEqual([
      ['gist:g1', 'a.js', 'one\n'], ['gist:g1', 'b.md', 'two\n'], ['gist:g2', 'c.py', 'three\n'],
    ]);
    expect(github.requestsTo('/raw/gists/')).toHaveLength(3);
    expect(report).toEqual({ requests: 4, candidates: 3 });
  });

  it('follows Link pages up to the page limit', async () => {
    for (let i = 0; i < 250; i++) github.addGist({ id: `g${i}`, updatedAt: new Date(Date.UTC(2026, 10, 28, 0, i)).toISOString(), files: { 'f.txt': `${i}\n` } });
    const ctx = recordingContext(github, { gistPages: 2 });
    await source.poll(ctx);
    expect(github.requestsTo('/gists/public').map((r) => r.query.page ?? '1')).toEqual(['1', '2']);
    expect(ctx.handled).toHaveLength(200);
  });

  it('asks only for gists updated since the newest one seen, and matches an edited gist again', async () => {
    github.addGist({ id: 'g1', updatedAt: '2026-11-28T10:00:00Z', files: { 'a.js': 'one\n' } });
    const ctx = recordingContext(github);
    await source.poll(ctx);
    await source.poll(ctx);
    expect(github.requestsTo('/gists/public').map((r) => r.query.since)).toEqual([undefined, '2026-11-28T10:00:00Z']);
    expect(ctx.handled).toHaveLength(1);

    github.addGist({ id: 'g1', updatedAt: '2026-11-28T12:00:00Z', files: { 'a.js': 'one, edited\n' } });
    await source.poll(ctx);
    expect(ctx.handled.map((c) => c.content.toString())).toEqual(['one\n', 'one, edited\n']);
  });

  it('skips files larger than the size limit without fetching them', async () => {
    github.addGist({ id: 'big', updatedAt: '2026-11-28T10:00:00Z', files: { 'dump.sql': 'x'.repeat(2000) } });
    const ctx = recordingContext(github, { maxFileBytes: 1000 });
    await source.poll(ctx);
    expect(github.requestsTo('/raw/gists/')).toEqual([]);
    expect(ctx.handled).toEqual([]);
  });
});
