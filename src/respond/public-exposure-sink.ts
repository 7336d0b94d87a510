/**
 * The incident engine's side of the public watch (`PublicExposureSink`). A secret of ours found in
 * public joins the incident of that secret as a public location (the engine raises the severity
 * and tells the owner, once per URL); a copy of our code opens a `code-exposure` incident for the
 * owner of the matched repository. Errors are logged and the exposure counts as delivered: one
 * bad incident must not stall the watch, and the exposure stays recorded in the watch log line.
 */
import type { Repository } from '../inventory/types.js';
import type { Finding } from '../scan/types.js';
import type { PublicExposure, PublicExposureSink } from '../watch/types.js';
import { advanceIncident } from './advance-incident.js';
import type { EngineDeps } from './engine-deps.js';
import { openCodeExposure } from './open-code-exposure.js';
import { respondToFindings } from './respond-to-findings.js';

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

async function deliverCredential(deps: EngineDeps, options: PublicSinkOptions, exposure: PublicExposure, repository: Repository): Promise<void> {
  const sha = exposure.secretSha256;
  if (sha === undefined) return;
  const findings = options.findings(repository, sha);
  if (findings.length === 0) {
    deps.log.warn({ repository: repository.name, url: exposure.url }, 'Public secret has no stored finding; no incident to join');
    return;
  }
  const gitDir = options.gitDir?.(repository);
  await respondToFindings(deps, {
    findings: findings.map((f) => atPublicPlace(f, exposure)),
    repository,
    publicUrl: exposure.url,
    ...(gitDir === undefined ? {} : { gitDir }),
  });
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
        if (exposure.kind === 'credential-exposure') {
          await deliverCredential(deps, options, exposure, repository);
          return;
        }
        const opened = openCodeExposure(exposure, { store: deps.store, config: deps.config, repository, now: deps.now });
        if (opened.created) log.info({ incident: opened.record.id, severity: opened.record.severity }, 'Incident opened');
        await advanceIncident(deps, opened.record);
      } catch (err) {
        log.error({ errName: err instanceof Error ? err.name : typeof err }, 'Public exposure response failed');
      }
    },
  };
}
