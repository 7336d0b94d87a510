/**
 * An EventBridge event forwarded to the webhook as an Indicator: a "GuardDuty Finding" event
 * (source aws.guardduty) or an "AWS API Call via CloudTrail" event around a code store (source
 * aws.s3 or aws.ec2). Undefined for anything else (e.g. a CodeCommit change, handled elsewhere).
 */
import type { Indicator } from '../../domain/indicator.js';
import { parseCloudTrailEvent } from './parse-cloudtrail-event.js';
import { parseGuardDutyFinding } from './parse-guardduty-finding.js';

export function parseEventBridgeIndicator(data: unknown): Indicator | undefined {
  const event = data as { source?: unknown; 'detail-type'?: unknown; detail?: unknown } | null;
  if (event === null || typeof event !== 'object') return undefined;
  if (event.source === 'aws.guardduty' && event['detail-type'] === 'GuardDuty Finding') return parseGuardDutyFinding(event.detail);
  if ((event.source === 'aws.s3' || event.source === 'aws.ec2') && event['detail-type'] === 'AWS API Call via CloudTrail') return parseCloudTrailEvent(event.detail);
  return undefined;
}
