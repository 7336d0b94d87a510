/**
 * The engine entry the daemon calls after a scan: one repository's findings → incidents opened
 * or joined (one per secret), then each incident advanced (policy actions, forensics, owner
 * notification), each action at most once across runs, each incident under its lease (one actor
 * at a time). Only high- and medium-confidence findings are acted on: low ones (a fixture's key, a
 * generic password in a test) stay recorded with the repository's findings and are answered
 * without an incident. A new place of a known secret joins its incident and the owner is told once. Never
 * throws for one bad incident: it is logged, left unanswered for the outbox, and the rest go on.
 */
import { createHash } from 'node:crypto';
import type { Repository } from '../domain/repository.js';
import type { Finding } from '../domain/finding.js';
import { advanceIncident } from './advance-incident.js';
import { canaryKeyHashes, partitionCanaryFindings } from './canary-keys.js';
import type { EngineDeps } from './engine-deps.js';
import { groupExposures } from './group-exposures.js';
import type { ExposureGroup } from './group-exposures.js';
import { incidentId } from './incident-id.js';
import type { IntelligenceItem, StoredLocation } from './incident-store.js';
import { notifyIncident } from './notify-incident.js';
import { openOrJoinIncident } from './open-incident.js';
import { verifyIncident } from './verify-incident.js';
import { withIncidentLease } from './with-incident-lease.js';

export interface RespondInput {
  findings: Finding[];
  repository: Repository;
  /** The repository's git directory (mirror): branches, and the secret re-read when acting. */
  gitDir?: string;
  /** Set when the findings come from a public place (a GitHub URL). */
  publicUrl?: string;
}

export interface RespondSummary {
  opened: string[];
  joined: string[];
  failed: string[];
  /** Findings of our own canary keys, left out. */
  canaries: number;
  /** Low-confidence findings, left out: recorded, not acted on. */
  lowConfidence: number;
  /**
   * Finding ids not answered yet: their response failed, or another actor held the incident.
   * The outbox keeps them for the next pass; every other finding is answered.
   */
  unanswered: string[];
}

/** The incident a group joins, if one exists, else the id it will be opened under: the lease's key. */
function leaseKey(deps: EngineDeps, group: ExposureGroup, repository: Repository): string {
  for (const h of group.hashes) {
    const known = deps.store.findBySecret(h);
    if (known !== undefined) return known.id;
  }
  return incidentId(group.primary.secretSha256, repository.name);
}

/** A key per set of new places: the owner hears of each new location once, across restarts. */
function locationNotifyKey(input: RespondInput, added: StoredLocation[]): string {
  if (input.publicUrl !== undefined) return `notify.owner.public-${createHash('sha256').update(input.publicUrl).digest('hex').slice(0, 12)}`;
  const keys = added.map((l) => JSON.stringify([l.repository, l.commit, l.path])).sort();
  return `notify.owner.location-${createHash('sha256').update(keys.join('\n')).digest('hex').slice(0, 12)}`;
}

async function answerGroup(leased: EngineDeps, group: ExposureGroup, input: RespondInput, intelligence: IntelligenceItem[], summary: RespondSummary): Promise<void> {
  const log = leased.log.child({ repository: input.repository.name, ruleId: group.primary.ruleId });
  const opened = await openOrJoinIncident(group, {
    store: leased.store,
    config: leased.config,
    repository: input.repository,
    ...(input.gitDir === undefined ? {} : { gitDir: input.gitDir }),
    branchesContaining: leased.branchesContaining,
    ...(input.publicUrl === undefined ? {} : { publicUrl: input.publicUrl }),
    intelligence,
    now: leased.now,
  });
  (opened.created ? summary.opened : summary.joined).push(opened.record.id);
  if (opened.created) log.info({ incident: opened.record.id, severity: opened.record.severity }, 'Incident opened');
  else if (opened.added.length > 0) log.info({ incident: opened.record.id, locations: opened.added.length }, 'Incident joined by a new location');
  await verifyIncident(leased, opened.record, input.gitDir);
  const record = await advanceIncident(leased, leased.store.get(opened.record.id) ?? opened.record, input.gitDir);
  // A secret found in a new place (another file, repository, or public URL) changes what the
  // owner must do: tell them, once per new set of places (advance's first message already
  // names every place when the incident was just opened).
  if (!opened.created && opened.added.length > 0 && record.status !== 'resolved' && record.status !== 'false-positive') {
    await notifyIncident(leased, leased.store.get(record.id) ?? record, 'owner', locationNotifyKey(input, opened.added));
  }
}

export async function respondToFindings(deps: EngineDeps, input: RespondInput): Promise<RespondSummary> {
  const summary: RespondSummary = { opened: [], joined: [], failed: [], canaries: 0, lowConfidence: 0, unanswered: [] };
  // Low confidence is what tests, examples and docs hold: kept for the owner, not an incident.
  // A finding recorded before confidence existed has none and is acted on as before.
  const actionable = input.findings.filter((f) => f.confidence !== 'low');
  summary.lowConfidence = input.findings.length - actionable.length;
  if (summary.lowConfidence > 0) {
    deps.log.info({ repository: input.repository.name, findings: summary.lowConfidence }, 'Low-confidence findings recorded without an incident');
  }
  // Our own planted canary keys are no leak of a credential: no incident, and no rotation.
  const { kept, canaries } = partitionCanaryFindings(actionable, canaryKeyHashes(deps.config));
  summary.canaries = canaries.length;
  if (canaries.length > 0) {
    deps.log.info({ repository: input.repository.name, findings: canaries.length, secretSha256s: canaries.map((f) => f.secretSha256) }, 'Canary key findings skipped');
  }
  const { groups, intelligence } = groupExposures(kept, deps.ruleset);
  for (const group of groups) {
    try {
      const done = await withIncidentLease(deps, leaseKey(deps, group, input.repository), (leased) => answerGroup(leased, group, input, intelligence, summary));
      if (!done.held) summary.unanswered.push(...group.findings.map((f) => f.id));
    } catch (err) {
      const errName = err instanceof Error ? err.name : typeof err;
      deps.log.error({ repository: input.repository.name, ruleId: group.primary.ruleId, errName, secretSha256: group.primary.secretSha256 }, 'Incident response failed');
      summary.failed.push(group.primary.secretSha256);
      summary.unanswered.push(...group.findings.map((f) => f.id));
    }
  }
  return summary;
}

/** Advances every open incident (approved ones, retries); the daemon runs this on a schedule. */
export async function advanceOpenIncidents(deps: EngineDeps): Promise<void> {
  for (const { id } of deps.store.list({ status: ['open', 'acknowledged', 'contained'] })) {
    try {
      // Read again under the lease: the copy listed may be stale by now.
      await withIncidentLease(deps, id, async (leased) => {
        const record = leased.store.get(id);
        if (record !== undefined) await advanceIncident(leased, record);
      });
    } catch (err) {
      deps.log.error({ incident: id, errName: err instanceof Error ? err.name : typeof err }, 'Incident response failed');
    }
  }
}
