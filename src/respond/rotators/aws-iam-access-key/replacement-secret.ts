/**
 * The Secrets Manager secret holding a replacement access key: looked up by name (its tags say
 * which leaked key it replaces and which key it holds, so a rerun can tell it is done without
 * reading the value), created with its tags and KMS key, or given a new version and new tags
 * when the name is already in use. The daemon writes the value and never reads it back.
 */
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  PutSecretValueCommand,
  TagResourceCommand,
} from '@aws-sdk/client-secrets-manager';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';

export const REPLACEMENT_TAGS = {
  incident: 'leakwatch:incident',
  iamUser: 'leakwatch:iam-user',
  /** The leaked access key id this secret replaces. */
  replacesKey: 'leakwatch:replaces-key',
  /** The replacement's access key id (the value itself is only in the secret). */
  accessKeyId: 'leakwatch:access-key-id',
  /** The repository owner's e-mail, for tag-based read access (see docs/respond-providers.md). */
  owner: 'leakwatch:owner',
} as const;

const describeSchema = z.object({
  ARN: z.string().optional(),
  Tags: z.array(z.object({ Key: z.string().optional(), Value: z.string().optional() })).optional(),
  VersionIdsToStages: z.record(z.string(), z.array(z.string())).optional(),
});

export interface ReplacementSecret {
  arn: string | undefined;
  tags: Record<string, string>;
  /** Whether the secret has a current value (a secret created without one has none). */
  hasValue: boolean;
}

function isNotFound(err: unknown): boolean {
  return (err as { name?: unknown }).name === 'ResourceNotFoundException';
}

/** The secret, or undefined when no secret has that name. */
export async function describeReplacementSecret(sm: SecretsManagerClient, name: string): Promise<ReplacementSecret | undefined> {
  let raw: unknown;
  try {
    raw = await sm.send(new DescribeSecretCommand({ SecretId: name }));
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
  const res = describeSchema.parse(raw);
  const tags: Record<string, string> = {};
  for (const t of res.Tags ?? []) if (t.Key !== undefined && t.Value !== undefined) tags[t.Key] = t.Value;
  const hasValue = Object.values(res.VersionIdsToStages ?? {}).some((stages) => stages.includes('AWSCURRENT'));
  return { arn: res.ARN, tags, hasValue };
}

export interface StoreSecretInput {
  name: string;
  /** Whether DescribeSecret found the name already in use. */
  exists: boolean;
  secretString: string;
  description: string;
  kmsKeyId?: string;
  tags: Record<string, string>;
}

/** Tag values allow letters, digits, spaces and `_.:/=+-@`; anything else becomes `_`. */
function tagList(tags: Record<string, string>): { Key: string; Value: string }[] {
  return Object.entries(tags).map(([Key, value]) => ({ Key, Value: value.replace(/[^\p{L}\p{N} _.:/=+\-@]/gu, '_').slice(0, 256) }));
}

async function putNewVersion(sm: SecretsManagerClient, input: StoreSecretInput): Promise<string | undefined> {
  // Tags first: if the value cannot be written the key is deleted, and the tag then names a key
  // that no longer exists, which a rerun does not take for a finished replacement.
  await sm.send(new TagResourceCommand({ SecretId: input.name, Tags: tagList(input.tags) }));
  const put = await sm.send(new PutSecretValueCommand({ SecretId: input.name, SecretString: input.secretString }));
  return put.ARN;
}

/** Stores the value; returns the secret's ARN. Throws the SDK's error when it cannot. */
export async function storeReplacementSecret(sm: SecretsManagerClient, input: StoreSecretInput): Promise<string | undefined> {
  if (input.exists) return putNewVersion(sm, input);
  try {
    const created = await sm.send(
      new CreateSecretCommand({
        Name: input.name,
        SecretString: input.secretString,
        Description: input.description,
        Tags: tagList(input.tags),
        ...(input.kmsKeyId === undefined ? {} : { KmsKeyId: input.kmsKeyId }),
      }),
    );
    return created.ARN;
  } catch (err) {
    // Created by someone else since DescribeSecret: write a new version into it instead.
    if ((err as { name?: unknown }).name !== 'ResourceExistsException') throw err;
    return putNewVersion(sm, input);
  }
}
