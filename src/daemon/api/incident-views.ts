/**
 * An incident as the console shows it, built from the stored record: the list's summary (age,
 * owner, time to containment), and the detail (the playbook phases as a timeline, locations with
 * links, actions done and still open, the owner's steps, which buttons apply). Only stored fields
 * are used, and the store holds no secret: previews and hashes only.
 */
import type {
  ActionView, IncidentActionName, IncidentCounts, IncidentDetailView, IncidentSummary, PhaseView, TimelineView,
} from '../../domain/console-api.js';
import type { IncidentStatus, PlaybookPhase, Severity, TimelineEntry } from '../../domain/incident.js';
import type { Repository } from '../../domain/repository.js';
import { canTransition } from '../../respond/incident-status.js';
import type { IncidentRecord, StoredFollowUp } from '../../respond/incident-store.js';
import { containmentRan, openSteps } from '../../respond/open-steps.js';
import { repositoryWebUrl } from './repository-web-url.js';

const PHASES: readonly PlaybookPhase[] = ['detection-analysis', 'containment', 'eradication', 'recovery', 'post-incident'];
const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];
const STATUSES: readonly IncidentStatus[] = ['open', 'acknowledged', 'contained', 'resolved', 'false-positive'];

function containedAt(r: IncidentRecord): Date | null {
  return r.timeline.find((e) => e.action === 'incident.contained')?.at ?? null;
}

export function summarizeIncident(r: IncidentRecord, now: Date): IncidentSummary {
  const contained = containedAt(r);
  return {
    id: r.id,
    status: r.status,
    severity: r.severity,
    kind: r.kind,
    title: r.exposure.title,
    ruleId: r.exposure.ruleId,
    redacted: r.exposure.redacted,
    repository: r.repository.name,
    owner: r.repository.ownerEmail ?? null,
    team: r.repository.team ?? null,
    policy: r.policy,
    waitingForApproval: r.policy === 'approve' && r.approvedAt === null && (r.status === 'open' || r.status === 'acknowledged'),
    createdAt: r.createdAt.toISOString(),
    ageSeconds: Math.max(0, Math.round((now.getTime() - r.createdAt.getTime()) / 1000)),
    containedAt: contained?.toISOString() ?? null,
    timeToContainmentSeconds: contained === null ? null : Math.max(0, Math.round((contained.getTime() - r.createdAt.getTime()) / 1000)),
  };
}

export function countIncidents(records: readonly IncidentRecord[]): IncidentCounts {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<IncidentStatus, number>;
  for (const r of records) {
    bySeverity[r.severity] += 1;
    byStatus[r.status] += 1;
  }
  return { bySeverity, byStatus };
}

function timelineView(e: TimelineEntry): TimelineView {
  const by = e.data?.['by'];
  return {
    at: e.at.toISOString(), phase: e.phase, action: e.action, outcome: e.outcome, detail: e.detail,
    provider: e.provider ?? null, by: typeof by === 'string' && by !== 'leakwatch' ? by : null,
  };
}

function phases(r: IncidentRecord): PhaseView[] {
  // Contained: containment is behind; eradication (e.g. deleting the old key) is what comes next.
  const current = r.status === 'resolved' || r.status === 'false-positive' ? 'post-incident' : r.status === 'contained' ? 'eradication' : 'detection-analysis';
  // A planned step does not mean its phase was reached; one done, skipped or failed does.
  const reached = Math.max(PHASES.indexOf(current), ...r.timeline.filter((e) => e.outcome !== 'planned').map((e) => PHASES.indexOf(e.phase)));
  return PHASES.map((phase, i) => ({
    phase,
    state: i < reached || (i === reached && phase === 'post-incident') ? 'done' : i === reached ? 'active' : 'pending',
    entries: r.timeline.filter((e) => e.phase === phase).map(timelineView),
  }));
}

/**
 * The last word on each action leakwatch ran or planned (status changes by people are not
 * actions). Once a containment ran, its plan is spent (the steps that ran carry their own
 * names), so only later phases' planned steps, failures and the scheduled follow-ups (e.g.
 * deleting the old key after the grace period) stay open.
 */
function actions(r: IncidentRecord, followUps: readonly StoredFollowUp[]): { done: ActionView[]; open: ActionView[] } {
  const last = new Map<string, TimelineEntry>();
  for (const e of r.timeline) if (!e.action.startsWith('incident.')) last.set(e.action, e);
  const ran = containmentRan(r);
  const views = [...last.values()].map((e) => ({ action: e.action, phase: e.phase, outcome: e.outcome, detail: e.detail, at: e.at.toISOString() }));
  const stillPlanned = (v: ActionView): boolean => v.outcome === 'planned' && (!ran || !['detection-analysis', 'containment'].includes(v.phase));
  const scheduled = followUps.map((f) => ({
    action: `${f.provider}.${f.step}`, phase: 'eradication' as const, outcome: 'planned' as const,
    detail: `Scheduled: leakwatch runs this ${f.step} step not before ${f.notBefore.toISOString()}.`, at: f.notBefore.toISOString(),
  }));
  return {
    done: views.filter((v) => v.outcome === 'ok' || v.outcome === 'skipped'),
    open: [...views.filter((v) => v.outcome === 'failed' || stillPlanned(v)), ...scheduled],
  };
}

export function allowedActions(r: IncidentRecord): Record<IncidentActionName, boolean> {
  const closed = r.status === 'resolved' || r.status === 'false-positive';
  return {
    ack: r.status === 'open' || (r.status === 'contained' && r.acknowledgedAt === null),
    approve: r.policy !== 'auto' && r.approvedAt === null && !closed,
    resolve: canTransition(r.status, 'resolved'),
    reopen: closed,
  };
}

export function describeIncident(
  r: IncidentRecord,
  now: Date,
  repositoryByName: (name: string) => Repository | undefined,
  followUps: readonly StoredFollowUp[] = [],
): IncidentDetailView {
  const d = r.determination;
  const { done, open } = actions(r, followUps);
  const publicUrls = [...new Set([...d.publicUrls, ...r.locations.flatMap((l) => (l.publicUrl === undefined ? [] : [l.publicUrl]))])];
  return {
    ...summarizeIncident(r, now),
    severityReasons: r.severityReasons,
    secretSha256: r.exposure.secretSha256,
    credentials: d.credentials,
    files: d.files,
    branches: d.branches,
    since: d.since,
    phases: phases(r),
    locations: r.locations.map((l) => {
      const repository = repositoryByName(l.repository);
      return {
        repository: l.repository, commit: l.commit, path: l.path, line: l.line, firstSeen: l.firstSeen?.toISOString() ?? null,
        webUrl: repository === undefined ? null : repositoryWebUrl(repository, l.commit, l.path, l.line),
        publicUrl: l.publicUrl ?? null,
      };
    }),
    publicUrls,
    actionsDone: done,
    actionsOpen: open,
    ownerSteps: openSteps(r),
    allowed: allowedActions(r),
  };
}
