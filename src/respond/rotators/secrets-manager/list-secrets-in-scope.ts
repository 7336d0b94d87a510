/**
 * ListSecrets, paginated, within the configured filters: the candidates that may hold the
 * leaked value, with their rotation setting and which version is AWSCURRENT / AWSPREVIOUS.
 */
import { ListSecretsCommand } from '@aws-sdk/client-secrets-manager';
import type { Filter, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';

const pageSchema = z.object({
  NextToken: z.string().optional(),
  SecretList: z
    .array(
      z.object({
        ARN: z.string(),
        Name: z.string().optional(),
        RotationEnabled: z.boolean().optional(),
        SecretVersionsToStages: z.record(z.string(), z.array(z.string())).optional(),
      }),
    )
    .default([]),
});

export interface SecretCandidate {
  arn: string;
  name: string;
  rotationEnabled: boolean;
  currentVersionId: string | undefined;
  hasPrevious: boolean;
}

export interface SecretListing {
  secrets: SecretCandidate[];
  truncated: boolean;
}

export function versionWithStage(versions: Record<string, string[]> | undefined, stage: string): string | undefined {
  return Object.entries(versions ?? {}).find(([, stages]) => stages.includes(stage))?.[0];
}

export async function listSecretsInScope(sm: SecretsManagerClient, filters: Filter[], max: number): Promise<SecretListing> {
  const secrets: SecretCandidate[] = [];
  let nextToken: string | undefined;
  do {
    const page = pageSchema.parse(
      await sm.send(
        new ListSecretsCommand({ Filters: filters.length > 0 ? filters : undefined, NextToken: nextToken, MaxResults: 100 }),
      ),
    );
    for (const s of page.SecretList) {
      if (secrets.length >= max) return { secrets, truncated: true };
      secrets.push({
        arn: s.ARN,
        name: s.Name ?? s.ARN,
        rotationEnabled: s.RotationEnabled === true,
        currentVersionId: versionWithStage(s.SecretVersionsToStages, 'AWSCURRENT'),
        hasPrevious: versionWithStage(s.SecretVersionsToStages, 'AWSPREVIOUS') !== undefined,
      });
    }
    nextToken = page.NextToken;
  } while (nextToken !== undefined);
  return { secrets, truncated: false };
}
