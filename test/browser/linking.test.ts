import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startApp, type TestApp } from '../support/app.ts';
import { createUser } from '../support/auth.ts';
import { browserSkip, importByPaste, launchBrowser, signIn } from '../support/browser.ts';

const EN = readFileSync('seeds/003_e90388dfdeb82ae4.txt', 'utf8');
const FR = readFileSync('seeds/000_ff719ec247732616.txt', 'utf8');

// The seed story rebuilt by hand from an empty database: both articles imported, the
// suggestions accepted, the joins and links Claimline proposes accepted. Nothing comes from
// the demo data.
describe('the seed story rebuilt from an empty database in Chromium', { skip: browserSkip }, () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  let warningUrl = '';

  before(async () => {
    [app, browser] = await Promise.all([startApp({ seed: false }), launchBrowser()]);
    const editor = await createUser(app.database.db, { role: 'editor' });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(`${page.url()} ${msg.text().slice(0, 80)}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await signIn(page, app.url, editor);
    mkdirSync('screenshots', { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Opens the suggestion holding `words` and accepts it: as a new claim, or joined to the candidate holding `join`. */
  async function accept(words: string, join?: string) {
    const item = page.locator('#suggestions .suggestion-item', { hasText: words }).first();
    await item.getByRole('link', { name: 'Review and accept' }).click();
    const form = page.locator('.suggestion-item.editing');
    await form.waitFor();
    if (!join) {
      await form.getByRole('button', { name: 'Accept as a new claim' }).click();
      // The workspace is swapped in once the claim is saved: the form goes, a notice comes.
      await form.waitFor({ state: 'detached' });
      await page.locator('.notice', { hasText: 'Claim created' }).waitFor();
      return;
    }
    const candidate = form.locator('.candidate', { hasText: join });
    await candidate.waitFor();
    await candidate.getByRole('button', { name: /Join this claim/ }).click();
    await form.waitFor({ state: 'detached' });
    await page.locator('.notice', { hasText: 'Mention added to the claim' }).waitFor();
  }

  it('imports the French dispatch and accepts the White House statement, Lavrov’s denial and Pompeo’s confirmation', async () => {
    await importByPaste(page, app.url, FR, '2019-12-11');
    await accept('le milliardaire républicain avait');
    await accept("nous n'avons même pas parlé d'élections");
    await accept('avait bien mis personnellement en garde');
    const mark = page.locator('#article-text mark:not(.suggestion) a', { hasText: 'mis en garde contre toute tentative' }).first();
    warningUrl = new URL((await mark.getAttribute('href'))!, app.url).pathname;
    assert.match(warningUrl, /^\/claims\/\d+$/);
  });

  it('imports the English rendering and joins its statements to the French claims Claimline proposes', async () => {
    await importByPaste(page, app.url, EN, '2019-12-11');
    await accept('had issued a warning to the head of Russian diplomacy', 'le milliardaire républicain');
    await page.screenshot({ path: 'screenshots/linking-joined.png', fullPage: false });
    await accept('we did not even talk about elections', "nous n'avons même pas parlé d'élections");
  });

  it('accepts the links the analysis proposes on the White House claim: a contradiction and a confirmation', async () => {
    await page.goto(app.url + warningUrl);
    const proposals = page.locator('#link-desk .link-row');
    const denial = proposals.filter({ hasText: "nous n'avons même pas parlé d'élections" }).filter({ hasText: 'Contradicts this claim' });
    const confirmation = proposals.filter({ hasText: 'mis personnellement en garde' }).filter({ hasText: 'Confirms this claim' });
    await denial.getByRole('button', { name: 'Accept' }).click();
    await page.locator('#link-desk .notice', { hasText: 'Link accepted' }).waitFor();
    await confirmation.getByRole('button', { name: 'Accept' }).click();
    await page.locator('#counter-claims .claim-card', { hasText: "nous n'avons même pas parlé d'élections" }).waitFor();
    await page.locator('#confirmations .claim-card', { hasText: 'mis personnellement en garde' }).waitFor();
  });

  it('shows readers one claim in both languages, contradicted by Lavrov and confirmed by Pompeo, in its graph', async () => {
    const reader = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await reader.goto(app.url + warningUrl);
      const titles = await reader.locator('#sources .source-title').allTextContents();
      assert.equal(titles.length, 2, 'one claim, reported in both articles');
      assert.deepEqual(new Set(await reader.locator('#sources blockquote').evaluateAll((q) => q.map((b) => b.getAttribute('lang')))), new Set(['fr', 'en']));
      assert.match((await reader.locator('#counter-claims').textContent()) ?? '', /nous n'avons même pas parlé d'élections/);
      assert.match((await reader.locator('#confirmations').textContent()) ?? '', /mis personnellement en garde/);
      const graph = reader.locator('#claim-graph .graph-wide svg');
      assert.match((await graph.locator('.node.kind-contradicts').first().textContent()) ?? '', /Lavrov/);
      assert.match((await graph.locator('.node.kind-confirms').first().textContent()) ?? '', /Pompeo/);
      assert.match((await reader.locator('#graph-desc').textContent()) ?? '', /Contradicts this: .*Lavrov/);
      assert.equal(await reader.locator('#link-desk').count(), 0, 'readers get no links panel');
      await reader.locator('#claim-graph').screenshot({ path: 'screenshots/linking-graph.png' });
      await reader.screenshot({ path: 'screenshots/linking-claim.png', fullPage: true });

      // The denial's own page shows the other end of the link.
      await reader.locator('#counter-claims .claim-card .statement a').first().click();
      await reader.locator('#claim-graph .graph-wide .node.kind-contradicts').first().waitFor();
      const sources = await reader.locator('#sources .source-title').allTextContents();
      assert.equal(sources.length, 2, 'the denial too is one claim across both articles');
    } finally {
      await reader.close();
    }
    assert.deepEqual(consoleErrors, []);
  });
});
