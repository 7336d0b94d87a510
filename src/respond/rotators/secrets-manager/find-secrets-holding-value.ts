/**
 * Searches the secrets in scope for the leaked value: current values in batches of 20
 * (BatchGetSecretValue), then AWSPREVIOUS of the secrets that did not match, because a value
 * rotated out may still be accepted (alternating-user rotation).
 */
import { BatchGetSecretValueCommand, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';
import { classifyError } from '../../../util/classify-error.js';
import { listSecretsInScope } from './list-secrets-in-scope.js';
import type { SecretCandidate } from './list-secrets-in-scope.js';
import { BATCH_SIZE } from './options.js';
import type { SecretsManagerOptions } from './options.js';
import { matchValue } from './value-matches.js';

const valueSchema = z.object({
  ARN: z.string().optional(),
  SecretString: z.string().optional(),
  SecretBinary: z.instanceof(Uint8Array).optional(),
});
const batchSchema = z.object({
  NextToken: z.string().optional(),
  SecretValues: z.array(valueSchema).default([]),
  Errors: z.array(z.object({ SecretId: z.string().optional(), ErrorCode: z.string().optional() })).default([]),
});

export interface SecretMatch {
  secret: SecretCandidate;
  stage: 'AWSCURRENT' | 'AWSPREVIOUS';
  /** JSON field holding the value; '' when it is the whole secret. */
  field: string;
}

export interface SecretSearch {
  matches: SecretMatch[];
  searched: number;
  unreadable: number;
  truncated: boolean;
}

export async function findSecretsHoldingValue(
  sm: SecretsManagerClient,
  target: Buffer,
  options: Pick<SecretsManagerOptions, 'filters' | 'maxSecrets'>,
): Promise<SecretSearch> {
  const listing = await listSecretsInScope(sm, options.filters, options.maxSecrets);
  const byArn = new Map(listing.secrets.map((s) => [s.arn, s]));
  const matches: SecretMatch[] = [];
  let unreadable = 0;

  for (let i = 0; i < listing.secrets.length; i += BATCH_SIZE) {
    const ids = listing.secrets.slice(i, i + BATCH_SIZE).map((s) => s.arn);
    let nextToken: string | undefined;
    do {
      const page = batchSchema.parse(
        await sm.send(new BatchGetSecretValueCommand({ SecretIdList: ids, NextToken: nextToken })),
      );
      unreadable += page.Errors.length;
      for (const v of page.SecretValues) {
        const secret = v.ARN === undefined ? undefined : byArn.get(v.ARN);
        const stored = v.SecretString ?? v.SecretBinary;
        if (secret === undefined || stored === undefined) continue;
        const field = matchValue(stored, target);
        if (field !== undefined) matches.push({ secret, stage: 'AWSCURRENT', field });
      }
      nextToken = page.NextToken;
    } while (nextToken !== undefined);
  }

  const matched = new Set(matches.map((m) => m.secret.arn));
  for (const secret of listing.secrets) {
    if (!secret.hasPrevious || matched.has(secret.arn)) continue;
    try {
      const v = valueSchema.parse(
        await sm.send(new GetSecretValueCommand({ SecretId: secret.arn, VersionStage: 'AWSPREVIOUS' })),
      );
      const stored = v.SecretString ?? v.SecretBinary;
      const field = stored === undefined ? undefined : matchValue(stored, target);
      if (field !== undefined) matches.push({ secret, stage: 'AWSPREVIOUS', field });
    } catch (err) {
      // One unreadable previous version must not hide matches elsewhere; throttling is not local.
      const { kind } = classifyError(err);
      if (kind === 'throttled') throw err;
      if (kind !== 'not-found') unreadable += 1;
    }
  }
  return { matches, searched: listing.secrets.length, unreadable, truncated: listing.truncated };
}
