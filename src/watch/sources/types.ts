/**
 * The interface of a public source (GitHub events, code search, gists). A source polls, hands
 * each public file it fetched to `handle` (which matches it and delivers what is ours), and
 * only then moves its cursor in the state, so a crash mid-poll repeats work rather than losing
 * it; seen ids make the repeat free of duplicates.
 */
import type { Octokit } from '@octokit/rest';
import type { Logger } from '../../logger.js';
import type { WatchSettings } from '../watch-settings.js';
import type { Candidate, WatchStateStore } from '../types.js';

export interface SourceContext {
  octokit: Octokit;
  state: WatchStateStore;
  log: Logger;
  settings: WatchSettings;
  /** Plain fetch for raw file URLs outside the API (gist raw_url); the token is not sent there. */
  fetch: typeof fetch;
  now: () => number;
  /** Whether a candidate id was already matched, so its content need not be fetched again. */
  alreadyHandled(candidateId: string): boolean;
  /** Matches one candidate and delivers its exposures; resolves once they are delivered. */
  handle(candidate: Candidate): Promise<void>;
}

export interface SourceReport {
  /** Requests made to GitHub (a 304 counts: it is free against the rate limit, not against time). */
  requests: number;
  candidates: number;
  /** The source decided not to poll now (e.g. `X-Poll-Interval` not yet elapsed). */
  skipped?: 'poll-interval' | 'no-terms';
}

export interface WatchSource {
  readonly id: string;
  poll(ctx: SourceContext): Promise<SourceReport>;
}

/** What a source factory may need beyond the per-poll context; created once per process. */
export interface SourceDeps {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Distinctive strings to search for, each with the repository it identifies. */
  searchTerms?: () => readonly SearchTerm[];
}

export interface SearchTerm {
  repository: string;
  value: string;
}

export type WatchSourceFactory = (deps: SourceDeps) => WatchSource;
