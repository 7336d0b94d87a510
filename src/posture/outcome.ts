/** Builders for check outcomes, so every check words its verdicts the same way. */
import type { CheckOutcome } from './types.js';

export const pass = (resource: string, detail: string): CheckOutcome => ({ status: 'pass', resource, detail });
export const fail = (resource: string, detail: string): CheckOutcome => ({ status: 'fail', resource, detail });
export const skipped = (resource: string, detail: string): CheckOutcome => ({ status: 'skipped', resource, detail });
