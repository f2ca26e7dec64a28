import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { startApp, type TestApp } from '../support/app.ts';
import { Client, createUser } from '../support/auth.ts';
import { parse, textOf } from '../support/html.ts';

const EN = readFileSync('seeds/003_e90388dfdeb82ae4.txt', 'utf8');
const FR = readFileSync('seeds/000_ff719ec247732616.txt', 'utf8');

describe('suggestions on an article', () => {
  let app: TestApp;
  let client: Client;
  let en: number;
  let fr: number;

  const rows = async (query: ReturnType<typeof sql>) => ((await app.database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
  const pending = (sourceId: number) =>
    rows(sql`select id, text, speaker_name, stance, quote, start, "end" from suggestions where source_id = ${sourceId} and state = 'pending' order by checkworthiness desc, id`);
  const importText = async (text: string, publishedOn: string) => {
    const res = await client.post('/sources', { text, publishedOn });
    assert.equal(res.status, 303);
    return Number(/\/sources\/(\d+)/.exec(res.location!)![1]);
  };

  before(async () => {
    app = await startApp({ seed: false });
    const user = await createUser(app.database.db);
    client = new Client(app.url);
    await client.login(user.email, user.password);
    en = await importText(EN, '2019-12-11');
    fr = await importText(FR, '2019-12-11');
  });
  after(() => app.close());

  it('shows readers the article without suggestions or controls', async () => {
    const page = await new Client(app.url).get(`/sources/${en}`);
    assert.equal(page.status, 200);
    assert.equal(page.doc.querySelectorAll('mark.suggestion').length, 0);
    assert.equal(page.doc.querySelector('#suggestions'), null);
    assert.equal(page.doc.querySelector('#selection-form'), null);
    assert.equal(page.doc.querySelector('form[action*="/suggestions/"]'), null);
  });

  it('lists suggestions to editors by check-worthiness, highlighted in the text', async () => {
    const page = await client.get(`/sources/${en}`);
    const items = [...page.doc.querySelectorAll('#suggestions .suggestion-item')];
    assert.ok(items.length >= 10);
    const scores = items.map((li) => Number(li.querySelector('meter')!.getAttribute('value')));
    assert.deepEqual([...scores].sort((a, b) => b - a), scores);
    assert.ok(page.doc.querySelectorAll('#article-text mark.suggestion').length >= 10);
  });

  it('accepts a suggestion through a plain form: a claim with its claimant entity and an anchored mention', async () => {
    const s = (await pending(en)).find((r) => r.speaker_name === 'White House' && /warned against any attempt/.test(String(r.text)))!;
    const form = await client.get(`/sources/${en}/suggestions/${s.id}`);
    assert.equal(form.status, 200);
    assert.equal(form.doc.querySelector(`#s${s.id}-speaker`)!.getAttribute('value'), 'White House');
    const res = await client.post(`/sources/${en}/suggestions/${s.id}/accept`, {
      text: 'Trump warned Lavrov against any Russian attempt to interfere in US elections',
      speaker: 'White House',
      stance: 'assert',
      claimedOn: '2019-12-10',
      role: 'report',
      joinClaimId: '',
    });
    assert.equal(res.status, 303);
    const claimId = Number(/created=(\d+)/.exec(res.location!)![1]);
    const claim = await client.get(`/claims/${claimId}`);
    assert.equal(textOf(claim.doc.querySelector('h1')), 'Trump warned Lavrov against any Russian attempt to interfere in US elections');
    assert.match(textOf(claim.doc.querySelector('.claim-hero .who')), /White House/);
    assert.ok([...claim.doc.querySelectorAll('.mention blockquote')].some((q) => textOf(q) === String(s.quote).replace(/\s+/g, ' ').trim()));
    const [mention] = await rows(sql`select quote, prefix, suffix, start, "end", role, stance from mentions where claim_id = ${claimId}`);
    assert.equal(mention!.quote, EN.slice(Number(s.start), Number(s.end)));
    assert.equal(mention!.prefix, EN.slice(Number(s.start) - 32, Number(s.start)));
    const audit = await rows(sql`select action from audit_events where claim_id = ${claimId} order by id`);
    assert.deepEqual(audit.map((a) => a.action), ['claim.create', 'mention.create', 'suggestion.accept']);
    const article = await client.get(`/sources/${en}?created=${claimId}`);
    assert.ok([...article.doc.querySelectorAll('#article-text mark:not(.suggestion) a')].some((a) => a.getAttribute('href') === `/claims/${claimId}`));
  });

  it('edits the wording, speaker, stance and date before accepting, through htmx', async () => {
    const s = (await pending(en)).find((r) => r.speaker_name === 'Sergey Lavrov' && /did not even talk/.test(String(r.text)))!;
    const fragment = await client.get(`/sources/${en}/suggestions/${s.id}`, { htmx: true });
    assert.equal(fragment.status, 200);
    assert.ok(!fragment.body.includes('<html'), 'a fragment, not a page');
    assert.ok(parse(fragment.body).querySelector(`#suggestion-${s.id} form`));
    const res = await client.post(
      `/sources/${en}/suggestions/${s.id}/accept`,
      { text: 'Lavrov says elections were not even discussed with Trump', speaker: 'Sergei Lavrov', stance: 'deny', claimedOn: '2019-12', role: 'report', joinClaimId: '' },
      { htmx: true },
    );
    assert.equal(res.status, 200);
    const doc = parse(res.body);
    assert.ok(doc.querySelector('#source-workspace'), 'the workspace comes back');
    assert.equal(doc.querySelector(`#suggestion-${s.id}`), null, 'no longer pending');
    const [claim] = await rows(sql`select c.text, c.claimed_on::text, c.claimed_on_precision, e.name from claims c join entities e on e.id = c.claimant_id where c.text like 'Lavrov says elections%'`);
    assert.equal(claim!.claimed_on, '2019-12-01');
    assert.equal(claim!.claimed_on_precision, 'month');
    assert.equal(claim!.name, 'Sergei Lavrov');
    const [m] = await rows(sql`select stance from mentions m join claims c on c.id = m.claim_id where c.text like 'Lavrov says elections%'`);
    assert.equal(m!.stance, 'deny');
  });

  it('shows the accept form again with the problem when the wording is empty', async () => {
    const [s] = await pending(en);
    const res = await client.post(`/sources/${en}/suggestions/${s!.id}/accept`, { text: '  ', speaker: '', stance: 'assert', claimedOn: 'someday', role: 'origin' });
    assert.equal(res.status, 422);
    assert.ok(res.doc.querySelector(`#s${s!.id}-text[aria-invalid="true"]`));
    assert.equal((await pending(en))[0]!.id, s!.id, 'still pending');
  });

  it('dismisses a suggestion (kept), and re-analysis does not bring it back', async () => {
    const [s] = await pending(en);
    const res = await client.post(`/sources/${en}/suggestions/${s!.id}/dismiss`, {});
    assert.equal(res.status, 303);
    const viaHtmx = (await pending(en))[0]!;
    const frag = await client.post(`/sources/${en}/suggestions/${viaHtmx.id}/dismiss`, {}, { htmx: true });
    assert.equal(frag.status, 200);
    assert.match(textOf(parse(frag.body).querySelector('#dismissed summary')), /Dismissed \(2\)/);
    const before = (await pending(en)).length;
    const again = await client.post(`/sources/${en}/analysis`, {});
    assert.equal(again.status, 303);
    const after = await pending(en);
    assert.equal(after.length, before);
    assert.ok(!after.some((r) => r.id === s!.id || r.id === viaHtmx.id));
    const states = await rows(sql`select state from suggestions where id in (${s!.id}, ${viaHtmx.id})`);
    assert.deepEqual(states.map((r) => r.state), ['dismissed', 'dismissed']);
    const page = await client.get(again.location!);
    assert.match(textOf(page.doc.querySelector('.notice')), /Analysis run again: 0 new/);
    // And a dismissal can be taken back.
    await client.post(`/sources/${en}/suggestions/${s!.id}/restore`, {});
    assert.ok((await pending(en)).some((r) => r.id === s!.id));
  });

  it('joins the French White House statement to the English claim via the candidates list', async () => {
    const [englishClaim] = await rows(sql`select id from claims where text = 'Trump warned Lavrov against any Russian attempt to interfere in US elections'`);
    const s = (await pending(fr)).find((r) => r.speaker_name === 'White House')!;
    assert.ok(s, 'the French article has a White House suggestion');
    const form = await client.get(`/sources/${fr}/suggestions/${s.id}`);
    const candidates = [...form.doc.querySelectorAll('.candidate')];
    const first = candidates[0]!;
    assert.match(textOf(first.querySelector('.statement')), /Trump warned Lavrov/);
    const reasons = textOf(first.querySelector('.reasons'));
    assert.match(reasons, /same claimant: White House/);
    assert.match(reasons, /same predicate: warn/);
    assert.match(reasons, /in another language \(EN\)/);
    assert.equal(first.querySelector('button[name="joinClaimId"]')!.getAttribute('value'), String(englishClaim!.id));
    const res = await client.post(`/sources/${fr}/suggestions/${s.id}/accept`, {
      text: String(s.text),
      speaker: 'White House',
      stance: 'assert',
      claimedOn: '2019-12-10',
      role: 'report',
      joinClaimId: String(englishClaim!.id),
    });
    assert.equal(res.status, 303);
    assert.match(res.location!, new RegExp(`joined=${englishClaim!.id}`));
    const claim = await client.get(`/claims/${englishClaim!.id}`);
    const quotes = [...claim.doc.querySelectorAll('.mention blockquote')];
    assert.ok(quotes.some((q) => q.getAttribute('lang') === 'fr'), 'the French quote is a mention of the English claim');
    assert.ok(quotes.some((q) => q.getAttribute('lang') === 'en'));
    const french = await client.get('/?lang=fr');
    assert.equal(french.status, 200);
    const frForm = await client.get(`/sources/${fr}/suggestions/${s.id}?lang=fr`);
    assert.match(textOf(frForm.doc.querySelector('.notice')), /déjà été traitée/);
  });

  it('makes a claim of a selected span: offsets from the browser, or the exact quote without JavaScript', async () => {
    const passage = 'Il ne fait aucun doute que le président Trump a dit clairement';
    const start = FR.indexOf(passage);
    const viaOffsets = await client.post(`/sources/${fr}/selections`, { quote: passage, start, end: start + passage.length, text: '', speaker: '', stance: '' }, { htmx: true });
    assert.equal(viaOffsets.status, 200);
    const editor = parse(viaOffsets.body);
    const sid = Number(editor.querySelector('.suggestion-item')!.getAttribute('id')!.slice('suggestion-'.length));
    assert.equal(textOf(editor.querySelector('blockquote')), passage);
    assert.equal(editor.querySelector(`#s${sid}-speaker`)!.getAttribute('value'), 'Mike Pompeo', 'the analysis reads who said it');

    const noJs = await client.post(`/sources/${fr}/selections`, { quote: 'en garde contre toute \n tentative d\'ingérence', start: '', end: '' });
    assert.equal(noJs.status, 303);
    const sid2 = Number(/suggestions\/(\d+)$/.exec(noJs.location!)![1]);
    const [row] = await rows(sql`select quote, start from suggestions where id = ${sid2}`);
    assert.equal(row!.quote, "en garde contre toute tentative d'ingérence");
    assert.equal(Number(row!.start), FR.indexOf("en garde contre toute tentative d'ingérence"));
    const accepted = await client.post(`/sources/${fr}/suggestions/${sid2}/accept`, { text: 'Trump warned against any attempt', speaker: 'White House', stance: 'warn', claimedOn: '2019-12-10', role: 'report', joinClaimId: '' });
    assert.equal(accepted.status, 303, accepted.body.slice(0, 2000));

    const missing = await client.post(`/sources/${fr}/selections`, { quote: 'words that are nowhere in the article' });
    assert.equal(missing.status, 422);
    assert.match(textOf(missing.doc.querySelector('#selection-form .notice')), /not in the article/);
    assert.equal(missing.doc.querySelector('#selection-quote')!.textContent, 'words that are nowhere in the article');
  });

  it('lets an editor correct the article details; the body never changes', async () => {
    const [before] = await rows(sql`select body_hash from sources where id = ${en}`);
    const res = await client.post(`/sources/${en}`, { title: 'Trump warned Russia (AFP)', publisher: 'AFP', author: '', url: 'https://example.org/a', publishedOn: '2019-12-11', language: 'en' });
    assert.equal(res.status, 303);
    const page = await new Client(app.url).get(`/sources/${en}`);
    assert.equal(textOf(page.doc.querySelector('h1')), 'Trump warned Russia (AFP)');
    const [after] = await rows(sql`select body_hash, publisher from sources where id = ${en}`);
    assert.equal(after!.body_hash, before!.body_hash);
    assert.equal(after!.publisher, 'AFP');
    const bad = await client.post(`/sources/${en}`, { title: 'x', publishedOn: '2019-02-30' });
    assert.equal(bad.status, 422);
  });
});
