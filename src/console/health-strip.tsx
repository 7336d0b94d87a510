/** One line of health: repositories whose last scan failed or never ran, the job queue, posture. */
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
        Posture: {data.posture.available ? `${data.posture.failing ?? 0} failing checks` : 'not available'}
      </span>
    </section>
  );
}
