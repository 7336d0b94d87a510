/**
 * The posture report as SARIF 2.1.0: one rule per check (its remediation as help, its Prowler
 * id as a property), one result per failing resource; checks that could not run are tool
 * execution notifications, so a consumer sees the run was incomplete.
 */
import type { PostureResult } from '../posture/types.js';
import { VERSION } from '../version.js';

const LEVEL: Record<PostureResult['severity'], 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };

export function renderPostureSarif(results: readonly PostureResult[]): string {
  const checks = [...new Map(results.map((r) => [r.id, r])).values()];
  const rules = checks.map((r) => ({
    id: r.id,
    shortDescription: { text: r.title },
    help: { text: results.find((x) => x.id === r.id && x.remediation !== '')?.remediation ?? r.title },
    properties: { reference: r.reference, severity: r.severity },
  }));
  const sarifResults = results
    .filter((r) => r.status === 'fail')
    .map((r) => ({
      ruleId: r.id,
      level: LEVEL[r.severity],
      message: { text: r.detail },
      locations: [{ logicalLocations: [{ name: r.resource, fullyQualifiedName: `${r.region}/${r.resource}`, kind: 'resource' }] }],
    }));
  const notifications = results
    .filter((r) => r.status === 'error')
    .map((r) => ({ level: 'error', message: { text: `${r.id} (${r.region}): ${r.detail}` }, descriptor: { id: r.id } }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'leakwatch', version: VERSION, informationUri: 'https://github.com/leakwatch/leakwatch', rules } },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
