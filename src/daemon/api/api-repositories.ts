/**
 * `GET /api/repositories` (owner, classification, last scan, findings and the findings first seen
 * per week over the last 12 weeks) and `GET /api/health` (last scan per repository, the job
 * queue, failing posture checks when posture is available).
 */
import type { FindingsWeek, HealthView, RepositoryView } from '../../domain/console-api.js';
import type { StoredFinding } from '../../store/types.js';
import type { ConsoleContext, RouteGroup } from './console-context.js';
import { sendError, sendJson } from './http-io.js';
import { requireSession } from './require-session.js';

export const CHART_WEEKS = 12;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Monday 00:00 UTC of the week holding `at`. */
export function weekStart(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 24 * 60 * 60 * 1000);
}

export function findingsPerWeek(findings: readonly StoredFinding[], now: Date): FindingsWeek[] {
  const last = weekStart(now).getTime();
  const weeks = Array.from({ length: CHART_WEEKS }, (_, i) => ({ start: last - (CHART_WEEKS - 1 - i) * WEEK_MS, count: 0 }));
  for (const f of findings) {
    const start = weekStart(new Date(f.firstSeen)).getTime();
    const week = weeks.find((w) => w.start === start);
    if (week !== undefined) week.count += 1;
  }
  return weeks.map((w) => ({ week: new Date(w.start).toISOString().slice(0, 10), count: w.count }));
}

/** A mirror error is shown on one line, and never a URL's user part (stored clone URLs are redacted; this is a second guard). */
function oneLineError(error: string | null): string | null {
  return error === null ? null : error.replace(/\/\/[^/@\s]*@/g, '//[redacted]@').replace(/\s+/g, ' ').slice(0, 300);
}

function repositories(ctx: ConsoleContext): RepositoryView[] {
  const now = ctx.now();
  const findings = ctx.store.listFindings();
  const open = ctx.incidents.list({ status: ['open', 'acknowledged', 'contained'] });
  return ctx.store.listRepositories().map((r) => {
    const own = findings.filter((f) => f.repositoryId === r.id);
    return {
      id: r.id, name: r.name, source: r.repository.source, owner: r.ownerEmail, team: r.team, classification: r.classification,
      lastScanAt: r.lastMirrorAt, lastScanOk: r.lastMirrorOk, lastScanError: oneLineError(r.lastMirrorError),
      findings: own.length,
      openIncidents: open.filter((i) => i.repository.name === r.name).length,
      findingsOverTime: findingsPerWeek(own, now),
    };
  });
}

function health(ctx: ConsoleContext): HealthView {
  const posture = ctx.posture?.();
  return {
    queue: { running: ctx.queue.running().length, waiting: ctx.queue.waiting().length },
    repositories: ctx.store.listRepositories().map((r) => ({ id: r.id, name: r.name, lastScanAt: r.lastMirrorAt, lastScanOk: r.lastMirrorOk })),
    posture: { available: posture !== undefined, failing: posture?.failing.length ?? null, lastRunAt: posture?.lastRunAt ?? null },
  };
}

export const repositoryRoutes: RouteGroup = (request, ctx) => {
  const { req, res, parts } = request;
  if (parts.length !== 1 || (parts[0] !== 'repositories' && parts[0] !== 'health')) return false;
  if (req.method !== 'GET') sendError(res, 405, 'use GET');
  else if (requireSession(request, ctx) !== undefined) sendJson(res, 200, parts[0] === 'health' ? health(ctx) : repositories(ctx));
  return true;
};
