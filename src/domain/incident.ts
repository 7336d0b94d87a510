/**
 * The incident model the response providers consume. The lead's store and engine own the
 * lifecycle; providers only read an Incident and return timeline entries (ActionResult), so
 * they stay plain functions the daemon and the CLI can both drive.
 */

export type IncidentKind = 'credential-exposure' | 'code-exposure' | 'sensitive-data';
export type Severity = 'critical' | 'high' | 'medium' | 'low';
export type IncidentStatus = 'open' | 'acknowledged' | 'contained' | 'resolved' | 'false-positive';
export type DataClassification = 'public' | 'internal' | 'confidential' | 'restricted';

/** NIST SP 800-61r2 phases as the AWS code-exposure playbook names them. */
export type PlaybookPhase =
  | 'detection-analysis'
  | 'containment'
  | 'eradication'
  | 'recovery'
  | 'post-incident';

export type ActionOutcome = 'ok' | 'failed' | 'skipped' | 'planned';

export interface IncidentRepository {
  name: string;
  ownerEmail?: string;
  team?: string;
  escalationContacts: string[];
  snsTopicArn?: string;
  classification: DataClassification;
}

/** Another place the same secret was found (dedupe joins it to the incident). */
export interface ExposureLocation {
  repository: string;
  commit: string | null;
  path: string | null;
  line: number | null;
  publicUrl?: string;
}

/** The code store an incident is about (code outside git): what containment acts on. */
export interface CodeStoreTarget {
  /** The inventory id (`s3:bucket`, `s3:bucket/prefix`, `ec2:ami-…`). */
  id: string;
  kind: 's3' | 'ec2';
  bucket?: string;
  prefix?: string;
  /** EC2 instance, AMI or snapshot id. */
  resourceId?: string;
  region: string;
}

export interface Exposure {
  ruleId: string;
  title: string;
  /** A few characters at each end; the only form of the secret that may be shown. */
  redacted: string;
  secretSha256: string;
  commit: string;
  /** null for a secret in a commit message. */
  path: string | null;
  line: number | null;
  /** Date of the first commit that introduced the secret. */
  firstSeen: Date;
  publicUrl?: string;
  branches?: string[];
  /** Further places holding the same secret, beyond this first exposure. */
  otherLocations?: ExposureLocation[];
  /** Set when the exposed code is a code store (an S3 location, an AMI or snapshot). */
  codeStore?: CodeStoreTarget;
}

/** Flat, serialisable facts a step learned (owner, account, version ids); never a secret. */
export type TimelineData = Record<string, string | number | boolean | null>;

export interface TimelineEntry {
  at: Date;
  phase: PlaybookPhase;
  /** Stable machine name of the step, e.g. `iam.deactivate-key`; the engine dedupes on it. */
  action: string;
  outcome: ActionOutcome;
  /** One human sentence for the owner. */
  detail: string;
  /** Which provider produced it (`aws-iam-access-key`, `ses`, ...). */
  provider?: string;
  /** For `failed`: whether running the same step again later may succeed (throttling, 5xx). */
  retryable?: boolean;
  data?: TimelineData;
}

export interface Incident {
  id: string;
  kind: IncidentKind;
  severity: Severity;
  /** Why the severity is what it is (rule, classification, live, public), for the owner. */
  severityReasons: string[];
  status: IncidentStatus;
  repository: IncidentRepository;
  exposure: Exposure;
  timeline: TimelineEntry[];
  /** What people still have to do, in order. */
  remainingSteps: string[];
}

/**
 * Work a provider asks the scheduler to run later, e.g. delete the old access key after the
 * grace period. `target` holds identifiers only (user name, access key id), never a secret.
 */
export interface FollowUp {
  provider: string;
  step: 'eradicate';
  notBefore: Date;
  target: Record<string, string>;
}

/** What every provider action returns; it never throws for AWS or GitHub failures. */
export interface ActionResult {
  entries: TimelineEntry[];
  remainingSteps: string[];
  followUps: FollowUp[];
}

/**
 * The leaked value, held in memory only while a provider runs. It must never be logged,
 * stored, rendered or sent anywhere except to the revocation or verification endpoint.
 */
export interface LeakedSecret {
  value: string;
  /** The paired identifier, e.g. the AWS access key id for a secret access key. */
  relatedValue?: string;
}

export function emptyResult(): ActionResult {
  return { entries: [], remainingSteps: [], followUps: [] };
}

export function mergeResults(...results: ActionResult[]): ActionResult {
  return {
    entries: results.flatMap((r) => r.entries),
    remainingSteps: results.flatMap((r) => r.remainingSteps),
    followUps: results.flatMap((r) => r.followUps),
  };
}
