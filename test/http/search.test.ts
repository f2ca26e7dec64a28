import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { get, startApp, type TestApp } from '../support/app.ts';
import { parse, textOf } from '../support/html.ts';

const WARNING = 'Trump warned Lavrov against any Russian attempt to interfere in US elections';

describe('search', () => {
  let app: TestApp;
  before(async () => {
    app = await startApp();
  });
  after(() => app.close());

  async function search(query: string, headers: Record<string, string> = {}) {
    const res = await get(`${app.url}/search?${query}`, headers);
    return { ...res, doc: parse(res.text) };
  }
  const claimTexts = (doc: ReturnType<typeof parse>) => [...doc.querySelectorAll('.search-hits .statement')].map(textOf);

  it('finds the claim about Trump’s warning in French (“ingérence”) and in English (“interference”)', async () => {
    for (const q of ['ingérence', 'ingerence', 'INGÉRENCE', 'interference', 'interfere']) {
      const { status, doc } = await search(`q=${encodeURIComponent(q)}`);
      assert.equal(status, 200);
      assert.ok(claimTexts(doc).includes(WARNING), `"${q}" finds the claim`);
    }
  });

  it('shows the French quote that matched, with the matched word marked', async () => {
    const { doc } = await search('q=ing%C3%A9rence');
    const hit = [...doc.querySelectorAll('.search-hits > li')].find((li) => textOf(li.querySelector('.statement')) === WARNING)!;
    const quote = hit.querySelector('blockquote.hit-quote')!;
    assert.equal(quote.getAttribute('lang'), 'fr');
    assert.match(textOf(quote), /tentative d'ingérence de la part de la Russie/);
    assert.deepEqual([...quote.querySelectorAll('mark')].map(textOf), ['ingérence']);
    assert.match(hit.querySelector('.hit-source a')!.getAttribute('href')!, /^\/sources\/\d+#m-\d+$/);
  });

  it('stems: “elections” finds “election”, and French “élections” finds the French quotes', async () => {
    const { doc } = await search('q=elections');
    assert.ok(claimTexts(doc).some((t) => /2020 US election\b/.test(t)));
    const fr = await search('q=%C3%A9lections+am%C3%A9ricaines');
    assert.ok(claimTexts(fr.doc).includes(WARNING));
  });

  it('finds Lavrov however his name is spelled, with his claims', async () => {
    for (const q of ['Lavrov', 'Sergueï Lavrov', 'Sergei Lavrov', 'Sergey Lavrov', 'serguei lavrov', 'Sergueï']) {
      const { doc } = await search(`q=${encodeURIComponent(q)}`);
      const people = [...doc.querySelectorAll('.entity-hits li a')].map((a) => a.getAttribute('href'));
      assert.equal(people[0], '/entities/sergey-lavrov', `"${q}" names him first`);
      assert.ok(
        claimTexts(doc).includes('Trump and Lavrov did not even talk about elections in their meeting'),
        `"${q}" finds his claims, even those that do not spell his name`,
      );
    }
  });

  it('filters by verdict, claimant, language, date range and story', async () => {
    const unproven = await search('q=Lavrov&status=unproven');
    assert.deepEqual(claimTexts(unproven.doc), [WARNING]);
    const byPompeo = await search('q=ing%C3%A9rence&claimant=mike-pompeo');
    assert.ok(claimTexts(byPompeo.doc).length >= 1);
    for (const li of byPompeo.doc.querySelectorAll('.search-hits > li')) assert.equal(textOf(li.querySelector('.claimant')), 'Mike Pompeo');
    const french = await search('q=Lavrov&language=fr');
    assert.ok(claimTexts(french.doc).includes('Trump made clear to Lavrov in their meeting that Russian interference in US elections is unacceptable'));
    assert.ok(!claimTexts(french.doc).includes(WARNING), 'the warning is recorded in English');
    const eleventh = await search('q=Lavrov&from=2019-12-11&to=2019-12-11');
    assert.ok(claimTexts(eleventh.doc).length >= 2);
    for (const li of eleventh.doc.querySelectorAll('.search-hits > li')) assert.match(textOf(li.querySelector('.foot')), /11 December 2019/);
    const story = await search('story=lavrov-in-washington-december-2019&status=false');
    assert.deepEqual(claimTexts(story.doc), ['Ukraine, not Russia, interfered in the 2016 US election']);
    const none = await search('q=Lavrov&story=no-such-story');
    assert.equal(claimTexts(none.doc).length, 0);
    assert.match(textOf(none.doc.querySelector('#search-results')), /No claim matches/);
  });

  it('also finds articles, with a highlighted passage', async () => {
    const { doc } = await search('q=Bureau+ovale');
    const article = doc.querySelector('.article-hits li')!;
    assert.equal(textOf(article.querySelector('a')), 'Pompeo confirme que Trump a mis en garde Moscou contre toute ingérence');
    assert.deepEqual([...article.querySelectorAll('mark')].map(textOf).slice(0, 2), ['Bureau', 'ovale']);
  });

  it('keeps the form filled in, so the address is the search and can be shared', async () => {
    const { doc } = await search('q=Lavrov&status=unproven&from=2019-12-01&sort=date');
    assert.equal(doc.querySelector('#search-q')!.getAttribute('value'), 'Lavrov');
    assert.equal(doc.querySelector('#search-status option[selected]')!.getAttribute('value'), 'unproven');
    assert.equal(doc.querySelector('#search-from')!.getAttribute('value'), '2019-12-01');
    assert.equal(doc.querySelector('#search-sort option[selected]')!.getAttribute('value'), 'date');
    const form = doc.querySelector('#search-form')!;
    assert.equal(form.getAttribute('method'), 'get');
    assert.equal(form.getAttribute('action'), '/search');
    const input = doc.querySelector('#search-q')!;
    assert.equal(input.getAttribute('hx-trigger'), 'input changed delay:300ms, search');
    assert.equal(form.getAttribute('hx-push-url'), 'true');
  });

  it('answers htmx with the results alone, and says Vary: HX-Request', async () => {
    const { text, headers } = await search('q=Lavrov', { 'HX-Request': 'true' });
    assert.match(headers.get('vary') ?? '', /HX-Request/);
    assert.doesNotMatch(text, /<html|<form/);
    const doc = parse(`<div>${text}</div>`);
    assert.ok(doc.querySelectorAll('.search-hits > li').length > 3);
    assert.equal(doc.querySelector('#search-announce')!.getAttribute('hx-swap-oob'), 'innerHTML', 'the live region stays, its words change');
    const restore = await search('q=Lavrov', { 'HX-Request': 'true', 'HX-History-Restore-Request': 'true' });
    assert.match(restore.text, /<html/, 'a history restore gets the whole page');
  });

  it('pages through many results', async () => {
    const first = await search('story=lavrov-in-washington-december-2019');
    assert.equal(claimTexts(first.doc).length, 20);
    assert.match(textOf(first.doc.querySelector('.pager')), /Page 1 of 2/);
    const next = first.doc.querySelector('.pager a[rel=next]')!.getAttribute('href')!;
    const second = await search(next.replace(/^\/search\?/, ''));
    assert.equal(claimTexts(second.doc).length, 6);
    assert.equal(new Set([...claimTexts(first.doc), ...claimTexts(second.doc)]).size, 26);
  });

  it('refuses bad filters with a message next to the field, keeping what was typed', async () => {
    const { status, doc } = await search('q=Lavrov&from=2019-12-11&to=2019-12-01');
    assert.equal(status, 422);
    assert.equal(textOf(doc.querySelector('#search-to-error')), 'The end date is before the start date.');
    assert.equal(doc.querySelector('#search-to')!.getAttribute('aria-invalid'), 'true');
    assert.equal(doc.querySelector('#search-q')!.getAttribute('value'), 'Lavrov');
    const fr = await search('from=demain', { 'Accept-Language': 'fr' });
    assert.equal(textOf(fr.doc.querySelector('#search-from-error')), 'Écrivez la date comme 2019-12-10.');
  });

  it('treats search syntax and markup in the query as text', async () => {
    const { status, text } = await search(`q=${encodeURIComponent('"<script>alert(1)</script>" OR -( & | !')}`);
    assert.equal(status, 200);
    assert.doesNotMatch(text, /<script>alert/);
  });

  it('exports the search as CSV that spreadsheets open: BOM, quoting, every matching claim', async () => {
    const res = await fetch(`${app.url}/search.csv?q=ing%C3%A9rence`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /^text\/csv; charset=utf-8/);
    assert.match(res.headers.get('content-disposition')!, /^attachment; filename="claimline-ingerence-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split('\r\n');
    assert.equal(lines[0], 'id,url,claim,claimant,claimed_on,claimed_on_precision,verdict,verdict_label,language,matching_quote,quote_source');
    const row = lines.find((l) => l.includes(WARNING))!;
    assert.match(row, /,White House,2019-12-10,day,unproven,Unproven \(disputed\),en,"La Maison Blanche a ensuite rapporté que le milliardaire républicain avait ""mis en garde/);
    assert.equal(lines.at(-1), '', 'ends with a line break');
    const all = await (await fetch(`${app.url}/search.csv?story=lavrov-in-washington-december-2019`)).text();
    assert.equal(all.trim().split('\r\n').length, 27, 'all 26 claims, not one page');
    const bad = await fetch(`${app.url}/search.csv?from=nope`);
    assert.equal(bad.status, 422);
  });

  it('puts a search box in the header of every page', async () => {
    const { doc } = await search('');
    const box = parse((await get(`${app.url}/`)).text).querySelector('header form[role=search]')!;
    assert.equal(box.getAttribute('action'), '/search');
    assert.equal(box.querySelector('input')!.getAttribute('name'), 'q');
    assert.match(textOf(doc.querySelector('#search-results')), /Type a word, a name or a phrase/);
  });
});
