/** The posture check registry: one entry per file in checks/, in report order. */
import { accessAnalyzerExternalSharing } from './checks/access-analyzer-external-sharing.js';
import { cloudtrailBucketAccessLogging } from './checks/cloudtrail-bucket-access-logging.js';
import { cloudtrailCodecommitEvents } from './checks/cloudtrail-codecommit-events.js';
import { cloudtrailLogFileValidation } from './checks/cloudtrail-log-file-validation.js';
import { cloudtrailMultiRegionLogging } from './checks/cloudtrail-multi-region-logging.js';
import { codebuildEnvvarCredentials } from './checks/codebuild-envvar-credentials.js';
import { ec2PublicAmis } from './checks/ec2-public-amis.js';
import { ec2PublicSnapshots } from './checks/ec2-public-snapshots.js';
import { ecrPublicRepositories } from './checks/ecr-public-repositories.js';
import { eventbridgeCodecommitForwarding } from './checks/eventbridge-codecommit-forwarding.js';
import { guarddutyEnabled } from './checks/guardduty-enabled.js';
import { iamAccessKeyAge } from './checks/iam-access-key-age.js';
import { iamCodecommitFullAccess } from './checks/iam-codecommit-full-access.js';
import { iamCodecommitMfa } from './checks/iam-codecommit-mfa.js';
import { iamCriticalChangeRoles } from './checks/iam-critical-change-roles.js';
import { inventoryOwners } from './checks/inventory-owners.js';
import { macieEnabled } from './checks/macie-enabled.js';
import { s3AccountBlockPublicAccess } from './checks/s3-account-block-public-access.js';
import { s3BucketPublicAccess } from './checks/s3-bucket-public-access.js';
import { s3CodeBucketEncryption } from './checks/s3-code-bucket-encryption.js';
import { s3CodeBucketVersioning } from './checks/s3-code-bucket-versioning.js';
import type { PostureCheck } from './types.js';

const CHECKS: readonly PostureCheck[] = [
  cloudtrailMultiRegionLogging,
  cloudtrailLogFileValidation,
  cloudtrailBucketAccessLogging,
  cloudtrailCodecommitEvents,
  eventbridgeCodecommitForwarding,
  s3AccountBlockPublicAccess,
  s3BucketPublicAccess,
  s3CodeBucketEncryption,
  s3CodeBucketVersioning,
  accessAnalyzerExternalSharing,
  ec2PublicAmis,
  ec2PublicSnapshots,
  ecrPublicRepositories,
  iamCodecommitMfa,
  iamCodecommitFullAccess,
  iamAccessKeyAge,
  iamCriticalChangeRoles,
  guarddutyEnabled,
  macieEnabled,
  codebuildEnvvarCredentials,
  inventoryOwners,
];

export const postureChecks: ReadonlyMap<string, PostureCheck> = new Map(CHECKS.map((c) => [c.id, c]));
