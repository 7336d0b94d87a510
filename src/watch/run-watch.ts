/**
 * One poll cycle of the public watch: every source polls in turn, every public file it hands
 * over is matched (fingerprints and secrets), and every new exposure goes to the sink. A
 * candidate is marked seen only after its exposures were delivered, and sources move their
 * cursors only after their candidates are handled, so a restart loses nothing; seen candidate
 * ids and delivered exposure keys make sure it repeats nothing. An exposure the sink defers (its
 * incident busy, or its response failed) is kept in the watch state and delivered again first
 * thing next cycle (pending-exposures.ts). One failing source is logged and the others still run.
 */
import type { Octokit } from '@octokit/rest';
import type { FingerprintIndexStore } from '../fingerprint/fingerprint-index.js';
import type { ScoreOptions } from '../fingerprint/score-candidate.js';
import type { Logger } from '../logger.js';
import type { ObjectScanner } from '../scan/object-scanner.js';
import { exposureKey } from './exposure-key.js';
import { matchCandidate } from './match-candidate.js';
import { deferExposure, redeliverPending } from './pending-exposures.js';
import type { SourceContext, SourceReport, WatchSource } from './sources/types.js';
import type { Candidate, KnownSecrets, PublicExposure, PublicExposureSink, WatchStateStore } from './types.js';
import type { WatchSettings } from './watch-settings.js';

const CANDIDATES = 'candidates';
const EXPOSURES = 'exposures';

export interface RunWatchOptions {
  octokit: Octokit;
  sources: readonly WatchSource[];
  state: WatchStateStore;
  sink: PublicExposureSink;
  index: FingerprintIndexStore;
  scanner: ObjectScanner;
  knownSecrets: KnownSecrets;
  settings: WatchSettings;
  log: Logger;
  score?: ScoreOptions;
  fetch?: typeof fetch;
  now?: () => number;
}

export interface WatchCycleReport {
  sources: Record<string, SourceReport | { error: string }>;
  candidates: number;
  delivered: number;
  /** Exposures the sink deferred this cycle; kept for the next one. */
  deferred: number;
}

/** Delivers one exposure; a deferred one is kept in the state for the next cycle. */
async function deliver(options: RunWatchOptions, exposure: PublicExposure, log: Logger, report: WatchCycleReport): Promise<boolean> {
  if ((await options.sink.deliver(exposure)) !== 'deferred') return true;
  deferExposure(options.state, exposure);
  report.deferred++;
  log.warn({ kind: exposure.kind, repository: exposure.repository, url: exposure.url }, 'Public exposure deferred to the next cycle');
  return false;
}

export async function runWatchCycle(options: RunWatchOptions): Promise<WatchCycleReport> {
  const report: WatchCycleReport = { sources: {}, candidates: 0, delivered: 0, deferred: 0 };
  report.delivered += await redeliverPending(options.state, options.sink, options.log);
  for (const source of options.sources) {
    const log = options.log.child({ source: source.id });
    const ctx: SourceContext = {
      octokit: options.octokit,
      state: options.state,
      log,
      settings: options.settings,
      fetch: options.fetch ?? fetch,
      now: options.now ?? Date.now,
      alreadyHandled: (id) => options.state.hasSeen(CANDIDATES, id),
      handle: async (candidate) => {
        report.candidates++;
        report.delivered += await handleCandidate(options, source.id, candidate, log, report);
      },
      report: async (exposure) => {
        if (!(await deliver(options, exposure, log, report))) return;
        report.delivered++;
        log.info({ kind: exposure.kind, repository: exposure.repository, url: exposure.url, uses: exposure.canaryUses?.length }, 'Public exposure found');
      },
      indicate: async (indicator) => {
        if (options.sink.deliverIndicator === undefined) {
          log.warn({ indicator: indicator.id, type: indicator.type }, 'Indicator found but no incident engine receives indicators; dropped');
          return true;
        }
        if ((await options.sink.deliverIndicator(indicator)) === 'deferred') {
          report.deferred++;
          return false;
        }
        report.delivered++;
        log.info({ indicator: indicator.id, source: indicator.source, type: indicator.type }, 'Indicator delivered');
        return true;
      },
    };
    try {
      report.sources[source.id] = await source.poll(ctx);
    } catch (err) {
      log.warn({ err }, 'Public source poll failed');
      report.sources[source.id] = { error: (err as Error).message };
    }
  }
  return report;
}

async function handleCandidate(options: RunWatchOptions, source: string, candidate: Candidate, log: Logger, report: WatchCycleReport): Promise<number> {
  const { state } = options;
  if (state.hasSeen(CANDIDATES, candidate.id)) return 0;
  const exposures = matchCandidate(
    { index: options.index, scanner: options.scanner, knownSecrets: options.knownSecrets, score: options.score, source },
    candidate,
  );
  let delivered = 0;
  for (const exposure of exposures) {
    const key = exposureKey(exposure);
    if (state.hasSeen(EXPOSURES, key)) continue;
    const answered = await deliver(options, exposure, log, report);
    // Seen either way: a deferred exposure is the pending queue's to deliver now, not a new find.
    state.markSeen(EXPOSURES, key);
    if (!answered) continue;
    delivered++;
    log.info({ kind: exposure.kind, repository: exposure.repository, url: exposure.url, score: exposure.score }, 'Public exposure found');
  }
  state.markSeen(CANDIDATES, candidate.id);
  return delivered;
}
