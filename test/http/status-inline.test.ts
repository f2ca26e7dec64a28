import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startApp, type TestApp } from '../support/app.ts';
import { Client, createUser } from '../support/auth.ts';
import { createClaim } from '../support/claims.ts';
import { textOf } from '../support/html.ts';

describe('an inline status change', () => {
  let app: TestApp;
  let editor: Client;

  before(async () => {
    app = await startApp({ seed: false });
    const emma = await createUser(app.database.db, { name: 'Emma Inline' });
    editor = new Client(app.url);
    await editor.login(emma.email, emma.password);
  });
  after(() => app.close());

  it('brings the published verdict and the verdict history along, out of band', async () => {
    const claim = await createClaim(app.database.db, { text: 'The dam holds 40 percent more water than last year' });
    await editor.get(`/claims/${claim.id}`);
    const saved = await editor.post(
      `/claims/${claim.id}/status`,
      { version: claim.version, status: 'false', rationale: 'The water board’s figures show a fall.', evidenceUrls: 'https://example.org/water-board' },
      { htmx: true },
    );
    assert.equal(saved.status, 200);
    assert.ok(saved.doc.querySelector('#claim-status'), 'the status desk');
    const verdict = saved.doc.querySelector('#verdict[hx-swap-oob]');
    assert.ok(verdict, 'the verdict panel, out of band');
    assert.match(textOf(verdict), /water board’s figures show a fall/);
    assert.match(textOf(saved.doc.querySelector('#verdict-history[hx-swap-oob]')), /False/);
  });
});
