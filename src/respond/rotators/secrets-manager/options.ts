/**
 * Options of the Secrets Manager rotator: which secrets to search (ListSecrets filters, so the
 * daemon reads only what it is meant to) and how long to wait for a rotation to take effect.
 */
import type { Filter } from '@aws-sdk/client-secrets-manager';

export interface SecretsManagerOptions {
  /** ListSecrets filters limiting the search, e.g. `[{ Key: 'tag-key', Values: ['app'] }]`. */
  filters: Filter[];
  /** Stop listing after this many secrets; the timeline says the search was truncated. */
  maxSecrets: number;
  /** DescribeSecret checks after RotateSecret before reporting that AWSCURRENT has not moved. */
  confirmAttempts: number;
  confirmDelayMs: number;
}

export const DEFAULT_SECRETS_MANAGER_OPTIONS: SecretsManagerOptions = {
  filters: [],
  maxSecrets: 1000,
  confirmAttempts: 5,
  confirmDelayMs: 2000,
};

export function resolveSecretsManagerOptions(partial: Partial<SecretsManagerOptions> | undefined): SecretsManagerOptions {
  return { ...DEFAULT_SECRETS_MANAGER_OPTIONS, ...partial };
}

/** Secrets are fetched by ARN in batches no larger than BatchGetSecretValue accepts. */
export const BATCH_SIZE = 20;
