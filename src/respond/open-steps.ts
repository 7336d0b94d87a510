/**
 * The owner's steps still open. Before containment the remaining steps are the written plan: ask
 * for approval, or contain by hand with the rule family's manual steps. Once a rotator has acted,
 * those are done or replaced by the rotator's own steps (what is left, what failed and must be
 * done by hand), so the plan's steps are dropped: nobody is asked to do what leakwatch did.
 */
import { APPROVE_STEP_PREFIX, CONTAIN_BY_HAND_PREFIX } from './approve-step.js';
import { codeStoreContainers } from './containment/api.js';
import { rotators } from './rotators/api.js';
import { manualStepsFor } from './rotators/manual-steps.js';
import type { Incident, TimelineEntry } from '../domain/incident.js';

/** An entry of a rotator's containment or recovery work (not its plan, not a later deletion). */
export function isContainmentWork(e: TimelineEntry): boolean {
  return e.provider !== undefined && (rotators.has(e.provider) || codeStoreContainers.has(e.provider)) && e.outcome !== 'planned' && e.phase !== 'eradication';
}

/** Whether a rotator has acted on the incident (more than planned). */
export function containmentRan(incident: Incident): boolean {
  return incident.timeline.some(isContainmentWork);
}

/** The remaining steps without the containment plan's steps (approval, manual containment). */
export function withoutPlanSteps(incident: Incident): string[] {
  const manual = new Set(manualStepsFor(incident.exposure.ruleId));
  return incident.remainingSteps.filter((s) => !s.startsWith(APPROVE_STEP_PREFIX) && !s.startsWith(CONTAIN_BY_HAND_PREFIX) && !manual.has(s));
}

export function openSteps(incident: Incident): string[] {
  return containmentRan(incident) ? withoutPlanSteps(incident) : incident.remainingSteps;
}
