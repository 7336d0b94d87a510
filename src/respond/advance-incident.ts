/**
 * Runs every action an incident is due, each at most once (run-once.ts): forensics, containment
 * as the family's policy allows (the written plan for `notify` and `approve`, the rotator for
 * `auto` or an approved incident, manual steps when no rotator exists), then the owner's
 * notification, so the message says what was already done. Failures become timeline entries;
 * an action that keeps failing is escalated to the escalation contacts.
 */
import { accessKeyIdOf } from './rotators/aws-iam-access-key/access-key-id.js';
import type { EngineDeps } from './engine-deps.js';
import { investigateCodeCommitExposure } from './forensics/cloudtrail.js';
import type { IncidentRecord } from './incident-store.js';
import { notifyIncident } from './notify-incident.js';
import { mayContain } from './policy.js';
import { recordResult } from './record-result.js';
import { recoverSecret } from './recover-secret.js';
import { rotators } from './rotators/api.js';
import { manualContainment, manualStepsFor } from './rotators/manual-steps.js';
import { runContain } from './rotators/run-rotator.js';
import type { Rotator } from './rotators/types.js';
import { runOnce } from './run-once.js';
import type { OnceOutcome } from './run-once.js';
import { makeEntry } from './timeline-entry.js';
import type { LeakedSecret, TimelineEntry } from './types.js';

export const APPROVE_STEP_PREFIX = 'Approve containment';

function rotatorFor(deps: EngineDeps, record: IncidentRecord): Rotator | undefined {
  const id = deps.ruleset.byId.get(record.exposure.ruleId)?.provider?.rotate;
  return id === undefined ? undefined : rotators.get(id);
}

/** Reads the secret again from the repository; memoised for one run, never stored. */
function secretLoader(deps: EngineDeps, record: IncidentRecord, gitDir: string | undefined): () => Promise<LeakedSecret | undefined> {
  let cached: Promise<LeakedSecret | undefined> | undefined;
  return () => {
    cached ??= (async () => {
      for (const loc of record.locations) {
        const dir = gitDir !== undefined && loc.repository === record.repository.name ? gitDir : deps.gitDirFor?.(loc.repository);
        if (dir === undefined || (loc.blob === null && loc.commit === null)) continue;
        const found = await recoverSecret(dir, loc, record.secretSha256s, deps.ruleset);
        if (found !== undefined) return found;
      }
      return undefined;
    })();
    return cached;
  };
}

function planSteps(record: IncidentRecord, rotator: Rotator | undefined): string[] {
  const family = record.ruleFamily;
  if (record.policy === 'approve' && rotator !== undefined) {
    return [`${APPROVE_STEP_PREFIX}: leakwatch incidents approve ${record.id} (or do the steps below by hand).`, ...manualStepsFor(record.exposure.ruleId)];
  }
  const how = rotator === undefined ? '' : ` (or set response.policies.${family}: auto to let leakwatch do it)`;
  return [`Contain the credential by hand${how}:`, ...manualStepsFor(record.exposure.ruleId)];
}

async function contain(deps: EngineDeps, record: IncidentRecord, rotator: Rotator, loadSecret: () => Promise<LeakedSecret | undefined>): Promise<TimelineEntry[]> {
  const now = deps.now;
  const secret = await loadSecret();
  if (secret === undefined) {
    const entry = makeEntry({ provider: 'leakwatch', now }, 'containment', 'containment.secret-unavailable', 'failed',
      'Could not read the secret again from the repository mirror to act on it; will retry.');
    entry.retryable = true;
    recordResult(deps.store, record, { entries: [entry], remainingSteps: [], followUps: [] }, now());
    return [entry];
  }
  const log = deps.log.child({ incident: record.id, rotator: rotator.id });
  const result = await runContain(rotator, {
    incident: record, secret, clients: deps.clients, options: deps.rotatorOptions ?? {}, log, now,
    ...(deps.sleep === undefined ? {} : { sleep: deps.sleep }),
  });
  record.remainingSteps = record.remainingSteps.filter((s) => !s.startsWith(APPROVE_STEP_PREFIX));
  recordResult(deps.store, record, result, now());
  return result.entries;
}

