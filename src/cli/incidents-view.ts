/**
 * Renders incidents for `leakwatch incidents`: the list as a table, one incident as its facts,
 * the "determine" answers, the timeline and the owner's steps still open (open-steps.ts), and
 * either as JSON. Only stored fields are shown, and the store never holds a secret.
 */
import { describeEntry, oneLine } from '../respond/incident-message-parts.js';
import type { IncidentRecord, StoredLocation } from '../respond/incident-store.js';
import { openSteps } from '../respond/open-steps.js';
import { escapeField, escapeText } from '../util/terminal-text.js';

const HEADERS = ['ID', 'STATUS', 'SEVERITY', 'KIND', 'REPOSITORY', 'RULE', 'OWNER', 'OPENED'] as const;

export function renderIncidentTable(records: readonly IncidentRecord[]): string {
  if (records.length === 0) return 'No incidents.\n';
  const rows = records.map((r) => [
    r.id,
    r.status,
    r.severity,
    r.kind,
    r.repository.name,
    r.exposure.ruleId,
    r.repository.ownerEmail ?? '-',
    r.createdAt.toISOString(),
  ].map(escapeField));
  const widths = HEADERS.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  const line = (cells: readonly string[]): string => cells.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd();
  return `${[line(HEADERS), ...rows.map(line)].join('\n')}\n`;
}

/** Paths come from repository content: no control characters reach the terminal. */
function place(l: StoredLocation): string {
  const file = l.path === null ? ' (commit message)' : ` ${oneLine(l.path)}:${l.line ?? '?'}`;
  const commit = l.commit === null ? '' : ` @ ${l.commit.slice(0, 12)}`;
  return `${oneLine(l.repository)}${file}${commit}${l.publicUrl === undefined ? '' : ` (${oneLine(l.publicUrl)})`}`;
}

export function renderIncidentDetail(r: IncidentRecord): string {
  const x = r.exposure;
  const d = r.determination;
  const open = openSteps(r);
  const lines = [
    `Incident ${r.id}: ${x.title} in ${r.repository.name}`,
    `  Status:      ${r.status}${r.policy === 'approve' && r.approvedAt === null ? ' (waiting for approval)' : ''}`,
    `  Severity:    ${r.severity} (${r.severityReasons.join('; ')})`,
    `  Kind:        ${r.kind}`,
    `  Policy:      ${r.policy} (family ${r.ruleFamily})`,
    `  Owner:       ${r.repository.ownerEmail ?? 'none on record'}${r.repository.team === undefined ? '' : ` (team ${r.repository.team})`}`,
    `  Escalation:  ${r.repository.escalationContacts.join(', ') || '-'}`,
    `  Secret:      ${x.redacted} (sha256 ${x.secretSha256})`,
    '',
    'Determine',
    `  What:   ${d.credentials.map((c) => `${c.ruleId} ${c.redacted}`).join(', ')}`,
    `  Files:  ${d.files.map(oneLine).join(', ') || '-'}`,
    `  Intel:  ${d.intelligence.map((i) => oneLine(`${i.ruleId} ${i.redacted}${i.path === null ? '' : ` (${i.path}:${i.line})`}`)).join(', ') || '-'}`,
    `  Since:  ${d.since}`,
    `  Where:  ${r.locations.map(place).join('; ')}`,
    `  Branches: ${d.branches.map(oneLine).join(', ') || '-'}`,
    `  Public: ${d.publicUrls.join(', ') || '-'}`,
    '',
    'Timeline',
    ...r.timeline.map((e) => `  ${describeEntry(e)}`),
    '',
    'Remaining steps for the owner',
    ...(open.length > 0 ? open.map((s, i) => `  ${i + 1}. ${oneLine(s)}`) : ['  (none)']),
  ];
  // Every field is from a repository or its owner: no control sequence reaches the terminal.
  return `${escapeText(lines.join('\n'))}\n`;
}

/** An incident as `show --format json` prints it: its remaining steps are those still open. */
export function incidentJson(r: IncidentRecord): IncidentRecord {
  return { ...r, remainingSteps: openSteps(r) };
}
