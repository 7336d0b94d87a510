/**
 * Debian's Chromium for the console's browser tests, driven by playwright-core (which never
 * downloads a browser). Absent, the browser tests are skipped with this reason.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_MISSING = existsSync(CHROMIUM)
  ? undefined
  : `Debian's chromium is not installed at ${CHROMIUM} (apt-get install -y chromium; .ci/run installs it)`;

export function launchChromium(): Promise<Browser> {
  // No sandbox: CI runs as root in a container, where Chromium's sandbox cannot start.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}
