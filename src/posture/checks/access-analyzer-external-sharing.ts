/** extra769: no bucket or IAM role is shared with an external account, per IAM Access Analyzer where it is on. */
import { listActiveAnalyzers, listActiveFindings } from '../aws/access-analyzer.js';
import { fail, pass, skipped } from '../outcome.js';
import type { CheckOutcome, PostureCheck } from '../types.js';

const SHARED_TYPES = new Set(['AWS::S3::Bucket', 'AWS::IAM::Role']);

export const accessAnalyzerExternalSharing: PostureCheck = {
  id: 'access-analyzer-external-sharing',
  title: 'No bucket or IAM role is shared with an external account (IAM Access Analyzer)',
  severity: 'high',
  reference: 'extra769',
  scope: 'region',
  remediation:
    'Review each finding in IAM Access Analyzer: remove the bucket policy or trust policy statement that grants the external account, or archive the finding if the sharing is intended. Where no analyzer exists, create one: `aws accessanalyzer create-analyzer --analyzer-name leakwatch --type ACCOUNT`.',
  async run({ clients }, region) {
    const client = clients.accessAnalyzer(region);
    const analyzers = await listActiveAnalyzers(client);
    if (analyzers.length === 0) return [skipped(region, 'IAM Access Analyzer is not enabled in this region, so external sharing was not checked.')];
    const outcomes: CheckOutcome[] = [];
    const seen = new Set<string>();
    for (const analyzer of analyzers) {
      for (const finding of await listActiveFindings(client, analyzer.arn ?? '')) {
        const resource = finding.resource ?? finding.id ?? '';
        if (!SHARED_TYPES.has(finding.resourceType ?? '') || seen.has(resource)) continue;
        seen.add(resource);
        const who = Object.values(finding.principal ?? {}).join(', ') || 'an external principal';
        outcomes.push(fail(resource, `${finding.resourceType} ${resource} is shared with ${who} (Access Analyzer finding ${finding.id}).`));
      }
    }
    return outcomes.length > 0 ? outcomes : [pass(region, `No active external-access findings on buckets or roles (${analyzers.map((a) => a.name).join(', ')}).`)];
  },
};
