/**
 * No CodeBuild project carries AWS credentials in plaintext environment variables: the AWS
 * Config rule `codebuild-project-envvar-awscred-check` where it is in place, else the same check
 * done directly on every project.
 */
import type { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { batchGetProjects, listProjectNames } from '../aws/codebuild.js';
import { describeConfigRules, listNonCompliantResources } from '../aws/config-service.js';
import { fail, pass } from '../outcome.js';
import type { CheckOutcome, PostureCheck } from '../types.js';

const RULE_SOURCE = 'CODEBUILD_PROJECT_ENVVAR_AWSCRED_CHECK';
const CREDENTIAL_NAMES = new Set(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']);

/** The managed rule's name in this account, if it is deployed. */
async function configRuleName(client: ConfigServiceClient): Promise<string | undefined> {
  try {
    return (await describeConfigRules(client)).find((r) => r.Source?.SourceIdentifier === RULE_SOURCE)?.ConfigRuleName;
  } catch (err) {
    // No Config recorder in the region: the direct check answers instead.
    if ((err as Error).name === 'NoSuchConfigRuleException') return undefined;
    throw err;
  }
}

export const codebuildEnvvarCredentials: PostureCheck = {
  id: 'codebuild-envvar-credentials',
  title: 'No CodeBuild project has AWS credentials in plaintext environment variables',
  severity: 'critical',
  reference: 'codebuild-project-envvar-awscred-check',
  scope: 'region',
  remediation:
    "Remove AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY from the project's environment (give the project a service role instead), deactivate that key, and deploy the AWS Config rule codebuild-project-envvar-awscred-check to keep watching.",
  async run({ clients }, region) {
    const rule = await configRuleName(clients.configService(region));
    if (rule !== undefined) {
      const bad = await listNonCompliantResources(clients.configService(region), rule);
      if (bad.length === 0) return [pass(region, `AWS Config rule ${rule} finds every project compliant.`)];
      return bad.map((p) => fail(p, `AWS Config rule ${rule} finds project ${p} non-compliant: AWS credentials in plaintext environment variables.`));
    }
    const client = clients.codebuild(region);
    const projects = await batchGetProjects(client, await listProjectNames(client));
    const outcomes: CheckOutcome[] = projects.map((p) => {
      const names = (p.environment?.environmentVariables ?? []).filter((v) => (v.type ?? 'PLAINTEXT') === 'PLAINTEXT' && CREDENTIAL_NAMES.has(v.name ?? '')).map((v) => v.name);
      return names.length > 0
        ? fail(p.name ?? '', `Project ${p.name} has ${names.join(' and ')} in plaintext environment variables (no Config rule in place; checked directly).`)
        : pass(p.name ?? '', `Project ${p.name} has no AWS credentials in plaintext environment variables.`);
    });
    return outcomes.length > 0 ? outcomes : [pass(region, 'No CodeBuild projects (no Config rule in place; checked directly).')];
  },
};
