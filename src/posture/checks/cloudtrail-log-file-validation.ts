/** check22: every trail validates its log files, so tampering with the record shows. */
import { describeTrails } from '../aws/cloudtrail.js';
import { fail, pass, skipped } from '../outcome.js';
import type { PostureCheck } from '../types.js';

export const cloudtrailLogFileValidation: PostureCheck = {
  id: 'cloudtrail-log-file-validation',
  title: 'CloudTrail log file validation is on',
  severity: 'medium',
  reference: 'check22',
  scope: 'region',
  remediation: 'Turn on log file integrity validation: `aws cloudtrail update-trail --name TRAIL --enable-log-file-validation`.',
  async run({ clients }, region) {
    // Each trail once: in the region it lives in.
    const trails = (await describeTrails(clients.cloudtrail(region))).filter((t) => t.HomeRegion === region);
    if (trails.length === 0) return [skipped(region, 'No trail lives in this region (multi-region trails are checked in their home region).')];
    return trails.map((t) =>
      t.LogFileValidationEnabled === true
        ? pass(t.Name ?? '', 'Log file validation is on.')
        : fail(t.Name ?? '', `Trail ${t.Name} does not validate its log files; a changed or deleted log would go unnoticed.`),
    );
  },
};
