/** Reads a Secrets Manager secret's string, for the watch's GitHub token. */
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { LeakwatchError } from '../errors.js';

export function createSecretStringReader(client: SecretsManagerClient): (secretId: string) => Promise<string | undefined> {
  return async (secretId) => {
    try {
      const out = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
      return out.SecretString;
    } catch (err) {
      throw new LeakwatchError('aws', `cannot read the GitHub token secret ${secretId}: ${(err as Error).name}; check the secret id and secretsmanager:GetSecretValue`, { cause: err });
    }
  };
}
