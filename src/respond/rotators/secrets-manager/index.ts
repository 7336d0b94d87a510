/**
 * Rotator for values that live in AWS Secrets Manager: find the secrets holding the leaked
 * value, rotate those with rotation configured and confirm AWSCURRENT moved; the others become
 * manual steps for the owner.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { alreadyDone } from '../../already-done.js';
import { stepsForFailures } from '../../steps-for-failures.js';
import { attempt, errorEntry, makeEntry } from '../../timeline-entry.js';
import type { EntryScope } from '../../timeline-entry.js';
import type { ActionResult, TimelineEntry } from '../../types.js';
import type { PlanContext, Rotator, RotatorContext } from '../types.js';
import { findSecretsHoldingValue } from './find-secrets-holding-value.js';
import type { SecretMatch } from './find-secrets-holding-value.js';
import { resolveSecretsManagerOptions } from './options.js';
import { rotateSecret } from './rotate-secret.js';
import { sha256 } from './value-matches.js';

const ID = 'secrets-manager';

function plan(ctx: PlanContext): ActionResult {
  const scope: EntryScope = { provider: ID, now: ctx.now };
  return {
    entries: [
      makeEntry(scope, 'detection-analysis', 'secretsmanager.search', 'planned', 'Search the secrets in scope for the leaked value (compared by SHA-256, AWSCURRENT and AWSPREVIOUS).'),
      makeEntry(scope, 'containment', 'secretsmanager.rotate', 'planned', 'Rotate each secret holding it and confirm AWSCURRENT moved; secrets without rotation become manual steps.'),
    ],
    remainingSteps: [],
    followUps: [],
  };
}

function describeMatch(m: SecretMatch): string {
  const where = m.field === '' ? '' : ` (field ${m.field})`;
  return `${m.secret.name}${where} as ${m.stage}`;
}

async function contain(ctx: RotatorContext): Promise<ActionResult> {
  const scope: EntryScope = { provider: ID, now: ctx.now };
  const opts = resolveSecretsManagerOptions(ctx.options.secretsManager);
  const sm = ctx.clients.secretsManager;
  if (sm === undefined) {
    const entry = makeEntry(scope, 'detection-analysis', 'secretsmanager.search', 'skipped', 'No Secrets Manager client is configured for the daemon.');
    return { entries: [entry], remainingSteps: [], followUps: [] };
  }

  const search = await attempt(() => findSecretsHoldingValue(sm, sha256(ctx.secret.value), opts));
  if (!search.ok) {
    const entry = errorEntry(scope, 'detection-analysis', 'secretsmanager.search', 'Searching Secrets Manager for the leaked value', search.error);
    return { entries: [entry], remainingSteps: stepsForFailures([entry]), followUps: [] };
  }
  const { matches, searched, unreadable, truncated } = search.value;
  const coverage = `${searched} secrets searched${unreadable > 0 ? `, ${unreadable} unreadable` : ''}${truncated ? ', list truncated' : ''}`;
  const data = { searched, unreadable, truncated, matches: matches.length };
  if (matches.length === 0) {
    const entry = makeEntry(scope, 'detection-analysis', 'secretsmanager.search', 'skipped', `The leaked value is in no secret in scope (${coverage}).`, data);
    return { entries: [entry], remainingSteps: [], followUps: [] };
  }

  const entries: TimelineEntry[] = [
    makeEntry(scope, 'detection-analysis', 'secretsmanager.search', 'ok', `The leaked value is stored in ${matches.map(describeMatch).join(', ')} (${coverage}).`, data),
  ];
  const remainingSteps: string[] = [];
  const sleep = ctx.sleep ?? ((ms: number) => delay(ms).then(() => undefined));
  for (const match of matches) {
    // After a rotation the leaked value sits in AWSPREVIOUS; that must not trigger a second one.
    if (alreadyDone(ctx.incident, ID, 'secretsmanager.rotate', { secret: match.secret.name })) continue;
    if (!match.secret.rotationEnabled) {
      entries.push(
        makeEntry(scope, 'containment', 'secretsmanager.rotate', 'skipped', `Secret ${match.secret.name} has no rotation configured.`, { secret: match.secret.name }),
      );
      remainingSteps.push(
        `Change the credential stored in secret ${match.secret.name} at its source, store the new value (put-secret-value), and update its consumers; consider configuring rotation.`,
      );
      continue;
    }
    entries.push(...(await rotateSecret(sm, scope, match.secret, { confirmAttempts: opts.confirmAttempts, confirmDelayMs: opts.confirmDelayMs, sleep })));
  }
  return { entries, remainingSteps: [...remainingSteps, ...stepsForFailures(entries)], followUps: [] };
}

export const secretsManagerRotator: Rotator = {
  id: ID,
  title: 'AWS Secrets Manager: find the secret holding the value and rotate it',
  plan,
  contain,
};
