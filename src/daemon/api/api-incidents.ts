/**
 * `GET /api/incidents?status=&severity=&owner=&repo=` (newest first, with counts by severity and
 * status), `GET /api/incidents/:id`, and `POST /api/incidents/:id/ack|approve|resolve|reopen`,
 * which call the same `changeIncident` the CLI's `leakwatch incidents` commands call, so the
 * timeline records who did what the same way. Acknowledging is open to viewers (an owner saying
 * "I have it"); approving, resolving and reopening need a responder.
 */
import { z } from 'zod';
import type { IncidentActionName } from '../../domain/console-api.js';
import { isLeakwatchError } from '../../errors.js';
import { changeIncident } from '../../respond/change-incident.js';
import type { IncidentChange } from '../../respond/change-incident.js';
import type { ApiRequest, ConsoleContext, RouteGroup } from './console-context.js';
import { sendError, sendJson, readSmallBody } from './http-io.js';
import { countIncidents, describeIncident, summarizeIncident } from './incident-views.js';
import { actorName, requireSession } from './require-session.js';

const STATUSES = ['open', 'acknowledged', 'contained', 'resolved', 'false-positive'] as const;
const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
const ACTIONS: readonly IncidentActionName[] = ['ack', 'approve', 'resolve', 'reopen'];
const ID = /^[A-Za-z0-9._:-]{1,200}$/;

const list = <T extends string>(values: readonly [T, ...T[]]) =>
  z.string().transform((s) => s.split(',').filter((v) => v !== '')).pipe(z.array(z.enum(values)));

const Query = z.object({
  status: list(STATUSES).optional(),
  severity: list(SEVERITIES).optional(),
  owner: z.string().max(320).optional(),
  repo: z.string().max(300).optional(),
});

const ActionBody = z.object({ note: z.string().trim().max(500).optional(), falsePositive: z.boolean().optional() }).strict();

function listIncidents({ res, url }: ApiRequest, ctx: ConsoleContext): void {
  const query = Query.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) {
    return sendError(res, 400, `bad filter: status is a list of ${STATUSES.join('|')}, severity of ${SEVERITIES.join('|')}; owner and repo are names`);
  }
  const { status, severity, owner, repo } = query.data;
  const wantedOwner = owner?.toLowerCase();
  const records = ctx.incidents
    .list(status === undefined || status.length === 0 ? {} : { status })
    .filter((r) => severity === undefined || severity.length === 0 || severity.includes(r.severity))
    .filter((r) => !wantedOwner || r.repository.ownerEmail?.toLowerCase() === wantedOwner || r.repository.team?.toLowerCase() === wantedOwner)
    .filter((r) => !repo || r.repository.name === repo)
    .reverse();
  const now = ctx.now();
  sendJson(res, 200, { incidents: records.map((r) => summarizeIncident(r, now)), counts: countIncidents(records) });
}

function byName(ctx: ConsoleContext) {
  const repositories = ctx.store.listRepositories();
  return (name: string) => repositories.find((r) => r.name === name)?.repository;
}

async function act(request: ApiRequest, ctx: ConsoleContext, id: string, action: IncidentActionName): Promise<void> {
  const session = requireSession(request, ctx, action === 'ack' ? undefined : 'responder');
  if (session === undefined) return;
  const text = await readSmallBody(request.req, ctx.bodyTimeoutMs);
  let body;
  try {
    body = ActionBody.safeParse(text === null || text === '' ? {} : JSON.parse(text));
  } catch {
    body = undefined;
  }
  if (body === undefined || !body.success) return sendError(request.res, 400, 'send JSON {"note"?: "...", "falsePositive"?: true} or nothing');
  if (ctx.incidents.get(id) === undefined) return sendError(request.res, 404, `no incident ${id}`);
  const change: IncidentChange = action === 'resolve' && body.data.falsePositive === true ? 'false-positive' : action;
  const by = actorName(session);
  try {
    const result = changeIncident(ctx.incidents, id, change, by, ctx.now(), body.data.note);
    ctx.log.info({ incident: id, change, by, changed: result.changed }, 'Incident changed from the console');
    sendJson(request.res, 200, { changed: result.changed, incident: describeIncident(result.record, ctx.now(), byName(ctx), ctx.incidents.pendingFollowUps(id)) });
  } catch (err) {
    if (!isLeakwatchError(err)) throw err;
    sendError(request.res, 409, err.message);
  }
}

function show({ res }: ApiRequest, ctx: ConsoleContext, id: string): void {
  const record = ctx.incidents.get(id);
  if (record === undefined) sendError(res, 404, `no incident ${id}`);
  else sendJson(res, 200, describeIncident(record, ctx.now(), byName(ctx), ctx.incidents.pendingFollowUps(id)));
}

export const incidentRoutes: RouteGroup = async (request, ctx) => {
  const { req, res, parts } = request;
  const [group, id, action, ...rest] = parts;
  if (group !== 'incidents' || rest.length > 0) return false;
  if (action !== undefined && !ACTIONS.includes(action as IncidentActionName)) return false;
  const method = action === undefined ? 'GET' : 'POST';
  if (req.method !== method) sendError(res, 405, `use ${method}`);
  else if (id !== undefined && !ID.test(id)) sendError(res, 404, 'no such incident');
  else if (action !== undefined) await act(request, ctx, id!, action as IncidentActionName);
  else if (requireSession(request, ctx) === undefined) return true;
  else if (id === undefined) listIncidents(request, ctx);
  else show(request, ctx, id);
  return true;
};
