/** The login: the UI token a responder or viewer was given, and the name the timeline records. */
import { useState } from 'preact/hooks';
import type { SessionView } from '../domain/console-api.js';
import { ApiFailure, logIn } from './api.js';

export function LoginForm({ onLoggedIn }: { onLoggedIn: (session: SessionView) => void }) {
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = (event: Event): void => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    logIn(String(form.get('token') ?? ''), String(form.get('name') ?? ''))
      .then(onLoggedIn, (err: unknown) => setError(err instanceof ApiFailure ? err.message : 'the daemon did not answer'))
      .finally(() => setBusy(false));
  };
  return (
    <main class="page login">
      <h1>leakwatch console</h1>
      <form onSubmit={submit} aria-describedby={error === undefined ? undefined : 'login-error'}>
        <label for="name">Your name or e-mail <span class="hint">(recorded with each action you take)</span></label>
        <input id="name" name="name" autoComplete="username" required maxLength={100} />
        <label for="token">Console token</label>
        <input id="token" name="token" type="password" autoComplete="current-password" required />
        <button type="submit" disabled={busy}>Log in</button>
        {error !== undefined && <p id="login-error" role="alert" class="error">Login failed: {error}</p>}
      </form>
    </main>
  );
}
