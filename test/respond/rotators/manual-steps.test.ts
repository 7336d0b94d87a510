import { describe, expect, it } from 'vitest';
import { MANUAL_STEPS, manualContainment, manualStepsFor, ruleFamily } from '../../../src/respond/rotators/manual-steps.js';
import { makeIncident } from '../../helpers/make-incident.js';

describe('manual steps', () => {
  it('derives the rule family from the first segment of the rule id', () => {
    expect(ruleFamily('slack-bot-token')).toBe('slack');
    expect(ruleFamily('private-key-rsa')).toBe('private-key');
  });

  it('gives provider-specific steps for a known family and generic ones otherwise', () => {
    expect(manualStepsFor('stripe-secret-key')[0]).toBe(MANUAL_STEPS.stripe?.[0]);
    expect(manualStepsFor('acme-widget-token')[0]).toBe(MANUAL_STEPS.generic?.[0]);
  });

  it('has steps for every family the brief names', () => {
    for (const family of ['aws', 'github', 'gitlab', 'slack', 'stripe', 'google', 'azure', 'npm', 'generic']) {
      expect(MANUAL_STEPS[family]?.length ?? 0).toBeGreaterThan(0);
    }
  });
});

describe('manualContainment', () => {
  it('records that nothing was done and hands the family steps to the owner', () => {
    const base = makeIncident();
    const incident = { ...base, exposure: { ...base.exposure, ruleId: 'slack-bot-token', title: 'Slack bot token' } };
    const result = manualContainment(incident, () => new Date(0));
    expect(result.entries).toEqual([expect.objectContaining({ action: 'manual.steps', outcome: 'skipped', data: { family: 'slack' } })]);
    expect(result.remainingSteps).toEqual(manualStepsFor('slack-bot-token'));
  });
});
