import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { mentions, sources } from '../../db/schema/index.ts';
import { startApp, type TestApp } from '../support/app.ts';
import { createUser, type TestUser } from '../support/auth.ts';
import { browserSkip, launchBrowser } from '../support/browser.ts';
import { DEMO, sourceIdByTitle } from '../support/claims.ts';

describe('an editor correcting an article in Chromium', { skip: browserSkip }, () => {
  let app: TestApp;
  let browser: Browser;
  let editor: TestUser;
  let sourceId: number;
  const consoleErrors: string[] = [];

  before(async () => {
    [app, browser] = await Promise.all([startApp(), launchBrowser()]);
    editor = await createUser(app.database.db, { name: 'Corina Corrector' });
    sourceId = await sourceIdByTitle(app.database.db, DEMO.enSource);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function signedIn(path: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.on('console', (msg) => {
      // Refused forms are answered 422 on purpose; Chromium reports any such status.
      if (msg.type() === 'error' && !/status of 422/.test(msg.text())) consoleErrors.push(msg.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.goto(`${app.url}${path}`);
    await page.getByLabel('Email').fill(editor.email);
    await page.getByLabel('Password').fill(editor.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${app.url}${path}`);
    return page;
  }

  it('corrects the text inline, then retires the orphaned mention inline, without leaving the page', async () => {
    const [row] = await app.database.db.select().from(sources).where(eq(sources.id, sourceId));
    const all = await app.database.db.select().from(mentions).where(eq(mentions.sourceId, sourceId));
    const gone = all.find((m) => !all.some((o) => o.id !== m.id && o.start < m.end && m.start < o.end))!;
    const page = await signedIn(`/sources/${sourceId}/text`);
    await page.getByLabel('The corrected text').fill(row!.body!.slice(0, gone.start) + row!.body!.slice(gone.end));
    await page.getByLabel('Note', { exact: true }).fill('Passage withdrawn by the outlet');
    await page.getByRole('button', { name: 'Save the corrected text' }).click();
    const notice = page.locator('#correction-form [role=status]');
    await notice.waitFor();
    assert.match(await notice.innerText(), /Orphaned \(words no longer found\): 1/);
    assert.equal(page.url(), `${app.url}/sources/${sourceId}/text`, 'swapped in place');
    assert.equal(await page.locator('#correction-form input[name=version]').getAttribute('value'), String(row!.version + 1));

    await page.getByRole('link', { name: 'Orphaned mentions' }).first().click();
    await page.waitForURL(`${app.url}/orphans?source=${sourceId}`);
    const item = page.locator(`#orphan-${gone.id}`);
    await item.getByRole('button', { name: 'Retire the mention' }).click();
    await item.locator('[role=alert]').waitFor();
    assert.match(await item.locator('[role=alert]').innerText(), /Say why the mention is retired/);
    await item.getByLabel('Reason').fill('The outlet withdrew the passage');
    await item.getByRole('button', { name: 'Retire the mention' }).click();
    await page.locator(`#orphan-${gone.id}.is-done`).waitFor();
    assert.match(await page.locator(`#orphan-${gone.id}`).innerText(), /The mention is retired/);
    const [after] = await app.database.db.select().from(mentions).where(eq(mentions.id, gone.id));
    assert.equal(after!.anchorState, 'retired');
    assert.deepEqual(consoleErrors, []);
  });
});
