/**
 * The console: the login until there is a session, then the health strip and one view chosen
 * by the URL's hash (`#/` incidents, `#/?repo=<name>` filtered, `#/incidents/<id>`,
 * `#/repositories`), so every view has a link that survives a reload.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SessionView } from '../domain/console-api.js';
import { loadSession, logOut } from './api.js';
import { HealthStrip } from './health-strip.js';
import { IncidentDetail } from './incident-detail.js';
import { IncidentList } from './incident-list.js';
import { LoginForm } from './login-form.js';
import { RepositoriesView } from './repositories-view.js';

function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const changed = (): void => setHash(location.hash);
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return hash;
}

export function App() {
  const [session, setSession] = useState<SessionView | undefined>(undefined);
  const [failed, setFailed] = useState<string | undefined>(undefined);
  const hash = useHash();
  const refresh = (): void => {
    loadSession().then(setSession, () => setFailed('The daemon did not answer. Reload the page to try again.'));
  };
  useEffect(refresh, []);

  if (failed !== undefined) return <main class="page"><p role="alert">{failed}</p></main>;
  if (session === undefined) return <main class="page"><p aria-live="polite">Loading…</p></main>;
  if (!session.authenticated) return <LoginForm onLoggedIn={setSession} />;

  // A session that ended (expired, daemon restarted) shows the login again.
  const lost = refresh;
  const incident = /^#\/incidents\/([^/]+)$/.exec(hash);
  const view = incident
    ? <IncidentDetail id={decodeURIComponent(incident[1]!)} session={session} onUnauthorized={lost} />
    : hash === '#/repositories'
      ? <RepositoriesView onUnauthorized={lost} />
      : <IncidentList key={hash} query={hash.startsWith('#/?') ? hash.slice(3) : ''} onUnauthorized={lost} />;
  return (
    <>
      <header class="topbar">
        <a class="brand" href="#/">leakwatch</a>
        <nav aria-label="Views">
          <a href="#/" aria-current={incident === null && hash !== '#/repositories' ? 'page' : undefined}>Incidents</a>
          <a href="#/repositories" aria-current={hash === '#/repositories' ? 'page' : undefined}>Repositories</a>
        </nav>
        <span class="who">{session.who} <span class="role">({session.role})</span></span>
        {session.via === 'token' && (
          <button type="button" class="link" onClick={() => void logOut().finally(refresh)}>Log out</button>
        )}
      </header>
      <HealthStrip onUnauthorized={lost} />
      <main class="page" id="main">{view}</main>
    </>
  );
}
