/**
 * Turns failed, non-retryable steps into remaining steps for the owner: when leakwatch cannot
 * do something (missing permission, unexpected error), a person has to.
 */
import type { TimelineEntry } from '../domain/incident.js';

export function stepsForFailures(entries: TimelineEntry[]): string[] {
  return entries
    .filter((e) => e.outcome === 'failed' && e.retryable !== true)
    .map((e) => `Do by hand what leakwatch could not: ${e.detail}`);
}
