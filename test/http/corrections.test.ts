import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { mentions, sources, sourceVersions } from '../../db/schema/index.ts';
import { startApp, type TestApp } from '../support/app.ts';
import { Client, createUser } from '../support/auth.ts';
import { DEMO, sourceIdByTitle } from '../support/claims.ts';
import { textOf } from '../support/html.ts';

describe('source corrections, orphaned mentions and syndication', () => {
  let app: TestApp;
  let editor: Client;
  let sourceId: number;

  before(async () => {
    app = await startApp();
    const user = await createUser(app.database.db, { name: 'Corina Corrector' });
    editor = new Client(app.url);
    await editor.login(user.email, user.password);
    sourceId = await sourceIdByTitle(app.database.db, DEMO.enSource);
  });
  after(() => app.close());

  const db = () => app.database.db;
  const source = async (id = sourceId) => (await db().select().from(sources).where(eq(sources.id, id)))[0]!;
  const mentionsOf = (id = sourceId) => db().select().from(mentions).where(eq(mentions.sourceId, id)).orderBy(mentions.start, mentions.id);
  const mention = async (id: number) => (await db().select().from(mentions).where(eq(mentions.id, id)))[0]!;

  /** Two mentions of different claims whose quotes do not overlap any other mention. */
  async function separateMentions(count: number) {
    const all = (await mentionsOf()).filter((m) => m.anchorState === 'anchored');
    const alone = all.filter((m) => !all.some((o) => o.id !== m.id && o.start < m.end && m.start < o.end));
    const picked: typeof alone = [];
    for (const m of alone) if (!picked.some((p) => p.claimId === m.claimId) && picked.length < count) picked.push(m);
    assert.equal(picked.length, count, 'the article has enough separate mentions');
    return picked;
  }

  /** What an editor sees on the article: each highlighted mention and the text as a whole. */
  async function assertHighlightsMatch(client: Client) {
    const page = await client.get(`/sources/${sourceId}`);
    assert.equal(page.status, 200);
    const { body } = await source();
    assert.equal(page.doc.querySelector('.article-text')!.textContent, body, 'the page shows the current text');
    const anchored = (await mentionsOf()).filter((m) => m.anchorState === 'anchored');
    assert.ok(anchored.length > 0);
    for (const m of anchored) {
      assert.equal(body!.slice(m.start, m.end), m.quote, `mention ${m.id} points at its quote`);
      const el = page.doc.querySelector(`#m-${m.id}`);
      assert.ok(el, `mention ${m.id} has its anchor on the page`);
      if (el.tagName === 'MARK') assert.ok(m.quote.startsWith(el.textContent!), `mention ${m.id} highlights its own words`);
    }
  }

  it('re-anchors every mention after a small correction: they still highlight their words, the version is listed', async () => {
    const before = await source();
    const mentionsBefore = (await mentionsOf()).filter((m) => m.anchorState === 'anchored');
    const corrected = `Correction, December 12: an earlier version of this article misdated the meeting.\n\n${before.body}`;
    await editor.get(`/sources/${sourceId}/text`);
    const saved = await editor.post(`/sources/${sourceId}/text`, { version: before.version, body: corrected.replace(/\n/g, '\r\n'), note: 'Outlet correction of the date' });
    assert.equal(saved.status, 303);
    assert.equal(saved.location, `/sources/${sourceId}/versions?corrected=${before.version + 1}`);

    const after = await source();
    assert.equal(after.version, before.version + 1);
    assert.equal(after.body, corrected, 'stored with the line ends of the stored text');
    const mentionsAfter = await mentionsOf();
    assert.equal(mentionsAfter.filter((m) => m.anchorState === 'anchored').length, mentionsBefore.length, 'none orphaned');
    await assertHighlightsMatch(editor);
    const reader = await new Client(app.url).get(`/sources/${sourceId}`);
    for (const m of mentionsBefore) assert.ok(reader.doc.querySelector(`#m-${m.id}`), `readers see mention ${m.id}`);

    const versions = await editor.get(saved.location!);
    assert.equal(versions.status, 200, versions.body.slice(0, 3000));
    const notice = textOf(versions.doc.querySelector('[role=status]'));
    assert.match(notice, new RegExp(`Version ${after.version} of the text is saved`));
    assert.match(notice, new RegExp(`Mentions found again: ${mentionsBefore.length}`));
    assert.match(notice, new RegExp(`moved in the text: ${mentionsBefore.length}`));
    assert.match(notice, /Orphaned \(words no longer found\): 0/);
    const newest = versions.doc.querySelector(`#v-${after.version}`)!;
    assert.match(textOf(newest), /Corina Corrector/);
    assert.match(textOf(newest), /Outlet correction of the date/);
    assert.match(textOf(newest.querySelector('.text-diff ins')), /^Correction, December 12: an earlier version/);
    assert.ok(versions.doc.querySelector(`#v-${before.version}`), 'the first version is listed too');
  });

  it('puts a mention whose passage was deleted among the orphans (htmx), never losing it', async () => {
    const before = await source();
    const [gone, alsoGone] = await separateMentions(2);
    const corrected = [gone!, alsoGone!]
      .sort((a, b) => b.start - a.start)
      .reduce((body, m) => body.slice(0, m.start) + body.slice(m.end), before.body!);
    await editor.get(`/sources/${sourceId}/text`);
    const fragment = await editor.post(`/sources/${sourceId}/text`, { version: before.version, body: corrected, note: 'Passage withdrawn' }, { htmx: true });
    assert.equal(fragment.status, 200);
    assert.match(fragment.body, /^\s*<div id="correction-form"/, 'only the fragment');
    assert.match(textOf(fragment.doc.querySelector('[role=status]')), /Orphaned \(words no longer found\): 2/);
    assert.equal(fragment.doc.querySelector('input[name=version]')!.getAttribute('value'), String(before.version + 1), 'the form is ready for the next correction');

    for (const m of [gone!, alsoGone!]) {
      const row = await mention(m.id);
      assert.equal(row.anchorState, 'orphaned');
      assert.equal(row.quote, m.quote, 'an orphan keeps its quote');
    }
    const orphans = await editor.get(`/orphans?source=${sourceId}`);
    assert.equal(orphans.status, 200);
    const item = orphans.doc.querySelector(`#orphan-${gone!.id}`);
    assert.ok(item, 'listed for an editor');
    assert.equal(textOf(item.querySelector('.old-quote')), textOf({ textContent: gone!.quote }));
    assert.ok(item.querySelector(`a[href="/claims/${gone!.claimId}"]`), 'with its claim');
    const now = item.querySelector('.orphan-surroundings')!.textContent!.replace(/^…|…$/g, '');
    assert.ok(now.length > 100 && corrected.includes(now), 'with the current text where it stood');
    assert.ok(now.includes(gone!.prefix.trim().split(/\s+/).slice(-3).join(' ')) || now.includes(gone!.suffix.trim().split(/\s+/).slice(0, 3).join(' ')), 'around its old place');
    assert.ok(!(await editor.get(`/sources/${sourceId}`)).doc.querySelector(`#m-${gone!.id}`), 'no longer highlighted');
    assert.match(textOf((await editor.get(`/sources/${sourceId}`)).doc.querySelector('#source-corrections')), /Orphaned mentions waiting for an editor: 2/);
    const french = await editor.get(`/orphans?source=${sourceId}`, { headers: { 'Accept-Language': 'fr' } });
    assert.equal(textOf(french.doc.querySelector('h1')), 'Mentions orphelines');
    assert.match(textOf(french.doc.querySelector(`#orphan-${gone!.id}`)), /perdue à la version \d+ .*Placer la mention.*Retirer la mention/);
    const history = textOf((await editor.get(`/claims/${gone!.claimId}/history`)).doc.querySelector('.history'));
    assert.match(history, /Quote no longer found after a source change/);
    assert.match((await editor.get('/review')).body, /href="\/orphans"/, 'the review queue links to the orphans');
  });

  it('places orphans by their new words (plain form) and by offsets (htmx), and the history says so', async () => {
    const orphans = (await mentionsOf()).filter((m) => m.anchorState === 'orphaned');
    assert.equal(orphans.length, 2);
    const [first, second] = orphans as [(typeof orphans)[number], (typeof orphans)[number]];
    const { body } = await source();
    const words = 'an earlier version of this article misdated the meeting';
    await editor.get('/orphans');
    const placed = await editor.post(`/mentions/${first.id}/placement`, { quote: words, source: String(sourceId) });
    assert.equal(placed.status, 303);
    assert.equal(placed.location, `/orphans?source=${sourceId}&placed=${first.id}`);
    const row = await mention(first.id);
    assert.equal(row.anchorState, 'anchored');
    assert.equal(body!.slice(row.start, row.end), words);
    const list = await editor.get(placed.location!);
    assert.match(textOf(list.doc.querySelector('[role=status]')), /The mention is placed/);
    assert.ok(!list.doc.querySelector(`#orphan-${first.id}`), 'no longer an orphan');
    assert.equal(textOf((await editor.get(`/sources/${sourceId}`)).doc.querySelector(`mark#m-${first.id}`)), words, 'highlighted on the article');

    const start = body!.indexOf('Correction, December 12');
    const fragment = await editor.post(`/mentions/${second.id}/placement`, { quote: '', start, end: start + 10 }, { htmx: true });
    assert.equal(fragment.status, 200);
    assert.match(fragment.body, new RegExp(`^\\s*<li class="panel orphan is-done" id="orphan-${second.id}"`));
    assert.equal((await mention(second.id)).quote, 'Correction');

    const history = (await editor.get(`/claims/${first.claimId}/history`)).doc;
    const event = history.querySelector('.history-event')!;
    assert.match(textOf(event.querySelector('.history-title')), /Mention placed in a source/);
    assert.match(textOf(event), /Corina Corrector/);
    assert.match(textOf(event), new RegExp(words));
  });

  it('retires an orphan with a reason; refuses words not in the text, bad offsets and no reason, changing nothing', async () => {
    const before = await source();
    const [gone] = await separateMentions(1);
    await editor.get(`/sources/${sourceId}/text`);
    const removed = before.body!.slice(0, gone!.start) + before.body!.slice(gone!.end);
    assert.equal((await editor.post(`/sources/${sourceId}/text`, { version: before.version, body: removed })).status, 303);
    assert.equal((await mention(gone!.id)).anchorState, 'orphaned');

    await editor.get('/orphans');
    const nowhere = await editor.post(`/mentions/${gone!.id}/placement`, { quote: 'words that this article never had' }, { htmx: true });
    assert.equal(nowhere.status, 422);
    assert.match(nowhere.body, new RegExp(`^\\s*<li class="panel orphan" id="orphan-${gone!.id}"`));
    assert.match(textOf(nowhere.doc.querySelector('[role=alert]')), /These words are not in the current text/);
    assert.equal(nowhere.doc.querySelector('textarea[name=quote]')!.textContent, 'words that this article never had', 'typed words kept');

    const french = await editor.post(`/mentions/${gone!.id}/placement`, { quote: 'des mots absents' }, { htmx: true, headers: { 'Accept-Language': 'fr' } });
    assert.match(textOf(french.doc.querySelector('[role=alert]')), /Ces mots ne figurent pas dans le texte actuel/, 'refusals in the editor’s language');

    const offsets = await editor.post(`/mentions/${gone!.id}/placement`, { quote: '', start: 50, end: 10 });
    assert.equal(offsets.status, 422);
    assert.ok(offsets.doc.querySelector('h1'), 'plain form: the whole page');
    assert.match(textOf(offsets.doc.querySelector(`#orphan-${gone!.id} [role=alert]`)), /a start and an end within the current text/);

    const noReason = await editor.post(`/mentions/${gone!.id}/retirement`, { reason: ' ' }, { htmx: true });
    assert.equal(noReason.status, 422);
    assert.match(textOf(noReason.doc.querySelector('[role=alert]')), /Say why the mention is retired/);
    assert.equal((await mention(gone!.id)).anchorState, 'orphaned', 'nothing changed');

    const retired = await editor.post(`/mentions/${gone!.id}/retirement`, { reason: 'The outlet withdrew the sentence' }, { htmx: true });
    assert.equal(retired.status, 200);
    assert.match(textOf(retired.doc.querySelector('[role=status]')), /The mention is retired/);
    assert.equal((await mention(gone!.id)).anchorState, 'retired');
    assert.ok(!(await editor.get('/orphans')).doc.querySelector(`#orphan-${gone!.id}`));
    assert.equal((await editor.post('/mentions/999999/placement', { quote: 'x' })).status, 404);
    assert.equal((await editor.post('/mentions/999999/retirement', { reason: 'No such mention' })).status, 404);
    const again = await editor.post(`/mentions/${gone!.id}/retirement`, { reason: 'Twice' });
    assert.equal(again.status, 422, 'a retired mention is not an orphan any more');

    const event = (await editor.get(`/claims/${gone!.claimId}/history`)).doc.querySelector('.history-event')!;
    assert.match(textOf(event.querySelector('.history-title')), /Mention withdrawn/);
    assert.match(textOf(event), /The outlet withdrew the sentence/);
  });

  it('refuses an empty text, a stale version and a broken form with a clear message, keeping what was typed', async () => {
    const before = await source();
    const versionsBefore = (await db().select().from(sourceVersions).where(eq(sourceVersions.sourceId, sourceId))).length;
    await editor.get(`/sources/${sourceId}/text`);

    const empty = await editor.post(`/sources/${sourceId}/text`, { version: before.version, body: '  \n ', note: 'my note' });
    assert.equal(empty.status, 422);
    assert.match(textOf(empty.doc.querySelector('#correction-form [role=alert]')), /Paste the corrected text of the article/);
    assert.equal(empty.doc.querySelector('input[name=note]')!.getAttribute('value'), 'my note');
    assert.ok(empty.doc.querySelector('h1'), 'the whole page');

    const stale = await editor.post(`/sources/${sourceId}/text`, { version: before.version - 1, body: `${before.body} Added.`, note: '' }, { htmx: true });
    assert.equal(stale.status, 409);
    assert.match(stale.body, /^\s*<div id="correction-form"/);
    assert.match(textOf(stale.doc.querySelector('[role=alert]')), /corrected by someone else/);
    assert.equal(stale.doc.querySelector('textarea[name=body]')!.textContent, `${before.body} Added.`, 'the editor’s text is kept');
    assert.equal(stale.doc.querySelector('input[name=version]')!.getAttribute('value'), String(before.version), 'now based on the current version');

    const broken = await editor.post(`/sources/${sourceId}/text`, { version: 'x', body: 'Some text' });
    assert.equal(broken.status, 422);
    assert.match(textOf(broken.doc.querySelector('[role=alert]')), /lost the version it was based on/);

    const same = await editor.post(`/sources/${sourceId}/text`, { version: before.version, body: before.body });
    assert.equal(same.status, 303);
    assert.match(textOf((await editor.get(same.location!)).doc.querySelector('[role=status]')), /nothing was changed/);

    const after = await source();
    assert.equal(after.version, before.version);
    assert.equal(after.body, before.body);
    assert.equal((await db().select().from(sourceVersions).where(eq(sourceVersions.sourceId, sourceId))).length, versionsBefore);
  });

  it('lets only one of two simultaneous corrections of one version through; the other is told, not lost', async () => {
    const before = await source();
    await editor.get(`/sources/${sourceId}/text`);
    const second = editor.copy();
    const results = await Promise.all([
      editor.post(`/sources/${sourceId}/text`, { version: before.version, body: `${before.body}\n\nFirst addition.` }),
      second.post(`/sources/${sourceId}/text`, { version: before.version, body: `${before.body}\n\nSecond addition.` }),
    ]);
    assert.deepEqual(results.map((r) => r.status).sort(), [303, 409]);
    const refused = results.find((r) => r.status === 409)!;
    assert.match(textOf(refused.doc.querySelector('[role=alert]')), /corrected by someone else/);
    const after = await source();
    assert.equal(after.version, before.version + 1);
    assert.equal((await db().select().from(sourceVersions).where(and(eq(sourceVersions.sourceId, sourceId), eq(sourceVersions.version, after.version)))).length, 1);
  });

  it('lets one of two editors acting on one orphan at once win; the other is told it is no longer orphaned', async () => {
    const before = await source();
    const [gone] = await separateMentions(1);
    await editor.get(`/sources/${sourceId}/text`);
    await editor.post(`/sources/${sourceId}/text`, { version: before.version, body: before.body!.slice(0, gone!.start) + before.body!.slice(gone!.end) });
    assert.equal((await mention(gone!.id)).anchorState, 'orphaned');
    const { body } = await source();
    const other = editor.copy();
    const [placed, retired] = await Promise.all([
      editor.post(`/mentions/${gone!.id}/placement`, { quote: '', start: 0, end: 12 }, { htmx: true }),
      other.post(`/mentions/${gone!.id}/retirement`, { reason: 'Withdrawn by the outlet' }, { htmx: true }),
    ]);
    const statuses = [placed.status, retired.status];
    assert.deepEqual([...statuses].sort(), [200, 422], `one wins: ${statuses}`);
    const row = await mention(gone!.id);
    if (placed.status === 200) {
      assert.equal(row.anchorState, 'anchored');
      assert.equal(row.quote, body!.slice(0, 12));
      assert.match(textOf(retired.doc.querySelector('[role=alert]')), /not orphaned/);
    } else {
      assert.equal(row.anchorState, 'retired');
      assert.match(textOf(placed.doc.querySelector('[role=alert]')), /not orphaned/);
    }
  });

  it('shows and changes what a source reprints and its agency credit, refusing loops', async () => {
    const frId = await sourceIdByTitle(db(), DEMO.frSource);
    // The demo's English article is the AFP dispatch of the French one, as detection found.
    const page = await editor.get(`/sources/${sourceId}/syndication`);
    assert.equal(page.status, 200);
    assert.match(textOf(page.doc.querySelector('.agency-credit')), /^AFP$/);
    assert.ok(page.doc.querySelector(`.syndication-kind a[href="/sources/${frId}"]`));
    const origin = await editor.get(`/sources/${frId}/syndication`);
    assert.match(textOf(origin.doc.querySelector('.syndication-now')), /Reprinted by \(1\)/);
    assert.ok(origin.doc.querySelector(`.reprint-list a[href="/sources/${sourceId}"]`));

    const reader = new Client(app.url);
    const readerPage = await reader.get(`/sources/${frId}`);
    assert.match(textOf(readerPage.doc.querySelector('.report-group h2')), /^One report: AFP, reprinted by 2 outlets$/, 'readers see one report');
    assert.ok(readerPage.doc.querySelector(`.report-group a[href="/sources/${sourceId}"]`));
    assert.match(textOf((await reader.get(`/sources/${sourceId}`)).doc.querySelector('.report-group')), /original/);

    const self = await editor.post(`/sources/${frId}/syndication`, { kind: 'reprint', syndicatedFrom: String(frId), agency: 'AFP' }, { htmx: true });
    assert.equal(self.status, 422);
    assert.match(textOf(self.doc.querySelector('[role=alert]')), /cannot reprint itself/);
    const loop = await editor.post(`/sources/${frId}/syndication`, { kind: 'reprint', syndicatedFrom: `/sources/${sourceId}`, agency: 'AFP' });
    assert.equal(loop.status, 422);
    assert.ok(loop.doc.querySelector('h1'), 'plain form: the whole page');
    assert.match(textOf(loop.doc.querySelector('[role=alert]')), /already reprints this one/);
    assert.equal(loop.doc.querySelector('input[name=syndicatedFrom]')!.getAttribute('value'), `/sources/${sourceId}`, 'typed value kept');
    const missing = await editor.post(`/sources/${sourceId}/syndication`, { kind: 'reprint', syndicatedFrom: '', agency: 'AFP' });
    assert.equal(missing.status, 422);
    assert.match(textOf(missing.doc.querySelector('[role=alert]')), /Give the number of the source it reprints/);
    assert.equal((await source(frId)).syndicatedFromId, null, 'nothing changed');
    assert.equal((await source()).syndicatedFromId, frId, 'nothing changed');

    const independent = await editor.post(`/sources/${sourceId}/syndication`, { kind: 'independent', syndicatedFrom: String(frId), agency: 'AFP', note: 'Own reporting' }, { htmx: true });
    assert.equal(independent.status, 200);
    assert.match(independent.body, /^\s*<div id="syndication-form"/);
    assert.match(textOf(independent.doc.querySelector('.syndication-kind')), /independent report/);
    assert.match(textOf(independent.doc.querySelector('[role=status]')), /Saved/);
    const row = await source();
    assert.equal(row.syndicatedFromId, null);
    assert.equal(row.syndicationSetBy, 'editor');
    assert.equal(row.agency, 'AFP');
    assert.match(textOf((await editor.get(`/sources/${frId}/syndication`)).doc.querySelector('.syndication-now')), /Reprinted by \(0\)/);
    assert.equal((await reader.get(`/sources/${frId}`)).doc.querySelector('.report-group'), null, 'an independent report stands alone');

    const back = await editor.post(`/sources/${sourceId}/syndication`, { kind: 'reprint', syndicatedFrom: String(frId), agency: 'AFP' });
    assert.equal(back.status, 303);
    assert.equal(back.location, `/sources/${sourceId}/syndication?saved=1`);
    assert.equal((await source()).syndicatedFromId, frId);
    assert.match(textOf((await editor.get(`/sources/${sourceId}`)).doc.querySelector('#source-corrections')), new RegExp(`reprints or translates #${frId}`));
  });

  it('refuses readers: sign-in for a form with a token, 401 for htmx, 403 without a token; nothing changes', async () => {
    const before = await source();
    const [m] = await db().select().from(mentions).where(and(eq(mentions.sourceId, sourceId), eq(mentions.anchorState, 'anchored'))).limit(1);
    const reader = new Client(app.url);
    await reader.get('/');
    for (const [path, fields] of [
      [`/sources/${sourceId}/text`, { version: before.version, body: 'Replaced by a reader' }],
      [`/sources/${sourceId}/syndication`, { kind: 'reprint', syndicatedFrom: '1' }],
      [`/mentions/${m!.id}/placement`, { quote: 'x' }],
      [`/mentions/${m!.id}/retirement`, { reason: 'Because I can' }],
    ] as const) {
      const plain = await reader.post(path, fields);
      assert.equal(plain.status, 303, path);
      assert.match(plain.location ?? '', /^\/login\?next=/);
      assert.equal((await reader.post(path, fields, { htmx: true })).status, 401, path);
      assert.equal((await reader.post(path, fields, { csrf: false })).status, 403, path);
    }
    for (const path of ['/orphans', `/sources/${sourceId}/versions`, `/sources/${sourceId}/text`]) {
      assert.equal((await reader.get(path)).status, 303, path);
    }
    const after = await source();
    assert.equal(after.version, before.version);
    assert.equal(after.syndicatedFromId, before.syndicatedFromId);
    assert.equal((await mention(m!.id)).anchorState, 'anchored');
  });
});
