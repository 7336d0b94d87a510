import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentDetailView, IncidentListView, PostureView, RepositoryView, SessionView } from '../../../src/domain/console-api.js';
import { parseConfig } from '../../../src/config/load-config.js';
import { createDaemonConsole } from '../../../src/daemon/create-daemon-console.js';
import { ConsoleClient } from '../../helpers/console-client.js';
import { makeConsoleFixture } from '../../helpers/console-fixture.js';
import type { ConsoleFixture } from '../../helpers/console-fixture.js';
import { startConsoleServer } from '../../helpers/console-server.js';
import type { ConsoleServer } from '../../helpers/console-server.js';
import { removeTempDirs, tempDir } from '../../helpers/git-repo.js';
import { OWNER } from '../../helpers/incident-fixture.js';
import { createMemoryLogger } from '../../helpers/memory-logger.js';

let fx: ConsoleFixture;
let running: ConsoleServer[] = [];
const clients: ConsoleClient[] = [];

async function start(...args: Parameters<typeof startConsoleServer> extends [unknown, ...infer R] ? R : never): Promise<ConsoleServer> {
  const started = await startConsoleServer(fx, ...args);
  running.push(started);
  return started;
}

function client(s: ConsoleServer, headers: Record<string, string> = {}): ConsoleClient {
  const c = new ConsoleClient(s.server.url, headers);
  clients.push(c);
  return c;
}

// One seeded daemon state for the file; the test that changes the incident makes its own.
beforeAll(async () => {
  fx = await makeConsoleFixture();
}, 120_000);
afterEach(async () => {
  for (const s of running) await s.server.close();
  running = [];
  // No answer of any test, to anyone, holds the planted secret.
  for (const c of clients.splice(0)) for (const body of c.bodies) expect(body).not.toContain(fx.f.secret);
});
afterAll(() => {
  fx.close();
  removeTempDirs();
});

