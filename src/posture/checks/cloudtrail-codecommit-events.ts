/**
 * CodeCommit events reach CloudTrail: a logging trail in the region records management events,
 * reads and writes (GitPull is a read, GitPush a write), so every pull of our code is on record.
 */
import type { AdvancedEventSelector, EventSelector } from '@aws-sdk/client-cloudtrail';
import { describeTrails, getEventSelectors, isTrailLogging } from '../aws/cloudtrail.js';
import { fail, pass } from '../outcome.js';
import type { PostureCheck } from '../types.js';

function basicRecordsAll(selectors: readonly EventSelector[]): boolean {
  return selectors.some((s) => s.IncludeManagementEvents !== false && (s.ReadWriteType ?? 'All') === 'All');
}

/** A Management selector with no readOnly or eventSource field that would drop CodeCommit reads or writes. */
function advancedRecordsAll(selectors: readonly AdvancedEventSelector[]): boolean {
  return selectors.some((s) => {
    const fields = s.FieldSelectors ?? [];
    const category = fields.find((f) => f.Field === 'eventCategory');
    if (!(category?.Equals ?? []).includes('Management')) return false;
    const narrowing = fields.filter((f) => f.Field === 'readOnly' || f.Field === 'eventSource');
    return narrowing.every((f) => f.Field === 'eventSource' && ((f.Equals ?? []).includes('codecommit.amazonaws.com') || (f.NotEquals !== undefined && !f.NotEquals.includes('codecommit.amazonaws.com'))));
  });
}

export const cloudtrailCodecommitEvents: PostureCheck = {
  id: 'cloudtrail-codecommit-events',
  title: 'CodeCommit events (GitPull, GitPush, API calls) reach CloudTrail',
  severity: 'high',
  reference: 'playbook: preparation (logging)',
  scope: 'region',
  remediation:
    'Have a logging trail record management events, read and write (`aws cloudtrail put-event-selectors --trail-name TRAIL --event-selectors \'[{"ReadWriteType":"All","IncludeManagementEvents":true}]\'`); leakwatch\'s forensics look up GitPull and GitPush there.',
  async run({ clients }, region) {
    const client = clients.cloudtrail(region);
    for (const trail of await describeTrails(client)) {
      if (trail.TrailARN === undefined || !(await isTrailLogging(client, trail.TrailARN))) continue;
      const selectors = await getEventSelectors(client, trail.TrailARN);
      const records = selectors.AdvancedEventSelectors !== undefined && selectors.AdvancedEventSelectors.length > 0
        ? advancedRecordsAll(selectors.AdvancedEventSelectors)
        : basicRecordsAll(selectors.EventSelectors ?? []);
      if (records) return [pass(trail.Name ?? trail.TrailARN, `Trail ${trail.Name} records CodeCommit read and write events.`)];
    }
    return [fail(region, 'No logging trail records CodeCommit management events (reads and writes) in this region.')];
  },
};
