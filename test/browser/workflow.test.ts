import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { claims } from '../../db/schema/index.ts';
import { startApp, type TestApp } from '../support/app.ts';
import { createUser, type TestUser } from '../support/auth.ts';
import { browserSkip, launchBrowser } from '../support/browser.ts';

const CLAIM = 'Lavrov did not receive a warning about election interference directly from Trump';
const shots = 'screenshots';

describe('an editor at work in Chromium', { skip: browserSkip }, () => {
  let app: TestApp;
  let browser: Browser;
  let emma: TestUser;
  let bruno: TestUser;
  let claimId: number;
  const contexts: BrowserContext[] = [];
  const consoleErrors: string[] = [];
  // Screenshots keep the caret (caret: 'initial'): hiding it injects a style the CSP rightly refuses.

  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    emma = await createUser(app.database.db, { name: 'Emma Editor' });
    bruno = await createUser(app.database.db, { name: 'Bruno Second' });
    const [row] = await app.database.db.select({ id: claims.id }).from(claims).where(eq(claims.text, CLAIM));
    claimId = row!.id;
    mkdirSync(shots, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function open(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('console', (msg) => {
      // The conflict page is served with 409 on purpose; Chromium reports any such status.
      if (msg.type() === 'error' && !/status of 409/.test(msg.text())) consoleErrors.push(msg.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    return page;
  }

  async function signIn(page: Page, user: TestUser, path: string) {
    await page.goto(`${app.url}${path}`);
    // Editor pages send a reader to the login page by themselves; reader pages offer the link.
    if (!page.url().includes('/login')) await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${app.url}${path}`);
  }

  it('changes a status inline, sees it in the history; a stale edit gets the conflict page; readers see the verdict only', async () => {
    // A second editor opens the edit form first: their version will be stale.
    const second = await open();
    await signIn(second, bruno, `/claims/${claimId}`);
    await second.goto(`${app.url}/claims/${claimId}/edit`);

    const page = await open();
    await signIn(page, emma, `/claims/${claimId}`);
    assert.match((await page.locator('.account-name').textContent()) ?? '', /Emma Editor/);
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await page.getByText('Change status').click();
    await page.getByRole('radio', { name: /^False/ }).check();
    await page.getByLabel('Rationale').fill('Lavrov’s own account contradicts the White House readout; the ministry transcript is explicit.');
    await page.getByLabel('Evidence links, one per line').fill('https://example.org/ministry-transcript');
    await page.screenshot({ path: `${shots}/workflow-status-form.png`, fullPage: true, caret: 'initial' });
    await page.getByRole('button', { name: 'Save status' }).click();
    await page.locator('#claim-status .notice.ok').waitFor();
    assert.match((await page.locator('#claim-status .notice.ok').textContent()) ?? '', /Readers see it now/);
    assert.match((await page.locator('#claim-status .badge').first().textContent()) ?? '', /False/);
    assert.equal(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), true, 'htmx swapped the fragment: no page load');
    await page.screenshot({ path: `${shots}/workflow-status-saved.png`, fullPage: true, caret: 'initial' });

    await page.getByRole('link', { name: 'History' }).click();
    await page.waitForURL(/\/history$/);
    const event = page.locator('.history-event').first();
    assert.equal((await event.locator('.history-title').textContent())?.trim(), 'Status changed');
    assert.match((await event.textContent()) ?? '', /Emma Editor/);
    assert.match((await event.textContent()) ?? '', /ministry transcript is explicit/);
    assert.equal(await event.locator('.change-evidence a').getAttribute('href'), 'https://example.org/ministry-transcript');
    await page.screenshot({ path: `${shots}/workflow-history.png`, fullPage: true, caret: 'initial' });

    await second.getByLabel('Claim', { exact: true }).fill('Lavrov says he received no warning from Trump about elections');
    await second.getByRole('button', { name: 'Save changes' }).click();
    await second.locator('.conflict').waitFor();
    assert.match((await second.locator('.conflict').textContent())?.replace(/\s+/g, ' ') ?? '', /This claim changed while you were editing it\. Emma Editor saved it/);
    assert.equal(await second.getByLabel('Claim', { exact: true }).inputValue(), 'Lavrov says he received no warning from Trump about elections');
    assert.equal((await second.locator('#current-text').textContent())?.trim(), CLAIM);
    await second.screenshot({ path: `${shots}/workflow-conflict.png`, fullPage: true, caret: 'initial' });

    const reader = await open();
    await reader.goto(`${app.url}/claims/${claimId}`);
    assert.match((await reader.locator('#claim-status').textContent()) ?? '', /False/);
    assert.equal(await reader.locator('main form[method=post]').count(), 0, 'no form that changes anything');
    assert.equal(await reader.getByRole('link', { name: 'Edit claim' }).count(), 0);
    assert.equal(await reader.getByText('Change status').count(), 0);
    assert.match((await reader.locator('#reviews-heading + ol li').first().textContent()) ?? '', /ministry transcript is explicit/);
    await reader.screenshot({ path: `${shots}/workflow-reader.png`, fullPage: true, caret: 'initial' });

    assert.deepEqual(consoleErrors, [], 'no console errors (CSP violations would show here)');
  });

  it('approves a verdict from the review queue under the four-eyes rule', async () => {
    const { putSetting } = await import('../../db/queries/settings.ts');
    await putSetting(app.database.db, 'four_eyes', true);
    const page = await open();
    await signIn(page, emma, `/claims/${claimId}`);
    await page.getByText('Change status').click();
    await page.getByRole('radio', { name: /^Misleading/ }).check();
    await page.getByLabel('Rationale').fill('Context changes the picture.');
    await page.getByLabel('Evidence links, one per line').fill('https://example.org/context');
    await page.getByRole('button', { name: 'Save status' }).click();
    await page.locator('#claim-status .pending-verdict').waitFor();

    const second = await open();
    await signIn(second, bruno, '/review?state=awaiting');
    const row = second.locator(`#queue-claim-${claimId}`);
    await row.getByRole('button', { name: 'Approve and publish' }).click();
    await row.locator('.notice.ok').waitFor();
    await second.screenshot({ path: `${shots}/workflow-queue.png`, fullPage: true, caret: 'initial' });

    const reader = await open();
    await reader.goto(`${app.url}/claims/${claimId}`);
    assert.match((await reader.locator('#claim-status').textContent()) ?? '', /Misleading/);
    assert.deepEqual(consoleErrors, []);
  });
});