describe('console API: access', () => {
  it('answers nothing about incidents, repositories, health or posture without a session', async () => {
    const s = await start();
    const anonymous = client(s);
    for (const path of ['/api/incidents', `/api/incidents/${fx.incidentId}`, '/api/repositories', '/api/health', '/api/posture']) {
      expect((await anonymous.get(path)).status, path).toBe(401);
    }
    expect((await anonymous.post(`/api/incidents/${fx.incidentId}/approve`, {})).status).toBe(401);
  });

  it('logs in with a UI token into an HttpOnly, SameSite=Strict session; a wrong token or a login without its CSRF token is refused', async () => {
    const s = await start();
    const c = client(s);
    const anonymous = await c.session();
    expect(anonymous.body).toMatchObject({ authenticated: false, csrfToken: expect.any(String) });
    expect((await c.post('/api/login', { token: s.tokens.responder, name: 'Alice' }, null)).status).toBe(403);
    expect((await c.post('/api/login', { token: s.tokens.responder, name: 'Alice' }, 'forged')).status).toBe(403);
    expect((await c.post('/api/login', { token: `${s.tokens.responder}x`, name: 'Alice' })).status).toBe(401);
    expect((await c.post('/api/login', { token: s.tokens.responder, name: 'Alice\u001b[2J' })).status).toBe(400);
    const ok = await c.post('/api/login', { token: s.tokens.responder, name: 'Alice' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ authenticated: true, who: 'Alice', role: 'responder', via: 'token' });
    const cookie = ok.headers.getSetCookie().find((l) => l.startsWith('leakwatch_session='))!;
    expect(cookie).toMatch(/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    // The token itself is never echoed or logged.
    expect(ok.text).not.toContain(s.tokens.responder);
    expect(s.logs.text()).not.toContain(s.tokens.responder);
    c.csrf = (ok.body as SessionView).csrfToken;
    expect((await c.get('/api/incidents')).status).toBe(200);
    expect((await c.post('/api/logout')).status).toBe(200);
    expect((await c.get('/api/incidents')).status).toBe(401);
  });

  it('rate-limits failed logins per address: past the limit even the right token waits, with Retry-After', async () => {
    const s = await start({}, { loginLimits: { windowMs: 60_000, perAddress: 3, overall: 100 } });
    const c = client(s);
    await c.session();
    for (let i = 0; i < 3; i++) expect((await c.post('/api/login', { token: `wrong-${i}`, name: 'Mallory' })).status).toBe(401);
    const limited = await c.post('/api/login', { token: s.tokens.responder, name: 'Mallory' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('believes the identity header only from a configured proxy address, with the role its list gives', async () => {
    const trusting = await start({ trustedProxies: ['127.0.0.1'], responders: ['lead@example.test'] });
    const lead = client(trusting, { 'x-forwarded-email': 'lead@example.test' });
    expect((await lead.session()).body).toMatchObject({ authenticated: true, who: 'lead@example.test', role: 'responder', via: 'proxy' });
    const other = client(trusting, { 'x-forwarded-email': 'dev@example.test' });
    expect((await other.session()).body).toMatchObject({ authenticated: true, role: 'viewer' });
    // A session made for one identity is not another's: the proxy now names someone else.
    const swapped = new ConsoleClient(trusting.server.url, { 'x-forwarded-email': 'dev@example.test' });
    for (const [k, v] of lead.cookies) swapped.cookies.set(k, v);
    swapped.csrf = lead.csrf;
    expect((await swapped.post(`/api/incidents/${fx.incidentId}/approve`, {})).status).toBe(401);

    const notTrusting = await start({ trustedProxies: ['10.0.0.7'] });
    const spoofer = client(notTrusting, { 'x-forwarded-email': 'lead@example.test' });
    expect((await spoofer.session()).body).toMatchObject({ authenticated: false });
    expect((await spoofer.get('/api/incidents')).status).toBe(401);
  });

  it('is off, saying how to turn it on, when no token or proxy is configured', async () => {
    const config = parseConfig({ dataDir: fx.f.dataDir }, {}, 'test');
    const off = createDaemonConsole({ config, dataDir: fx.f.dataDir, store: fx.store, queue: { running: () => [], waiting: () => [] }, log: createMemoryLogger().log });
    const s = await start({}, {}, off.handler);
    const answer = await client(s).get('/api/session');
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ error: 'console disabled: set http.uiToken (or http.uiTrustedProxies)' });
    expect((await client(s).get('/ui/')).status).toBe(404);
  });
});

describe('console API: incidents', () => {
  it('lists the incident with counts, age and owner, and filters by status, severity, owner and repository', async () => {
    const s = await start();
    const c = client(s);
    await c.login(s.tokens.viewer, 'Vera');
    const all = (await c.get('/api/incidents')).body as IncidentListView;
    expect(all.incidents).toHaveLength(1);
    expect(all.incidents[0]).toMatchObject({
      id: fx.incidentId, status: 'open', severity: 'critical', repository: 'payments-api', owner: OWNER, team: 'payments',
      policy: 'approve', waitingForApproval: true, containedAt: null, timeToContainmentSeconds: null,
    });
    expect(all.counts.bySeverity).toEqual({ critical: 1, high: 0, medium: 0, low: 0 });
    expect(all.counts.byStatus).toMatchObject({ open: 1, resolved: 0 });
    const count = async (query: string): Promise<number> => ((await c.get(`/api/incidents?${query}`)).body as IncidentListView).incidents.length;
    expect(await count('status=open,acknowledged')).toBe(1);
    expect(await count('status=resolved')).toBe(0);
    expect(await count('severity=low,medium')).toBe(0);
    expect(await count(`owner=${encodeURIComponent(OWNER.toUpperCase())}`)).toBe(1);
    expect(await count('owner=payments')).toBe(1);
    expect(await count('owner=someone@example.test')).toBe(0);
    expect(await count('repo=payments-api')).toBe(1);
    expect(await count('repo=other')).toBe(0);
    const bad = await c.get('/api/incidents?status=closed');
    expect(bad.status).toBe(400);
    expect((bad.body as { error: string }).error).toMatch(/^bad filter: status is a list of open\|acknowledged/);
  });

  it('describes the incident: phases, locations with commit, path and line, open actions, the owner\'s steps, and no secret', async () => {
    const s = await start();
    const c = client(s);
    await c.login(s.tokens.viewer, 'Vera');
    const detail = (await c.get(`/api/incidents/${fx.incidentId}`)).body as IncidentDetailView;
    expect(detail.locations[0]).toMatchObject({ repository: 'payments-api', commit: fx.f.leakCommit, path: 'config/settings.py', line: expect.any(Number), webUrl: null });
    expect(detail.phases.map((p) => [p.phase, p.state])).toEqual([
      ['detection-analysis', 'active'], ['containment', 'pending'], ['eradication', 'pending'], ['recovery', 'pending'], ['post-incident', 'pending'],
    ]);
    expect(detail.phases[0]!.entries[0]!.detail).toMatch(/^Opened: /);
    expect(detail.actionsOpen.map((a) => a.outcome)).toContain('planned');
    expect(detail.ownerSteps[0]).toMatch(/^Approve containment/);
    expect(detail.allowed).toEqual({ ack: true, approve: true, resolve: true, reopen: false });
    expect(detail.secretSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(detail.branches).toEqual(['main', 'release']);
    expect((await c.get('/api/incidents/no-such-incident')).status).toBe(404);
  });

  it('links locations to the web view the inventory names and lists the public URLs where a copy was found', async () => {
    const s = await start();
    const c = client(s);
    await c.login(s.tokens.viewer, 'Vera');
    fx.store.upsertRepositories([{ ...fx.f.repository, tags: { webUrl: 'https://git.example.test/payments/payments-api' } }]);
    const publicUrl = 'https://gist.github.com/someone/0123abcd';
    fx.incidents.addLocation(fx.incidentId, { repository: 'gist:0123abcd', commit: null, path: 'creds.txt', line: 1, blob: null, publicUrl, firstSeen: null });
    const detail = (await c.get(`/api/incidents/${fx.incidentId}`)).body as IncidentDetailView;
    expect(detail.locations[0]!.webUrl).toBe(`https://git.example.test/payments/payments-api/blob/${fx.f.leakCommit}/config/settings.py#L${detail.locations[0]!.line}`);
    expect(detail.locations.at(-1)).toMatchObject({ repository: 'gist:0123abcd', publicUrl, webUrl: null });
    expect(detail.publicUrls).toContain(publicUrl);
  });

  it('refuses a POST without the CSRF token, from another origin, or by a viewer; the incident stays as it was', async () => {
    const s = await start();
    const viewer = client(s);
    await viewer.login(s.tokens.viewer, 'Vera');
    const responder = client(s);
    await responder.login(s.tokens.responder, 'Rita');
    const approve = `/api/incidents/${fx.incidentId}/approve`;
    expect((await responder.post(approve, {}, null)).status).toBe(403);
    expect((await responder.post(approve, {}, viewer.csrf)).status).toBe(403);
    const crossSite = await responder.request('POST', approve, { body: {}, headers: { origin: 'https://attacker.example' } });
    expect(crossSite.status).toBe(403);
    const denied = await viewer.post(approve, {});
    expect(denied.status).toBe(403);
    expect(denied.body).toEqual({ error: 'this needs the responder role' });
    expect((await viewer.post(`/api/incidents/${fx.incidentId}/resolve`, {})).status).toBe(403);
    const record = fx.incidents.get(fx.incidentId)!;
    expect(record.approvedAt).toBeNull();
    expect(record.timeline.some((e) => e.action === 'incident.approved')).toBe(false);
  });

  it('acknowledges (a viewer may), approves, resolves and reopens through the CLI\'s own change, recording who did it', async () => {
    const shared = fx;
    fx = await makeConsoleFixture();
    try {
      await changeEveryWay();
    } finally {
      fx.close();
      fx = shared;
    }
  }, 120_000);
});

async function changeEveryWay(): Promise<void> {
  {
    const s = await start();
    const viewer = client(s);
    await viewer.login(s.tokens.viewer, 'Vera');
    const responder = client(s);
    await responder.login(s.tokens.responder, 'Rita');
    const path = (action: string): string => `/api/incidents/${fx.incidentId}/${action}`;

    const acked = await viewer.post(path('ack'), { note: 'looking at it' });
    expect(acked.status).toBe(200);
    expect((acked.body as { incident: IncidentDetailView }).incident.status).toBe('acknowledged');
    const approved = await responder.post(path('approve'), {});
    expect(approved.body).toMatchObject({ changed: true, incident: { waitingForApproval: false, allowed: { approve: false } } });
    expect((await responder.post(path('approve'), {})).body).toMatchObject({ changed: false });
    const entries = fx.incidents.get(fx.incidentId)!.timeline;
    expect(entries.find((e) => e.action === 'incident.acknowledged')?.data).toMatchObject({ by: 'Vera (console login)' });
    expect(entries.find((e) => e.action === 'incident.approved')?.detail).toBe('Containment approved by Rita (console login); leakwatch runs it on its next pass.');

    const resolved = await responder.post(path('resolve'), { note: 'key rotated by hand' });
    expect((resolved.body as { incident: IncidentDetailView }).incident).toMatchObject({ status: 'resolved', allowed: { reopen: true, resolve: false } });
    expect((await responder.post(path('approve'), {})).status).toBe(409);
    const reopened = await responder.post(path('reopen'), {});
    expect((reopened.body as { incident: IncidentDetailView }).incident.status).toBe('open');
    const fp = await responder.post(path('resolve'), { falsePositive: true });
    expect((fp.body as { incident: IncidentDetailView }).incident.status).toBe('false-positive');
    expect((await responder.post(path('resolve'), { unexpected: 1 })).status).toBe(400);
    expect(s.logs.lines().filter((l) => l['msg'] === 'Incident changed from the console').map((l) => l['change'])).toEqual([
      'ack', 'approve', 'approve', 'resolve', 'reopen', 'false-positive',
    ]);
  }
}

describe('console API: repositories, health, posture and pages', () => {
  it('lists repositories with owner, classification, last scan and findings per week; health has the queue; posture is not available', async () => {
    const s = await start();
    const c = client(s);
    await c.login(s.tokens.viewer, 'Vera');
    const repositories = (await c.get('/api/repositories')).body as RepositoryView[];
    expect(repositories).toHaveLength(1);
    const r = repositories[0]!;
    expect(r).toMatchObject({ name: 'payments-api', owner: OWNER, team: 'payments', classification: 'confidential', lastScanOk: true, openIncidents: 1 });
    expect(r.findings).toBeGreaterThan(0);
    expect(r.findingsOverTime).toHaveLength(12);
    expect(r.findingsOverTime.at(-1)!.count).toBe(r.findings);
    expect((await c.get('/api/health')).body).toMatchObject({ queue: { running: 0, waiting: 1 }, posture: { available: false, failing: null, lastRunAt: null } });
    const posture = await c.get('/api/posture');
    expect(posture.status).toBe(404);
    expect(posture.body).toMatchObject({ error: 'posture not available' });
  });

  it('answers when posture last ran and its failing checks once a posture source is wired, and says when it has not run yet', async () => {
    let status: PostureView = { lastRunAt: null, failing: [] };
    const s = await start({}, { posture: () => status });
    const c = client(s);
    await c.login(s.tokens.viewer, 'Vera');
    expect((await c.get('/api/posture')).body).toEqual({ lastRunAt: null, failing: [] });
    expect((await c.get('/api/health')).body).toMatchObject({ posture: { available: true, failing: 0, lastRunAt: null } });
    const ranAt = new Date().toISOString();
    status = { lastRunAt: ranAt, failing: [{ check: 'iam-no-root-access-key' }] };
    expect((await c.get('/api/posture')).body).toEqual({ lastRunAt: ranAt, failing: [{ check: 'iam-no-root-access-key' }] });
    expect((await c.get('/api/health')).body).toMatchObject({ posture: { available: true, failing: 1, lastRunAt: ranAt } });
  });

  it('serves only the built files under /ui/, with a strict content policy', async () => {
    const assets = tempDir();
    mkdirSync(join(assets, 'assets'));
    writeFileSync(join(assets, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(assets, 'assets', 'app-1234.js'), 'export {};');
    const s = await start({}, { assetsDir: assets });
    const c = client(s);
    const redirect = await c.get('/ui');
    expect([redirect.status, redirect.headers.get('location')]).toEqual([308, '/ui/']);
    const page = await c.get('/ui/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect((await c.get('/ui/assets/app-1234.js')).headers.get('cache-control')).toContain('immutable');
    for (const path of ['/ui/../../etc/passwd', '/ui/%2e%2e/%2e%2e/etc/passwd', '/ui/assets/../index.html.bak']) {
      expect((await c.get(path)).status, path).toBe(404);
    }
    const unbuilt = await start({}, { assetsDir: join(assets, 'missing') });
    expect((await client(unbuilt).get('/ui/')).body).toEqual({ error: 'console not built: run npm run build' });
  });
});
