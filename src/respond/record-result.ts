/**
 * Persists a provider's ActionResult on an incident: timeline entries appended, new remaining
 * steps added once, follow-ups scheduled. The record is updated in place so the engine's later
 * steps (and the message sent to the owner) see what was just done.
 */
import { applyActionResult } from './apply-action-result.js';
import type { IncidentRecord, IncidentStore } from './incident-store.js';
import type { ActionResult, TimelineEntry } from '../domain/incident.js';

export function recordResult(store: IncidentStore, record: IncidentRecord, result: ActionResult, now: Date): void {
  const applied = applyActionResult(record, result);
  record.timeline = applied.timeline;
  record.remainingSteps = applied.remainingSteps;
  record.updatedAt = now;
  store.appendTimeline(record.id, result.entries);
  if (result.followUps.length > 0) store.addFollowUps(record.id, result.followUps);
  store.update(record);
}

export function recordEntry(store: IncidentStore, record: IncidentRecord, entry: TimelineEntry, now: Date): void {
  recordResult(store, record, { entries: [entry], remainingSteps: [], followUps: [] }, now);
}
