/**
 * The console end to end in headless Chromium against a daemon that opened an incident itself:
 * log in, see the incident, approve it, see the timeline say who approved, see it contained after
 * the daemon's next pass, resolve it; a viewer cannot approve; a POST without the CSRF token is
 * refused; no page or API response holds the planted secret. With LEAKWATCH_UPDATE_SCREENSHOTS=1
 * it also writes the screenshots in docs/ (`npm run docs:console`).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_MISSING, launchChromium } from '../helpers/chromium.js';
import { startConsoleDaemon } from '../helpers/console-daemon.js';
import type { ConsoleDaemon } from '../helpers/console-daemon.js';
import { removeTempDirs } from '../helpers/git-repo.js';

const ROOT = resolve(import.meta.dirname, '../..');
const UPDATE_SCREENSHOTS = process.env['LEAKWATCH_UPDATE_SCREENSHOTS'] === '1';

if (CHROMIUM_MISSING !== undefined) {
  process.stderr.write(`console browser tests skipped: ${CHROMIUM_MISSING}\n`);
}

describe.skipIf(CHROMIUM_MISSING !== undefined)(`console in Chromium${CHROMIUM_MISSING === undefined ? '' : ` (skipped: ${CHROMIUM_MISSING})`}`, () => {
  let d: ConsoleDaemon;
  let browser: Browser;
  let incidentId: string;
  /** Every response body the browser received, and every page's HTML, to search for the secret. */
  const seen: string[] = [];

  beforeAll(async () => {
    if (!existsSync(resolve(ROOT, 'dist/console/index.html'))) throw new Error('dist/console is not built: run npm run build first');
    d = await startConsoleDaemon();
    incidentId = d.playbook.incidents.list()[0]!.id;
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await d?.stop();
    removeTempDirs();
  });

  async function open(options: { width: number; height: number; mobile?: boolean }): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: options.width, height: options.height }, isMobile: options.mobile ?? false, hasTouch: options.mobile ?? false });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    page.on('response', (response) => {
      void response.text().then((text) => seen.push(text), () => undefined);
    });
    return { context, page };
  }

  async function logIn(page: Page, token: string, name: string): Promise<void> {
    await page.goto(`${d.daemon.url}/ui/`);
    // By keyboard, through the fields' labels.
    await page.getByLabel('Your name or e-mail').fill(name);
    await page.getByLabel('Console token').fill(token);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Incidents' }).waitFor();
  }

  async function snapshot(page: Page): Promise<void> {
    seen.push(await page.content());
  }

  it('a viewer on a phone sees the incident and cannot approve: the button is disabled and the API refuses', async () => {
    const { context, page } = await open({ width: 390, height: 844, mobile: true });
    await logIn(page, d.tokens.viewer, 'Vera');
    await page.getByRole('link', { name: /AWS secret access key/ }).waitFor();
    // (Strings: this file is compiled without the DOM's types.) The list fits the phone's width.
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await page.goto(`${d.daemon.url}/ui/#/incidents/${incidentId}`);
    await page.getByRole('heading', { level: 1, name: /in payments-api/ }).waitFor();
    // Usable on a phone: nothing wider than the screen.
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await expect(page.getByRole('button', { name: 'Approve containment' }).isDisabled()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Resolve' }).isDisabled()).resolves.toBe(true);
    await expect(page.getByText('Approving, resolving and reopening need the responder role.').isVisible()).resolves.toBe(true);
    await snapshot(page);
    const refused = await page.evaluate(async (id) => {
      const session = (await (await fetch('/api/session')).json()) as { csrfToken: string; role: string };
      const answer = await fetch(`/api/incidents/${id}/approve`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }, body: '{}' });
      return { role: session.role, status: answer.status, body: await answer.text() };
    }, incidentId);
    expect(refused).toEqual({ role: 'viewer', status: 403, body: JSON.stringify({ error: 'this needs the responder role' }) });
    expect(d.playbook.incidents.get(incidentId)!).toMatchObject({ status: 'open', approvedAt: null });

    // From a repository to its open incidents.
    await page.getByRole('link', { name: 'Repositories' }).click();
    await page.getByRole('link', { name: '1 open incidents in payments-api' }).click();
    await expect(page.getByLabel('Repository').inputValue()).resolves.toBe('payments-api');
    await page.getByRole('row').filter({ hasText: incidentId }).waitFor();
    await context.close();
  }, 120_000);

  it('a responder logs in, sees the incident the daemon opened, approves it, sees it contained, resolves it, and sees the repository', async () => {
    const { context, page } = await open({ width: 1000, height: 800 });
    await logIn(page, d.tokens.responder, 'Rita');
    const row = page.getByRole('row').filter({ hasText: 'payments-api' });
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/critical[\s\S]*owner@example\.test[\s\S]*open[\s\S]*waiting for approval/i);
    await expect(page.getByRole('list', { name: 'Counts' }).innerText()).resolves.toMatch(/critical: 1/i);
    await expect(page.getByRole('region', { name: 'Health' }).innerText()).resolves.toMatch(/1 repositories · 0 last scan failed[\s\S]*Posture: not run yet/);
    await page.getByText('Last scan per repository').click();
    await expect(page.getByRole('region', { name: 'Health' }).getByRole('listitem').innerText()).resolves.toMatch(/^payments-api: \d+ s ago$/);
    await snapshot(page);
    if (UPDATE_SCREENSHOTS) await page.screenshot({ path: resolve(ROOT, 'docs/console-list.png') });

    await row.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: /in payments-api/ }).waitFor();
    await expect(page.locator('.places').innerText()).resolves.toContain('config/settings.py:');
    await expect(page.getByRole('list', { name: 'Playbook phases' }).innerText()).resolves.toMatch(/detection analysis \(active\)[\s\S]*Opened: /);
    await page.getByRole('button', { name: 'Approve containment' }).click();
    await page.getByText('Containment approved by Rita (console login); leakwatch runs it on its next pass.').waitFor();
    await page.getByText(/Done: containment approved/).waitFor();
    expect(d.playbook.incidents.get(incidentId)!.approvedAt).not.toBeNull();

    // The daemon's next incident pass runs the approved containment; the page shows it on reload.
    await d.playbook.hooks.escalate({ store: d.daemon.store, log: d.logs.log });
    await page.reload();
    await page.getByText(/contained after/).waitFor();
    await expect(page.locator('.facts').innerText()).resolves.toMatch(/contained/);
    await snapshot(page);
    await expect(page.getByRole('region', { name: 'Still open' }).innerText()).resolves.toMatch(/aws-iam-access-key\.eradicate \(planned\): Scheduled: leakwatch runs this eradicate step not before /);
    await expect(page.getByRole('region', { name: 'Still open' }).innerText()).resolves.not.toMatch(/iam\.identify-account/);
    await expect(page.getByRole('region', { name: 'Done' }).innerText()).resolves.toMatch(/iam\.deactivate-key \(ok\)/);
    if (UPDATE_SCREENSHOTS) await page.screenshot({ path: resolve(ROOT, 'docs/console-detail.png'), fullPage: true, clip: { x: 0, y: 0, width: 1000, height: 1700 } });

    await page.getByLabel('Note for the timeline').fill('old key deleted, new key deployed');
    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.getByText(/Status contained → resolved by Rita \(console login\): old key deleted, new key deployed\./).waitFor();
    expect(d.playbook.incidents.get(incidentId)!.status).toBe('resolved');
    await snapshot(page);

    // A POST without the CSRF token is refused, even with the session cookie.
    const forged = await page.evaluate(async (id) => {
      const answer = await fetch(`/api/incidents/${id}/reopen`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return { status: answer.status, body: await answer.text() };
    }, incidentId);
    expect(forged).toEqual({ status: 403, body: JSON.stringify({ error: 'missing or wrong CSRF token; reload the page' }) });
    expect(d.playbook.incidents.get(incidentId)!.status).toBe('resolved');

    await page.getByRole('link', { name: 'Repositories' }).click();
    const repository = page.getByRole('row').filter({ hasText: 'payments-api' });
    await expect(repository.innerText()).resolves.toMatch(/owner@example\.test[\s\S]*confidential[\s\S]*ago/);
    await expect(repository.getByRole('img').getAttribute('aria-label')).resolves.toMatch(/^payments-api: [1-9]\d* findings first seen in the last 12 weeks/);
    await snapshot(page);
    await context.close();
  }, 240_000);

  it('no page or API response the browser received holds the planted secret', () => {
    expect(seen.length).toBeGreaterThan(10);
    const secret = d.f.secret;
    expect(seen.filter((text) => text.includes(secret))).toEqual([]);
  });
});
