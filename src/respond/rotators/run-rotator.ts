/**
 * The engine's way to call a rotator: whatever a rotator does wrong (a bug, a response shape no
 * schema expected), the daemon gets a failed, retryable timeline entry instead of a crash. Only
 * the error's name is logged; a message could quote a value we must not log.
 */
import type { Logger } from '../../logger.js';
import { makeEntry } from '../timeline-entry.js';
import type { ActionResult, PlaybookPhase } from '../../domain/incident.js';
import type { EradicateContext, Rotator, RotatorContext } from './types.js';

async function guarded(
  rotator: Rotator,
  phase: PlaybookPhase,
  step: string,
  log: Logger,
  now: () => Date,
  run: () => Promise<ActionResult>,
): Promise<ActionResult> {
  try {
    return await run();
  } catch (err) {
    const errName = err instanceof Error ? err.name : typeof err;
    log.error({ rotator: rotator.id, step, errName }, 'Rotator failed unexpectedly');
    const detail = `${rotator.title}: unexpected error (${errName}).`;
    const entry = makeEntry({ provider: rotator.id, now }, phase, `${rotator.id}.${step}`, 'failed', detail);
    entry.retryable = true;
    return { entries: [entry], remainingSteps: [], followUps: [] };
  }
}

export function runContain(rotator: Rotator, ctx: RotatorContext): Promise<ActionResult> {
  return guarded(rotator, 'containment', 'contain', ctx.log, ctx.now, () => rotator.contain(ctx));
}

export function runEradicate(rotator: Rotator, ctx: EradicateContext): Promise<ActionResult> {
  const { eradicate } = rotator;
  if (eradicate === undefined) {
    const scope = { provider: rotator.id, now: ctx.now };
    const entry = makeEntry(scope, 'eradication', `${rotator.id}.eradicate`, 'skipped', `${rotator.title}: no eradication step.`);
    return Promise.resolve({ entries: [entry], remainingSteps: [], followUps: [] });
  }
  return guarded(rotator, 'eradication', 'eradicate', ctx.log, ctx.now, () => eradicate.call(rotator, ctx));
}
