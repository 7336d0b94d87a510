/**
 * How an indicator reads in an incident: one evidence entry (what, when, who, from where, the
 * console link), and for an object written by someone we do not recognise, one
 * `s3.unrecognised-object` entry with its version, which the containment step may delete on
 * approval. Identifiers only; an access key id is shown redacted.
 */
import type { Indicator } from '../domain/indicator.js';
import type { TimelineEntry } from '../domain/incident.js';
import { UNRECOGNISED_OBJECT } from './containment/s3-unrecognised-objects/index.js';
import { makeEntry } from './timeline-entry.js';
import type { EntryScope } from './timeline-entry.js';

export function redactKeyId(accessKeyId: string): string {
  return `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}`;
}

/** Whether the incident already holds this indicator (a redelivery after a crash adds nothing). */
export function hasIndicator(timeline: readonly TimelineEntry[], indicator: Indicator): boolean {
  return timeline.some((e) => e.data?.indicatorId === indicator.id && e.data.indicatorSource === indicator.source);
}

export function indicatorEntry(scope: EntryScope, indicator: Indicator, why: string): TimelineEntry {
  const who = indicator.principalArn ?? indicator.userName ?? 'an unknown principal';
  const from = indicator.sourceIp === undefined ? '' : ` from ${indicator.sourceIp}${indicator.fromPublicIp ? ' (public)' : ''}`;
  const key = indicator.accessKeyId === undefined ? '' : ` with key ${redactKeyId(indicator.accessKeyId)}`;
  const label = indicator.source === 'guardduty' ? `GuardDuty finding ${indicator.type}` : `CloudTrail ${indicator.type}`;
  const severity = indicator.severity === undefined ? '' : ` (severity ${indicator.severity})`;
  return makeEntry(scope, 'detection-analysis', `indicator.${indicator.source}`, 'ok',
    `${label}${severity} at ${indicator.time}: ${indicator.title}; by ${who}${key}${from}. ${why} ${indicator.url}`,
    {
      indicatorId: indicator.id,
      indicatorSource: indicator.source,
      type: indicator.type,
      effect: indicator.effect,
      time: indicator.time,
      region: indicator.region,
      principal: indicator.principalArn ?? null,
      sourceIp: indicator.sourceIp ?? null,
      publicIp: indicator.fromPublicIp,
      accessKeyId: indicator.accessKeyId === undefined ? null : redactKeyId(indicator.accessKeyId),
      url: indicator.url,
    });
}

export function unrecognisedObjectEntry(scope: EntryScope, indicator: Indicator, reason: string): TimelineEntry | undefined {
  const o = indicator.object;
  if (o === undefined) return undefined;
  return makeEntry(scope, 'detection-analysis', UNRECOGNISED_OBJECT, 'ok',
    `Unrecognised object s3://${o.bucket}/${o.key}${o.versionId === undefined ? '' : ` version ${o.versionId}`} written at ${indicator.time} (${reason}).`,
    { bucket: o.bucket, key: o.key, versionId: o.versionId ?? null, writtenAt: indicator.time, principal: indicator.principalArn ?? null, sourceIp: indicator.sourceIp ?? null, indicatorId: indicator.id, indicatorSource: `${indicator.source}-object` });
}
