/**
 * A security indicator from AWS about our code: a GuardDuty finding of a type the code-exposure
 * playbook names, or a CloudTrail event around a code store. Parsed at the edge (the watch
 * sources and the webhook), it carries identifiers only; the incident engine decides which code
 * it concerns (a store by resource, a leaked key, a principal that pulled a repository).
 */

export type IndicatorSource = 'guardduty' | 'cloudtrail';

/**
 * What a CloudTrail event did to a code store: made it public (a public ACL or policy, a public
 * AMI or snapshot), removed a protection (Block Public Access deleted), wrote or deleted an
 * object, or changed access otherwise.
 */
export type IndicatorEffect = 'made-public' | 'protection-removed' | 'object-write' | 'object-delete' | 'access-change' | 'finding';

export interface Indicator {
  /** Stable: the GuardDuty finding id, or the CloudTrail event id. */
  id: string;
  source: IndicatorSource;
  /** GuardDuty finding type (`Exfiltration:S3/ObjectRead.Unusual`) or CloudTrail event name. */
  type: string;
  title: string;
  effect: IndicatorEffect;
  /** GuardDuty's 1–10 severity; CloudTrail events have none. */
  severity?: number;
  /** ISO-8601. */
  time: string;
  region: string;
  accountId?: string;
  principalArn?: string;
  /** A user name for CloudTrail lookups (IAM user, or the role session). */
  userName?: string;
  accessKeyId?: string;
  sourceIp?: string;
  /** True when the caller's IP address is a public one (not private, not an AWS service name). */
  fromPublicIp: boolean;
  buckets: string[];
  object?: { bucket: string; key: string; versionId?: string };
  /** EC2 instance, AMI or snapshot ids named by the indicator. */
  resourceIds: string[];
  /** Where a person sees it (GuardDuty or CloudTrail console). */
  url: string;
}

/** The GuardDuty finding types the code-exposure playbook asks to watch. */
export const PLAYBOOK_FINDING_TYPES = [
  'Behavior:EC2/NetworkPortUnusual',
  'Behavior:EC2/TrafficVolumeUnusual',
  'CredentialAccess:IAMUser/AnomalousBehavior',
  'DefenseEvasion:IAMUser/AnomalousBehavior',
  'Discovery:IAMUser/AnomalousBehavior',
  'Exfiltration:IAMUser/AnomalousBehavior',
  'Impact:IAMUser/AnomalousBehavior',
  'InitialAccess:IAMUser/AnomalousBehavior',
  'Persistence:IAMUser/AnomalousBehavior',
  'PrivilegeEscalation:IAMUser/AnomalousBehavior',
  'Exfiltration:S3/MaliciousIPCaller',
  'Exfiltration:S3/ObjectRead.Unusual',
  'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.InsideAWS',
  'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS',
] as const;

/** CloudTrail events around code stores the playbook names (S3 object events need data events). */
export const CODE_STORE_EVENT_NAMES = [
  'DeletePublicAccessBlock',
  'DeleteBucketPublicAccessBlock',
  'PutBucketPolicy',
  'PutBucketAcl',
  'PutObjectAcl',
  'PutObject',
  'DeleteObject',
  'ModifyImageAttribute',
  'ModifySnapshotAttribute',
] as const;

/** Management events, which CloudTrail event history (LookupEvents) holds; the rest come by EventBridge. */
export const MANAGEMENT_EVENT_NAMES = ['DeletePublicAccessBlock', 'DeleteBucketPublicAccessBlock', 'PutBucketPolicy', 'PutBucketAcl', 'ModifyImageAttribute', 'ModifySnapshotAttribute'] as const;
