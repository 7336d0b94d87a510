/**
 * Opens the `code-exposure` incident for a copy of our code found in public: one per public file
 * and repository of ours, for that repository's owner, with the public URL, the score, and the
 * matched files and lines. Nothing can be rotated for code, so the incident is `notify`: the owner
 * gets the steps (take-down request, check the copy for secrets). Found again, it is not re-opened.
 */
import { createHash } from 'node:crypto';
import type { LeakwatchConfig } from '../config/config-types.js';
import type { LineRange } from '../fingerprint/merge-line-ranges.js';
import { resolveIncidentOwner } from '../inventory/resolve-incident-owner.js';
import type { Repository } from '../domain/repository.js';
import type { PublicExposure } from '../watch/types.js';
import { canaryRemainingSteps, canaryUseEntry } from './canary-use-entry.js';
import { incidentId } from './incident-id.js';
import type { IncidentRecord, IncidentStore } from './incident-store.js';
import { makeEntry } from './timeline-entry.js';
import type { IncidentRepository, Severity } from '../domain/incident.js';

export const CODE_EXPOSURE_RULE = 'code-exposure';

function ranges(lines: readonly LineRange[]): string {
  return lines.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(', ');
}

/** Stands in for a secret hash so the same public copy is looked up, not opened twice. */
export function codeExposureKey(exposure: Pick<PublicExposure, 'repository' | 'publicLocation' | 'publicPath'>): string {
  return createHash('sha256').update(`code-exposure\0${exposure.repository}\0${exposure.publicLocation}\0${exposure.publicPath}`).digest('hex');
}

function severityOf(exposure: PublicExposure, repository: Repository): { severity: Severity; reasons: string[] } {
  const reasons = [exposure.canaryUses ? 'canary key of the repository was used' : `public copy of our code, score ${exposure.score.toFixed(2)}`];
  let severity: Severity = exposure.score >= 0.9 ? 'high' : 'medium';
  if (repository.classification === 'confidential' || repository.classification === 'restricted') {
    severity = severity === 'medium' ? 'high' : 'critical';
    reasons.push(`repository is classified ${repository.classification} (+1)`);
  }
  return { severity, reasons };
}

export function openCodeExposure(
  exposure: PublicExposure,
  ctx: { store: IncidentStore; config: LeakwatchConfig; repository: Repository; now: () => Date },
): { record: IncidentRecord; created: boolean } {
  const key = codeExposureKey(exposure);
  const existing = ctx.store.findBySecret(key);
  if (existing !== undefined) return { record: existing, created: false };
  const now = ctx.now();
  const repo = ctx.repository;
  const owner = resolveIncidentOwner(repo, ctx.config.inventory.defaultOwner);
  const repository: IncidentRepository = { name: repo.name, escalationContacts: repo.escalationContacts, classification: repo.classification };
  if (owner.email !== undefined) repository.ownerEmail = owner.email;
  if (repo.owner.team !== undefined) repository.team = repo.owner.team;
  if (repo.snsTopicArn !== undefined) repository.snsTopicArn = repo.snsTopicArn;
  const scored = severityOf(exposure, repo);
  const firstLine = exposure.lines[0]?.[0] ?? null;
  const files = exposure.matchedFiles.map((f) => `${repo.name}:${f.path}`);
  const matched = exposure.matchedFiles
    .map((f) => `${f.path} lines ${ranges(f.sourceLines)} (public lines ${ranges(f.candidateLines)}, score ${f.score.toFixed(2)})`)
    .join('; ');
  const scope = { provider: 'leakwatch', now: ctx.now };
  const record: IncidentRecord = {
    id: incidentId(key, repo.name),
    kind: 'code-exposure',
    severity: scored.severity,
    severityReasons: scored.reasons,
    status: 'open',
    repository,
    exposure: {
      ruleId: CODE_EXPOSURE_RULE,
      title: exposure.canaryUses ? `Canary key of ${repo.name} used` : `Copy of ${repo.name} code in public`,
      redacted: `${exposure.publicLocation}/${exposure.publicPath}`,
      secretSha256: key,
      commit: '',
      path: exposure.publicPath,
      line: firstLine,
      firstSeen: now,
      publicUrl: exposure.url,
    },
    timeline: [],
    remainingSteps: exposure.canaryUses
      ? canaryRemainingSteps(exposure)
      : [
          `Ask the owner of ${exposure.publicLocation} or GitHub (DMCA take-down) to remove ${exposure.url}.`,
          'Check the public copy for secrets and internal hostnames; rotate anything it holds.',
          'Find out how the code left (who had access, which fork or paste) and close that path.',
        ],
    ruleFamily: 'code',
    policy: 'notify',
    secretSha256s: [key],
    locations: [{ repository: exposure.publicLocation, commit: null, path: exposure.publicPath, line: firstLine, blob: null, publicUrl: exposure.url, firstSeen: now }],
    determination: { credentials: [], files, intelligence: [], since: now.toISOString(), branches: [], publicUrls: [exposure.url] },
    createdAt: now,
    updatedAt: now,
    acknowledgedAt: null,
    approvedAt: null,
    escalatedAt: null,
  };
  const what = exposure.canaryUses
    ? `the canary key ${exposure.publicPath} planted in ${repo.name} was used (${exposure.url})`
    : `code of ${repo.name} is public at ${exposure.url} (lines ${ranges(exposure.lines)}), score ${exposure.score.toFixed(2)}`;
  record.timeline = [
    makeEntry(scope, 'detection-analysis', 'incident.opened', 'ok',
      `Opened: ${what}; owner ${repository.ownerEmail ?? 'none on record'}; found by ${exposure.source}.`,
      { owner: repository.ownerEmail ?? null, ownerVia: owner.via, policy: 'notify', severity: scored.severity, score: exposure.score, source: exposure.source }),
  ];
  const used = canaryUseEntry(scope, exposure);
  if (used === undefined) record.timeline.push(makeEntry(scope, 'detection-analysis', 'incident.determined', 'ok', `Matched files: ${matched || 'none listed'}.`));
  else record.timeline.push(used);
  ctx.store.create(record);
  return { record, created: true };
}
