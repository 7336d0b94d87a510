/**
 * Has a step already succeeded for this incident? The incident's timeline is the persisted
 * record, so a rerun (a retry, a restart) skips what is done instead of doing it twice.
 */
import type { Incident } from '../domain/incident.js';

export function alreadyDone(incident: Incident, provider: string, action: string, data: Record<string, string> = {}): boolean {
  return incident.timeline.some(
    (e) =>
      e.provider === provider &&
      e.action === action &&
      e.outcome === 'ok' &&
      Object.entries(data).every(([k, v]) => e.data?.[k] === v),
  );
}
