/**
 * Turns one scan's findings into exposures: credential findings that share a secret (an AWS key
 * id and its secret access key are one credential) become one group, with the paired finding as
 * the primary exposure. Sensitive-data findings (account ids, internal hosts) are environment
 * intelligence attached to the repository's incidents; only those of medium severity or more
 * (e.g. payment card numbers) open a `sensitive-data` incident of their own. Password hashes
 * open a `sensitive-data` incident too: nothing can be rotated, the owner changes the password.
 */
import type { Ruleset } from '../detect/types.js';
import type { Finding } from '../domain/finding.js';
import type { IntelligenceItem } from './incident-store.js';
import { ruleFamily } from './rotators/manual-steps.js';
import type { IncidentKind } from '../domain/incident.js';

export interface ExposureGroup {
  primary: Finding;
  findings: Finding[];
  /** Every secret hash of the group (both halves of a pair). */
  hashes: string[];
  kind: IncidentKind;
  family: string;
}

export interface GroupedFindings {
  groups: ExposureGroup[];
  intelligence: IntelligenceItem[];
}

const RANK = { low: 0, medium: 1, high: 2, critical: 3 } as const;

function hashesOf(f: Finding): string[] {
  return f.related === undefined ? [f.secretSha256] : [f.secretSha256, f.related.secretSha256];
}

export function familyOf(ruleId: string, ruleset: Ruleset): string {
  return ruleset.byId.get(ruleId)?.provider?.family ?? ruleFamily(ruleId);
}

export function groupExposures(findings: Finding[], ruleset: Ruleset): GroupedFindings {
  const intelligence: IntelligenceItem[] = [];
  const groups: { findings: Finding[]; hashes: Set<string>; kind: IncidentKind }[] = [];
  for (const f of findings) {
    if (f.kind === 'sensitive-data') {
      intelligence.push({ ruleId: f.ruleId, title: f.title, redacted: f.redacted, path: f.path, line: f.line });
      if (RANK[f.severity] < RANK.medium) continue;
    }
    const kind: IncidentKind = f.kind === 'credential' ? 'credential-exposure' : 'sensitive-data';
    const hashes = hashesOf(f);
    const matching = groups.filter((g) => g.kind === kind && hashes.some((h) => g.hashes.has(h)));
    const target = matching[0] ?? { findings: [], hashes: new Set<string>(), kind };
    if (matching.length === 0) groups.push(target);
    // A finding can bridge two groups (key id seen alone first, then paired): merge them.
    for (const other of matching.slice(1)) {
      target.findings.push(...other.findings);
      for (const h of other.hashes) target.hashes.add(h);
      groups.splice(groups.indexOf(other), 1);
    }
    target.findings.push(f);
    for (const h of hashes) target.hashes.add(h);
  }
  return {
    intelligence,
    groups: groups.map((g) => {
      const primary =
        g.findings.find((f) => f.related !== undefined) ??
        [...g.findings].sort((a, b) => RANK[b.severity] - RANK[a.severity])[0]!;
      return { primary, findings: g.findings, hashes: [...g.hashes], kind: g.kind, family: familyOf(primary.ruleId, ruleset) };
    }),
  };
}
