/**
 * The EventBridge reads of the posture checks: rules on the default bus, their targets, and the
 * endpoint an API destination target posts to.
 */
import { DescribeApiDestinationCommand, ListRulesCommand, ListTargetsByRuleCommand } from '@aws-sdk/client-eventbridge';
import type { DescribeApiDestinationCommandOutput, EventBridgeClient, Rule, Target } from '@aws-sdk/client-eventbridge';

export async function listRules(client: EventBridgeClient): Promise<Rule[]> {
  const rules: Rule[] = [];
  let NextToken: string | undefined;
  do {
    const out = await client.send(new ListRulesCommand({ NextToken }));
    rules.push(...(out.Rules ?? []));
    NextToken = out.NextToken;
  } while (NextToken !== undefined);
  return rules;
}

export async function listTargetsByRule(client: EventBridgeClient, rule: string): Promise<Target[]> {
  const targets: Target[] = [];
  let NextToken: string | undefined;
  do {
    const out = await client.send(new ListTargetsByRuleCommand({ Rule: rule, NextToken }));
    targets.push(...(out.Targets ?? []));
    NextToken = out.NextToken;
  } while (NextToken !== undefined);
  return targets;
}

export async function describeApiDestination(client: EventBridgeClient, name: string): Promise<DescribeApiDestinationCommandOutput> {
  return client.send(new DescribeApiDestinationCommand({ Name: name }));
}
