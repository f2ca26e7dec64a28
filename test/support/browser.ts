import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

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

/** Signs in through the login form, as an editor would, and waits to leave the login page. */
export async function signIn(page: Page, baseUrl: string, user: { email: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.fill('#login-email', user.email);
  await page.fill('#login-password', user.password);
  await page.locator('form button[type="submit"]').last().click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Imports an article by pasting its text, with a publication date, and waits for its page. */
export async function importByPaste(page: Page, baseUrl: string, text: string, published: string): Promise<void> {
  await page.goto(`${baseUrl}/sources/new`);
  await page.fill('#import-text', text);
  await page.locator('details.import-metadata summary').click();
  await page.fill('#meta-published', published);
  await page.getByRole('button', { name: 'Import and analyse' }).click();
  await page.waitForURL(/\/sources\/\d+\?imported=\d+$/);
}
