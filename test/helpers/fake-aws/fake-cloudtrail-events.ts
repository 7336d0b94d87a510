/**
 * CloudTrail event history (LookupEvents, JSON 1.1) as the fake serves it: the events a test put
 * in the account, filtered by one lookup attribute (EventName, EventId, Username, ...) and the
 * time window, newest first, paged by MaxResults with a NextToken, each with its record as the
 * `CloudTrailEvent` JSON string.
 */
import { answering, jsonReply } from './route.js';
import type { FakeHandler, FakeReply } from './route.js';

/** One CloudTrail record (the JSON CloudTrail writes: eventID, eventName, eventTime, ...). */
export type FakeTrailEvent = Record<string, unknown> & { eventID: string; eventName: string; eventTime: string };

const ATTRIBUTES: Record<string, (e: FakeTrailEvent) => unknown> = {
  EventName: (e) => e.eventName,
  EventId: (e) => e.eventID,
  EventSource: (e) => e['eventSource'],
  Username: (e) => (e['userIdentity'] as { userName?: string } | undefined)?.userName,
  AccessKeyId: (e) => (e['userIdentity'] as { accessKeyId?: string } | undefined)?.accessKeyId,
};

const seconds = (value: unknown): number | undefined => (typeof value === 'number' ? value * 1000 : typeof value === 'string' ? Date.parse(value) : undefined);

export function fakeCloudTrailEventsHandler(state: { events: FakeTrailEvent[] }): FakeHandler {
  return (req): FakeReply | undefined => {
    if (req.service !== 'cloudtrail' || req.target !== 'LookupEvents') return undefined;
    const input = JSON.parse(req.body || '{}') as { LookupAttributes?: Array<{ AttributeKey: string; AttributeValue: string }>; StartTime?: unknown; EndTime?: unknown; MaxResults?: number; NextToken?: string };
    return answering(req, 'LookupEvents', () => {
      const start = seconds(input.StartTime) ?? 0;
      const end = seconds(input.EndTime) ?? Number.POSITIVE_INFINITY;
      const attribute = input.LookupAttributes?.[0];
      const matching = state.events
        .filter((e) => e['awsRegion'] === undefined || e['awsRegion'] === req.region)
        .filter((e) => attribute === undefined || ATTRIBUTES[attribute.AttributeKey]?.(e) === attribute.AttributeValue)
        .filter((e) => Date.parse(e.eventTime) >= start && Date.parse(e.eventTime) <= end)
        .sort((a, b) => Date.parse(b.eventTime) - Date.parse(a.eventTime));
      const from = Number(input.NextToken ?? 0);
      const page = matching.slice(from, from + (input.MaxResults ?? 50));
      const next = from + page.length < matching.length ? String(from + page.length) : undefined;
      return jsonReply('LookupEvents', {
        Events: page.map((e) => ({ EventId: e.eventID, EventName: e.eventName, EventTime: Date.parse(e.eventTime) / 1000, CloudTrailEvent: JSON.stringify(e) })),
        ...(next === undefined ? {} : { NextToken: next }),
      });
    });
  };
}
