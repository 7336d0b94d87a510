/**
 * The rotator registry: one entry per folder beside this file. A rule's `rotation` field names
 * one of these ids; anything else gets the manual steps of its rule family.
 */
import { awsIamAccessKeyRotator } from './aws-iam-access-key/index.js';
import { gitHubTokenRotator } from './github-token/index.js';
import { secretsManagerRotator } from './secrets-manager/index.js';
import type { Rotator } from './types.js';

export const rotators: ReadonlyMap<string, Rotator> = new Map<string, Rotator>([
  [awsIamAccessKeyRotator.id, awsIamAccessKeyRotator],
  [secretsManagerRotator.id, secretsManagerRotator],
  [gitHubTokenRotator.id, gitHubTokenRotator],
]);
