/**
 * Rotator for leaked GitHub tokens: revoke them through GitHub's credential revocation API.
 * GitHub then notifies the token's owner; creating a replacement is left to that person.
 */
import { alreadyDone } from '../../already-done.js';
import { redactValue } from '../../../util/redact-value.js';
import { stepsForFailures } from '../../steps-for-failures.js';
import { makeEntry } from '../../timeline-entry.js';
import type { EntryScope } from '../../timeline-entry.js';
import type { ActionResult, TimelineEntry } from '../../../domain/incident.js';
import type { PlanContext, Rotator, RotatorContext } from '../types.js';
import { revokeToken } from './revoke-token.js';
import { gitHubTokenKind } from '../../../github/token-kind.js';

const ID = 'github-token';
const ACTION = 'github.revoke-token';

function plan(ctx: PlanContext): ActionResult {
  const scope: EntryScope = { provider: ID, now: ctx.now };
  const detail = "Revoke the token with GitHub's credential revocation API (POST /credentials/revoke).";
  return { entries: [makeEntry(scope, 'containment', ACTION, 'planned', detail)], remainingSteps: [], followUps: [] };
}

async function contain(ctx: RotatorContext): Promise<ActionResult> {
  if (alreadyDone(ctx.incident, ID, ACTION)) return { entries: [], remainingSteps: [], followUps: [] };

  const scope: EntryScope = { provider: ID, now: ctx.now };
  const token = ctx.secret.value;
  const shown = redactValue(token);
  const entry = (outcome: TimelineEntry['outcome'], detail: string, data?: TimelineEntry['data']) =>
    makeEntry(scope, 'containment', ACTION, outcome, detail, data);
  const result = (e: TimelineEntry, steps: string[]): ActionResult => ({
    entries: [e],
    remainingSteps: [...steps, ...stepsForFailures([e])],
    followUps: [],
  });
  const since = ctx.incident.exposure.firstSeen.toISOString();
  const review = `Review the GitHub security log (and the organization audit log) for activity by token ${shown} since ${since}.`;
  const revokeByHand = `Revoke token ${shown} in the GitHub settings of its owner.`;

  const kind = gitHubTokenKind(token);
  if (kind === undefined) {
    return result(entry('skipped', `The value ${shown} is not a GitHub token format the revocation API accepts.`), [revokeByHand]);
  }
  if (kind === 'installation') {
    const detail = `Token ${shown} is a GitHub App installation token; it expires within an hour.`;
    const appKey = "Check whether the GitHub App's private key leaked as well; if so, generate a new key and delete the old one.";
    return result(entry('skipped', detail), [appKey, review]);
  }
  if (ctx.clients.github === undefined) {
    return result(entry('skipped', 'No GitHub client is configured for the daemon.'), [revokeByHand]);
  }

  const res = await revokeToken(ctx.clients.github, token);
  const data = { token: shown, kind, status: res.status };
  if (res.ok) {
    const detail = `Asked GitHub to revoke ${kind} token ${shown} (HTTP ${res.status}); GitHub notifies its owner.`;
    const replace = 'Create a new token with the fewest scopes needed and update the systems that used the old one.';
    return result(entry('ok', detail, data), [replace, review]);
  }
  const detail = `GitHub did not accept the revocation of token ${shown} (HTTP ${res.status}).`;
  const failed = entry('failed', detail, data);
  failed.retryable = res.rateLimited || res.status === 0 || res.status >= 500;
  return result(failed, [review]);
}

export const gitHubTokenRotator: Rotator = {
  id: ID,
  title: "GitHub token: revoke through GitHub's credential revocation API",
  plan,
  contain,
};
