/**
 * Persistence of incidents, as the engine and the CLI see it. Backends (SQLite now, PostgreSQL
 * for scale-out) implement this; callers never see SQL. Nothing stored is a secret: the secret's
 * SHA-256 and redacted preview only, plus identifiers the provider layer documents as safe
 * (an access key id in a follow-up's target).
 */
import type { ResponsePolicy } from '../config/config-types.js';
import type { FollowUp, Incident, IncidentStatus, TimelineEntry } from '../domain/incident.js';

/** One place the secret was found; the first one is the incident's exposure. */
export interface StoredLocation {
  repository: string;
  commit: string | null;
  path: string | null;
  line: number | null;
  /** Blob holding the secret, so the engine can re-read the value in memory when it must act. */
  blob: string | null;
  publicUrl?: string;
  firstSeen: Date | null;
}

/** Environment intelligence found beside the secret (account ids, internal hosts). */
export interface IntelligenceItem {
  ruleId: string;
  title: string;
  redacted: string;
  path: string | null;
  line: number;
}

/** The playbook's "determine" answers, as far as the data allows. */
export interface Determination {
  /** What was exposed: the credential(s) by rule and preview, and the files holding them. */
  credentials: { ruleId: string; redacted: string; secretSha256: string }[];
  files: string[];
  intelligence: IntelligenceItem[];
  /** Since when: the first commit's date (ISO-8601). */
  since: string;
  /** Where: branches containing the first commit, and public URLs. */
  branches: string[];
  publicUrls: string[];
}

export interface IncidentRecord extends Incident {
  ruleFamily: string;
  policy: ResponsePolicy;
  /** Every secret hash that joins this incident (a key pair has two). */
  secretSha256s: string[];
  locations: StoredLocation[];
  determination: Determination;
  createdAt: Date;
  updatedAt: Date;
  acknowledgedAt: Date | null;
  approvedAt: Date | null;
  escalatedAt: Date | null;
}

export interface ActionState {
  /** `started`: recorded before the call, so a holder killed mid-call is seen by the next one. */
  state: 'started' | 'done' | 'failed';
  attempts: number;
}

/** Who handles an incident until when (see with-incident-lease.ts). */
export interface IncidentLease {
  incidentId: string;
  holder: string;
  expiresAt: Date;
}

export interface StoredFollowUp extends FollowUp {
  id: number;
  incidentId: string;
}

export interface IncidentFilter {
  status?: IncidentStatus[];
}

export interface IncidentStore {
  get(id: string): IncidentRecord | undefined;
  /** The incident a secret (by SHA-256) already belongs to, in any repository. */
  findBySecret(secretSha256: string): IncidentRecord | undefined;
  list(filter?: IncidentFilter): IncidentRecord[];
  /** Inserts a new incident with its secrets, locations and timeline. */
  create(record: IncidentRecord): void;
  /** Saves the mutable fields (status, severity, steps, determination, dates); not the timeline. */
  update(record: IncidentRecord): void;
  addSecret(incidentId: string, secretSha256: string): void;
  /** False when the location was already known. */
  addLocation(incidentId: string, location: StoredLocation): boolean;
  appendTimeline(incidentId: string, entries: TimelineEntry[]): void;
  action(incidentId: string, key: string): ActionState | undefined;
  /** Marks an action as being run now (attempts unchanged); the key is unique per incident. */
  startAction(incidentId: string, key: string, at: Date): void;
  /** Records an attempt of an action; `failed` attempts count up so the engine can give up. */
  recordAction(incidentId: string, key: string, state: 'done' | 'failed', at: Date): ActionState;
  /**
   * Takes or renews the incident's lease for `holder` until `until`: true when it was free,
   * expired (at `now`), or already this holder's. One row per incident, so one holder at a time.
   */
  acquireLease(incidentId: string, holder: string, now: Date, until: Date): boolean;
  /** Gives the lease up; only its holder can. */
  releaseLease(incidentId: string, holder: string): void;
  listLeases(): IncidentLease[];
  /** Adds follow-ups; one already scheduled (same provider, step, target) is not added twice. */
  addFollowUps(incidentId: string, followUps: FollowUp[]): void;
  dueFollowUps(now: Date): StoredFollowUp[];
  /** An incident's follow-ups not done yet, due or not (what is still scheduled). */
  pendingFollowUps(incidentId: string): StoredFollowUp[];
  completeFollowUp(id: number, at: Date): void;
  close(): void;
}
