/**
 * What a person must do for a leaked credential leakwatch cannot contain itself, by rule
 * family (the rule id's first segment: `slack-bot-token` → `slack`). Steps follow each
 * provider's own revocation guidance; every incident also gets the generic tail.
 */
import { makeEntry } from '../timeline-entry.js';
import type { ActionResult, Incident } from '../../domain/incident.js';

export const MANUAL_STEPS: Readonly<Record<string, readonly string[]>> = {
  aws: [
    'Deactivate the access key in IAM (or, for a root key, delete it as the root user) and attach AWSCompromisedKeyQuarantineV3 to its user.',
    'Review CloudTrail in every region for activity by the key since the exposure; look for new IAM users, keys, roles and instances.',
    'Create a new key only if a role cannot be used instead, and store it in Secrets Manager.',
  ],
  github: [
    'Revoke the token in the owner\'s GitHub settings (Developer settings → tokens) or via POST /credentials/revoke.',
    'Review the GitHub security log and the organization audit log for activity by the token.',
    'Create a replacement with the fewest scopes and an expiry.',
  ],
  gitlab: [
    'Revoke the token under the owner\'s GitLab settings (Access tokens) or, for a group/project token, in that group or project.',
    'Review the GitLab audit events for activity by the token.',
  ],
  slack: [
    'Revoke the token (auth.revoke) or regenerate it in the Slack app\'s settings; for a webhook URL, remove and recreate the webhook.',
    'Review the Slack workspace access logs for the app.',
  ],
  stripe: [
    'Roll the key in the Stripe dashboard (Developers → API keys), choosing an expiry for the old key no longer than needed.',
    'Review the Stripe request logs for calls made with the key.',
  ],
  google: [
    'Delete or regenerate the API key or service account key in the Google Cloud console (APIs & Services → Credentials, or IAM → Service accounts → Keys).',
    'Review Cloud Audit Logs for use of the key; add API and application restrictions to its replacement.',
  ],
  azure: [
    'Regenerate the storage account key, revoke the SAS, or delete the client secret of the app registration in Microsoft Entra ID.',
    'Review the Azure activity and sign-in logs for use of the credential.',
  ],
  npm: [
    'Delete the token (npm token revoke, or the npmjs.com access tokens page).',
    'Check recently published versions of the owner\'s packages for releases nobody made.',
  ],
  'private-key': [
    'Treat the key pair as compromised: issue a new key, replace it wherever the public key is trusted (servers, certificates), and revoke any certificate for the old key.',
  ],
  generic: ['Revoke or change the credential at the service that issued it, then update the systems that use it.'],
};

const TAIL = [
  'Move the new credential to a secret store (AWS Secrets Manager) and read it at run time instead of committing it.',
  'Rewriting git history does not make a pushed secret safe again: treat it as known to anyone with a clone.',
];

export function ruleFamily(ruleId: string): string {
  if (ruleId.startsWith('private-key')) return 'private-key';
  return ruleId.split('-')[0] ?? 'generic';
}

export function manualStepsFor(ruleId: string): string[] {
  const family = ruleFamily(ruleId);
  return [...(MANUAL_STEPS[family] ?? MANUAL_STEPS.generic ?? []), ...TAIL];
}

/** The containment result for a rule no rotator handles: nothing done, the family's manual steps. */
export function manualContainment(incident: Incident, now: () => Date): ActionResult {
  const family = ruleFamily(incident.exposure.ruleId);
  const detail = `leakwatch cannot revoke ${incident.exposure.title} (${family}) itself; the owner must.`;
  return {
    entries: [makeEntry({ provider: 'manual', now }, 'containment', 'manual.steps', 'skipped', detail, { family })],
    remainingSteps: manualStepsFor(incident.exposure.ruleId),
    followUps: [],
  };
}
