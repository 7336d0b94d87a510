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
import type { ActionResult, TimelineEntry } from '../../../domain/incident.js';
import type { PlanContext, Rotator, RotatorContext } from '../types.js';
import { findSecretsHoldingValue } from './find-secrets-holding-value.js';
import type { SecretMatch, SecretSearch } from './find-secrets-holding-value.js';
import { resolveSecretsManagerOptions } from './options.js';
import { rotateSecret } from './rotate-secret.js';
import { sha256 } from './value-matches.js';

const ID = 'secrets-manager';
const SEARCH = 'secretsmanager.search';
const ROTATE = 'secretsmanager.rotate';

function plan(ctx: PlanContext): ActionResult {
  const scope: EntryScope = { provider: ID, now: ctx.now };
  const search = 'Search the secrets in scope for the leaked value (compared by SHA-256, AWSCURRENT and AWSPREVIOUS).';
  const rotate = 'Rotate each secret holding it and confirm AWSCURRENT moved; secrets without rotation become manual steps.';
  return {
    entries: [
      makeEntry(scope, 'detection-analysis', SEARCH, 'planned', search),
      makeEntry(scope, 'containment', ROTATE, 'planned', rotate),
    ],
    remainingSteps: [],
    followUps: [],
  };
}

function describeMatch(m: SecretMatch): string {
  const where = m.field === '' ? '' : ` (field ${m.field})`;
  return `${m.secret.name}${where} as ${m.stage}`;
}

function describeCoverage(s: SecretSearch): string {
  const unreadable = s.unreadable > 0 ? `, ${s.unreadable} unreadable` : '';
  return `${s.searched} secrets searched${unreadable}${s.truncated ? ', list truncated' : ''}`;
}

function only(entry: TimelineEntry): ActionResult {
  return { entries: [entry], remainingSteps: stepsForFailures([entry]), followUps: [] };
}

async function contain(ctx: RotatorContext): Promise<ActionResult> {
  const scope: EntryScope = { provider: ID, now: ctx.now };
  const opts = resolveSecretsManagerOptions(ctx.options.secretsManager);
  const sm = ctx.clients.secretsManager;
  if (sm === undefined) {
    return only(makeEntry(scope, 'detection-analysis', SEARCH, 'skipped', 'No Secrets Manager client is configured for the daemon.'));
  }

  const search = await attempt(() => findSecretsHoldingValue(sm, sha256(ctx.secret.value), opts));
  if (!search.ok) {
    return only(errorEntry(scope, 'detection-analysis', SEARCH, 'Searching Secrets Manager for the leaked value', search.error));
  }
  const { matches, searched, unreadable, truncated } = search.value;
  const coverage = describeCoverage(search.value);
  const data = { searched, unreadable, truncated, matches: matches.length };
  if (matches.length === 0) {
    return only(makeEntry(scope, 'detection-analysis', SEARCH, 'skipped', `The leaked value is in no secret in scope (${coverage}).`, data));
  }

  const found = `The leaked value is stored in ${matches.map(describeMatch).join(', ')} (${coverage}).`;
  const entries: TimelineEntry[] = [makeEntry(scope, 'detection-analysis', SEARCH, 'ok', found, data)];
  const remainingSteps: string[] = [];
  const sleep = ctx.sleep ?? ((ms: number) => delay(ms).then(() => undefined));
  const rotateOptions = { confirmAttempts: opts.confirmAttempts, confirmDelayMs: opts.confirmDelayMs, sleep };
  for (const { secret } of matches) {
    // After a rotation the leaked value sits in AWSPREVIOUS; that must not trigger a second one.
    if (alreadyDone(ctx.incident, ID, ROTATE, { secret: secret.name })) continue;
    if (!secret.rotationEnabled) {
      const detail = `Secret ${secret.name} has no rotation configured.`;
      entries.push(makeEntry(scope, 'containment', ROTATE, 'skipped', detail, { secret: secret.name }));
      remainingSteps.push(
        `Change the credential stored in secret ${secret.name} at its source, store the new value (put-secret-value) ` +
          'and update its consumers; consider configuring rotation.',
      );
      continue;
    }
    entries.push(...(await rotateSecret(sm, scope, secret, rotateOptions)));
  }
  return { entries, remainingSteps: [...remainingSteps, ...stepsForFailures(entries)], followUps: [] };
}

export const secretsManagerRotator: Rotator = {
  id: ID,
  title: 'AWS Secrets Manager: find the secret holding the value and rotate it',
  plan,
  contain,
};
