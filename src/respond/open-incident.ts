/**
 * Opens the incident for an exposure, or joins it to the one already open for the same secret:
 * found again in the same repository, in another repository, or in a public place, it becomes a
 * new location of that incident (see incident-id.ts). Opening answers the playbook's "determine"
 * questions as far as the data allows: what (credentials, intelligence, files), since when (first
 * commit), where (branches, public URL). Who accessed it is added later by forensics.
 */
import type { LeakwatchConfig } from '../config/config-types.js';
import { resolveIncidentOwner } from '../inventory/resolve-incident-owner.js';
import type { Repository } from '../domain/repository.js';
import type { Finding } from '../domain/finding.js';
import type { ExposureGroup } from './group-exposures.js';
import { incidentId } from './incident-id.js';
import type { Determination, IncidentRecord, IncidentStore, IntelligenceItem, StoredLocation } from './incident-store.js';
import { policyFor } from './policy.js';
import { scoreSeverity } from './score-severity.js';
import { makeEntry } from './timeline-entry.js';
import type { IncidentRepository, TimelineEntry } from '../domain/incident.js';

export interface OpenContext {
  store: IncidentStore;
  config: LeakwatchConfig;
  repository: Repository;
  /** The repository's git directory (mirror), for branches. */
  gitDir?: string;
  /** git/list-branches.ts, injected through the engine's deps: respond/ runs no git. */
  branchesContaining: (gitDir: string, commit: string) => Promise<string[]>;
  /** Set when the secret was found in a public place (a GitHub URL). */
  publicUrl?: string;
  intelligence: IntelligenceItem[];
  now: () => Date;
}

export interface OpenResult {
  record: IncidentRecord;
  created: boolean;
  newLocations: number;
  /** The locations this call added to a known incident (none when it opened one). */
  added: StoredLocation[];
}

const MAX_INTELLIGENCE = 50;

function incidentRepository(repo: Repository, defaultOwner: string | undefined): IncidentRepository {
  const owner = resolveIncidentOwner(repo, defaultOwner);
  const out: IncidentRepository = { name: repo.name, escalationContacts: repo.escalationContacts, classification: repo.classification };
  if (owner.email !== undefined) out.ownerEmail = owner.email;
  if (repo.owner.team !== undefined) out.team = repo.owner.team;
  if (repo.snsTopicArn !== undefined) out.snsTopicArn = repo.snsTopicArn;
  return out;
}

function locationsOf(group: ExposureGroup, repository: string, publicUrl: string | undefined): StoredLocation[] {
  const out: StoredLocation[] = [];
  const seen = new Set<string>();
  for (const f of [group.primary, ...group.findings.filter((x) => x !== group.primary)]) {
    for (const l of f.locations) {
      // One place per commit and file: a key pair's two lines are one location of one credential.
      const key = JSON.stringify([l.commit, l.path]);
      if (seen.has(key)) continue;
      seen.add(key);
      const loc: StoredLocation = {
        repository,
        commit: l.commit,
        path: l.path,
        line: l.line,
        // A secret in a commit message has no blob: the commit object is what to read again.
        blob: l.blob ?? (l.path === null ? l.commit : null),
        firstSeen: f.date === null ? null : new Date(f.date),
      };
      if (publicUrl !== undefined) loc.publicUrl = publicUrl;
      out.push(loc);
    }
  }
  return out;
}

function firstSeen(findings: Finding[], now: Date): Date {
  const dates = findings.map((f) => (f.date === null ? now.getTime() : Date.parse(f.date)));
  return new Date(Math.min(...dates));
}

function verifiedOf(findings: Finding[]): boolean | null {
  if (findings.some((f) => f.verified === true)) return true;
  return findings.length > 0 && findings.every((f) => f.verified === false) ? false : null;
}

function mergeDetermination(d: Determination, group: ExposureGroup, ctx: OpenContext, branches: string[]): Determination {
  const files = new Set(d.files);
  for (const f of group.findings) for (const l of f.locations) if (l.path !== null) files.add(`${ctx.repository.name}:${l.path}`);
  const creds = [...d.credentials];
  for (const f of group.findings) {
    if (!creds.some((c) => c.secretSha256 === f.secretSha256)) creds.push({ ruleId: f.ruleId, redacted: f.redacted, secretSha256: f.secretSha256 });
  }
  const intel = [...d.intelligence];
  for (const i of ctx.intelligence) {
    if (intel.length >= MAX_INTELLIGENCE) break;
    if (!intel.some((x) => x.ruleId === i.ruleId && x.redacted === i.redacted && x.path === i.path)) intel.push(i);
  }
  return {
    credentials: creds,
    files: [...files].sort(),
    intelligence: intel,
    since: d.since,
    branches: [...new Set([...d.branches, ...branches])].sort(),
    publicUrls: [...new Set([...d.publicUrls, ...(ctx.publicUrl === undefined ? [] : [ctx.publicUrl])])],
  };
}

function describeDetermination(d: Determination): string {
  const what = d.credentials.map((c) => `${c.ruleId} ${c.redacted}`).join(', ');
  const where = d.branches.length > 0 ? `; branches ${d.branches.join(', ')}` : '';
  const pub = d.publicUrls.length > 0 ? `; public at ${d.publicUrls.join(', ')}` : '';
  return `Exposed: ${what} in ${d.files.length} file(s), ${d.intelligence.length} item(s) of environment intelligence; since ${d.since}${where}${pub}.`;
}

