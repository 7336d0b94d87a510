/**
 * Rotator for leaked GitHub tokens: revoke them through GitHub's credential revocation API.
 * GitHub then notifies the token's owner; creating a replacement is left to that person.
 */
import { alreadyDone } from '../../already-done.js';
import { redactValue } from '../../redact.js';
import { stepsForFailures } from '../../steps-for-failures.js';
import { makeEntry } from '../../timeline-entry.js';
import type { EntryScope } from '../../timeline-entry.js';
import type { ActionResult, TimelineEntry } from '../../types.js';
import type { PlanContext, Rotator, RotatorContext } from '../types.js';
import { revokeToken } from './revoke-token.js';
import { gitHubTokenKind } from './token-kind.js';

const ID = 'github-token';
const ACTION = 'github.revoke-token';

function plan(ctx: PlanContext): ActionResult {
  const scope: EntryScope = { provider: ID, now: ctx.now };
  const entry = makeEntry(scope, 'containment', ACTION, 'planned', "Revoke the token with GitHub's credential revocation API (POST /credentials/revoke).");
  return { entries: [entry], remainingSteps: [], followUps: [] };
}

async function contain(ctx: RotatorContext): Promise<ActionResult> {
  const scope: EntryScope = { provider: ID, now: ctx.now };
  const token = ctx.secret.value;
  const shown = redactValue(token);
  const done = (entry: TimelineEntry, steps: string[]): ActionResult => ({
    entries: [entry],
    remainingSteps: [...steps, ...stepsForFailures([entry])],
    followUps: [],
  });
  const since = ctx.incident.exposure.firstSeen.toISOString();
  const review = `Review the GitHub security log (and the organization audit log) for activity by token ${shown} since ${since}.`;

  if (alreadyDone(ctx.incident, ID, ACTION)) return { entries: [], remainingSteps: [], followUps: [] };

  const kind = gitHubTokenKind(token);
  if (kind === undefined) {
    return done(makeEntry(scope, 'containment', ACTION, 'skipped', `The value ${shown} is not a GitHub token format the revocation API accepts.`), [
      `Revoke token ${shown} in the GitHub settings of its owner.`,
    ]);
  }
  if (kind === 'installation') {
    return done(makeEntry(scope, 'containment', ACTION, 'skipped', `Token ${shown} is a GitHub App installation token; it expires within an hour.`), [
      "Check whether the GitHub App's private key leaked as well; if so, generate a new key and delete the old one.",
      review,
    ]);
  }
  if (ctx.clients.github === undefined) {
    return done(makeEntry(scope, 'containment', ACTION, 'skipped', 'No GitHub client is configured for the daemon.'), [
      `Revoke token ${shown} in the GitHub settings of its owner.`,
    ]);
  }

  const res = await revokeToken(ctx.clients.github, token);
  const data = { token: shown, kind, status: res.status };
  if (res.ok) {
    return done(makeEntry(scope, 'containment', ACTION, 'ok', `Asked GitHub to revoke ${kind} token ${shown} (HTTP ${res.status}); GitHub notifies its owner.`, data), [
      'Create a new token with the fewest scopes needed and update the systems that used the old one.',
      review,
    ]);
  }
  const entry = makeEntry(scope, 'containment', ACTION, 'failed', `GitHub did not accept the revocation of token ${shown} (HTTP ${res.status}).`, data);
  entry.retryable = res.rateLimited || res.status === 0 || res.status >= 500;
  return done(entry, [review]);
}

export const gitHubTokenRotator: Rotator = {
  id: ID,
  title: "GitHub token: revoke through GitHub's credential revocation API",
  plan,
  contain,
};
