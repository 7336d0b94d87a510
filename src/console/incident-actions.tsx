/**
 * The buttons that act on an incident: acknowledge (anyone logged in), approve containment,
 * resolve and reopen (responders). A button that does not apply now is not shown; one the role
 * does not allow is shown disabled with the reason. The outcome is announced to screen readers.
 */
import { useState } from 'preact/hooks';
import type { IncidentActionName, IncidentDetailView, SessionView } from '../domain/console-api.js';
import { ApiFailure, post } from './api.js';

const BUTTONS: { action: IncidentActionName; text: string; responder: boolean }[] = [
  { action: 'approve', text: 'Approve containment', responder: true },
  { action: 'ack', text: 'Acknowledge', responder: false },
  { action: 'resolve', text: 'Resolve', responder: true },
  { action: 'reopen', text: 'Reopen', responder: true },
];

export function IncidentActions({ incident, session, onChanged }: {
  incident: IncidentDetailView;
  session: SessionView;
  onChanged: (next: IncidentDetailView) => void;
}) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const act = (action: IncidentActionName): void => {
    setBusy(true);
    post<{ changed: boolean; incident: IncidentDetailView }>(`/api/incidents/${encodeURIComponent(incident.id)}/${action}`, note === '' ? {} : { note })
      .then((answer) => {
        onChanged(answer.incident);
        setNote('');
        setMessage({ text: answer.changed ? `Done: ${action === 'approve' ? 'containment approved; leakwatch runs it on its next pass' : action}.` : 'Nothing to change.', error: false });
      }, (err: unknown) => setMessage({ text: err instanceof ApiFailure ? err.message : 'the daemon did not answer', error: true }))
      .finally(() => setBusy(false));
  };
  const shown = BUTTONS.filter((b) => incident.allowed[b.action]);
  const isResponder = session.role === 'responder';
  return (
    <section class="actions" aria-label="Actions">
      {shown.length > 0 && (
        <>
          <label for="note">Note for the timeline <span class="hint">(optional)</span></label>
          <input id="note" value={note} maxLength={500} onInput={(e) => setNote((e.currentTarget as HTMLInputElement).value)} />
        </>
      )}
      <div class="buttons">
        {shown.map((b) => {
          const denied = b.responder && !isResponder;
          return (
            <button type="button" class={b.action === 'approve' ? 'primary' : undefined} disabled={busy || denied}
              aria-describedby={denied ? 'role-hint' : undefined} onClick={() => act(b.action)}>
              {b.text}
            </button>
          );
        })}
      </div>
      {!isResponder && shown.some((b) => b.responder) && <p id="role-hint" class="hint">Approving, resolving and reopening need the responder role.</p>}
      <p aria-live="polite" class={message?.error ? 'error' : 'notice'}>{message?.text}</p>
    </section>
  );
}
