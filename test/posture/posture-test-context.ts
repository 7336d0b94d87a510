/** A posture context over real SDK clients (mocked per test with aws-sdk-client-mock) and a parsed config. */
import { parseConfig } from '../../src/config/load-config.js';
import { createPostureContext } from '../../src/posture/create-posture-context.js';
import { createPostureClients } from '../../src/posture/posture-clients.js';
import type { PostureContext } from '../../src/posture/types.js';
import type { Repository } from '../../src/domain/repository.js';
import { createMemoryLogger } from '../helpers/memory-logger.js';

export const NOW = new Date('2026-06-01T00:00:00Z');

export function postureTestContext(raw: Record<string, unknown> = {}, inventory: Repository[] = []): PostureContext {
  const config = parseConfig(raw, {}, 'test');
  const context = createPostureContext({
    config,
    clients: createPostureClients('us-east-1'),
    log: createMemoryLogger('silent').log,
    regions: config.posture.regions,
    now: () => NOW,
  });
  return { ...context, inventory: async () => inventory };
}
