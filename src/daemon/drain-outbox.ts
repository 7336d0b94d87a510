/**
 * Consumes the response outbox: the findings a scan queued in its own transaction are answered
 * by the incident engine, one repository at a time, and only then removed. A finding whose
 * response failed, or whose incident another actor holds, stays queued for the next pass; a kill
 * at any point leaves the rest queued, and answering again is idempotent (incidents keyed by
 * secret, locations by place, actions by key), so every finding ends with exactly one incident.
 */
import type { Logger } from '../logger.js';
import type { EngineDeps } from '../respond/engine-deps.js';
import { respondToFindings } from '../respond/respond-to-findings.js';
import type { MonitorStore, OutboxItem } from '../store/types.js';
import { mirrorDir } from './run-repository-job.js';

export interface DrainContext {
  store: MonitorStore;
  engine: () => EngineDeps;
  dataDir: string;
  log: Logger;
}

export interface DrainSummary {
  answered: number;
  left: number;
}

export async function drainOutbox(ctx: DrainContext, repositoryId?: string): Promise<DrainSummary> {
  const pending = ctx.store.pendingResponses(repositoryId);
  const byRepository = new Map<string, OutboxItem[]>();
  for (const item of pending) {
    const items = byRepository.get(item.repositoryId);
    if (items) items.push(item);
    else byRepository.set(item.repositoryId, [item]);
  }
  const summary: DrainSummary = { answered: 0, left: 0 };
  for (const [id, items] of byRepository) {
    const repository = ctx.store.getRepository(id)?.repository;
    if (repository === undefined) {
      // Findings are only recorded for known repositories; nothing can answer these.
      ctx.log.warn({ repository: id, findings: items.length }, 'Pending findings of an unknown repository dropped');
      ctx.store.completeResponses(items);
      continue;
    }
    // An S3 code store has no mirror: its secrets are read again from S3 (engine's recoverS3Secret).
    const gitDir = repository.kind === 's3' ? {} : { gitDir: mirrorDir(ctx.dataDir, id) };
    const answer = await respondToFindings(ctx.engine(), { findings: items.map((i) => i.finding), repository, ...gitDir });
    const unanswered = new Set(answer.unanswered);
    const done = items.filter((i) => !unanswered.has(i.finding.id));
    ctx.store.completeResponses(done);
    summary.answered += done.length;
    summary.left += items.length - done.length;
    ctx.log.info(
      { repository: id, opened: answer.opened.length, joined: answer.joined.length, failed: answer.failed.length, left: items.length - done.length },
      'Findings answered',
    );
  }
  return summary;
}
