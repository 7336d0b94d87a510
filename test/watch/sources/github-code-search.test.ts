import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCodeSearchQuery, MAX_QUERY_LENGTH } from '../../../src/watch/sources/github-code-search/build-query.js';
import { createGithubCodeSearchSource } from '../../../src/watch/sources/github-code-search/index.js';
import type { SearchTerm } from '../../../src/watch/sources/types.js';
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

/** A fake clock whose sleep advances time instead of waiting, recording each wait. */
function fakeTime(): { now: () => number; sleep: (ms: number) => Promise<void>; waits: number[] } {
  let t = 0;
  const waits: number[] = [];
  return {
    now: () => t,
    sleep: async (ms) => {
      waits.push(ms);
      t += ms;
    },
    waits,
  };
}

describe('buildCodeSearchQuery', () => {
  it('quotes the string as a phrase', () => {
    expect(buildCodeSearchQuery('billing-db.int.acme.example')).toBe('"billing-db.int.acme.example"');
  });

  it('keeps every query under 256 characters by cutting long strings', () => {
    const q = buildCodeSearchQuery('x'.repeat(1000), 'language:js')!;
    expect(q.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(q.endsWith('" language:js')).toBe(true);
  });

  it('drops strings too short to be distinctive once a quote cuts them', () => {
    expect(buildCodeSearchQuery('ab"cdefghijk')).toBeUndefined();
  });
});

describe('github-code-search source', () => {
  const terms: SearchTerm[] = [
    { repository: 'billing', value: 'billing-db.int.acme.example' },
    { repository: 'billing', value: 'ACME_BILLING_LEDGER_V7' },
    { repository: 'portal', value: 'portal-session-cookie-v3' },
  ];

  it('searches each term and hands over the hit fetched through the contents API', async () => {
    github.addRepo({
      fullName: 'someone/dump',
      commits: { c9: { 'conf/db.yml': 'host: billing-db.int.acme.example\n' } },
      branches: { main: 'c9' },
    });
    const time = fakeTime();
    const source = createGithubCodeSearchSource({ searchTerms: () => terms, ...time });
    const ctx = recordingContext(github);
    const report = await source.poll(ctx);
    expect(github.requestsTo('/search/code').map((r) => r.query.q)).toEqual(terms.map((t) => `"${t.value}"`));
    const contents = github.requestsTo('/repos/someone/dump/contents/');
    expect(contents.map((r) => [r.path, r.query.ref])).toEqual([['/repos/someone/dump/contents/conf/db.yml', 'c9']]);
    expect(ctx.handled.map((c) => [c.publicLocation, c.path, c.content.toString()])).toEqual([['someone/dump', 'conf/db.yml', 'host: billing-db.int.acme.example\n']]);
    expect(ctx.handled[0]!.url).toBe('https://github.com/someone/dump/blob/c9/conf/db.yml');
    expect(report).toEqual({ requests: 4, candidates: 1 });
  });

  it('spaces searches on its own limiter at 10 a minute', async () => {
    const time = fakeTime();
    const source = createGithubCodeSearchSource({ searchTerms: () => terms, ...time });
    await source.poll(recordingContext(github));
    expect(time.waits).toEqual([6000, 6000]);
  });

  it('walks the terms a few per poll from a stored cursor', async () => {
    const time = fakeTime();
    const source = createGithubCodeSearchSource({ searchTerms: () => terms, ...time });
    const ctx = recordingContext(github, { codeSearchQueriesPerPoll: 2 });
    await source.poll(ctx);
    await source.poll(ctx);
    expect(github.requestsTo('/search/code').map((r) => r.query.q)).toEqual([
      `"${terms[0]!.value}"`, `"${terms[1]!.value}"`, `"${terms[2]!.value}"`, `"${terms[0]!.value}"`,
    ]);
    expect(ctx.state.get('github-code-search:cursor')).toBe('1');
  });

  it('does not fetch a hit it already matched', async () => {
    github.addRepo({ fullName: 'someone/dump', commits: { c9: { 'a.txt': 'ACME_BILLING_LEDGER_V7\n' } }, branches: { main: 'c9' } });
    const source = createGithubCodeSearchSource({ searchTerms: () => [terms[1]!], ...fakeTime() });
    const ctx = recordingContext(github);
    await source.poll(ctx);
    await source.poll(ctx);
    expect(github.requestsTo('/repos/someone/dump/contents/')).toHaveLength(1);
    expect(ctx.handled).toHaveLength(1);
  });

  it('skips the poll when there is nothing to search for', async () => {
    const source = createGithubCodeSearchSource({ searchTerms: () => [] });
    expect(await source.poll(recordingContext(github))).toMatchObject({ skipped: 'no-terms', requests: 0 });
    expect(github.requests).toEqual([]);
  });
});
