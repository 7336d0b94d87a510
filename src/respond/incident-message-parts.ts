/**
 * The facts an incident message tells its reader, in order, shared by the text and HTML
 * renderings so both say the same thing. Nothing here can see the secret: only the incident,
 * which holds the redacted preview and the SHA-256.
 */
import type { Exposure, ExposureLocation, Incident, TimelineEntry } from '../domain/incident.js';
import { containmentRan, openSteps } from './open-steps.js';

export type Audience = 'owner' | 'escalation';
/** `contained`: the one message after leakwatch contained an incident the owner already knew of. */
export type MessageKind = 'opened' | 'contained';

export interface MessageSection {
  title: string;
  /** label → value rows */
  rows?: [string, string][];
  bullets?: string[];
  numbered?: string[];
}

const DAY_MS = 86_400_000;

/** One line, no control characters: repository content (paths, titles) is not trusted. */
export function oneLine(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

function describeLocation(l: ExposureLocation): string {
  const file = l.path === null ? '' : ` ${oneLine(l.path)}${l.line === null ? '' : `:${l.line}`}`;
  const commit = l.commit === null ? '' : ` @ ${l.commit.slice(0, 12)}`;
  return `${oneLine(l.repository)}${file}${commit}${l.publicUrl === undefined ? '' : ` (${l.publicUrl})`}`;
}

/**
 * The S3 object a finding of an S3 code store's scan names (`s3://bucket/key`, or
 * `s3://bucket/key!member` inside an archive), or undefined for git history. An object has no
 * commit: its exposure's date is when a scan first found it.
 */
function scannedObject(x: Exposure): string | undefined {
  return x.commit === '' && x.codeStore === undefined && x.path?.startsWith('s3://') === true ? x.path : undefined;
}

export function describeEntry(e: TimelineEntry): string {
  const retry = e.outcome === 'failed' ? (e.retryable === true ? ', will retry' : ', needs a person') : '';
  return `${e.at.toISOString()} [${e.phase}] ${e.outcome}${retry}: ${oneLine(e.detail)}`;
}

export function incidentSubject(incident: Incident, audience: Audience, kind: MessageKind = 'opened'): string {
  const prefix = audience === 'escalation' ? 'Unacknowledged: ' : kind === 'contained' ? 'Contained: ' : '';
  const { severity, exposure, repository } = incident;
  return oneLine(`[leakwatch] ${prefix}${severity.toUpperCase()} ${exposure.title} exposed in ${repository.name}`);
}

export function incidentIntro(incident: Incident, audience: Audience, kind: MessageKind = 'opened'): string {
  const who = audience === 'escalation' ? 'You are an escalation contact for' : 'You own';
  const store = scannedObject(incident.exposure) === undefined ? 'repository' : 'code store';
  const what = incident.kind.replaceAll('-', ' ');
  const news =
    kind === 'contained'
      ? `leakwatch has now acted on the ${what} it told you about (incident ${incident.id}, status ${incident.status}): ` +
        'below is what it did and what is still yours to do.'
      : `leakwatch found a ${what} there (incident ${incident.id}, status ${incident.status}).`;
  return `${who} ${store} ${incident.repository.name}. ${news} The secret itself is never sent; below is its redacted preview.`;
}

export function incidentSections(incident: Incident, now: Date): MessageSection[] {
  const x = incident.exposure;
  const days = Math.max(0, Math.floor((now.getTime() - x.firstSeen.getTime()) / DAY_MS));
  const object = scannedObject(x);
  const line = x.line === null ? '' : `, line ${x.line}`;
  const where: [string, string][] = [];
  if (object !== undefined) {
    where.push(['Code store', incident.repository.name], ['Found in object', `${oneLine(object)}${line}`]);
  } else {
    where.push(['Repository', incident.repository.name]);
    if (x.commit !== '') where.push(['Commit', x.commit]);
    where.push(['File', x.path === null ? '(commit message)' : `${oneLine(x.path)}${line}`]);
  }
  if (x.branches !== undefined && x.branches.length > 0) where.push(['Branches', x.branches.map(oneLine).join(', ')]);
  if (x.publicUrl !== undefined) where.push(['Public URL', x.publicUrl]);
  for (const l of x.otherLocations ?? []) where.push(['Also in', describeLocation(l)]);

  // Without a commit (an S3 object, an indicator) the date is not a commit's.
  const since = object !== undefined ? 'First scanned' : x.commit === '' ? 'First seen' : 'First commit';
  const done = incident.timeline.filter((e) => e.outcome !== 'planned');
  const planned = incident.timeline.filter((e) => e.outcome === 'planned');
  const sections: MessageSection[] = [
    {
      title: 'What leaked',
      rows: [
        ['Rule', `${oneLine(x.title)} (${x.ruleId})`],
        ['Preview', oneLine(x.redacted)],
        ['SHA-256', x.secretSha256],
      ],
    },
    { title: 'Where', rows: where },
    { title: 'Since', rows: [[since, `${x.firstSeen.toISOString()} (${days} day${days === 1 ? '' : 's'} ago)`]] },
    {
      title: `Severity: ${incident.severity}`,
      bullets: incident.severityReasons.length > 0 ? incident.severityReasons.map(oneLine) : ['from the rule'],
    },
    { title: 'What leakwatch already did', bullets: done.length > 0 ? done.map(describeEntry) : ['Nothing yet.'] },
  ];
  // Once a rotator has acted, the plan is history (the timeline keeps it), not a promise.
  const contained = containmentRan(incident);
  if (planned.length > 0 && !contained) {
    sections.push({ title: 'What leakwatch would do once approved', bullets: planned.map((e) => oneLine(e.detail)) });
  }
  const open = openSteps(incident);
  const steps = open.length > 0 ? open : ['Confirm the exposure is handled and resolve the incident.'];
  sections.push({ title: 'What you still need to do', numbered: steps.map(oneLine) });
  sections.push({
    title: 'Acknowledge',
    bullets: [`leakwatch incidents ack ${incident.id}`, `leakwatch incidents show ${incident.id}`],
  });
  return sections;
}
