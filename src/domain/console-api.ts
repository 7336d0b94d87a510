/**
 * The shapes of the console's JSON API (`/api/...`), shared by the daemon that answers and the
 * page that asks (src/console/). Nothing here holds a secret: a credential appears only as its
 * redacted preview and SHA-256, as everywhere else.
 */
import type { ActionOutcome, IncidentKind, IncidentStatus, PlaybookPhase, Severity } from './incident.js';

export type ConsoleRole = 'viewer' | 'responder';
export type IncidentActionName = 'ack' | 'approve' | 'resolve' | 'reopen';

export interface SessionView {
  authenticated: boolean;
  /** Who acts, as the timeline records it. */
  who?: string;
  role?: ConsoleRole;
  /** `token`: logged in with a UI token; `proxy`: named by the trusted front proxy. */
  via?: 'token' | 'proxy';
  /** Sent back in the `x-csrf-token` header of every POST (the login's too). */
  csrfToken: string;
}

export interface IncidentSummary {
  id: string;
  status: IncidentStatus;
  severity: Severity;
  kind: IncidentKind;
  title: string;
  ruleId: string;
  redacted: string;
  repository: string;
  owner: string | null;
  team: string | null;
  policy: string;
  /** Under the approve policy and not approved yet. */
  waitingForApproval: boolean;
  createdAt: string;
  ageSeconds: number;
  containedAt: string | null;
  timeToContainmentSeconds: number | null;
}

export interface IncidentCounts {
  bySeverity: Record<Severity, number>;
  byStatus: Record<IncidentStatus, number>;
}

export interface IncidentListView {
  incidents: IncidentSummary[];
  /** Counts over the incidents the filter matched. */
  counts: IncidentCounts;
}

export interface TimelineView {
  at: string;
  phase: PlaybookPhase;
  action: string;
  outcome: ActionOutcome;
  detail: string;
  provider: string | null;
  /** Who did it, when a person did. */
  by: string | null;
}

export interface PhaseView {
  phase: PlaybookPhase;
  /** `done`: later phases have entries, or this one finished; `active`: where the incident is. */
  state: 'done' | 'active' | 'pending';
  entries: TimelineView[];
}

export interface LocationView {
  repository: string;
  commit: string | null;
  path: string | null;
  line: number | null;
  firstSeen: string | null;
  /** The place in the repository's web view, when the inventory tells where that is. */
  webUrl: string | null;
  publicUrl: string | null;
}

export interface ActionView {
  action: string;
  phase: PlaybookPhase;
  outcome: ActionOutcome;
  detail: string;
  at: string;
}

export interface IncidentDetailView extends IncidentSummary {
  severityReasons: string[];
  secretSha256: string;
  credentials: { ruleId: string; redacted: string; secretSha256: string }[];
  files: string[];
  branches: string[];
  since: string;
  phases: PhaseView[];
  locations: LocationView[];
  publicUrls: string[];
  /** The last state of each action leakwatch ran or planned: done (ok, skipped) or still open (planned, failed). */
  actionsDone: ActionView[];
  actionsOpen: ActionView[];
  ownerSteps: string[];
  /** Which buttons apply to the incident now (the role is checked separately). */
  allowed: Record<IncidentActionName, boolean>;
}

export interface FindingsWeek {
  /** Monday of the week (UTC), YYYY-MM-DD. */
  week: string;
  /** Findings first seen that week. */
  count: number;
}

export interface RepositoryView {
  id: string;
  name: string;
  source: string;
  owner: string | null;
  team: string | null;
  classification: string;
  lastScanAt: string | null;
  lastScanOk: boolean | null;
  lastScanError: string | null;
  findings: number;
  openIncidents: number;
  findingsOverTime: FindingsWeek[];
}

export interface HealthView {
  queue: { running: number; waiting: number };
  repositories: { id: string; name: string; lastScanAt: string | null; lastScanOk: boolean | null }[];
  /** `lastRunAt` null: the checks have not run yet (not "nothing failing"). */
  posture: { available: boolean; failing: number | null; lastRunAt: string | null };
}

/** `GET /api/posture`: when the checks last ran (null: not yet) and the failing results of each check's last run. */
export interface PostureView<Result = unknown> {
  lastRunAt: string | null;
  failing: Result[];
}

export interface ApiError {
  error: string;
}
