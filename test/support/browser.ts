import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const required = process.env.REQUIRE_BROWSER === '1';

/**
 * Why browser tests cannot run here, or false when they can. With REQUIRE_BROWSER=1 a
 * missing Chromium is a failure, not a skip: CI must really run them.
 */
export const browserSkip: string | false = existsSync(chromiumPath)
  ? false
  : required
    ? false
    : `Chromium not found at ${chromiumPath}: install Debian's chromium (apt-get install chromium) to run browser tests`;

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`REQUIRE_BROWSER=1 but Chromium is not installed at ${chromiumPath}`);
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
}
