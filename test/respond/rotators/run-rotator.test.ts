import { describe, expect, it } from 'vitest';
import { runContain, runEradicate } from '../../../src/respond/rotators/run-rotator.js';
import type { Rotator, RotatorContext } from '../../../src/respond/rotators/types.js';
import { fakeSecretAccessKey } from '../../helpers/fake-credentials.js';
import { makeIncident } from '../../helpers/make-incident.js';
import { createMemoryLogger } from '../../helpers/memory-logger.js';

const NOW = new Date('2026-11-28T12:00:00.000Z');

describe('runContain / runEradicate', () => {
  it('turns a throwing rotator into a failed, retryable entry and logs no secret', async () => {
    const secret = fakeSecretAccessKey();
    const broken: Rotator = {
      id: 'broken',
      title: 'Broken rotator',
      plan: () => ({ entries: [], remainingSteps: [], followUps: [] }),
      contain: async () => {
        throw new TypeError(`cannot read ${secret}`);
      },
    };
    const { log, text } = createMemoryLogger();
    const ctx: RotatorContext = { incident: makeIncident(), secret: { value: secret }, clients: {}, options: {}, log, now: () => NOW };
    const result = await runContain(broken, ctx);
    expect(result.entries).toEqual([
      expect.objectContaining({ action: 'broken.contain', outcome: 'failed', retryable: true, detail: 'Broken rotator: unexpected error (TypeError).' }),
    ]);
    expect(text()).toContain('Rotator failed unexpectedly');
    expect(text()).not.toContain(secret);

    const eradicated = await runEradicate(broken, { followUp: { provider: 'broken', step: 'eradicate', notBefore: NOW, target: {} }, clients: {}, options: {}, log, now: () => NOW });
    expect(eradicated.entries[0]).toMatchObject({ outcome: 'skipped' });
  });
});
