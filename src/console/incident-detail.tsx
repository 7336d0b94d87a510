/**
 * One incident: what leaked (preview and hash only), the playbook phases as a timeline with who
 * did what, where the secret was found (linked to the repository's web view when known) and where
 * public copies are, the actions done and still open, the owner's steps, and the buttons.
 */
import { useEffect, useState } from 'preact/hooks';
import type { IncidentDetailView, LocationView, SessionView } from '../domain/console-api.js';
import { dateTime, duration, label } from './format.js';
import { IncidentActions } from './incident-actions.js';
import { useApi } from './use-api.js';

function Place({ l }: { l: LocationView }) {
  const where = l.path === null ? 'commit message' : `${l.path}${l.line === null ? '' : `:${l.line}`}`;
  const commit = l.commit === null ? '' : l.commit.slice(0, 12);
  return (
    <li>
      <strong>{l.repository}</strong> {where}{' '}
      {commit !== '' && (l.webUrl === null ? <code>{commit}</code> : <a href={l.webUrl} rel="noopener noreferrer" target="_blank"><code>{commit}</code><span class="sr-only"> (opens the repository's web view)</span></a>)}
      {l.publicUrl !== null && <> · public copy: <a href={l.publicUrl} rel="noopener noreferrer" target="_blank">{l.publicUrl}</a></>}
    </li>
  );
}

export function IncidentDetail({ id, session, onUnauthorized }: { id: string; session: SessionView; onUnauthorized: () => void }) {
  const loaded = useApi<IncidentDetailView>(`/api/incidents/${encodeURIComponent(id)}`, onUnauthorized);
  const [incident, setIncident] = useState<IncidentDetailView | undefined>(undefined);
  useEffect(() => setIncident(loaded.data), [loaded.data]);
  if (loaded.error !== undefined) return <p role="alert" class="error">{loaded.error.message}</p>;
  if (incident === undefined) return <p aria-live="polite">Loading…</p>;
  const i = incident;
  return (
    <article class="incident">
      <p><a href="#/">← All incidents</a></p>
      <h1>{i.title} in {i.repository}</h1>
      <p class="facts">
        <span class={`sev sev-${i.severity}`}>{i.severity}</span> <span class="status">{label(i.status)}</span>
        {i.waitingForApproval && <span class="attention"> · waiting for approval</span>} · opened {dateTime(i.createdAt)} ({duration(i.ageSeconds)} ago)
        {i.timeToContainmentSeconds !== null && <> · contained after {duration(i.timeToContainmentSeconds)}</>}
      </p>
      <IncidentActions incident={i} session={session} onChanged={setIncident} />
      <dl class="grid">
        <dt>Incident</dt><dd><code>{i.id}</code></dd>
        <dt>Secret</dt><dd><code class="preview">{i.redacted}</code> <span class="sub">sha256 <code class="hash">{i.secretSha256}</code></span></dd>
        <dt>Owner</dt><dd>{i.owner ?? 'none on record'}{i.team !== null && ` (team ${i.team})`}</dd>
        <dt>Policy</dt><dd>{i.policy}</dd>
        <dt>Why {i.severity}</dt><dd>{i.severityReasons.join('; ')}</dd>
        <dt>Since</dt><dd>{dateTime(i.since)}</dd>
        <dt>Branches</dt><dd>{i.branches.join(', ') || '—'}</dd>
      </dl>
      <h2>Where it was found</h2>
      <ul class="places">{i.locations.map((l) => <Place l={l} />)}</ul>
      <h2>Public copies</h2>
      {i.publicUrls.length === 0 ? <p>None found.</p> : <ul>{i.publicUrls.map((u) => <li><a href={u} rel="noopener noreferrer" target="_blank">{u}</a></li>)}</ul>}
      <h2>Owner's steps</h2>
      {i.ownerSteps.length === 0 ? <p>None left.</p> : <ol class="steps">{i.ownerSteps.map((s) => <li>{s}</li>)}</ol>}
      <h2>Actions</h2>
      <div class="two">
        <section aria-label="Still open"><h3>Still open</h3>{i.actionsOpen.length === 0 ? <p>None.</p> : <ul>{i.actionsOpen.map((a) => <li><code>{a.action}</code> ({a.outcome}): {a.detail}</li>)}</ul>}</section>
        <section aria-label="Done"><h3>Done</h3>{i.actionsDone.length === 0 ? <p>None yet.</p> : <ul>{i.actionsDone.map((a) => <li><code>{a.action}</code> ({a.outcome}): {a.detail}</li>)}</ul>}</section>
      </div>
      <h2>Timeline</h2>
      <ol class="phases" aria-label="Playbook phases">
        {i.phases.map((p) => (
          <li class={`phase phase-${p.state}`}>
            <h3>{label(p.phase)} <span class="sub">({p.state})</span></h3>
            {p.entries.length > 0 && (
              <ul class="timeline">
                {p.entries.map((e) => (
                  <li class={`outcome-${e.outcome}`}>
                    <time dateTime={e.at}>{dateTime(e.at)}</time> <span class="outcome">{e.outcome}</span> {e.detail}
                    {e.by !== null && !e.detail.includes(e.by) && <span class="by"> — {e.by}</span>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </article>
  );
}
