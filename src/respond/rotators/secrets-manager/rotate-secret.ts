/**
 * RotateSecret on a secret found holding the leaked value, then confirm that AWSCURRENT moved
 * to a new version: rotation runs in a Lambda, so a started rotation is not a done one.
 */
import { DescribeSecretCommand, RotateSecretCommand } from '@aws-sdk/client-secrets-manager';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';
import { attempt, errorEntry, makeEntry } from '../../timeline-entry.js';
import type { EntryScope } from '../../timeline-entry.js';
import type { TimelineEntry } from '../../../domain/incident.js';
import { versionWithStage } from './list-secrets-in-scope.js';
import type { SecretCandidate } from './list-secrets-in-scope.js';

const ROTATE = 'secretsmanager.rotate';
const CONFIRM = 'secretsmanager.confirm-rotation';
const describeSchema = z.object({
  VersionIdsToStages: z.record(z.string(), z.array(z.string())).optional(),
});

export interface RotateOptions {
  confirmAttempts: number;
  confirmDelayMs: number;
  sleep: (ms: number) => Promise<void>;
}

export async function rotateSecret(
  sm: SecretsManagerClient,
  scope: EntryScope,
  secret: SecretCandidate,
  options: RotateOptions,
): Promise<TimelineEntry[]> {
  const data = { secret: secret.name };
  const rotated = await attempt(() => sm.send(new RotateSecretCommand({ SecretId: secret.arn })));
  if (!rotated.ok) return [errorEntry(scope, 'containment', ROTATE, `Rotating secret ${secret.name}`, rotated.error, data)];
  const started = makeEntry(scope, 'containment', ROTATE, 'ok', `Started rotation of secret ${secret.name}.`, data);

  let current: string | undefined;
  for (let i = 0; i < options.confirmAttempts; i += 1) {
    if (i > 0) await options.sleep(options.confirmDelayMs);
    const described = await attempt(() => sm.send(new DescribeSecretCommand({ SecretId: secret.arn })));
    if (!described.ok) {
      return [started, errorEntry(scope, 'recovery', CONFIRM, `Checking rotation of ${secret.name}`, described.error, data)];
    }
    const parsed = describeSchema.safeParse(described.value);
    current = parsed.success ? versionWithStage(parsed.data.VersionIdsToStages, 'AWSCURRENT') : undefined;
    if (current !== undefined && current !== secret.currentVersionId) {
      return [
        started,
        makeEntry(scope, 'recovery', CONFIRM, 'ok', `Secret ${secret.name} has a new AWSCURRENT version.`, {
          ...data,
          previousVersionId: secret.currentVersionId ?? null,
          currentVersionId: current,
        }),
      ];
    }
  }
  const pending = makeEntry(
    scope,
    'recovery',
    CONFIRM,
    'failed',
    `Rotation of ${secret.name} did not move AWSCURRENT yet; check the rotation function's logs.`,
    { ...data, currentVersionId: current ?? null },
  );
  pending.retryable = true;
  return [started, pending];
}
