import { describe, expect, it } from 'vitest';
import { applyActionResult } from '../../src/respond/apply-action-result.js';
import type { TimelineEntry } from '../../src/domain/incident.js';
import { makeIncident } from '../helpers/make-incident.js';

const entry = (action: string): TimelineEntry => ({ at: new Date(0), phase: 'containment', action, outcome: 'ok', detail: action });

describe('applyActionResult', () => {
  it('appends entries in order and adds each remaining step once, leaving the input untouched', () => {
    const incident = makeIncident({ timeline: [entry('a')], remainingSteps: ['step 1'] });
    const next = applyActionResult(incident, { entries: [entry('b'), entry('c')], remainingSteps: ['step 1', 'step 2'], followUps: [] });
    expect(next.timeline.map((e) => e.action)).toEqual(['a', 'b', 'c']);
    expect(next.remainingSteps).toEqual(['step 1', 'step 2']);
    expect(incident.timeline).toHaveLength(1);
  });
});
