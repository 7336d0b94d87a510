/** extra77: no ECR repository policy lets anyone pull (an image carries the code built into it). */
import { describeRepositories, getRepositoryPolicy } from '../aws/ecr.js';
import { fail, pass } from '../outcome.js';
import { parsePolicyDocument } from '../policy-document.js';
import type { PostureCheck } from '../types.js';

function isPublicPrincipal(principal: unknown): boolean {
  if (principal === '*') return true;
  const aws = (principal as { AWS?: unknown } | undefined)?.AWS;
  return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
}

export const ecrPublicRepositories: PostureCheck = {
  id: 'ecr-public-repositories',
  title: 'No ECR repository is open to everyone',
  severity: 'critical',
  reference: 'extra77',
  scope: 'region',
  remediation: 'Remove the repository policy statement whose principal is "*" (or add a condition limiting it to your organisation): `aws ecr set-repository-policy` or `aws ecr delete-repository-policy`.',
  async run({ clients }, region) {
    const client = clients.ecr(region);
    const outcomes = [];
    for (const repository of await describeRepositories(client)) {
      const name = repository.repositoryName ?? '';
      const text = await getRepositoryPolicy(client, name);
      const raw = text === undefined ? [] : ((JSON.parse(text) as { Statement?: unknown }).Statement ?? []);
      const statements = (Array.isArray(raw) ? raw : [raw]) as Array<{ Effect?: string; Principal?: unknown; Condition?: unknown }>;
      // Validated as a document too, so a malformed policy is an error rather than a silent pass.
      if (text !== undefined) parsePolicyDocument(`ecr:${name}`, text);
      const open = statements.some((s) => s.Effect === 'Allow' && s.Condition === undefined && isPublicPrincipal(s.Principal));
      outcomes.push(open ? fail(name, `Repository ${name} lets anyone pull its images.`) : pass(name, `Repository ${name} is private.`));
    }
    return outcomes.length > 0 ? outcomes : [pass(region, 'No ECR repositories.')];
  },
};
