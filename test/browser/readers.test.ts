import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApp, type TestApp } from '../support/app.ts';
import { browserSkip, launchBrowser } from '../support/browser.ts';

const WARNING = 'Trump warned Lavrov against any Russian attempt to interfere in US elections';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] };

describe('readers in Chromium: timelines, live search, accessibility', { skip: browserSkip }, () => {
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    mkdirSync('screenshots', { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function openWarning(p: Page) {
    await p.goto(app.url);
    await p.getByRole('link', { name: WARNING }).first().click();
    await p.waitForURL(/\/claims\/\d+$/);
  }

  it('shows the claim’s timeline: Tuesday 10 December (meeting, statement, denial) before Wednesday 11 December (confirmation)', async () => {
    await openWarning(page);
    const days = page.locator('#timeline .timeline-day');
    const tuesday = days.filter({ has: page.getByRole('heading', { name: 'Tuesday, 10 December 2019' }) });
    const wednesday = days.filter({ has: page.getByRole('heading', { name: 'Wednesday, 11 December 2019' }) });
    const tuesdayEntries = await tuesday.locator('.timeline-entries > li .what').allTextContents();
    assert.deepEqual(
      tuesdayEntries.slice(0, 3).map((t) => t.trim()),
      ['The event it describes', 'Claim made by White House', 'Sergey Lavrov contradicts it'],
    );
    assert.ok((await wednesday.locator('.what').allTextContents()).some((t) => t.trim() === 'Mike Pompeo confirms it'));
    // What the reader sees: Tuesday above Wednesday in the list, and left of it in the chart.
    const [tueBox, wedBox] = [await tuesday.boundingBox(), await wednesday.boundingBox()];
    assert.ok(tueBox && wedBox && tueBox.y < wedBox.y);
    const labels = page.locator('#timeline svg .col-label');
    assert.equal(await labels.count(), 4);
    const xs = await labels.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().x));
    assert.deepEqual(xs, [...xs].sort((a, b) => a - b));
    assert.match((await labels.first().textContent()) ?? '', /Tue 10 Dec/);
    const chart = page.locator('#timeline svg.chart');
    assert.ok(((await chart.boundingBox())?.width ?? 0) > 300, 'the chart is drawn');
    // Pompeo's confirmation mark sits in Wednesday's column, to the right of Lavrov's denials.
    const markX = (href: string) => page.locator(`#timeline svg a[href="${href}"] .mark`).first().evaluate((el) => el.getBoundingClientRect().x);
    const denial = await page.locator('#counter-claims .statement a').first().getAttribute('href');
    const confirmation = await page.locator('#confirmations .claim-card', { hasText: 'Mike Pompeo' }).locator('.statement a').getAttribute('href');
    assert.ok((await markX(denial!)) < (await markX(confirmation!)));
    await page.locator('#timeline').screenshot({ path: 'screenshots/claim-timeline.png', caret: 'initial' });
    await page.screenshot({ path: 'screenshots/claim-page.png', fullPage: true, caret: 'initial' });
  });

  it('shows the story’s claims on one time axis, grouped by claimant, with their links', async () => {
    await page.goto(`${app.url}/stories/lavrov-in-washington-december-2019`);
    const lanes = (await page.locator('#story-timeline .lane-label').allTextContents()).map((t) => t.trim());
    for (const who of ['White House', 'Sergey Lavrov', 'Mike Pompeo']) assert.ok(lanes.includes(who), who);
    assert.ok((await page.locator('#story-timeline svg .edge-contradicts').count()) >= 8);
    assert.ok((await page.locator('#story-timeline svg .edge-confirms').count()) >= 1);
    const lavrov = page.locator('.claimant-group', { has: page.getByRole('heading', { name: 'Sergey Lavrov', exact: true }) });
    await lavrov.locator('.link-notes a', { hasText: WARNING }).first().click();
    await page.waitForURL(/#claim-\d+$/);
    await page.locator('#story-timeline').screenshot({ path: 'screenshots/story-timeline.png', caret: 'initial' });
    await page.screenshot({ path: 'screenshots/story-page.png', fullPage: true, caret: 'initial' });
  });

  it('searches as the reader types, updating the address, and the back button restores the results', async () => {
    await page.goto(`${app.url}/search`);
    await page.locator('#search-q').pressSequentially('ingérence', { delay: 20 });
    await page.waitForURL(/\/search\?q=ing%C3%A9rence/);
    const hit = page.locator('#search-results .search-hits .statement', { hasText: WARNING });
    await hit.waitFor();
    assert.equal(await page.locator('#search-q').evaluate((el) => el === document.activeElement), true, 'typing keeps the focus');
    await page.locator('#search-announce').filter({ hasText: /claims found/ }).waitFor({ state: 'attached' });
    await page.selectOption('#search-claimant', 'mike-pompeo');
    await page.waitForURL(/claimant=mike-pompeo/);
    await page.locator('#search-results .search-hits .claimant', { hasText: 'Mike Pompeo' }).first().waitFor();
    assert.equal(await page.locator('#search-results .search-hits .statement', { hasText: WARNING }).count(), 0);
    await page.screenshot({ path: 'screenshots/search.png', fullPage: true, caret: 'initial' });
    await page.goBack();
    await page.waitForURL(/\/search\?q=ing%C3%A9rence$/);
    await page.locator('#search-results .search-hits .statement', { hasText: WARNING }).waitFor();
  });

  it('searches without JavaScript too, from the header box', async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false });
    try {
      const p = await plain.newPage();
      await p.goto(app.url);
      await p.fill('header input[name=q]', 'Sergueï Lavrov');
      await p.press('header input[name=q]', 'Enter');
      await p.waitForURL(/\/search\?q=Sergue%C3%AF\+Lavrov/);
      await p.locator('.entity-hits a', { hasText: 'Sergey Lavrov' }).waitFor();
    } finally {
      await plain.close();
    }
  });

  it('has no serious or critical accessibility violation (axe-core) on the reader pages', async () => {
    // Injecting axe is an inline script: this context alone lifts the Content-Security-Policy for it.
    const audit = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    try {
      const p = await audit.newPage();
      await p.goto(app.url);
      const claimHref = await p.getByRole('link', { name: WARNING }).first().getAttribute('href');
      const articleHref = await p.locator('#articles a').first().getAttribute('href');
      const pages = ['/', articleHref!, claimHref!, `${claimHref}?asof=2019-12-11`, '/stories/lavrov-in-washington-december-2019', '/entities/sergey-lavrov', '/search?q=ing%C3%A9rence', '/search?q=Lavrov&from=2019-12-11&to=2019-12-01'];
      const problems: string[] = [];
      for (const path of pages) {
        for (const lang of ['en', 'fr']) {
          await p.goto(`${app.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
          await p.addScriptTag({ content: axeSource });
          const result = (await p.evaluate(() =>
            (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<unknown> } }).axe.run(document, {
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
            }),
          )) as AxeResult;
          for (const v of result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
            problems.push(`${path} (${lang}): ${v.id} [${v.impact}] ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          }
        }
      }
      assert.deepEqual(problems, []);
    } finally {
      await audit.close();
    }
  });

  it('lets a keyboard user reach the search box right after the skip link and the navigation', async () => {
    await page.goto(app.url);
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => (document.activeElement as HTMLElement).getAttribute('name') ?? (document.activeElement as HTMLElement).textContent!.trim()));
    }
    assert.equal(order[0], 'Skip to content');
    assert.ok(order.indexOf('q') > order.indexOf('Articles'), order.join(' → '));
  });

  it('is readable on a phone: the timeline scrolls inside its box, the page does not', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      for (const path of ['/claims/1', '/stories/lavrov-in-washington-december-2019', '/entities/sergey-lavrov', '/search?q=Lavrov']) {
        await phone.goto(app.url + path);
        const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${path} overflows by ${overflow}px`);
      }
      await phone.goto(`${app.url}/stories/lavrov-in-washington-december-2019`);
      await phone.screenshot({ path: 'screenshots/story-phone.png', fullPage: false, caret: 'initial' });
    } finally {
      await phone.close();
    }
  });

  it('loads every page without console errors (CSP, missing files)', () => {
    assert.deepEqual(consoleErrors, []);
  });
});
