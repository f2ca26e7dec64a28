import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, inArray, or } from 'drizzle-orm';
import { claimLinks, claims, mentions, reviews } from '../../db/schema/index.ts';
import { changeStatus } from '../../server/domain/reviews.ts';
import { startApp, type TestApp } from '../support/app.ts';
import { Client, createUser, type TestUser } from '../support/auth.ts';
import { claimIdByText, createClaim, DEMO } from '../support/claims.ts';
import { textOf } from '../support/html.ts';

describe('merging, splitting and retracting claims', () => {
  let app: TestApp;
  let emma: TestUser;
  let editor: Client;
  let reader: Client;

  before(async () => {
    app = await startApp();
    emma = await createUser(app.database.db, { name: 'Emma Merger' });
    editor = new Client(app.url);
    await editor.login(emma.email, emma.password);
    reader = new Client(app.url);
    await reader.get('/');
  });
  after(() => app.close());

  const db = () => app.database.db;
  const claimRow = async (id: number) => (await db().select().from(claims).where(eq(claims.id, id)))[0]!;
  const mentionIdsOf = async (id: number) =>
    (await db().select({ id: mentions.id }).from(mentions).where(eq(mentions.claimId, id)).orderBy(mentions.id)).map((m) => m.id);
  const reviewIdsOf = async (id: number) =>
    (await db().select({ id: reviews.id }).from(reviews).where(eq(reviews.claimId, id)).orderBy(reviews.id)).map((r) => r.id);
  const linksOf = async (id: number) =>
    db()
      .select()
      .from(claimLinks)
      .where(or(eq(claimLinks.fromClaimId, id), eq(claimLinks.toClaimId, id)))
      .orderBy(claimLinks.id);
  const historyTitles = async (id: number) =>
    [...(await editor.get(`/claims/${id}/history`)).doc.querySelectorAll('.history-title')].map((n) => textOf(n));
  /** The hidden fields of the panel's form posting to `action`, as the editor's page has them. */
  const formOf = (doc: Document, action: string) => {
    const form = doc.querySelector(`#claim-merge form[method=post][action="${action}"]`);
    assert.ok(form, `a form posting to ${action}`);
    return Object.fromEntries([...form.querySelectorAll('input[type=hidden]:not([name=_csrf])')].map((i) => [i.getAttribute('name')!, i.getAttribute('value')!]));
  };
  /** A reviewed claim: a published verdict, so there is a review to move. */
  const review = async (id: number) => {
    await changeStatus(db(), emma, id, {
      version: String((await claimRow(id)).version),
      status: 'false',
      rationale: 'The meeting readout says otherwise.',
      evidenceUrls: 'https://example.org/readout',
    });
  };

  it('shows readers no controls, and refuses them every merge route without changing anything', async () => {
    const id = await claimIdByText(db(), DEMO.ovalOffice);
    const page = await reader.get(`/claims/${id}`);
    assert.equal(page.status, 200);
    assert.equal(page.doc.querySelector('#claim-merge'), null, 'no panel for readers');
    assert.equal(page.doc.querySelector('form[action*="/merge"], form[action$="/retract"], form[action*="/split"]'), null);
    const mentionsBefore = await mentionIdsOf(id);
    const mentionId = mentionsBefore[0]!;
    const before = await claimRow(id);
    for (const path of [`/claims/${id}/merge`, `/claims/${id}/retract`, `/claims/${id}/restore`, `/claims/${id}/mentions/${mentionId}/split`, `/claims/${id}/merges/1/undo`]) {
      const form = { version: before.version, reason: 'Not a claim', targetClaimId: 1, targetVersion: 1 };
      const plain = await reader.post(path, form);
      assert.equal(plain.status, 303, path);
      assert.match(plain.location ?? '', /^\/login\?next=/, path);
      const htmx = await reader.post(path, form, { htmx: true });
      assert.equal(htmx.status, 401, `${path} (htmx)`);
      const forged = await reader.post(path, form, { csrf: false });
      assert.equal(forged.status, 403, `${path} without a token`);
    }
    assert.equal((await reader.get(`/claims/${id}/merge`)).status, 303, 'the panel page is for editors');
    const afterwards = await claimRow(id);
    assert.equal(afterwards.version, before.version, 'nothing changed');
    assert.equal(afterwards.deprecatedAt, null);
    assert.deepEqual(await mentionIdsOf(id), mentionsBefore);
  });

  it('finds a target, shows what moves, merges every mention, link and review, records it, and undoes it from the notice', async () => {
    const source = await claimIdByText(db(), DEMO.lavrovNoElections);
    const target = await claimIdByText(db(), DEMO.lavrovDenies);
    await review(source);
    const before = {
      sourceMentions: await mentionIdsOf(source),
      targetMentions: await mentionIdsOf(target),
      sourceReviews: await reviewIdsOf(source),
      targetReviews: await reviewIdsOf(target),
      sourceLinks: (await linksOf(source)).filter((l) => !l.deprecatedAt),
    };
    assert.ok(before.sourceMentions.length >= 2 && before.sourceReviews.length >= 1 && before.sourceLinks.length >= 1);

    const claimPage = await editor.get(`/claims/${source}`);
    assert.ok(claimPage.doc.querySelector('#claim-merge'), 'editors see the panel on the claim page');
    assert.match(textOf(claimPage.doc.querySelector('#claim-merge')), new RegExp(`mentions ${before.sourceMentions.length} `));

    // Find the target by words, inline.
    const found = await editor.get(`/claims/${source}/merge?q=${encodeURIComponent('warning Trump Lavrov')}`, { htmx: true });
    assert.equal(found.status, 200);
    assert.match(found.body, /^\s*<section id="claim-merge"/, 'only the panel');
    const choices = [...found.doc.querySelectorAll('.merge-candidates a')].map((a) => a.getAttribute('href'));
    assert.ok(choices.includes(`/claims/${source}/merge?target=${target}`), `target offered among ${choices.join(', ')}`);
    assert.ok(!choices.includes(`/claims/${source}/merge?target=${source}`), 'never the claim itself');

    // The confirmation, as a page of its own (no JavaScript), reached by the claim's number.
    const confirm = await editor.get(`/claims/${source}/merge?q=%23${target}`);
    assert.equal(confirm.status, 200);
    assert.ok(confirm.doc.querySelector('h1'), 'a full page');
    const summary = textOf(confirm.doc.querySelector('.merge-summary'));
    const targetSpans = new Set(
      (await db().select().from(mentions).where(eq(mentions.claimId, target))).map((m) => `${m.sourceId}:${m.start}:${m.end}`),
    );
    const staying = (await db().select().from(mentions).where(eq(mentions.claimId, source))).filter((m) =>
      targetSpans.has(`${m.sourceId}:${m.start}:${m.end}`),
    ).length;
    assert.match(summary, new RegExp(`Mentions that move to #${target}: ${before.sourceMentions.length - staying}\\.`));
    assert.match(summary, new RegExp(`Reviews that move to #${target}: ${before.sourceReviews.length}\\.`));
    assert.match(summary, /Links that move to/);

    const fields = formOf(confirm.doc, `/claims/${source}/merge`);
    assert.equal(fields.targetClaimId, String(target));
    const merged = await editor.post(`/claims/${source}/merge`, { ...fields, reason: 'Same denial, reported twice' });
    assert.equal(merged.status, 303);
    assert.equal(merged.location, `/claims/${target}`);

    // Every mention, link and review is on the target, or kept on the merged claim (a passage
    // the target already quotes, a link the merge retracted): nothing is lost.
    const mentionsNow = [...(await mentionIdsOf(target)), ...(await mentionIdsOf(source))].sort();
    assert.deepEqual(mentionsNow, [...before.sourceMentions, ...before.targetMentions].sort());
    assert.equal((await mentionIdsOf(source)).length, staying);
    assert.deepEqual((await reviewIdsOf(target)).sort(), [...before.sourceReviews, ...before.targetReviews].sort());
    assert.deepEqual(await reviewIdsOf(source), []);
    const linkRows = await db().select().from(claimLinks).where(inArray(claimLinks.id, before.sourceLinks.map((l) => l.id)));
    assert.equal(linkRows.length, before.sourceLinks.length, 'no link deleted');
    for (const l of linkRows) {
      const onTarget = l.fromClaimId === target || l.toClaimId === target;
      assert.ok(onTarget || l.deprecatedReason?.startsWith('merged:'), `link ${l.id} moved or retracted with a reason`);
    }
    // The confirmation counted the links as the merge moved them.
    const retracted = linkRows.filter((l) => l.deprecatedReason?.startsWith('merged:')).length;
    assert.match(summary, new RegExp(`Links that move to #${target}: ${linkRows.length - retracted}\\.`));
    if (retracted) assert.match(summary, new RegExp(`repeat a link of #${target}: ${retracted}\\.`));
    assert.equal((await claimRow(source)).mergedIntoId, target);
    assert.ok((await historyTitles(target)).includes('Claims merged'));
    assert.ok((await historyTitles(source)).includes('Claims merged'));
    const event = (await editor.get(`/claims/${target}/history`)).doc.querySelector('.merge-event')!;
    assert.match(
      textOf(event),
      new RegExp(`Claim #${source} was merged into #${target}\\. Moved: mentions ${before.sourceMentions.length - staying} · links ${linkRows.length - retracted} · reviews ${before.sourceReviews.length}`),
    );
    assert.equal(event.closest('.history-event')!.querySelector('table.changes'), null, 'no table of moved ids under the summary');
    // From the history to the target's merge panel, which offers the undo.
    const undoPage = await editor.get(event.querySelector('a')!.getAttribute('href')!);
    assert.equal(undoPage.status, 200);
    assert.ok(undoPage.doc.querySelector(`#claim-merge form[action^="/claims/${target}/merges/"][action$="/undo"]`));

    // The merged claim's page: readers are pointed to the target; editors can undo.
    const readerView = await reader.get(`/claims/${source}`);
    const notice = readerView.doc.querySelector('#merged-notice')!;
    assert.match(textOf(notice), /merged into another claim/);
    assert.equal(notice.querySelector('a')!.getAttribute('href'), `/claims/${target}`);
    assert.equal(notice.querySelector('form'), null, 'no undo for readers');
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const past = await reader.get(`/claims/${source}?asof=${yesterday}`);
    assert.equal(past.status, 200);
    assert.equal(past.doc.querySelector('#merged-notice'), null, 'the page as it stood yesterday, before the merge');
    const editorView = await editor.get(`/claims/${source}`);
    const undoForm = editorView.doc.querySelector('#merged-notice form')!;
    assert.match(textOf(editorView.doc.querySelector('#merged-notice')), new RegExp(DEMO.lavrovDenies));
    const undoAction = undoForm.getAttribute('action')!;
    const version = undoForm.querySelector('input[name=version]')!.getAttribute('value')!;

    const undone = await editor.post(undoAction, { version });
    assert.equal(undone.status, 303);
    assert.equal(undone.location, `/claims/${source}`);
    assert.equal((await claimRow(source)).mergedIntoId, null);
    assert.deepEqual(await mentionIdsOf(source), before.sourceMentions);
    assert.deepEqual(await mentionIdsOf(target), before.targetMentions);
    assert.deepEqual(await reviewIdsOf(source), before.sourceReviews);
    assert.deepEqual(await reviewIdsOf(target), before.targetReviews);
    const linksBack = (await linksOf(source)).filter((l) => !l.deprecatedAt).map((l) => [l.id, l.fromClaimId, l.toClaimId]);
    assert.deepEqual(linksBack, before.sourceLinks.map((l) => [l.id, l.fromClaimId, l.toClaimId]));
    assert.ok((await historyTitles(source)).includes('Merge undone'));
    assert.equal((await reader.get(`/claims/${source}`)).doc.querySelector('#merged-notice'), null);
  });

  it('merges inline with htmx and undoes from the target\'s list of merges', async () => {
    const source = await createClaim(db(), { text: 'The summit lasted two hours' });
    const target = await createClaim(db(), { text: 'The summit lasted about two hours' });
    const [sourceMention, targetMention] = await copyMentions([source.id, target.id]);
    const confirm = await editor.get(`/claims/${source.id}/merge?target=${target.id}`, { htmx: true });
    const merged = await editor.post(`/claims/${source.id}/merge`, formOf(confirm.doc, `/claims/${source.id}/merge`), { htmx: true });
    assert.equal(merged.status, 200);
    assert.match(merged.body, /^\s*<section id="claim-merge"/);
    assert.match(textOf(merged.doc.querySelector('[role=status]')), new RegExp(`Merged into claim #${target.id}`));
    assert.match(textOf(merged.doc.querySelector('#claim-notices[hx-swap-oob]')), new RegExp(`#${target.id}`), 'the merged notice comes along');
    assert.ok(merged.doc.querySelector('#sources[hx-swap-oob]'), 'and the sources, now empty here');
    assert.deepEqual((await mentionIdsOf(target.id)).sort(), [sourceMention, targetMention].sort());

    const targetPanel = (await editor.get(`/claims/${target.id}`)).doc;
    assert.match(textOf(targetPanel.querySelector(`#split-mention-${sourceMention}`)), new RegExp(`Send back to #${source.id}`));
    assert.match(textOf(targetPanel.querySelector(`#split-mention-${targetMention}`)), /Split into a new claim/);
    const row = targetPanel.querySelector('#claim-merge .merge-list li')!;
    assert.match(textOf(row), new RegExp(`#${source.id} merged here by Emma Merger`));
    const action = row.querySelector('form')!.getAttribute('action')!;
    const undone = await editor.post(action, formOf(targetPanel, action), { htmx: true });
    assert.equal(undone.status, 200);
    assert.match(textOf(undone.doc.querySelector('[role=status]')), new RegExp(`claim #${source.id} is back`));
    assert.deepEqual(await mentionIdsOf(source.id), [sourceMention]);
    assert.deepEqual(await mentionIdsOf(target.id), [targetMention]);
  });

  it('splits a mention out into a new claim, as a plain form and inline', async () => {
    const claim = await createClaim(db(), { text: 'The ministers met for an hour' });
    const [first, second, third] = await copyMentions([claim.id, claim.id, claim.id]);
    const page = (await editor.get(`/claims/${claim.id}`)).doc;
    const action = `/claims/${claim.id}/mentions/${second}/split`;
    const split = await editor.post(action, formOf(page, action));
    assert.equal(split.status, 303);
    const fresh = Number(/^\/claims\/(\d+)$/.exec(split.location ?? '')?.[1]);
    assert.ok(fresh && fresh !== claim.id, `a new claim: ${split.location}`);
    assert.deepEqual(await mentionIdsOf(fresh), [second]);
    assert.deepEqual(await mentionIdsOf(claim.id), [first, third]);
    assert.equal((await claimRow(fresh)).text, claim.text);
    assert.equal((await claimRow(fresh)).status, 'unreviewed');
    assert.ok((await historyTitles(claim.id)).includes('Mention split into its own claim'));
    assert.ok((await historyTitles(fresh)).includes('Mention split into its own claim'));

    const again = (await editor.get(`/claims/${claim.id}`)).doc;
    const inline = `/claims/${claim.id}/mentions/${third}/split`;
    const fragment = await editor.post(inline, formOf(again, inline), { htmx: true });
    assert.equal(fragment.status, 200);
    assert.match(fragment.body, /^\s*<section id="claim-merge"/);
    const other = Number(/claim #(\d+)/.exec(textOf(fragment.doc.querySelector('[role=status]')))?.[1]);
    assert.deepEqual(await mentionIdsOf(other), [third]);
    // The last mention cannot be split from nothing.
    assert.equal(fragment.doc.querySelector(`form[action="/claims/${claim.id}/mentions/${first}/split"]`), null);
    assert.match(textOf(fragment.doc.querySelector(`#split-mention-${first}`)), /only mention/);
  });

  it('retracts only with a reason, and restores', async () => {
    const claim = await createClaim(db(), { text: 'The meeting was cancelled' });
    const page = (await editor.get(`/claims/${claim.id}`)).doc;
    const fields = formOf(page, `/claims/${claim.id}/retract`);
    const bare = await editor.post(`/claims/${claim.id}/retract`, { ...fields, reason: '  ' });
    assert.equal(bare.status, 422);
    assert.ok(bare.doc.querySelector('h1'), 'a full page with the panel');
    assert.match(textOf(bare.doc.querySelector('#claim-merge [role=alert]')), /Nothing was changed/);
    assert.match(textOf(bare.doc.querySelector('.merge-retract .error-text')), /Say why the claim is retracted/);
    const inline = await editor.post(`/claims/${claim.id}/retract`, { ...fields, reason: 'x' }, { htmx: true });
    assert.equal(inline.status, 422);
    assert.match(inline.body, /^\s*<section id="claim-merge"/);
    assert.equal(inline.doc.querySelector('.merge-retract textarea')!.textContent, 'x', 'what was typed is kept');
    const unchanged = await claimRow(claim.id);
    assert.equal(unchanged.deprecatedAt, null);
    assert.equal(unchanged.version, claim.version, 'nothing changed');

    const retracted = await editor.post(`/claims/${claim.id}/retract`, { ...fields, reason: 'Duplicate of an earlier claim' });
    assert.equal(retracted.status, 303);
    assert.equal(retracted.location, `/claims/${claim.id}`);
    const readerView = await reader.get(`/claims/${claim.id}`);
    assert.equal(readerView.status, 200, 'still readable');
    assert.match(textOf(readerView.doc.querySelector('main')), /This claim was retracted: Duplicate of an earlier claim/);
    assert.ok((await historyTitles(claim.id)).includes('Claim retracted'));

    const now = (await editor.get(`/claims/${claim.id}`)).doc;
    const restored = await editor.post(`/claims/${claim.id}/restore`, formOf(now, `/claims/${claim.id}/restore`), { htmx: true });
    assert.equal(restored.status, 200);
    assert.match(textOf(restored.doc.querySelector('[role=status]')), /restored/);
    assert.equal((await claimRow(claim.id)).deprecatedAt, null);
    assert.ok((await historyTitles(claim.id)).includes('Claim restored'));
  });

  it('answers a stale version with the conflict message and changes nothing', async () => {
    const source = await createClaim(db(), { text: 'The talks were productive' });
    const target = await createClaim(db(), { text: 'The talks were very productive' });
    await copyMentions([source.id, target.id]);
    const confirm = (await editor.get(`/claims/${source.id}/merge?target=${target.id}`)).doc;
    const stale = formOf(confirm, `/claims/${source.id}/merge`);
    // Another editor retracts the target meanwhile.
    const other = new Client(app.url);
    const bruno = await createUser(db(), { name: 'Bruno Other' });
    await other.login(bruno.email, bruno.password);
    const targetPage = (await other.get(`/claims/${target.id}`)).doc;
    assert.equal((await other.post(`/claims/${target.id}/retract`, { ...formOf(targetPage, `/claims/${target.id}/retract`), reason: 'Checked twice' })).status, 303);

    const refused = await editor.post(`/claims/${source.id}/merge`, { ...stale, reason: 'Same talks' });
    assert.equal(refused.status, 409);
    assert.match(textOf(refused.doc.querySelector('#claim-merge [role=alert]')), /Someone changed these claims since you loaded the page. Nothing was changed/);
    assert.equal(refused.doc.querySelector('#claim-merge textarea[name=reason]')!.textContent, 'Same talks', 'the reason is kept');
    assert.equal((await claimRow(source.id)).mergedIntoId, null);
    assert.equal((await mentionIdsOf(target.id)).length, 1);
    // The panel now carries the current versions: the same merge goes through on a second try.
    const retry = await editor.post(`/claims/${source.id}/merge`, formOf(refused.doc, `/claims/${source.id}/merge`));
    assert.equal(retry.status, 303);

    const claim = await createClaim(db(), { text: 'The statement was issued late' });
    const fresh = formOf((await editor.get(`/claims/${claim.id}`)).doc, `/claims/${claim.id}/retract`);
    await db().update(claims).set({ version: claim.version + 1 }).where(eq(claims.id, claim.id));
    const inline = await editor.post(`/claims/${claim.id}/retract`, { ...fresh, reason: 'Not a claim' }, { htmx: true });
    assert.equal(inline.status, 409);
    assert.match(textOf(inline.doc.querySelector('[role=alert]')), /Someone changed/);
    assert.equal((await claimRow(claim.id)).deprecatedAt, null);
  });

  it('lets only one of two editors merging the same claim at once go through', async () => {
    const source = await createClaim(db(), { text: 'The visit was announced on Monday' });
    const first = await createClaim(db(), { text: 'The visit was announced Monday' });
    const second = await createClaim(db(), { text: 'The visit had been announced on Monday' });
    const [mention] = await copyMentions([source.id]);
    const other = new Client(app.url);
    const bruno = await createUser(db(), { name: 'Bruno Racer' });
    await other.login(bruno.email, bruno.password);
    const intoFirst = formOf((await editor.get(`/claims/${source.id}/merge?target=${first.id}`)).doc, `/claims/${source.id}/merge`);
    const intoSecond = formOf((await other.get(`/claims/${source.id}/merge?target=${second.id}`)).doc, `/claims/${source.id}/merge`);
    const answers = await Promise.all([editor.post(`/claims/${source.id}/merge`, intoFirst), other.post(`/claims/${source.id}/merge`, intoSecond)]);
    assert.deepEqual(answers.map((a) => a.status).sort(), [303, 409]);
    const winner = answers[0]!.status === 303 ? first.id : second.id;
    const loser = winner === first.id ? second.id : first.id;
    assert.equal((await claimRow(source.id)).mergedIntoId, winner);
    assert.deepEqual(await mentionIdsOf(winner), [mention]);
    assert.deepEqual(await mentionIdsOf(loser), [], 'the refused merge moved nothing');
    assert.equal((await claimRow(loser)).version, loser === first.id ? first.version : second.version);
  });

  /** Copies of distinct demo mentions (real quotes at their real spans), one on each claim given; returns their ids. */
  async function copyMentions(claimIds: number[]): Promise<number[]> {
    const models = await db().select().from(mentions).orderBy(mentions.id).limit(claimIds.length);
    const ids: number[] = [];
    for (const [i, claimId] of claimIds.entries()) {
      const { id: _id, claimId: _claim, createdAt: _at, searchVector: _vector, ...rest } = models[i]!;
      const [row] = await db().insert(mentions).values({ ...rest, claimId }).returning({ id: mentions.id });
      ids.push(row!.id);
    }
    return ids;
  }
});
