/**
 * Debian's Chromium for the console's browser tests, driven by playwright-core (which never
 * downloads a browser). Absent, the browser tests are skipped with this reason.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

/** Debian's path; LEAKWATCH_TEST_CHROMIUM names another Chromium build (e.g. chromium-browser elsewhere). */
export const CHROMIUM = process.env['LEAKWATCH_TEST_CHROMIUM'] ?? '/usr/bin/chromium';
export const CHROMIUM_MISSING = existsSync(CHROMIUM)
  ? undefined
  : `no Chromium at ${CHROMIUM} (apt-get install -y chromium; .ci/run installs it)`;

export function launchChromium(): Promise<Browser> {
  // No sandbox: CI runs as root in a container, where Chromium's sandbox cannot start.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}
