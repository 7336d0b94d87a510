/**
 * Opens the `code-exposure` incident of a code store (an S3 location, an EC2 instance, AMI or
 * snapshot) when an indicator concerns it, or returns the one already open: one incident per
 * store, so later indicators join it as evidence. The incident names the store as its target,
 * so the containment providers (contain-code-store.ts) know what to act on; its policy is the
 * family's (`s3` or `ec2`), `approve` unless `response.policies` says otherwise.
 */
import { createHash } from 'node:crypto';
import type { LeakwatchConfig } from '../config/config-types.js';
import { ec2ResourceType } from '../domain/code-store.js';
import type { CodeStore } from '../domain/code-store.js';
import type { Indicator } from '../domain/indicator.js';
import type { CodeStoreTarget, IncidentRepository, Severity } from '../domain/incident.js';
import { resolveIncidentOwner } from '../inventory/resolve-incident-owner.js';
import { incidentId } from './incident-id.js';
import type { IncidentRecord, IncidentStore } from './incident-store.js';
import { codeStorePolicy } from './policy.js';
import { makeEntry } from './timeline-entry.js';

export const CODE_STORE_RULE = 'code-store-exposure';

export function codeStoreKey(subject: Pick<CodeStore, 'id'>): string {
  return createHash('sha256').update(`code-store\0${subject.id}`).digest('hex');
}

function target(store: CodeStore, region: string): CodeStoreTarget {
  const t: CodeStoreTarget = { id: store.id, kind: store.location.kind, region: store.region ?? region };
  if (store.location.kind === 's3') {
    t.bucket = store.location.bucket;
    if (store.location.prefix !== undefined) t.prefix = store.location.prefix;
  } else t.resourceId = store.location.resourceId;
  return t;
}

function severityOf(indicator: Indicator, store: Pick<CodeStore, 'classification'>): { severity: Severity; reasons: string[] } {
  const publicNow = indicator.effect === 'made-public';
  let severity: Severity = publicNow ? 'high' : indicator.severity !== undefined && indicator.severity >= 7 ? 'high' : 'medium';
  const reasons = [publicNow ? `${indicator.type} made the code store public` : `${indicator.source === 'guardduty' ? 'GuardDuty finding' : 'CloudTrail event'} ${indicator.type}`];
  if (store.classification === 'confidential' || store.classification === 'restricted') {
    severity = severity === 'medium' ? 'high' : 'critical';
    reasons.push(`code store is classified ${store.classification} (+1)`);
  }
  return { severity, reasons };
}

function steps(store: CodeStore): string[] {
  const what = store.location.kind === 's3' ? `bucket ${store.location.bucket}` : `${ec2ResourceType(store.location.resourceId) ?? 'resource'} ${store.location.resourceId}`;
  return [
    `Check who changed or read ${what} (the evidence in the timeline) and whether the change was intended.`,
    'Treat the code it holds, and every credential in that code, as exposed while it was open: rotate them.',
    'Find out how the change was made (which principal, which key) and close that path.',
  ];
}

/** A repository an indicator's principal pulled: its incident has no store to contain. */
export interface IndicatorSubject {
  id: string;
  name: string;
  owner: CodeStore['owner'];
  escalationContacts: string[];
  snsTopicArn?: string;
  classification: CodeStore['classification'];
}

function repositorySteps(name: string): string[] {
  return [
    `A principal named by the indicator pulled ${name}: check what it did with the code (the evidence in the timeline).`,
    'If the principal is compromised, treat the repository and every credential it holds as exposed: rotate them.',
    'Contain the principal (deactivate its keys, revoke its sessions) and find how it was compromised.',
  ];
}

export function openStoreIncident(
  store: CodeStore,
  indicator: Indicator,
  ctx: { store: IncidentStore; config: LeakwatchConfig; now: () => Date },
): { record: IncidentRecord; created: boolean } {
  return openIndicatorIncident(store, indicator, ctx);
}

export function openIndicatorIncident(
  subject: CodeStore | IndicatorSubject,
  indicator: Indicator,
  ctx: { store: IncidentStore; config: LeakwatchConfig; now: () => Date },
): { record: IncidentRecord; created: boolean } {
  const store = subject as CodeStore;
  const isStore = 'location' in subject;
  const key = codeStoreKey(subject);
  const existing = ctx.store.findBySecret(key);
  if (existing !== undefined) return { record: existing, created: false };
  const now = ctx.now();
  const owner = resolveIncidentOwner(store, ctx.config.inventory.defaultOwner);
  const repository: IncidentRepository = { name: store.name, escalationContacts: store.escalationContacts, classification: store.classification };
  if (owner.email !== undefined) repository.ownerEmail = owner.email;
  if (store.owner.team !== undefined) repository.team = store.owner.team;
  if (store.snsTopicArn !== undefined) repository.snsTopicArn = store.snsTopicArn;
  const family = isStore ? store.location.kind : 'code';
  const policy = isStore ? codeStorePolicy(store.location.kind, ctx.config.response) : 'notify';
  const scored = severityOf(indicator, subject);
  const location = !isStore ? store.name : store.location.kind === 's3' ? `s3://${store.location.bucket}/${store.location.prefix ?? ''}` : store.location.resourceId;
  const record: IncidentRecord = {
    id: incidentId(key, store.name),
    kind: 'code-exposure',
    severity: scored.severity,
    severityReasons: scored.reasons,
    status: 'open',
    repository,
    exposure: {
      ruleId: CODE_STORE_RULE,
      title: indicator.effect === 'made-public' ? `Code store ${store.name} made public` : `Indicator on ${isStore ? 'code store' : 'repository'} ${store.name}`,
      redacted: location,
      secretSha256: key,
      commit: '',
      path: location,
      line: null,
      firstSeen: new Date(Date.parse(indicator.time) || now.getTime()),
      publicUrl: indicator.url,
      ...(isStore ? { codeStore: target(store, indicator.region) } : {}),
    },
    timeline: [],
    remainingSteps: isStore ? steps(store) : repositorySteps(store.name),
    ruleFamily: family,
    policy,
    secretSha256s: [key],
    locations: [{ repository: store.name, commit: null, path: location, line: null, blob: null, publicUrl: indicator.url, firstSeen: now }],
    determination: { credentials: [], files: [location], intelligence: [], since: indicator.time, branches: [], publicUrls: [] },
    createdAt: now,
    updatedAt: now,
    acknowledgedAt: null,
    approvedAt: null,
    escalatedAt: null,
  };
  record.timeline = [
    makeEntry({ provider: 'leakwatch', now: ctx.now }, 'detection-analysis', 'incident.opened', 'ok',
      `Opened: ${indicator.title} (${indicator.source}) on ${isStore ? 'code store' : 'repository'} ${store.name}; owner ${repository.ownerEmail ?? 'none on record'}; policy ${policy}.`,
      { owner: repository.ownerEmail ?? null, ownerVia: owner.via, policy, severity: scored.severity, source: indicator.source, store: store.id }),
  ];
  ctx.store.create(record);
  return { record, created: true };
}
