/**
 * How a canary key's use reads in an incident: one timeline entry per batch of calls CloudTrail
 * recorded (name, time, source IP, user agent, region of each, the first few spelled out), and
 * the owner's steps. The key is shown redacted; the calls are the evidence that a copy of the
 * repository is in someone else's hands.
 */
import type { PublicExposure } from '../watch/types.js';
import { makeEntry } from './timeline-entry.js';
import type { EntryScope } from './timeline-entry.js';
import type { TimelineEntry } from '../domain/incident.js';

const LISTED = 10;

export function canaryUseEntry(scope: EntryScope, exposure: PublicExposure): TimelineEntry | undefined {
  const uses = exposure.canaryUses ?? [];
  if (uses.length === 0) return undefined;
  const listed = uses
    .slice(0, LISTED)
    .map((u) => `${u.time} ${u.eventName} (${u.eventSource}, ${u.region}) from ${u.sourceIp} with ${u.userAgent}${u.errorCode ? ` → ${u.errorCode}` : ''}`)
    .join('; ');
  const more = uses.length > LISTED ? `; and ${uses.length - LISTED} more` : '';
  const ips = [...new Set(uses.map((u) => u.sourceIp))];
  const first = uses[0]!;
  const last = uses[uses.length - 1]!;
  return makeEntry(
    scope,
    'detection-analysis',
    'canary.key-used',
    'ok',
    `Canary key ${exposure.publicPath} of ${exposure.repository} was used ${uses.length} time(s): ${listed}${more}.`,
    {
      uses: uses.length,
      firstEventName: first.eventName,
      firstTime: first.time,
      lastTime: last.time,
      sourceIps: ips.join(', '),
      userAgents: [...new Set(uses.map((u) => u.userAgent))].join(', '),
      regions: [...new Set(uses.map((u) => u.region))].join(', '),
      eventIds: uses.slice(0, LISTED).map((u) => u.eventId).join(', '),
    },
  );
}

export function canaryRemainingSteps(exposure: PublicExposure): string[] {
  const ips = [...new Set((exposure.canaryUses ?? []).map((u) => u.sourceIp))].join(', ');
  return [
    `Someone holding a copy of ${exposure.repository} used its canary key ${exposure.publicPath} (from ${ips}): treat everything in the repository, history included, as exposed.`,
    'Rotate every credential the repository holds or ever held, and review what else a copy reveals (hostnames, account ids, internal URLs).',
    'Find out how the copy left (clones, CI logs and caches, backups, forks, laptops; CloudTrail GitPull events for CodeCommit) and close that path.',
    'Leave the canary user and its key in place: it grants nothing and reports the next use.',
  ];
}
