/**
 * An enabled EventBridge rule matches CodeCommit events and forwards them to leakwatch's webhook:
 * through an SNS topic the webhook accepts (`http.snsTopicArns`) or an API destination.
 */
import { listRules, listTargetsByRule } from '../aws/eventbridge.js';
import { fail, pass } from '../outcome.js';
import type { PostureCheck } from '../types.js';

function matchesCodecommit(pattern: string | undefined): boolean {
  if (pattern === undefined) return false;
  try {
    const source = (JSON.parse(pattern) as { source?: unknown }).source;
    return Array.isArray(source) && source.includes('aws.codecommit');
  } catch {
    return false;
  }
}

export const eventbridgeCodecommitForwarding: PostureCheck = {
  id: 'eventbridge-codecommit-forwarding',
  title: "An EventBridge rule forwards CodeCommit events to leakwatch's webhook",
  severity: 'medium',
  reference: 'playbook: preparation (detection)',
  scope: 'region',
  remediation:
    'Create a rule with the pattern {"source":["aws.codecommit"]} whose target is an SNS topic subscribed to leakwatch\'s /webhook/codecommit (listed in http.snsTopicArns), or an API destination that posts to it with the webhook token; new pushes are then scanned at once instead of at the next schedule.',
  async run({ clients, config }, region) {
    const client = clients.eventbridge(region);
    const accepted = new Set(config.http.snsTopicArns);
    const rules = (await listRules(client)).filter((r) => r.State === 'ENABLED' && matchesCodecommit(r.EventPattern));
    for (const rule of rules) {
      const targets = await listTargetsByRule(client, rule.Name ?? '');
      const target = targets.find((t) => t.Arn !== undefined && (accepted.has(t.Arn) || t.Arn.includes(':api-destination/')));
      if (target !== undefined) return [pass(rule.Name ?? '', `Rule ${rule.Name} forwards CodeCommit events to ${target.Arn}.`)];
    }
    const detail = rules.length === 0
      ? 'No enabled EventBridge rule matches CodeCommit events.'
      : `Rule(s) ${rules.map((r) => r.Name).join(', ')} match CodeCommit events but target neither a topic in http.snsTopicArns nor an API destination.`;
    return [fail(region, detail)];
  },
};
