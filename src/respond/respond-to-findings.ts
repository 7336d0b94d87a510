/**
 * The engine entry the daemon calls after a scan: one repository's findings → incidents opened
 * or joined (one per secret), then each incident advanced (policy actions, forensics, owner
 * notification), each action at most once across runs. Never throws for one bad incident: it is
 * logged and the rest go on, as the daemon's loop expects.
 */
import { createHash } from 'node:crypto';
import type { Repository } from '../domain/repository.js';
import type { Finding } from '../domain/finding.js';
import { advanceIncident } from './advance-incident.js';
import { canaryKeyHashes, partitionCanaryFindings } from './canary-keys.js';
import type { EngineDeps } from './engine-deps.js';
import { groupExposures } from './group-exposures.js';
import { notifyIncident } from './notify-incident.js';
import { openOrJoinIncident } from './open-incident.js';
import { verifyIncident } from './verify-incident.js';

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
}

export async function respondToFindings(deps: EngineDeps, input: RespondInput): Promise<RespondSummary> {
  const summary: RespondSummary = { opened: [], joined: [], failed: [], canaries: 0 };
  // Our own planted canary keys are no leak of a credential: no incident, and no rotation.
  const { kept, canaries } = partitionCanaryFindings(input.findings, canaryKeyHashes(deps.config));
  summary.canaries = canaries.length;
  if (canaries.length > 0) {
    deps.log.info({ repository: input.repository.name, findings: canaries.length, secretSha256s: canaries.map((f) => f.secretSha256) }, 'Canary key findings skipped');
  }
  const { groups, intelligence } = groupExposures(kept, deps.ruleset);
  for (const group of groups) {
    const log = deps.log.child({ repository: input.repository.name, ruleId: group.primary.ruleId });
    try {
      const opened = await openOrJoinIncident(group, {
        store: deps.store,
        config: deps.config,
        repository: input.repository,
        ...(input.gitDir === undefined ? {} : { gitDir: input.gitDir }),
        branchesContaining: deps.branchesContaining,
        ...(input.publicUrl === undefined ? {} : { publicUrl: input.publicUrl }),
        intelligence,
        now: deps.now,
      });
      (opened.created ? summary.opened : summary.joined).push(opened.record.id);
      if (opened.created) log.info({ incident: opened.record.id, severity: opened.record.severity }, 'Incident opened');
      await verifyIncident(deps, opened.record, input.gitDir);
      await advanceIncident(deps, deps.store.get(opened.record.id) ?? opened.record, input.gitDir);
      // A secret newly found in public changes what the owner must do: tell them, once per URL.
      if (!opened.created && opened.newLocations > 0 && input.publicUrl !== undefined) {
        const key = `notify.owner.public-${createHash('sha256').update(input.publicUrl).digest('hex').slice(0, 12)}`;
        await notifyIncident(deps, opened.record, 'owner', key);
      }
    } catch (err) {
      const errName = err instanceof Error ? err.name : typeof err;
      log.error({ errName, secretSha256: group.primary.secretSha256 }, 'Incident response failed');
      summary.failed.push(group.primary.secretSha256);
    }
  }
  return summary;
}

/** Advances every open incident (approved ones, retries); the daemon runs this on a schedule. */
export async function advanceOpenIncidents(deps: EngineDeps): Promise<void> {
  for (const record of deps.store.list({ status: ['open', 'acknowledged', 'contained'] })) {
    try {
      await advanceIncident(deps, record);
    } catch (err) {
      deps.log.error({ incident: record.id, errName: err instanceof Error ? err.name : typeof err }, 'Incident response failed');
    }
  }
}