export async function openOrJoinIncident(group: ExposureGroup, ctx: OpenContext): Promise<OpenResult> {
  const now = ctx.now();
  const scope = { provider: 'leakwatch', now: ctx.now };
  const p = group.primary;
  const branches = ctx.gitDir !== undefined && p.commit !== null ? await ctx.branchesContaining(ctx.gitDir, p.commit) : [];
  const existing = group.hashes.map((h) => ctx.store.findBySecret(h)).find((r) => r !== undefined);

  if (existing === undefined) {
    const repository = incidentRepository(ctx.repository, ctx.config.inventory.defaultOwner);
    const since = firstSeen(group.findings, now);
    const isPublic = ctx.publicUrl !== undefined || repository.classification === 'public';
    const scored = scoreSeverity({
      ruleId: p.ruleId,
      ruleSeverity: p.severity,
      classification: repository.classification,
      verified: verifiedOf(group.findings),
      isPublic,
    });
    const empty: Determination = { credentials: [], files: [], intelligence: [], since: since.toISOString(), branches: [], publicUrls: [] };
    const determination = mergeDetermination(empty, group, ctx, branches);
    const record: IncidentRecord = {
      id: incidentId(p.secretSha256, ctx.repository.name),
      kind: group.kind,
      severity: scored.severity,
      severityReasons: scored.reasons,
      status: 'open',
      repository,
      exposure: {
        ruleId: p.ruleId,
        title: p.title,
        redacted: p.redacted,
        secretSha256: p.secretSha256,
        commit: p.commit ?? '',
        path: p.path,
        line: p.line,
        firstSeen: since,
        ...(ctx.publicUrl === undefined ? {} : { publicUrl: ctx.publicUrl }),
        ...(branches.length > 0 ? { branches } : {}),
      },
      timeline: [],
      remainingSteps: [],
      ruleFamily: group.family,
      policy: policyFor(group.family, ctx.config.response),
      secretSha256s: group.hashes,
      locations: locationsOf(group, ctx.repository.name, ctx.publicUrl),
      determination,
      createdAt: now,
      updatedAt: now,
      acknowledgedAt: null,
      approvedAt: null,
      escalatedAt: null,
    };
    const ownerVia = resolveIncidentOwner(ctx.repository, ctx.config.inventory.defaultOwner).via;
    record.timeline = [
      makeEntry(scope, 'detection-analysis', 'incident.opened', 'ok',
        `Opened: ${p.title} (${p.redacted}) in ${ctx.repository.name}; severity ${scored.severity}; ` +
          `owner ${repository.ownerEmail ?? 'none on record'}; policy ${record.policy}.`,
        { owner: repository.ownerEmail ?? null, ownerVia, policy: record.policy, severity: scored.severity }),
      makeEntry(scope, 'detection-analysis', 'incident.determined', 'ok', describeDetermination(determination)),
    ];
    ctx.store.create(record);
    return { record, created: true, newLocations: record.locations.length, added: [] };
  }

  const record = existing;
  const entries: TimelineEntry[] = [];
  for (const h of group.hashes) if (!record.secretSha256s.includes(h)) ctx.store.addSecret(record.id, h);
  const added: StoredLocation[] = [];
  for (const loc of locationsOf(group, ctx.repository.name, ctx.publicUrl)) {
    if (!ctx.store.addLocation(record.id, loc)) continue;
    added.push(loc);
    const at = `${loc.repository}${loc.path === null ? '' : ` ${loc.path}${loc.line === null ? '' : `:${loc.line}`}`}`;
    entries.push(makeEntry(scope, 'detection-analysis', 'incident.location-added', 'ok',
      `The same secret was found again: ${at}${loc.publicUrl === undefined ? '' : ` (${loc.publicUrl})`}.`,
      { repository: loc.repository, commit: loc.commit, path: loc.path }));
  }
  if (added.length === 0) return { record, created: false, newLocations: 0, added };
  record.determination = mergeDetermination(record.determination, group, ctx, branches);
  if (ctx.publicUrl !== undefined && record.exposure.publicUrl === undefined) {
    record.exposure.publicUrl = ctx.publicUrl;
    const scored = scoreSeverity({
      ruleId: record.exposure.ruleId,
      ruleSeverity: p.severity,
      classification: record.repository.classification,
      verified: verifiedOf(group.findings),
      isPublic: true,
    });
    if (scored.severity !== record.severity) {
      const detail = `Severity ${record.severity} → ${scored.severity}: the secret is public.`;
      entries.push(makeEntry(scope, 'detection-analysis', 'incident.severity-changed', 'ok', detail));
      record.severity = scored.severity;
    }
    // Even at the top severity the owner must read that the secret is now public.
    record.severityReasons = scored.reasons;
  }
  if (record.status === 'resolved') {
    record.status = 'open';
    record.acknowledgedAt = null;
    entries.push(makeEntry(scope, 'detection-analysis', 'incident.open', 'ok', 'Reopened: the resolved secret was found in a new place.'));
  }
  record.updatedAt = now;
  ctx.store.update(record);
  ctx.store.appendTimeline(record.id, entries);
  const fresh = ctx.store.get(record.id)!;
  return { record: fresh, created: false, newLocations: added.length, added };
}
