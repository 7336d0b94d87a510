/**
 * Public source: the GitHub public events stream (`GET /events`). Polled with the last ETag
 * (a 304 costs nothing against the rate limit and yields nothing), never sooner than GitHub's
 * `X-Poll-Interval`, following `Link` pages up to a limit. Picked events lead to the files
 * they made public: a push's changed files, or a repository's default-branch tree.
 */
import type { Octokit } from '@octokit/rest';
import { z } from 'zod';
import { splitFullName } from '../../github/fetch-blob.js';
import { fetchRepoTree } from '../../github/fetch-repo-tree.js';
import { errorHeader, isStatus } from '../../github/is-status.js';
import { nextPageUrl } from '../../github/next-page-url.js';
import type { SourceContext, SourceReport, WatchSource } from '../types.js';
import { eventSchema } from './event-schema.js';
import type { GitHubEvent } from './event-schema.js';
import { anyOurEmail } from './email-domain.js';
import { fetchCommitEmails } from './fetch-commit-emails.js';
import { fetchCompare } from './fetch-compare.js';
import { pickEvent } from './pick-event.js';
import type { EventAction } from './pick-event.js';

export const SOURCE_ID = 'github-events';
const ETAG_KEY = `${SOURCE_ID}:etag`;
const NOT_BEFORE_KEY = `${SOURCE_ID}:not-before`;
const DEFAULT_POLL_INTERVAL_S = 60;

export function createGithubEventsSource(): WatchSource {
  return { id: SOURCE_ID, poll };
}

async function poll(ctx: SourceContext): Promise<SourceReport> {
  const notBefore = Number(ctx.state.get(NOT_BEFORE_KEY) ?? 0);
  if (ctx.now() < notBefore) return { requests: 0, candidates: 0, skipped: 'poll-interval' };
  const etag = ctx.state.get(ETAG_KEY);
  let first;
  try {
    first = await ctx.octokit.request('GET /events', { per_page: 100, headers: etag ? { 'if-none-match': etag } : {} });
  } catch (err) {
    if (!isStatus(err, 304)) throw err;
    ctx.state.set(NOT_BEFORE_KEY, String(ctx.now() + pollIntervalMs(errorHeader(err, 'x-poll-interval'))));
    return { requests: 1, candidates: 0 };
  }
  const events = z.array(eventSchema).parse(first.data);
  let requests = 1;
  let next = nextPageUrl(first.headers.link);
  for (let page = 1; next && page < ctx.settings.eventPages; page++) {
    const res = await ctx.octokit.request({ method: 'GET', url: next });
    requests++;
    events.push(...z.array(eventSchema).parse(res.data));
    next = nextPageUrl(res.headers.link);
  }
  let candidates = 0;
  const probes = { left: ctx.settings.emailProbesPerPoll, skipped: 0 };
  // Oldest first, so what happened first is reported first.
  for (const event of events.reverse()) {
    if (ctx.state.hasSeen(SOURCE_ID, event.id)) continue;
    try {
      const done = await handleEvent(ctx, event, probes);
      requests += done.requests;
      candidates += done.candidates;
      ctx.state.markSeen(SOURCE_ID, event.id);
    } catch (err) {
      // Not marked seen: the event is retried while GitHub still lists it (about 300 events).
      // One bad repository must not hold up the rest of the stream.
      ctx.log.warn({ event: event.id, repository: event.repo.name, err }, 'Public event could not be fetched');
    }
  }
  if (probes.skipped > 0) ctx.log.debug({ skipped: probes.skipped, budget: ctx.settings.emailProbesPerPoll }, 'E-mail probe budget spent; pushes passed over');
  // Moved only now: a crash above re-reads these pages next time instead of losing them.
  if (first.headers.etag) ctx.state.set(ETAG_KEY, first.headers.etag);
  ctx.state.set(NOT_BEFORE_KEY, String(ctx.now() + pollIntervalMs(first.headers['x-poll-interval'])));
  return { requests, candidates };
}

async function handleEvent(ctx: SourceContext, event: GitHubEvent, probes: { left: number; skipped: number }): Promise<{ requests: number; candidates: number }> {
  const action = pickEvent(event, ctx.settings);
  if (!action) return { requests: 0, candidates: 0 };
  if (action.probe) {
    // A stranger's push is one of many: past the budget it is passed over (and marked seen).
    if (probes.left <= 0) {
      probes.skipped++;
      return { requests: 0, candidates: 0 };
    }
    probes.left--;
  }
  ctx.log.debug({ event: event.id, type: event.type, repository: action.repository, reason: action.reason }, 'Public event picked');
  if (action.kind === 'compare') return fetchCompare(ctx, action.repository, action.before, action.head, action.probe);
  if (action.probe && action.ref !== undefined) {
    const emails = await fetchCommitEmails(ctx, action.repository, action.ref);
    if (!anyOurEmail(emails, ctx.settings.emailDomains)) return { requests: 1, candidates: 0 };
    const done = await fetchTree(ctx, ctx.octokit, action);
    return { requests: 1 + done.requests, candidates: done.candidates };
  }
  return fetchTree(ctx, ctx.octokit, action);
}

async function fetchTree(ctx: SourceContext, octokit: Octokit, action: Extract<EventAction, { kind: 'tree' }>): Promise<{ requests: number; candidates: number }> {
  let ref = action.ref;
  let requests = 0;
  if (ref === undefined) {
    const [owner, repo] = splitFullName(action.repository);
    requests++;
    try {
      const res = await octokit.request('GET /repos/{owner}/{repo}', { owner, repo });
      ref = z.object({ default_branch: z.string() }).parse(res.data).default_branch;
    } catch (err) {
      if (isStatus(err, 404)) return { requests, candidates: 0 };
      throw err;
    }
  }
  const done = await fetchRepoTree(ctx, octokit, action.repository, ref);
  return { requests: requests + done.requests, candidates: done.candidates };
}

function pollIntervalMs(header: string | number | undefined): number {
  const seconds = Number(header);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_POLL_INTERVAL_S) * 1000;
}
