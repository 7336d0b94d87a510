/**
 * Shared parts of the watch tests: an Octokit against the fake public GitHub, a source context
 * that records the candidates handed to it, and settings with test-sized limits.
 */
import type { Octokit } from '@octokit/rest';
import type { Indicator } from '../../src/domain/indicator.js';
import { createOctokit } from '../../src/github/create-octokit.js';
import { InMemoryWatchState } from '../../src/watch/memory-watch-state.js';
import type { SourceContext } from '../../src/watch/sources/types.js';
import type { Candidate, PublicExposure, WatchStateStore } from '../../src/watch/types.js';
import { parseWatchSettings } from '../../src/watch/watch-settings.js';
import type { WatchSettings } from '../../src/watch/watch-settings.js';
import type { FakePublicGitHub } from '../helpers/fake-github-public.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';

export function testOctokit(github: FakePublicGitHub, resilient = false, log = createMemoryLogger().log): Octokit {
  return createOctokit({ log, baseUrl: github.baseUrl, resilient, auth: ['test', 'token'].join('-') });
}

export interface RecordingContext extends SourceContext {
  indicated: Indicator[];
  handled: Candidate[];
  /** Exposures the source reported itself (canary key uses). */
  reported: PublicExposure[];
  clock: { now: number };
}

export function recordingContext(
  github: FakePublicGitHub,
  settings: Partial<WatchSettings> = {},
  state: WatchStateStore = new InMemoryWatchState(),
  octokit: Octokit = testOctokit(github),
): RecordingContext {
  const handled: Candidate[] = [];
  const reported: PublicExposure[] = [];
  const indicated: Indicator[] = [];
  const clock = { now: Date.parse('2026-11-28T12:00:00Z') };
  return {
    octokit,
    state,
    log: createMemoryLogger().log,
    settings: parseWatchSettings(settings),
    fetch,
    now: () => clock.now,
    alreadyHandled: (id) => state.hasSeen('candidates', id),
    handle: async (candidate) => {
      handled.push(candidate);
      state.markSeen('candidates', candidate.id);
    },
    report: async (exposure) => {
      reported.push(exposure);
    },
    indicate: async (indicator) => {
      indicated.push(indicator);
      return true;
    },
    indicated,
    handled,
    reported,
    clock,
  };
}
