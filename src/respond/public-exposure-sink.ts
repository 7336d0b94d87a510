/**
 * The incident engine's side of the public watch (`PublicExposureSink`). A secret of ours found in
 * public joins the incident of that secret as a public location (the engine raises the severity
 * and tells the owner, once per URL); a copy of our code opens a `code-exposure` incident for the
 * owner of the matched repository. An exposure not answered now (another actor holds its
 * incident, or its response failed) is `'deferred'`: the watch keeps it and delivers it again
 * next cycle, so a public copy of a secret is never dropped. Other errors are logged and the
 * exposure counts as delivered: one bad incident must not stall the watch.
 */
import type { Repository } from '../domain/repository.js';
import type { Finding } from '../domain/finding.js';
import type { PublicExposure, PublicExposureSink } from '../watch/types.js';
import { advanceIncident } from './advance-incident.js';
import { canaryKeyHashes } from './canary-keys.js';
import { canaryUseEntry } from './canary-use-entry.js';
import type { EngineDeps } from './engine-deps.js';
import type { IncidentRecord } from './incident-store.js';
import { notifyIncident } from './notify-incident.js';
import { incidentId } from './incident-id.js';
import { codeExposureKey, openCodeExposure } from './open-code-exposure.js';
import { recordEntry } from './record-result.js';
import { respondToFindings } from './respond-to-findings.js';
import { withIncidentLease } from './with-incident-lease.js';

export interface PublicSinkOptions {
  /** Our repository by the name the watch uses (index and known secrets are keyed by name). */
  repository: (name: string) => Repository | undefined;
  /** Stored findings of a repository holding a secret (by SHA-256, either half of a pair). */
  findings: (repository: Repository, secretSha256: string) => Finding[];
  gitDir?: (repository: Repository) => string | undefined;
}

/** The finding as seen at the public place: same secret, the public file as its only location. */
function atPublicPlace(finding: Finding, exposure: PublicExposure): Finding {
  const line = exposure.lines[0]?.[0] ?? finding.line;
  return {
    ...finding,
    commit: null,
    path: exposure.publicPath,
    line,
    endLine: line,
    blob: null,
    locations: [{ commit: null, path: exposure.publicPath, line, endLine: line, blob: null }],
  };
}

async function deliverCredential(deps: EngineDeps, options: PublicSinkOptions, exposure: PublicExposure, repository: Repository): Promise<'deferred' | void> {
  const sha = exposure.secretSha256;
  if (sha === undefined) return;
  const findings = options.findings(repository, sha);
  if (findings.length === 0) {
    deps.log.warn({ repository: repository.name, url: exposure.url }, 'Public secret has no stored finding; no incident to join');
    return;
  }
  const gitDir = options.gitDir?.(repository);
  const answer = await respondToFindings(deps, {
    findings: findings.map((f) => atPublicPlace(f, exposure)),
    repository,
    publicUrl: exposure.url,
    ...(gitDir === undefined ? {} : { gitDir }),
  });
  // Its incident held by another actor, or its response failed: answered at the next cycle.
  if (answer.unanswered.length > 0) {
    deps.log.warn({ repository: repository.name, url: exposure.url, unanswered: answer.unanswered.length }, 'Public secret exposure left for the next cycle');
    return 'deferred';
  }
}

/**
 * Later uses of a canary key join its incident as evidence; the owner hears of them at most once
 * a day, so a key in an attacker's loop does not flood them.
 */
async function joinCanaryUses(deps: EngineDeps, record: IncidentRecord, exposure: PublicExposure): Promise<void> {
  const entry = canaryUseEntry({ provider: 'leakwatch', now: deps.now }, exposure);
  if (entry === undefined) return;
  recordEntry(deps.store, record, entry, deps.now());
  await notifyIncident(deps, record, 'owner', `notify.owner.canary-${deps.now().toISOString().slice(0, 10)}`);
}

export function createPublicExposureSink(deps: EngineDeps, options: PublicSinkOptions): PublicExposureSink {
  return {
    async deliver(exposure) {
      const log = deps.log.child({ repository: exposure.repository, url: exposure.url, kind: exposure.kind });
      const repository = options.repository(exposure.repository);
      if (repository === undefined) {
        log.warn('Public exposure of a repository not in the inventory');
        return;
      }
      try {
        // One of our canary keys in public is no credential to rotate: it proves the code is there.
        const canary = exposure.kind === 'credential-exposure' && exposure.secretSha256 !== undefined && canaryKeyHashes(deps.config).has(exposure.secretSha256);
        if (exposure.kind === 'credential-exposure' && !canary) return await deliverCredential(deps, options, exposure, repository);
        const code: PublicExposure = canary ? { ...exposure, kind: 'code-exposure', score: 1 } : exposure;
        const key = codeExposureKey(code);
        const id = deps.store.findBySecret(key)?.id ?? incidentId(key, repository.name);
        const done = await withIncidentLease(deps, id, async (leased) => {
          const opened = openCodeExposure(code, { store: leased.store, config: leased.config, repository, now: leased.now });
          if (opened.created) log.info({ incident: opened.record.id, severity: opened.record.severity }, 'Incident opened');
          else await joinCanaryUses(leased, opened.record, code);
          await advanceIncident(leased, leased.store.get(opened.record.id) ?? opened.record);
        });
        if (!done.held) {
          log.warn({ incident: id }, 'Public exposure left for the next cycle: its incident is being handled');
          return 'deferred';
        }
      } catch (err) {
        log.error({ errName: err instanceof Error ? err.name : typeof err }, 'Public exposure response failed');
      }
    },
  };
}
