/**
 * Folds a provider's ActionResult into an incident: timeline entries appended in order, new
 * remaining steps added once. Pure, so the engine can apply it inside a store transaction.
 */
import type { ActionResult, Incident } from '../domain/incident.js';

export function applyActionResult(incident: Incident, result: ActionResult): Incident {
  const steps = [...incident.remainingSteps];
  for (const step of result.remainingSteps) if (!steps.includes(step)) steps.push(step);
  return { ...incident, timeline: [...incident.timeline, ...result.entries], remainingSteps: steps };
}
