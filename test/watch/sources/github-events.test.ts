import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGithubEventsSource } from '../../../src/watch/sources/github-events/index.js';
import { fakeEvent, startFakePublicGitHub } from '../../helpers/fake-github-public.js';
import type { FakePublicGitHub } from '../../helpers/fake-github-public.js';
import { createMemoryLogger } from '../../helpers/memory-logger.js';
import { recordingContext, testOctokit } from '../watch-fixture.js';

let github: FakePublicGitHub;
beforeEach(async () => {
  github = await startFakePublicGitHub({ eventsPerPage: 2, pollIntervalSeconds: 60 });
});
afterEach(async () => {
  await github.close();
});

const source = createGithubEventsSource();

function addNoise(n: number): void {
  for (let i = 0; i < n; i++) github.addEvent(fakeEvent('WatchEvent', `stranger${i}`, `stranger${i}/thing`, { action: 'started' }));
}

function addPublicRepo(fullName: string, files: Record<string, string>, description?: string): void {
  github.addRepo({ fullName, description, commits: { c1: files }, branches: { main: 'c1' } });
}

describe('github-events source', () => {
  it('follows Link pages up to the page limit', async () => {
    addNoise(7); // 4 pages of 2
    const ctx = recordingContext(github, { eventPages: 3 });
    const report = await source.poll(ctx);
    const pages = github.requestsTo('/events').map((r) => r.query.page ?? '1');
    expect(pages).toEqual(['1', '2', '3']);
    expect(report).toMatchObject({ requests: 3, candidates: 0 });
  });

  it('sends the stored ETag once the poll interval has passed, and a 304 yields nothing', async () => {
    addNoise(1);
    const ctx = recordingContext(github);
    await source.poll(ctx);
    const etag = ctx.state.get('github-events:etag');
    expect(etag).toMatch(/^"[0-9a-f]+"$/);

    ctx.clock.now += 61_000;
    const report = await source.poll(ctx);
    const second = github.requestsTo('/events')[1]!;
    expect(second.headers['if-none-match']).toBe(etag);
    expect(report).toEqual({ requests: 1, candidates: 0 });
    expect(ctx.handled).toEqual([]);
    // The 304 carried X-Poll-Interval too: the next poll waits for it.
    expect(await source.poll(ctx)).toMatchObject({ skipped: 'poll-interval' });
  });

  it('does not poll again before X-Poll-Interval has elapsed', async () => {
    await github.close();
    github = await startFakePublicGitHub({ pollIntervalSeconds: 300 });
    addNoise(1);
    const ctx = recordingContext(github);
    await source.poll(ctx);
    ctx.clock.now += 299_000;
    expect(await source.poll(ctx)).toMatchObject({ requests: 0, skipped: 'poll-interval' });
    expect(github.requestsTo('/events')).toHaveLength(1);
    ctx.clock.now += 2_000;
    await source.poll(ctx);
    expect(github.requestsTo('/events')).toHaveLength(2);
  });

  it('fetches what a push by a perimeter account changed through compare and blobs', async () => {
    github.addRepo({
      fullName: 'dev-jane/scratch',
      commits: { aaa1: { 'a.txt': 'old\n', 'keep.txt': 'same\n' }, bbb2: { 'a.txt': 'new text\n', 'keep.txt': 'same\n', 'b.txt': 'added\n' } },
      branches: { main: 'bbb2' },
    });
    github.addEvent(fakeEvent('PushEvent', 'dev-jane', 'dev-jane/scratch', { ref: 'refs/heads/main', before: 'aaa1', head: 'bbb2' }));
    const ctx = recordingContext(github, { users: ['dev-jane'] });
    await source.poll(ctx);
    expect(github.requestsTo('/repos/dev-jane/scratch/compare/aaa1...bbb2')).toHaveLength(1);
    expect(ctx.handled.map((c) => [c.path, c.content.toString()])).toEqual([['a.txt', 'new text\n'], ['b.txt', 'added\n']]);
    expect(ctx.handled[0]!.url).toBe('https://github.com/dev-jane/scratch/blob/bbb2/a.txt');
  });

  it('lists the default-branch tree of a repository made public whose name carries a project name', async () => {
    addPublicRepo('someone/billing-api-copy', { 'src/x.js': 'x\n', 'node_modules/dep/index.js': 'dep\n' });
    github.addEvent(fakeEvent('PublicEvent', 'someone', 'someone/billing-api-copy'));
    const ctx = recordingContext(github, { projectNames: ['billing-api'] });
    await source.poll(ctx);
    expect(github.requestsTo('/repos/someone/billing-api-copy/git/trees/main')[0]!.query.recursive).toBe('1');
    expect(ctx.handled.map((c) => c.path)).toEqual(['src/x.js']);
  });

  it('fetches the fork of a repository of our organisation', async () => {
    addPublicRepo('outsider/tools', { 'run.sh': 'echo hi\n' });
    github.addEvent(fakeEvent('ForkEvent', 'outsider', 'acme/tools', { forkee: { full_name: 'outsider/tools', default_branch: 'main' } }));
    const ctx = recordingContext(github, { orgs: ['acme'] });
    await source.poll(ctx);
    expect(ctx.handled.map((c) => `${c.publicLocation}:${c.path}`)).toEqual(['outsider/tools:run.sh']);
  });

  it('lists the pushed commit\'s tree when the push created the branch', async () => {
    github.addRepo({ fullName: 'dev-jane/new', commits: { n1: { 'x.js': 'x\n' } }, branches: { main: 'n1' } });
    github.addEvent(fakeEvent('PushEvent', 'dev-jane', 'dev-jane/new', { ref: 'refs/heads/topic', before: '0'.repeat(40), head: 'n1' }));
    const ctx = recordingContext(github, { users: ['dev-jane'] });
    await source.poll(ctx);
    expect(github.requestsTo('/repos/dev-jane/new/git/trees/n1')).toHaveLength(1);
    expect(ctx.handled.map((c) => c.url)).toEqual(['https://github.com/dev-jane/new/blob/n1/x.js']);
  });

  it('picks a push by a stranger whose listed commit authors use one of our e-mail domains', async () => {
    github.addRepo({ fullName: 'stranger/app', commits: { s1: {}, s2: { 'k.txt': 'k\n' } }, branches: { main: 's2' } });
    github.addEvent(fakeEvent('PushEvent', 'stranger', 'stranger/app', { before: 's1', head: 's2', commits: [{ author: { email: 'jane@Acme.example' } }] }));
    const ctx = recordingContext(github, { emailDomains: ['acme.example'] });
    await source.poll(ctx);
    expect(ctx.handled.map((c) => c.path)).toEqual(['k.txt']);
  });

  describe('commit e-mail domains', () => {
    function strangerPush(fullName: string, emails: { authorEmail?: string; committerEmail?: string }): void {
      github.addRepo({ fullName, commits: { s1: { 'old.txt': 'o\n' }, s2: { 'old.txt': 'o\n', 'ours.py': 'print(1)\n' } }, branches: { main: 's2' }, ...emails });
      // Current push payloads carry no commits: the e-mails are only in the compare.
      github.addEvent(fakeEvent('PushEvent', 'stranger', fullName, { ref: 'refs/heads/main', before: 's1', head: 's2' }));
    }

    it('fetches a push by a stranger whose compared commits have an author e-mail in our domains', async () => {
      strangerPush('stranger/app', { authorEmail: 'jane@Acme.example' });
      const ctx = recordingContext(github, { emailDomains: ['acme.example'] });
      await source.poll(ctx);
      expect(github.requestsTo('/repos/stranger/app/compare/s1...s2')).toHaveLength(1);
      expect(ctx.handled.map((c) => c.path)).toEqual(['ours.py']);
    });

    it('counts the committer e-mail too, and subdomains of our domains', async () => {
      strangerPush('stranger/rebased', { authorEmail: 'someone@example.org', committerEmail: 'ci@build.acme.example' });
      const ctx = recordingContext(github, { emailDomains: ['acme.example'] });
      await source.poll(ctx);
      expect(ctx.handled.map((c) => `${c.publicLocation}:${c.path}`)).toEqual(['stranger/rebased:ours.py']);
    });

    it('spends one compare request on a stranger push with other e-mails, and fetches none of its files', async () => {
      strangerPush('stranger/other', { authorEmail: 'bob@acme.example.org' });
      const ctx = recordingContext(github, { emailDomains: ['acme.example'] });
      const report = await source.poll(ctx);
      expect(github.requestsTo('/repos/stranger/other/compare/')).toHaveLength(1);
      expect(github.requestsTo('/repos/stranger/other/git/blobs/')).toHaveLength(0);
      expect(ctx.handled).toEqual([]);
      expect(report).toEqual({ requests: 2, candidates: 0 });
    });

    it('looks up at most emailProbesPerPoll stranger pushes per poll, and none without e-mail domains', async () => {
      strangerPush('stranger/one', { authorEmail: 'jane@acme.example' });
      strangerPush('stranger/two', { authorEmail: 'jane@acme.example' });
      strangerPush('stranger/three', { authorEmail: 'jane@acme.example' });
      const ctx = recordingContext(github, { emailDomains: ['acme.example'], emailProbesPerPoll: 2 });
      await source.poll(ctx);
      // Oldest first: the first two pushes listed get the budget.
      expect(github.requests.filter((r) => r.path.includes('/compare/')).map((r) => r.path.split('/')[3])).toEqual(['one', 'two']);
      expect(ctx.handled.map((c) => c.publicLocation)).toEqual(['stranger/one', 'stranger/two']);

      const before = github.requests.length;
      const plain = recordingContext(github, {});
      plain.clock.now = ctx.clock.now;
      await source.poll(plain);
      expect(github.requests.slice(before).filter((r) => r.path.includes('/compare/'))).toEqual([]);
    });

    it('for a new branch pushed by a stranger, reads the head commit\'s e-mails and lists its tree only when one is ours', async () => {
      github.addRepo({ fullName: 'stranger/fresh', commits: { f1: { 'app.py': 'x = 1\n' } }, branches: { main: 'f1' }, authorEmail: 'jane@acme.example' });
      github.addRepo({ fullName: 'stranger/unrelated', commits: { u1: { 'b.py': 'y = 2\n' } }, branches: { main: 'u1' } });
      github.addEvent(fakeEvent('PushEvent', 'stranger', 'stranger/fresh', { ref: 'refs/heads/main', before: '0'.repeat(40), head: 'f1' }));
      github.addEvent(fakeEvent('PushEvent', 'stranger', 'stranger/unrelated', { ref: 'refs/heads/main', before: '0'.repeat(40), head: 'u1' }));
      const ctx = recordingContext(github, { emailDomains: ['acme.example'] });
      await source.poll(ctx);
      expect(github.requestsTo('/repos/stranger/fresh/commits/f1')).toHaveLength(1);
      expect(github.requestsTo('/repos/stranger/unrelated/commits/u1')).toHaveLength(1);
      expect(github.requestsTo('/repos/stranger/unrelated/git/trees')).toHaveLength(0);
      expect(ctx.handled.map((c) => `${c.publicLocation}:${c.path}`)).toEqual(['stranger/fresh:app.py']);
    });
  });

  it('stops fetching a repository tree once its byte budget is spent', async () => {
    addPublicRepo('acme/big', { 'a.txt': 'a'.repeat(600), 'b.txt': 'b'.repeat(600), 'c.txt': 'c'.repeat(300) });
    github.addEvent(fakeEvent('PublicEvent', 'acme-bot', 'acme/big'));
    const ctx = recordingContext(github, { orgs: ['acme'], repoByteBudget: 1000 });
    await source.poll(ctx);
    expect(ctx.handled.map((c) => c.path)).toEqual(['a.txt', 'c.txt']);
    expect(github.requestsTo('/repos/acme/big/git/blobs/')).toHaveLength(2);
  });

  it('ignores events outside the perimeter and without our project names', async () => {
    addPublicRepo('someone/other', { 'a.js': 'a\n' });
    github.addEvent(fakeEvent('PublicEvent', 'someone', 'someone/other'));
    github.addEvent(fakeEvent('PushEvent', 'someone', 'someone/other', { before: 'c0', head: 'c1' }));
    const ctx = recordingContext(github, { orgs: ['acme'], users: ['dev-jane'], projectNames: ['billing-api'] });
    await source.poll(ctx);
    expect(github.requests.map((r) => r.path)).toEqual(['/events']);
    expect(ctx.handled).toEqual([]);
  });

  it('does not handle an event twice when it shows up again on a later page', async () => {
    addPublicRepo('acme/leaky', { 'a.js': 'a\n' });
    github.addEvent(fakeEvent('PublicEvent', 'acme-bot', 'acme/leaky'));
    const ctx = recordingContext(github, { orgs: ['acme'] });
    await source.poll(ctx);
    addNoise(1); // changes the ETag, so the old event is listed again
    ctx.clock.now += 61_000;
    await source.poll(ctx);
    expect(github.requestsTo('/repos/acme/leaky/git/trees')).toHaveLength(1);
  });

  it('skips an event whose fetch fails, handles the rest, and retries it on the next poll', async () => {
    github.addRepo({ fullName: 'acme/broken', commits: { c1: { 'a.js': 'a\n' } }, branches: { main: 'c1' } });
    addPublicRepo('acme/fine', { 'b.js': 'b\n' });
    github.addEvent(fakeEvent('PublicEvent', 'acme-bot', 'acme/broken'));
    github.addEvent(fakeEvent('PublicEvent', 'acme-bot', 'acme/fine'));
    github.failNext('/repos/acme/broken/git/trees', { status: 500, times: 1, message: 'boom' });
    const ctx = recordingContext(github, { orgs: ['acme'] });
    await source.poll(ctx);
    expect(ctx.handled.map((c) => c.publicLocation)).toEqual(['acme/fine']);
    addNoise(1);
    ctx.clock.now += 61_000;
    await source.poll(ctx);
    expect(ctx.handled.map((c) => c.publicLocation)).toEqual(['acme/fine', 'acme/broken']);
  });

  it.each([403, 429])('waits out a %i secondary rate limit with retry-after through the throttling plugin', async (status) => {
    addNoise(1);
    github.failNext('/events', { status, times: 1, headers: { 'retry-after': '0.01' } });
    const logger = createMemoryLogger();
    const ctx = recordingContext(github, {}, undefined, testOctokit(github, true, logger.log));
    const report = await source.poll(ctx);
    expect(github.requestsTo('/events').length).toBeGreaterThanOrEqual(2);
    expect(logger.lines().find((l) => l.msg === 'GitHub secondary rate limit reached')).toMatchObject({ retryAfter: 0.01, retryCount: 0 });
    expect(report.requests).toBe(1);
    expect(ctx.state.get('github-events:etag')).toBeDefined();
  });

  it('waits for the reset of an exhausted primary rate limit, then retries', async () => {
    addNoise(1);
    const reset = String(Math.floor(Date.now() / 1000));
    github.failNext('/events', { status: 403, times: 1, message: 'API rate limit exceeded', headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset } });
    const logger = createMemoryLogger();
    const ctx = recordingContext(github, {}, undefined, testOctokit(github, true, logger.log));
    await source.poll(ctx);
    expect(github.requestsTo('/events')).toHaveLength(2);
    expect(logger.lines().some((l) => l.msg === 'GitHub rate limit reached')).toBe(true);
  });

  it('without the throttling plugin, a rate limit fails the poll and leaves the cursor where it was', async () => {
    addNoise(1);
    github.failNext('/events', { status: 403, times: 1, headers: { 'retry-after': '0.01' } });
    const ctx = recordingContext(github);
    await expect(source.poll(ctx)).rejects.toMatchObject({ status: 403 });
    expect(ctx.state.get('github-events:etag')).toBeUndefined();
  });
});
