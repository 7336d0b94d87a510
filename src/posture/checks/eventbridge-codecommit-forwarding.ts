/**
 * An enabled EventBridge rule matches CodeCommit events and forwards them to leakwatch's webhook:
 * through an SNS topic the webhook accepts (`http.snsTopicArns`) or an API destination that posts
 * to this daemon's own webhook (`<http.publicUrl>/webhook/codecommit`). Any API destination is not
 * enough: one posting elsewhere (an old host, another tool) leaves pushes unscanned until the
 * next schedule.
 */
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { describeApiDestination, listRules, listTargetsByRule } from '../aws/eventbridge.js';
import { fail, pass, skipped } from '../outcome.js';
import type { PostureCheck } from '../types.js';

const WEBHOOK_PATH = '/webhook/codecommit';

function matchesCodecommit(pattern: string | undefined): boolean {
  if (pattern === undefined) return false;
  try {
    const source = (JSON.parse(pattern) as { source?: unknown }).source;
    return Array.isArray(source) && source.includes('aws.codecommit');
  } catch {
    return false;
  }
}

/** Scheme, host, port and path without a trailing slash (query and fragment dropped), or undefined. */
function normalise(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}

/** `arn:aws:events:REGION:ACCOUNT:api-destination/NAME/UUID` → NAME. */
function apiDestinationName(arn: string): string | undefined {
  return /:api-destination\/([^/]+)/.exec(arn)?.[1];
}

/** Why an API destination does not deliver to `webhook`, or undefined when it does. */
async function apiDestinationMiss(client: EventBridgeClient, name: string, webhook: string): Promise<string | undefined> {
  const destination = await describeApiDestination(client, name).catch((err: unknown) => {
    if ((err as { name?: string }).name === 'ResourceNotFoundException') return undefined;
    throw err;
  });
  if (destination === undefined) return `API destination ${name} does not exist`;
  const endpoint = destination.InvocationEndpoint ?? '';
  if (normalise(endpoint) !== webhook) return `API destination ${name} posts to ${endpoint || 'no endpoint'}`;
  if (destination.HttpMethod !== 'POST') return `API destination ${name} uses ${destination.HttpMethod ?? 'no method'}, not POST`;
  if (destination.ApiDestinationState === 'INACTIVE') return `API destination ${name} is INACTIVE`;
  return undefined;
}

export const eventbridgeCodecommitForwarding: PostureCheck = {
  id: 'eventbridge-codecommit-forwarding',
  title: "An EventBridge rule forwards CodeCommit events to leakwatch's webhook",
  severity: 'medium',
  reference: 'playbook: preparation (detection)',
  scope: 'region',
  remediation:
    'Create a rule with the pattern {"source":["aws.codecommit"]} whose target is an SNS topic subscribed to leakwatch\'s /webhook/codecommit (listed in http.snsTopicArns), or an API destination that posts (POST) to <http.publicUrl>/webhook/codecommit with the webhook token; set http.publicUrl to the address AWS reaches leakwatch at so the check can verify an API destination. New pushes are then scanned at once instead of at the next schedule.',
  async run({ clients, config }, region) {
    const client = clients.eventbridge(region);
    const accepted = new Set(config.http.snsTopicArns);
    const { publicUrl } = config.http;
    const base = publicUrl === undefined ? undefined : normalise(publicUrl);
    if (publicUrl !== undefined && base === undefined) throw new Error(`http.publicUrl is not a URL: ${publicUrl}`);
    const webhook = base === undefined ? undefined : `${base}${WEBHOOK_PATH}`;
    const rules = (await listRules(client)).filter((r) => r.State === 'ENABLED' && matchesCodecommit(r.EventPattern));
    const misses: string[] = [];
    const unverified: string[] = [];
    for (const rule of rules) {
      const ruleName = rule.Name ?? '';
      for (const target of await listTargetsByRule(client, ruleName)) {
        const arn = target.Arn ?? '';
        if (accepted.has(arn)) return [pass(ruleName, `Rule ${ruleName} forwards CodeCommit events to ${arn}, a topic in http.snsTopicArns.`)];
        const name = apiDestinationName(arn);
        if (name === undefined) continue;
        if (webhook === undefined) {
          unverified.push(`${ruleName} → API destination ${name}`);
          continue;
        }
        const miss = await apiDestinationMiss(client, name, webhook);
        if (miss === undefined) return [pass(ruleName, `Rule ${ruleName} forwards CodeCommit events to API destination ${name}, which posts to ${webhook}.`)];
        misses.push(`${miss} (rule ${ruleName})`);
      }
    }
    if (unverified.length > 0) {
      return [skipped(region, `${unverified.join(', ')} may forward CodeCommit events, but http.publicUrl is not set, so whether it posts to this daemon's webhook was not checked; set http.publicUrl to the address AWS reaches leakwatch at.`)];
    }
    if (rules.length === 0) return [fail(region, 'No enabled EventBridge rule matches CodeCommit events.')];
    const names = rules.map((r) => r.Name).join(', ');
    const wanted = webhook === undefined ? 'nor an API destination' : `nor an API destination posting to ${webhook}`;
    const why = misses.length === 0 ? '' : `: ${misses.join('; ')}`;
    return [fail(region, `Rule(s) ${names} match CodeCommit events but target neither a topic in http.snsTopicArns ${wanted}${why}.`)];
  },
};
