import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startApp, type TestApp } from '../support/app.ts';
import { createUser } from '../support/auth.ts';
import { browserSkip, importByPaste, launchBrowser, signIn } from '../support/browser.ts';

const EN = readFileSync('seeds/003_e90388dfdeb82ae4.txt', 'utf8');
const FR = readFileSync('seeds/000_ff719ec247732616.txt', 'utf8');

describe('an editor importing articles in Chromium', { skip: browserSkip }, () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  before(async () => {
    [app, browser] = await Promise.all([startApp({ seed: false }), launchBrowser()]);
    const editor = await createUser(app.database.db, { role: 'editor' });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(`${page.url()} ${JSON.stringify(msg.location())} ${msg.text().slice(0, 60)}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await signIn(page, app.url, editor);
    mkdirSync('screenshots', { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  it('imports the English seed by paste and sees its suggestions highlighted', async () => {
    await page.goto(`${app.url}/sources/new`);
    await page.screenshot({ path: 'screenshots/import-form.png', fullPage: true });
    await importByPaste(page, app.url, EN, '2019-12-11');
    assert.match((await page.locator('.notice').first().textContent()) ?? '', /Article imported: \d+ suggested claims/);
    const marks = page.locator('#article-text mark.suggestion');
    assert.ok((await marks.count()) >= 10);
    assert.equal(await marks.first().evaluate((el) => getComputedStyle(el).borderBottomStyle), 'dashed', 'suggestions are marked apart from claims');
    await page.screenshot({ path: 'screenshots/import-suggestions.png', fullPage: true });
  });

  it('reviews and accepts the White House statement as a new claim, with htmx', async () => {
    const item = page.locator('#suggestions .suggestion-item', { hasText: 'warned against any attempt by Russia' });
    await item.getByRole('link', { name: 'Review and accept' }).click();
    const form = page.locator('.suggestion-item.editing');
    await form.waitFor();
    await form.locator('textarea[name="text"]').fill('Trump warned Lavrov against any Russian attempt to interfere in US elections');
    await form.locator('input[name="claimedOn"]').fill('2019-12-10');
    await page.screenshot({ path: 'screenshots/import-accept-form.png', fullPage: true });
    await form.getByRole('button', { name: 'Accept as a new claim' }).click();
    await page.locator('.notice', { hasText: 'Claim created' }).waitFor();
    assert.ok(await page.locator('#article-text mark:not(.suggestion) a', { hasText: 'warned against any attempt by Russia' }).count());
    assert.match(page.url(), /\/sources\/\d+/, 'stayed on the article');
  });

  it('joins the French White House statement to the English claim proposed as a candidate', async () => {
    await importByPaste(page, app.url, FR, '2019-12-11');
    const item = page.locator('#suggestions .suggestion-item', { hasText: 'White House' }).first();
    await item.getByRole('link', { name: 'Review and accept' }).click();
    const candidate = page.locator('.candidate', { hasText: 'Trump warned Lavrov against any Russian attempt' });
    await candidate.waitFor();
    assert.match((await candidate.locator('.reasons').textContent()) ?? '', /same claimant: White House/);
    await page.screenshot({ path: 'screenshots/import-candidates.png', fullPage: true });
    await candidate.getByRole('button', { name: /Join this claim/ }).click();
    await page.locator('.notice', { hasText: 'Mention added to the claim' }).waitFor();
  });

  it('selects a span of the text and makes a claim of it', async () => {
    const passage = "En fait nous n'avons même pas parlé d'élections";
    const start = FR.indexOf(passage);
    // Select the passage as a mouse would, then let selection.js read it.
    await page.evaluate(
      ({ start, end }) => {
        const root = document.getElementById('article-text')!;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        let seen = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent!.length;
          if (seen <= start && start <= seen + length) range.setStart(node, start - seen);
          if (seen <= end && end <= seen + length) {
            range.setEnd(node, end - seen);
            break;
          }
          seen += length;
        }
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      },
      { start, end: start + passage.length },
    );
    const button = page.locator('.selection-button');
    await button.waitFor();
    await page.screenshot({ path: 'screenshots/import-selection.png' });
    await button.click();
    assert.equal(await page.inputValue('#selection-quote'), passage);
    assert.equal(await page.inputValue('#selection-form input[name="start"]'), String(start));
    await page.fill('#selection-text', 'Lavrov: elections were not even discussed');
    await page.locator('#selection-form button[type="submit"]').click();
    const editor = page.locator('#selection-result .suggestion-item.editing');
    await editor.waitFor();
    assert.equal((await editor.locator('blockquote').textContent())?.trim(), passage);
    await editor.getByRole('button', { name: 'Accept as a new claim' }).click();
    await page.locator('.notice', { hasText: 'Claim created' }).waitFor();
    await page.screenshot({ path: 'screenshots/import-after.png', fullPage: true });
    assert.deepEqual(consoleErrors, []);
  });
});
