/**
 * One line of health: repositories whose last scan failed or never ran, the oldest last scan (and,
 * unfolded, each repository's), the job queue, failing posture checks (or that they have not run yet).
 */
import type { HealthView } from '../domain/console-api.js';
import { since } from './format.js';
import { useApi } from './use-api.js';

export function HealthStrip({ onUnauthorized }: { onUnauthorized: () => void }) {
  const { data } = useApi<HealthView>('/api/health', onUnauthorized);
  if (data === undefined) return null;
  const failed = data.repositories.filter((r) => r.lastScanOk === false);
  const never = data.repositories.filter((r) => r.lastScanAt === null);
  const scanned = data.repositories.map((r) => r.lastScanAt).filter((at): at is string => at !== null).sort();
  return (
    <section class="health" aria-label="Health">
      <span class={failed.length > 0 ? 'bad' : 'ok'}>
        {data.repositories.length} repositories · {failed.length} last scan failed{failed.length > 0 ? ` (${failed.map((r) => r.name).join(', ')})` : ''}
        {never.length > 0 ? ` · ${never.length} never scanned` : ''}
      </span>
      <span>Oldest last scan: {scanned.length === 0 ? 'none' : since(scanned[0]!)}</span>
      <span>Queue: {data.queue.running} running, {data.queue.waiting} waiting</span>
      <span>
        Posture: {!data.posture.available ? 'not available' : data.posture.lastRunAt === null ? 'not run yet' : `${data.posture.failing ?? 0} failing checks`}
      </span>
      {data.repositories.length > 0 && (
        <details>
          <summary>Last scan per repository</summary>
          <ul>
            {data.repositories.map((r) => (
              <li class={r.lastScanOk === false ? 'bad' : undefined}>
                {r.name}: {since(r.lastScanAt)}{r.lastScanOk === false ? ' (failed)' : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
