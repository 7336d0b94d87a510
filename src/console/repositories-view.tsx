/** The repositories: owner, classification, last scan, findings and open incidents, findings over time. */
import type { RepositoryView } from '../domain/console-api.js';
import { FindingsChart } from './findings-chart.js';
import { since } from './format.js';
import { useApi } from './use-api.js';

export function RepositoriesView({ onUnauthorized }: { onUnauthorized: () => void }) {
  const { data, error } = useApi<RepositoryView[]>('/api/repositories', onUnauthorized);
  if (error !== undefined) return <p role="alert" class="error">{error.message}</p>;
  if (data === undefined) return <p aria-live="polite">Loading…</p>;
  return (
    <>
      <h1>Repositories</h1>
      {data.length === 0 ? <p>No repositories in the inventory yet.</p> : (
        <div class="scroll">
          <table class="repositories">
            <caption class="sr-only">Repositories</caption>
            <thead><tr><th scope="col">Repository</th><th scope="col">Owner</th><th scope="col">Classification</th><th scope="col">Last scan</th><th scope="col">Findings</th><th scope="col">Open incidents</th><th scope="col">Findings per week (12 weeks)</th></tr></thead>
            <tbody>
              {data.map((r) => (
                <tr>
                  <td>{r.name}<div class="sub">{r.source}</div></td>
                  <td>{r.owner ?? 'none on record'}{r.team !== null && <div class="sub">{r.team}</div>}</td>
                  <td>{r.classification}</td>
                  <td class={r.lastScanOk === false ? 'bad' : undefined}>
                    {since(r.lastScanAt)}{r.lastScanOk === false && <div class="sub">failed: {r.lastScanError}</div>}
                  </td>
                  <td>{r.findings}</td>
                  <td>{r.openIncidents > 0 ? <a href={`#/?repo=${encodeURIComponent(r.name)}`}>{r.openIncidents}<span class="sr-only"> open incidents in {r.name}</span></a> : 0}</td>
                  <td><FindingsChart weeks={r.findingsOverTime} name={r.name} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
