import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../db/queries/audit.ts';
import { putSetting } from '../../db/queries/settings.ts';
import { claims, entities } from '../../db/schema/index.ts';
import { startApp, type TestApp } from '../support/app.ts';
import { Client, createUser, type TestUser } from '../support/auth.ts';
import { createClaim } from '../support/claims.ts';
import { textOf } from '../support/html.ts';

describe('the editorial workflow', () => {
  let app: TestApp;
  let emma: TestUser;
  let bruno: TestUser;
  let admin: TestUser;
  let editorA: Client;
  let editorB: Client;
  let reader: Client;

  before(async () => {
    app = await startApp();
    const db = app.database.db;
    emma = await createUser(db, { name: 'Emma Editor' });
    bruno = await createUser(db, { name: 'Bruno Second' });
    admin = await createUser(db, { role: 'admin', name: 'Ada Admin' });
    editorA = new Client(app.url);
    await editorA.login(emma.email, emma.password);
    editorB = new Client(app.url);
    await editorB.login(bruno.email, bruno.password);
    reader = new Client(app.url);
  });
  after(() => app.close());

  const versionOf = async (id: number) =>
    (await app.database.db.select({ v: claims.version }).from(claims).where(eq(claims.id, id)))[0]!.v;
  const readerStatus = async (id: number) => textOf((await reader.get(`/claims/${id}`)).doc.querySelector('#claim-status'));
  const historyOf = async (client: Client, id: number) => (await client.get(`/claims/${id}/history`)).doc;

  describe('status changes', () => {
    it('refuses a verdict without a rationale or evidence, and evidence that is not a web address', async () => {
      const claim = await createClaim(app.database.db);
      await editorA.get(`/claims/${claim.id}`);
      const bare = await editorA.post(`/claims/${claim.id}/status`, { version: claim.version, status: 'false' }, { htmx: true });
      assert.equal(bare.status, 422);
      const messages = textOf(bare.doc.querySelector('#claim-status [role=alert]'));
      assert.match(messages, /A verdict needs a rationale/);
      assert.match(messages, /at least one piece of evidence/);

      const page = await editorA.post(`/claims/${claim.id}/status`, {
        version: claim.version,
        status: 'false',
        rationale: 'The minutes say otherwise.',
        evidenceUrls: 'javascript:alert(1)\nftp://example.org/file',
      });
      assert.equal(page.status, 422, 'plain form: the whole page again');
      assert.ok(page.doc.querySelector('h1'), 'a full page');
      assert.match(textOf(page.doc.querySelector('#claim-status')), /must be a web address starting with http/);
      assert.equal(page.doc.querySelector('#claim-status textarea[name=rationale]')!.textContent, 'The minutes say otherwise.', 'typed text kept');
      assert.equal(await versionOf(claim.id), claim.version, 'nothing saved');
      assert.match(await readerStatus(claim.id), /Unreviewed/);
    });

    it('sets a verdict inline with htmx: readers see it at once, the history records it', async () => {
      const claim = await createClaim(app.database.db, { text: 'The treaty was signed in 1987' });
      await editorA.get(`/claims/${claim.id}`);
      const fragment = await editorA.post(
        `/claims/${claim.id}/status`,
        { version: claim.version, status: 'true', rationale: 'The treaty text is dated 8 December 1987.', evidenceUrls: 'https://example.org/inf-treaty' },
        { htmx: true },
      );
      assert.equal(fragment.status, 200);
      assert.match(fragment.body, /^\s*<dd id="claim-status"/, 'only the fragment');
      assert.match(textOf(fragment.doc.querySelector('[role=status]')), /Readers see it now/);
      assert.equal(fragment.headers.get('vary')?.includes('HX-Request'), true);
      assert.match(await readerStatus(claim.id), /^True/);
      assert.equal(await versionOf(claim.id), claim.version + 1, 'a status change bumps the version');

      const history = await historyOf(editorA, claim.id);
      const event = history.querySelector('.history-event')!;
      assert.equal(textOf(event.querySelector('.history-title')), 'Status changed');
      assert.match(textOf(event.querySelector('.history-head')), /Emma Editor/);
      assert.match(textOf(event.querySelector('.change-status')), /Unreviewed True/);
      assert.match(textOf(event.querySelector('.change-rationale')), /dated 8 December 1987/);
      assert.equal(event.querySelector('.change-evidence a')!.getAttribute('href'), 'https://example.org/inf-treaty');
    });

    it('works as a plain form too, citing a source stored in Claimline', async () => {
      const claim = await createClaim(app.database.db);
      const page = await editorA.post(`/claims/${claim.id}/status`, {
        version: claim.version,
        status: 'misleading',
        rationale: 'Missing context.',
        evidenceSourceIds: ['1', ''],
      });
      assert.equal(page.status, 303);
      assert.equal(page.location, `/claims/${claim.id}`);
      const claimPage = await reader.get(`/claims/${claim.id}`);
      assert.match(textOf(claimPage.doc.querySelector('#claim-status')), /Misleading/);
      assert.ok(claimPage.doc.querySelector('a[href="/sources/1"]'), 'the source is cited in the verdict history');
    });

    it('refuses a status change based on a stale version and keeps what the editor chose', async () => {
      const claim = await createClaim(app.database.db);
      await editorB.post(`/claims/${claim.id}/status`, { version: claim.version, status: 'in_review' });
      await editorA.get(`/claims/${claim.id}`);
      const stale = await editorA.post(
        `/claims/${claim.id}/status`,
        { version: claim.version, status: 'false', rationale: 'My careful rationale', evidenceUrls: 'https://example.org/a' },
        { htmx: true },
      );
      assert.equal(stale.status, 409);
      assert.match(textOf(stale.doc.querySelector('#claim-status')), /Another editor changed this claim while you were working: its status is now In review/);
      assert.equal(stale.doc.querySelector('textarea[name=rationale]')!.textContent, 'My careful rationale');
      assert.equal(stale.doc.querySelector('input[name=status][value=false]')!.hasAttribute('checked'), true);
      assert.equal(stale.doc.querySelector('.status-form input[name=version]')!.getAttribute('value'), String(claim.version + 1));
      assert.match(await readerStatus(claim.id), /In review/, 'the other editor’s change stands');
    });
  });

  describe('the four-eyes rule', () => {
    before(() => putSetting(app.database.db, 'four_eyes', true));
    after(() => putSetting(app.database.db, 'four_eyes', false));

    it('publishes a verdict only once a second editor approves it, from the queue', async () => {
      const claim = await createClaim(app.database.db, { checkworthiness: 0.99 });
      await editorA.post(`/claims/${claim.id}/status`, {
        version: claim.version,
        status: 'false',
        rationale: 'The ministry denied it on the record.',
        evidenceUrls: 'https://example.org/denial',
      });
      assert.match(await readerStatus(claim.id), /Unreviewed/, 'readers keep the published status');
      const own = await editorA.get(`/claims/${claim.id}`);
      assert.match(textOf(own.doc.querySelector('.pending-verdict')), /Verdict awaiting approval: False/);
      assert.equal(own.doc.querySelector('.pending-verdict form[action$="/approve"]'), null, 'no approve button for the author');
      const reviewId = /reviews\/(\d+)\/reject/.exec(own.body)![1];
      const selfApproval = await editorA.post(`/claims/${claim.id}/reviews/${reviewId}/approve`, { version: claim.version + 1 });
      assert.equal(selfApproval.status, 403);
      assert.match(selfApproval.body, /another editor must approve it/);

      const queue = await editorB.get('/review?state=awaiting');
      const row = queue.doc.querySelector(`#queue-claim-${claim.id}`)!;
      assert.ok(row, 'the verdict waits in the queue');
      assert.equal(queue.doc.querySelector('.queue-row')!.id, `queue-claim-${claim.id}`, 'the most check-worthy first');
      const approved = await editorB.post(
        `/claims/${claim.id}/reviews/${reviewId}/approve`,
        { version: row.querySelector('form[action$="/approve"] input[name=version]')!.getAttribute('value')! },
        { htmx: true, headers: { 'HX-Target': `queue-claim-${claim.id}` } },
      );
      assert.equal(approved.status, 200);
      assert.match(approved.body, new RegExp(`^\\s*<li id="queue-claim-${claim.id}"`), 'the row comes back');
      assert.match(textOf(approved.doc.querySelector('.notice')), /approved and published/);
      assert.match(await readerStatus(claim.id), /^False/);
      const history = await historyOf(editorA, claim.id);
      assert.equal(textOf(history.querySelector('.history-event .history-title')), 'Verdict approved');
      assert.match(textOf(history.querySelector('.history-event')), /Bruno Second/);
    });

    it('lets the second editor send a verdict back with a note; readers never see it', async () => {
      const claim = await createClaim(app.database.db);
      await editorA.post(`/claims/${claim.id}/status`, { version: claim.version, status: 'true', rationale: 'Seems right.', evidenceUrls: 'https://example.org/x' });
      const page = await editorB.get(`/claims/${claim.id}`);
      const reject = page.doc.querySelector('form[action$="/reject"]')!;
      const noNote = await editorB.post(reject.getAttribute('action')!, { version: claim.version + 1 }, { htmx: true });
      assert.equal(noNote.status, 422);
      assert.match(textOf(noNote.doc.querySelector('#claim-status')), /Say why you send this verdict back/);
      const sent = await editorB.post(reject.getAttribute('action')!, { version: claim.version + 1, note: 'One source is not enough here.' });
      assert.equal(sent.status, 303);
      const after = await editorA.get(`/claims/${claim.id}`);
      assert.equal(after.doc.querySelector('.pending-verdict'), null);
      assert.match(await readerStatus(claim.id), /Unreviewed/);
      const history = await historyOf(editorA, claim.id);
      assert.equal(textOf(history.querySelector('.history-event .history-title')), 'Verdict sent back');
      assert.match(textOf(history.querySelector('.history-event .change-note')), /One source is not enough here/);
    });
  });

  describe('editing a claim', () => {
    it('saves the wording, claimant and date, and shows the change word by word in the history', async () => {
      const claim = await createClaim(app.database.db, { text: 'Lavrov met Trump on Monday' });
      const form = await editorA.get(`/claims/${claim.id}/edit`);
      assert.equal(form.status, 200);
      const version = form.doc.querySelector('input[name=version]')!.getAttribute('value')!;
      const saved = await editorA.post(`/claims/${claim.id}/edit`, {
        version,
        text: 'Lavrov met Trump on Tuesday',
        claimant: 'sergei lavrov',
        claimedOn: '2019-12-10',
        claimedOnPrecision: 'day',
      });
      assert.equal(saved.status, 303);
      const page = await reader.get(`/claims/${claim.id}`);
      assert.equal(textOf(page.doc.querySelector('h1')), 'Lavrov met Trump on Tuesday');
      assert.match(textOf(page.doc.querySelector('.claim-hero .who')), /Sergey Lavrov/);
      const event = (await historyOf(editorA, claim.id)).querySelector('.history-event')!;
      assert.equal(textOf(event.querySelector('.history-title')), 'Claim edited');
      assert.equal(textOf(event.querySelector('.change-text del')), 'Monday');
      assert.equal(textOf(event.querySelector('.change-text ins')), 'Tuesday');
      assert.match(textOf(event.querySelector('.change-claimant')), /— Sergey Lavrov/);
    });

    it('refuses an unknown claimant or a bad date with 422 and keeps the text', async () => {
      const claim = await createClaim(app.database.db);
      const page = await editorA.post(`/claims/${claim.id}/edit`, { version: claim.version, text: 'New wording', claimant: 'Nobody Known', claimedOn: '2019-13-45' });
      assert.equal(page.status, 422);
      assert.match(textOf(page.doc.querySelector('#edit-claimant-error')), /No person or organisation by that name/);
      assert.match(textOf(page.doc.querySelector('#edit-date-error')), /Enter a date/);
      assert.equal(page.doc.querySelector('#edit-text')!.textContent, 'New wording');
    });

    it('gives a stale save a conflict page that keeps the unsaved text and shows the current one', async () => {
      const claim = await createClaim(app.database.db, { text: 'The summit lasted two hours' });
      const mine = await editorA.get(`/claims/${claim.id}/edit`);
      const theirs = await editorB.get(`/claims/${claim.id}/edit`);
      const base = mine.doc.querySelector('input[name=version]')!.getAttribute('value')!;
      assert.equal((await editorB.post(`/claims/${claim.id}/edit`, { version: theirs.doc.querySelector('input[name=version]')!.getAttribute('value')!, text: 'The summit lasted three hours' })).status, 303);

      const conflict = await editorA.post(`/claims/${claim.id}/edit`, { version: base, text: 'The summit lasted about two hours' });
      assert.equal(conflict.status, 409);
      assert.match(textOf(conflict.doc.querySelector('.conflict')), /This claim changed while you were editing it\. Bruno Second saved it/);
      assert.equal(textOf(conflict.doc.querySelector('#current-text')), 'The summit lasted three hours');
      assert.equal(conflict.doc.querySelector('#edit-text')!.textContent, 'The summit lasted about two hours', 'my text is kept');
      assert.equal(conflict.doc.querySelector('.edit-form input[name=version]')!.getAttribute('value'), String(Number(base) + 1));
      assert.equal(textOf((await reader.get(`/claims/${claim.id}`)).doc.querySelector('h1')), 'The summit lasted three hours', 'never last-write-wins');

      // Saving again from the conflict page is a deliberate choice, based on what was seen.
      const again = await editorA.post(`/claims/${claim.id}/edit`, { version: Number(base) + 1, text: 'The summit lasted about two hours' });
      assert.equal(again.status, 303);
    });

    it('treats a status change as a new version: an edit form opened before it is stale', async () => {
      const claim = await createClaim(app.database.db);
      const form = await editorA.get(`/claims/${claim.id}/edit`);
      await editorB.post(`/claims/${claim.id}/status`, { version: claim.version, status: 'in_review' });
      const stale = await editorA.post(`/claims/${claim.id}/edit`, { version: form.doc.querySelector('input[name=version]')!.getAttribute('value')!, text: 'Reworded' });
      assert.equal(stale.status, 409);
    });
  });

  describe('the review queue', () => {
    it('filters by language, story, claimant and assignee, and assigns inline', async () => {
      const queue = await editorA.get('/review');
      assert.equal(queue.status, 200);
      const worthiness = [...queue.doc.querySelectorAll('.queue-row')].map((r) => Number(/check-worthiness (\d+)%/.exec(textOf(r))?.[1] ?? -1));
      assert.deepEqual([...worthiness].sort((a, b) => b - a), worthiness, 'most check-worthy first');

      const french = await editorA.get('/review?language=fr', { htmx: true });
      assert.match(french.body, /^\s*<section id="review-queue"/, 'htmx gets the list alone');
      const langs = [...french.doc.querySelectorAll('.queue-row .claimant span[lang]')].map(textOf);
      assert.ok(langs.length > 0 && langs.every((l) => l === 'FR'), langs.join());

      const [lavrov] = await app.database.db.select().from(entities).where(eq(entities.name, 'Sergey Lavrov'));
      const byClaimant = await editorA.get(`/review?claimant=${lavrov!.id}&state=all`);
      assert.ok([...byClaimant.doc.querySelectorAll('.queue-row .claimant')].every((c) => textOf(c).startsWith('Sergey Lavrov')));
      const story = queue.doc.querySelector('#f-story option:not([value=""])')!.getAttribute('value');
      assert.ok((await editorA.get(`/review?story=${story}&state=all`)).doc.querySelectorAll('.queue-row').length > 0);

      const claim = await createClaim(app.database.db, { checkworthiness: 0.5 });
      const assigned = await editorA.post(`/claims/${claim.id}/assignee`, { assignee: String(bruno.id) }, { htmx: true, headers: { 'HX-Target': `queue-claim-${claim.id}` } });
      assert.equal(assigned.status, 200);
      assert.match(textOf(assigned.doc.querySelector('.foot')), /assigned to Bruno Second/);
      const mine = await editorB.get('/review?assignee=me');
      assert.deepEqual([...mine.doc.querySelectorAll('.queue-row')].map((r) => r.id), [`queue-claim-${claim.id}`]);
      assert.equal((await editorA.get('/review?assignee=none&state=all')).doc.querySelector(`#queue-claim-${claim.id}`), null);

      const started = await editorB.post(`/claims/${claim.id}/status`, { version: claim.version, status: 'in_review' }, { htmx: true, headers: { 'HX-Target': `queue-claim-${claim.id}` } });
      assert.match(textOf(started.doc.querySelector('.badge')), /In review/);
      const history = await historyOf(editorA, claim.id);
      assert.deepEqual([...history.querySelectorAll('.history-title')].map(textOf), ['Status changed', 'Assigned']);
    });

    it('ignores filter values that make no sense instead of failing', async () => {
      const page = await editorA.get('/review?language=<script>&assignee=everyone&story=abc&state=nope&sort=up');
      assert.equal(page.status, 200);
    });
  });

  describe('history', () => {
    it('shows events written by other parts of Claimline sensibly, and the demo verdicts too', async () => {
      const claim = await createClaim(app.database.db);
      await recordAudit(app.database.db, {
        userId: null,
        action: 'claim_link.created',
        subjectType: 'claim_link',
        subjectId: 9,
        claimId: claim.id,
        after: { kind: 'contradicts', toClaimId: 12, noteText: 'Lavrov denies it' },
      });
      const event = (await historyOf(editorA, claim.id)).querySelector('.history-event')!;
      assert.equal(textOf(event.querySelector('.history-title')), 'Claim link created');
      assert.match(textOf(event.querySelector('.history-head')), /Claimline/);
      assert.match(textOf(event.querySelector('.change-kind')), /Kind — contradicts/);
      assert.match(textOf(event.querySelector('.change-noteText')), /Note text — Lavrov denies it/);

      const seeded = await historyOf(editorA, 1);
      assert.ok(seeded.querySelectorAll('.history-event').length > 0, 'reviews loaded with the demo appear');
    });

    it('is append-only in the database itself', async () => {
      const refusal = (error: unknown) => /audit_events is append-only/.test(String((error as { cause?: Error }).cause?.message ?? error));
      await assert.rejects(app.database.db.execute(sql`update audit_events set action = 'rewritten'`), refusal);
      await assert.rejects(app.database.db.execute(sql`delete from audit_events`), refusal);
    });
  });

  describe('administration of statuses', () => {
    it('adds a verdict with its ClaimReview rating, offers it to editors, and retires it', async () => {
      const adminClient = new Client(app.url);
      await adminClient.login(admin.email, admin.password);
      await adminClient.get('/admin/statuses');
      const bad = await adminClient.post('/admin/statuses', { key: 'satire', label: 'Satire', color: '#0f766e', position: 9, ratingValue: 9, worstRating: 1, bestRating: 5 });
      assert.equal(bad.status, 422);
      assert.match(textOf(bad.doc.querySelector('[role=alert]')), /ratingValue must lie between worstRating and bestRating/);
      assert.equal(bad.doc.querySelector('#new-key')!.getAttribute('value'), 'satire', 'the form keeps its values');
      const ok = await adminClient.post('/admin/statuses', { key: 'satire', label: 'Satire', labelFr: 'Satire', color: '#0f766e', position: 9, ratingValue: 3, worstRating: 1, bestRating: 5, alternateName: 'Satire' });
      assert.equal(ok.status, 303);
      const claim = await createClaim(app.database.db);
      assert.ok((await editorA.get(`/claims/${claim.id}`)).doc.querySelector('input[name=status][value=satire]'));
      const css = await reader.get('/statuses.css');
      assert.match(css.body, /\.status-satire\{--status-color:#0f766e\}/);

      const retire = await adminClient.post('/admin/statuses/satire', { label: 'Satire', color: '#0f766e', position: 9, ratingValue: 3, worstRating: 1, bestRating: 5 });
      assert.equal(retire.status, 303);
      assert.equal((await editorA.get(`/claims/${claim.id}`)).doc.querySelector('input[name=status][value=satire]'), null);
      const refused = await editorA.post(`/claims/${claim.id}/status`, { version: claim.version, status: 'satire', rationale: 'x', evidenceUrls: 'https://example.org' });
      assert.equal(refused.status, 422);
    });
  });
});
