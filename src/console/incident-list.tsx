/**
 * The incidents: filters (status, severity, owner, repository; a link may preset them), counts
 * by severity and status, and one row per incident with its age, owner and time to containment.
 */
import { useState } from 'preact/hooks';
import type { IncidentListView } from '../domain/console-api.js';
import { duration, label } from './format.js';
import { useApi } from './use-api.js';

const STATUS_CHOICES = [
  ['open,acknowledged,contained', 'Active (open, acknowledged, contained)'],
  ['', 'All'],
  ['open', 'Open'],
  ['acknowledged', 'Acknowledged'],
  ['contained', 'Contained'],
  ['resolved', 'Resolved'],
  ['false-positive', 'False positive'],
] as const;
const SEVERITIES = ['', 'critical', 'high', 'medium', 'low'] as const;

interface Filter {
  status: string;
  severity: string;
  owner: string;
  repo: string;
}

function toQuery(f: Filter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(f)) if (value !== '') params.set(key, value);
  return params.toString();
}

/** The filter a link asks for (`#/?repo=payments-api&status=`), over the default of active incidents. */
function initialFilter(query: string): Filter {
  const params = new URLSearchParams(query);
  const get = (key: keyof Filter, fallback: string): string => params.get(key) ?? fallback;
  return { status: get('status', STATUS_CHOICES[0][0]), severity: get('severity', ''), owner: get('owner', ''), repo: get('repo', '') };
}

export function IncidentList({ query, onUnauthorized }: { query: string; onUnauthorized: () => void }) {
  const [filter, setFilter] = useState<Filter>(() => initialFilter(query));
  const { data, error } = useApi<IncidentListView>(`/api/incidents?${toQuery(filter)}`, onUnauthorized);
  const apply = (event: Event): void => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setFilter({ status: String(form.get('status')), severity: String(form.get('severity')), owner: String(form.get('owner')).trim(), repo: String(form.get('repo')).trim() });
  };
  return (
    <>
      <h1>Incidents</h1>
      <form class="filters" onSubmit={apply} aria-label="Filter incidents">
        <label>Status <select name="status" value={filter.status}>{STATUS_CHOICES.map(([v, l]) => <option value={v}>{l}</option>)}</select></label>
        <label>Severity <select name="severity" value={filter.severity}>{SEVERITIES.map((s) => <option value={s}>{s === '' ? 'Any' : s}</option>)}</select></label>
        <label>Owner <input name="owner" value={filter.owner} placeholder="e-mail or team" /></label>
        <label>Repository <input name="repo" value={filter.repo} /></label>
        <button type="submit">Apply</button>
      </form>
      {error !== undefined && <p role="alert" class="error">{error.message}</p>}
      {data !== undefined && (
        <>
          <ul class="counts" aria-label="Counts">
            {Object.entries(data.counts.bySeverity).map(([s, n]) => <li class={`sev sev-${s}`}>{s}: {n}</li>)}
            {Object.entries(data.counts.byStatus).filter(([, n]) => n > 0).map(([s, n]) => <li>{label(s)}: {n}</li>)}
          </ul>
          {data.incidents.length === 0 ? <p>No incidents match.</p> : (
            <div class="scroll">
              <table class="incidents">
                <caption class="sr-only">Incidents, newest first</caption>
                <thead><tr><th scope="col">Severity</th><th scope="col">Incident</th><th scope="col">Repository</th><th scope="col">Owner</th><th scope="col">Status</th><th scope="col">Age</th><th scope="col">Time to containment</th></tr></thead>
                <tbody>
                  {data.incidents.map((i) => (
                    <tr>
                      <td><span class={`sev sev-${i.severity}`}>{i.severity}</span></td>
                      <td><a href={`#/incidents/${encodeURIComponent(i.id)}`}>{i.title}</a> <code class="preview">{i.redacted}</code><div class="sub">{i.id}</div></td>
                      <td>{i.repository}</td>
                      <td>{i.owner ?? 'none on record'}{i.team !== null && <div class="sub">{i.team}</div>}</td>
                      <td>{label(i.status)}{i.waitingForApproval && <div class="sub attention">waiting for approval</div>}</td>
                      <td>{duration(i.ageSeconds)}</td>
                      <td>{duration(i.timeToContainmentSeconds)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
