/** The posture report as JSON: `{version, checks, summary}`, one entry per check and resource. */
import type { PostureSummary } from '../posture/run-posture-checks.js';
import type { PostureResult } from '../posture/types.js';

export function renderPostureJson(results: readonly PostureResult[], summary: PostureSummary): string {
  const checks = results.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    severity: r.severity,
    region: r.region,
    resource: r.resource,
    detail: r.detail,
    remediation: r.remediation,
    reference: r.reference,
  }));
  return `${JSON.stringify({ version: 1, checks, summary }, null, 2)}\n`;
}
