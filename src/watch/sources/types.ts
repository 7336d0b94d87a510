/**
 * The interface of a public source (GitHub events, code search, gists). A source polls, hands
 * each public file it fetched to `handle` (which matches it and delivers what is ours), and
 * only then moves its cursor in the state, so a crash mid-poll repeats work rather than losing
 * it; seen ids make the repeat free of duplicates.
 */
import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import type { GuardDutyClient } from '@aws-sdk/client-guardduty';
import type { Indicator } from '../../domain/indicator.js';
import type { Octokit } from '@octokit/rest';
import type { Logger } from '../../logger.js';
import type { WatchSettings } from '../watch-settings.js';
import type { Candidate, PublicExposure, WatchStateStore } from '../types.js';

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
  /**
   * Delivers an exposure the source established itself (a canary key's use), with no matching
   * and no "deliver once" key: the source keeps its own seen ids and marks them after this.
   */
  report(exposure: PublicExposure): Promise<void>;
  /**
   * Delivers an indicator (a GuardDuty finding, a CloudTrail event around a code store) to the
   * incident engine; false when it was deferred, so the source must not mark it seen yet.
   */
  indicate(indicator: Indicator): Promise<boolean>;
}

export interface SourceReport {
  /** Requests made to GitHub (a 304 counts: it is free against the rate limit, not against time). */
  requests: number;
  candidates: number;
  /** The source decided not to poll now (e.g. `X-Poll-Interval` not yet elapsed). */
  skipped?: 'poll-interval' | 'no-terms' | 'no-canary-keys' | 'disabled';
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
  /** CloudTrail client of a region, for the canary-key source; by default the SDK's credential chain. */
  cloudtrail?: (region: string) => CloudTrailClient;
  /** GuardDuty client of a region, for the GuardDuty source. */
  guardduty?: (region: string) => GuardDutyClient;
}

export interface SearchTerm {
  repository: string;
  value: string;
}

export type WatchSourceFactory = (deps: SourceDeps) => WatchSource;
