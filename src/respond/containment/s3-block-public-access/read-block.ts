/**
 * The current S3 Block Public Access configuration of a bucket or of the account. A bucket or
 * account with none answers NoSuchPublicAccessBlockConfiguration: that is "nothing blocked".
 */
import { GetPublicAccessBlockCommand } from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { GetPublicAccessBlockCommand as GetAccountBlockCommand } from '@aws-sdk/client-s3-control';
import type { S3ControlClient } from '@aws-sdk/client-s3-control';

export interface BlockSettings {
  BlockPublicAcls: boolean;
  IgnorePublicAcls: boolean;
  BlockPublicPolicy: boolean;
  RestrictPublicBuckets: boolean;
}

export interface BlockState {
  /** False when no configuration was set at all. */
  configured: boolean;
  settings: BlockSettings;
}

export const ALL_BLOCKED: BlockSettings = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
const NONE: BlockSettings = { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false };

export function isAllBlocked(settings: BlockSettings): boolean {
  return settings.BlockPublicAcls && settings.IgnorePublicAcls && settings.BlockPublicPolicy && settings.RestrictPublicBuckets;
}

function normalise(config: Partial<Record<keyof BlockSettings, boolean | undefined>> | undefined): BlockState {
  if (config === undefined) return { configured: false, settings: NONE };
  return {
    configured: true,
    settings: {
      BlockPublicAcls: config.BlockPublicAcls === true,
      IgnorePublicAcls: config.IgnorePublicAcls === true,
      BlockPublicPolicy: config.BlockPublicPolicy === true,
      RestrictPublicBuckets: config.RestrictPublicBuckets === true,
    },
  };
}

function isNone(err: unknown): boolean {
  return (err as { name?: string }).name === 'NoSuchPublicAccessBlockConfiguration';
}

export async function readBucketBlock(s3: S3Client, bucket: string): Promise<BlockState> {
  try {
    return normalise((await s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }))).PublicAccessBlockConfiguration);
  } catch (err) {
    if (isNone(err)) return normalise(undefined);
    throw err;
  }
}

export async function readAccountBlock(s3control: S3ControlClient, accountId: string): Promise<BlockState> {
  try {
    return normalise((await s3control.send(new GetAccountBlockCommand({ AccountId: accountId }))).PublicAccessBlockConfiguration);
  } catch (err) {
    if (isNone(err)) return normalise(undefined);
    throw err;
  }
}

/** The CLI flag value that puts these settings back, for the owner's restore step. */
export function settingsFlag(settings: BlockSettings): string {
  return Object.entries(settings).map(([k, v]) => `${k}=${String(v)}`).join(',');
}