export async function advanceIncident(deps: EngineDeps, record: IncidentRecord, gitDir?: string): Promise<IncidentRecord> {
  if (record.status === 'resolved' || record.status === 'false-positive') return record;
  const now = deps.now;
  const loadSecret = secretLoader(deps, record, gitDir);
  const rotator = rotatorFor(deps, record);
  const outcomes: OnceOutcome[] = [];

  if (record.kind === 'credential-exposure') {
    if (rotator === undefined) {
      outcomes.push(await runOnce(deps, record, 'containment.manual', () => {
        const result = manualContainment(record, now);
        recordResult(deps.store, record, result, now());
        return Promise.resolve(result.entries);
      }));
    } else {
      if (record.policy !== 'auto') {
        outcomes.push(await runOnce(deps, record, 'containment.plan', () => {
          const result = rotator.plan({ incident: record, options: deps.rotatorOptions ?? {}, now });
          recordResult(deps.store, record, { ...result, remainingSteps: [...planSteps(record, rotator), ...result.remainingSteps] }, now());
          return Promise.resolve(result.entries);
        }));
      }
      if (mayContain(record.policy, record.approvedAt)) {
        let produced: TimelineEntry[] = [];
        const outcome = await runOnce(deps, record, 'containment.contain', async () => (produced = await contain(deps, record, rotator, loadSecret)));
        outcomes.push(outcome);
        // Contained only when something was actually done and nothing failed (a key of another account is only reported).
        const didContain = produced.some((e) => e.phase === 'containment' && e.outcome === 'ok') && !produced.some((e) => e.outcome === 'failed');
        if (outcome === 'ran' && didContain && (record.status === 'open' || record.status === 'acknowledged')) {
          const from = record.status;
          record.status = 'contained';
          recordResult(deps.store, record, { entries: [makeEntry({ provider: 'leakwatch', now }, 'containment', 'incident.contained', 'ok',
            `Status ${from} → contained: ${rotator.title} completed.`, { from, to: 'contained', by: 'leakwatch' })], remainingSteps: [], followUps: [] }, now());
        }
      }
    }
  }

  if (deps.clients.cloudtrail !== undefined) {
    const cloudtrail = deps.clients.cloudtrail;
    outcomes.push(await runOnce(deps, record, 'forensics.cloudtrail', async () => {
      const secret = record.exposure.ruleId.startsWith('aws-') ? await loadSecret() : undefined;
      const accessKeyId = secret === undefined ? undefined : accessKeyIdOf(secret);
      const result = await investigateCodeCommitExposure({
        incident: record,
        clients: { cloudtrail, ...(deps.clients.iam === undefined ? {} : { iam: deps.clients.iam }) },
        options: { knownPrincipals: deps.knownPrincipals ?? [] },
        ...(accessKeyId === undefined ? {} : { accessKeyId }),
        log: deps.log.child({ incident: record.id }),
        now,
      });
      recordResult(deps.store, record, result, now());
      return result.entries;
    }));
  }

  outcomes.push(...(await notifyIncident(deps, record, 'owner', 'notify.owner')));

  if (outcomes.includes('gave-up')) {
    recordResult(deps.store, record, { entries: [makeEntry({ provider: 'leakwatch', now }, 'detection-analysis', 'engine.retries-exhausted', 'failed',
      `An action kept failing after ${deps.config.response.maxAttempts} attempts; escalated to a person.`)], remainingSteps: [
      'Some automatic steps kept failing (see the timeline): do them by hand.'], followUps: [] }, now());
    await notifyIncident(deps, record, 'escalation', 'notify.escalation.retries-exhausted');
  }
  return record;
}
