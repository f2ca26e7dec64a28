import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startApp, type TestApp } from '../support/app.ts';
import { browserSkip, launchBrowser } from '../support/browser.ts';

describe('a reader in Chromium', { skip: browserSkip }, () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('opens the home page, follows a claim and sees its counter-claim', async () => {
    await page.goto(app.url);
    assert.equal(await page.locator('h1').textContent(), 'Latest claims');
    await page.getByRole('link', { name: 'Trump warned Lavrov against any Russian attempt to interfere in US elections' }).click();
    await page.waitForURL(/\/claims\/\d+$/);
    assert.equal(
      (await page.locator('h1').textContent())?.trim(),
      'Trump warned Lavrov against any Russian attempt to interfere in US elections',
    );
    const counter = page.locator('#counter-claims .claim-card', { hasText: 'Lavrov did not receive a warning' });
    await counter.waitFor();
    assert.match((await counter.textContent()) ?? '', /Sergey Lavrov/);
    mkdirSync('screenshots', { recursive: true });
    await page.screenshot({ path: 'screenshots/claim.png', fullPage: true });

    await counter.getByRole('link').first().click();
    await page.waitForURL(/\/entities\/|\/claims\/\d+$/);
  });

  it('goes from a highlighted quote in the French article to its claim', async () => {
    await page.goto(app.url);
    await page.getByRole('link', { name: /Pompeo confirme que Trump/ }).click();
    const quote = page.locator('.article-text mark', { hasText: "En fait nous n'avons même pas parlé d'élections" });
    await quote.waitFor();
    assert.equal(await quote.evaluate((el) => getComputedStyle(el).backgroundColor !== 'rgba(0, 0, 0, 0)'), true);
    await page.screenshot({ path: 'screenshots/article.png', fullPage: true });
    await quote.locator('a').click();
    await page.waitForURL(/\/claims\/\d+$/);
    assert.equal((await page.locator('h1').textContent())?.trim(), 'Trump and Lavrov did not even talk about elections in their meeting');
  });

  it('is readable on a phone: nothing wider than the screen', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      for (const path of ['/', '/sources/1', '/claims/1']) {
        await phone.goto(app.url + path);
        const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${path} overflows by ${overflow}px`);
      }
    } finally {
      await phone.close();
    }
  });

  it('loads every page without console errors (CSP, missing files)', () => {
    assert.deepEqual(consoleErrors, []);
  });
});
