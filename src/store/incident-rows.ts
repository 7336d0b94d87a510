/**
 * The row shapes of the incident tables and their mapping to and from IncidentRecord, shared by
 * the SQLite and PostgreSQL incident stores so both read and write incidents the same way.
 */
import type { ResponsePolicy } from '../config/config-types.js';
import type { Determination, IncidentRecord, StoredFollowUp, StoredLocation } from '../respond/incident-store.js';
import type { Incident, IncidentKind, IncidentStatus, PlaybookPhase, Severity, TimelineEntry } from '../domain/incident.js';

export interface IncidentRow {
  id: string;
  status: IncidentStatus;
  severity: Severity;
  kind: IncidentKind;
  rule_family: string;
  policy: ResponsePolicy;
  body: string;
  created_at: string;
  updated_at: string;
  acknowledged_at: string | null;
  approved_at: string | null;
  escalated_at: string | null;
}

/** The JSON part of a row: what is read whole and never queried. */
interface Body {
  repository: Incident['repository'];
  exposure: Omit<Incident['exposure'], 'firstSeen' | 'otherLocations'> & { firstSeen: string };
  severityReasons: string[];
  remainingSteps: string[];
  determination: Determination;
}

export interface LocationRow {
  repository: string;
  commit_id: string | null;
  path: string | null;
  line: number | null;
  blob: string | null;
  public_url: string | null;
  first_seen: string | null;
}

export interface TimelineRow {
  at: string;
  phase: PlaybookPhase;
  action: string;
  outcome: TimelineEntry['outcome'];
  detail: string;
  provider: string | null;
  /** 0/1 in SQLite, a boolean in PostgreSQL. */
  retryable: number | boolean | null;
  data: string | null;
}

const date = (value: string | null): Date | null => (value === null ? null : new Date(value));
export const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

export function locationKey(l: StoredLocation): string {
  return JSON.stringify([l.repository, l.commit, l.path, l.line, l.publicUrl ?? null]);
}

/** The body column of an incident row. */
export function incidentBody(record: IncidentRecord): string {
  // Other locations live in their own table; the body keeps the first exposure only.
  const exposure: Body['exposure'] = { ...record.exposure, firstSeen: record.exposure.firstSeen.toISOString() };
  delete (exposure as { otherLocations?: unknown }).otherLocations;
  const body: Body = {
    repository: record.repository,
    exposure,
    severityReasons: record.severityReasons,
    remainingSteps: record.remainingSteps,
    determination: record.determination,
  };
  return JSON.stringify(body);
}

export function toLocation(l: LocationRow): StoredLocation {
  const loc: StoredLocation = { repository: l.repository, commit: l.commit_id, path: l.path, line: l.line, blob: l.blob, firstSeen: date(l.first_seen) };
  if (l.public_url !== null) loc.publicUrl = l.public_url;
  return loc;
}

export function toTimelineEntry(t: TimelineRow): TimelineEntry {
  const e: TimelineEntry = { at: new Date(t.at), phase: t.phase, action: t.action, outcome: t.outcome, detail: t.detail };
  if (t.provider !== null) e.provider = t.provider;
  if (t.retryable !== null) e.retryable = t.retryable === 1 || t.retryable === true;
  if (t.data !== null) e.data = JSON.parse(t.data) as TimelineEntry['data'] & object;
  return e;
}

/** An incident from its row and its child rows, in their stored order. */
export function toIncidentRecord(row: IncidentRow, locations: StoredLocation[], timeline: TimelineEntry[], secretSha256s: string[]): IncidentRecord {
  const body = JSON.parse(row.body) as Body;
  const others = locations.slice(1).map((l) => {
    const o: NonNullable<Incident['exposure']['otherLocations']>[number] = { repository: l.repository, commit: l.commit, path: l.path, line: l.line };
    if (l.publicUrl !== undefined) o.publicUrl = l.publicUrl;
    return o;
  });
  const exposure: Incident['exposure'] = { ...body.exposure, firstSeen: new Date(body.exposure.firstSeen) };
  if (others.length > 0) exposure.otherLocations = others;
  return {
    id: row.id,
    kind: row.kind,
    severity: row.severity,
    severityReasons: body.severityReasons,
    status: row.status,
    repository: body.repository,
    exposure,
    timeline,
    remainingSteps: body.remainingSteps,
    ruleFamily: row.rule_family,
    policy: row.policy,
    secretSha256s,
    locations,
    determination: body.determination,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    acknowledgedAt: date(row.acknowledged_at),
    approvedAt: date(row.approved_at),
    escalatedAt: date(row.escalated_at),
  };
}

export interface FollowUpRow {
  id: number;
  incident_id: string;
  provider: string;
  not_before: string;
  target: string;
}

export function toFollowUp(r: FollowUpRow): StoredFollowUp {
  return { id: r.id, incidentId: r.incident_id, provider: r.provider, step: 'eradicate', notBefore: new Date(r.not_before), target: JSON.parse(r.target) as Record<string, string> };
}
