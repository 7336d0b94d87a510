/** The IAM Access Analyzer reads of the posture checks: active analyzers and their active findings. */
import { paginateListAnalyzers, paginateListFindings } from '@aws-sdk/client-accessanalyzer';
import type { AccessAnalyzerClient, AnalyzerSummary, FindingSummary } from '@aws-sdk/client-accessanalyzer';

/** External-access analyzers (account or organisation zone of trust) that are active. */
export async function listActiveAnalyzers(client: AccessAnalyzerClient): Promise<AnalyzerSummary[]> {
  const analyzers: AnalyzerSummary[] = [];
  for await (const page of paginateListAnalyzers({ client }, {})) {
    for (const a of page.analyzers ?? []) if (a.status === 'ACTIVE' && (a.type === 'ACCOUNT' || a.type === 'ORGANIZATION')) analyzers.push(a);
  }
  return analyzers;
}

export async function listActiveFindings(client: AccessAnalyzerClient, analyzerArn: string): Promise<FindingSummary[]> {
  const findings: FindingSummary[] = [];
  const filter = { status: { eq: ['ACTIVE'] } };
  for await (const page of paginateListFindings({ client }, { analyzerArn, filter })) findings.push(...(page.findings ?? []));
  return findings;
}
