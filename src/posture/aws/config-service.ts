/** The AWS Config reads of the posture checks: rules and the resources a rule finds non-compliant. */
import { DescribeConfigRulesCommand, GetComplianceDetailsByConfigRuleCommand } from '@aws-sdk/client-config-service';
import type { ConfigRule, ConfigServiceClient } from '@aws-sdk/client-config-service';

export async function describeConfigRules(client: ConfigServiceClient): Promise<ConfigRule[]> {
  const rules: ConfigRule[] = [];
  let NextToken: string | undefined;
  do {
    const out = await client.send(new DescribeConfigRulesCommand({ NextToken }));
    rules.push(...(out.ConfigRules ?? []));
    NextToken = out.NextToken;
  } while (NextToken !== undefined);
  return rules;
}

export async function listNonCompliantResources(client: ConfigServiceClient, ruleName: string): Promise<string[]> {
  const ids: string[] = [];
  let NextToken: string | undefined;
  do {
    const out = await client.send(new GetComplianceDetailsByConfigRuleCommand({ ConfigRuleName: ruleName, ComplianceTypes: ['NON_COMPLIANT'], NextToken }));
    for (const r of out.EvaluationResults ?? []) {
      const id = r.EvaluationResultIdentifier?.EvaluationResultQualifier?.ResourceId;
      if (id !== undefined) ids.push(id);
    }
    NextToken = out.NextToken;
  } while (NextToken !== undefined);
  return ids;
}
