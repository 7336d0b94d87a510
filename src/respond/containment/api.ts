/**
 * The code-store containment registry: one entry per folder beside this file, run in this order
 * for a `code-exposure` incident about a code store (contain-code-store.ts).
 */
import { ec2PublicLaunchContainer } from './ec2-public-launch/index.js';
import { s3BlockPublicAccessContainer } from './s3-block-public-access/index.js';
import { s3UnrecognisedObjectsContainer } from './s3-unrecognised-objects/index.js';
import type { CodeStoreContainer } from './types.js';

export const codeStoreContainers: ReadonlyMap<string, CodeStoreContainer> = new Map<string, CodeStoreContainer>([
  [s3BlockPublicAccessContainer.id, s3BlockPublicAccessContainer],
  [s3UnrecognisedObjectsContainer.id, s3UnrecognisedObjectsContainer],
  [ec2PublicLaunchContainer.id, ec2PublicLaunchContainer],
]);
