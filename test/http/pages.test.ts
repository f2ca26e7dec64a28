import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { get, startApp, type TestApp } from '../support/app.ts';
import { parse, textOf } from '../support/html.ts';

describe('reader pages on the demo data', () => {
  let app: TestApp;
  before(async () => {
    app = await startApp();
  });
  after(() => app.close());

  async function page(path: string, headers: Record<string, string> = {}) {
    const res = await get(app.url + path, headers);
    return { ...res, doc: parse(res.text) };
  }

  async function claimHref(text: string): Promise<string> {
    const { doc } = await page('/');
    const link = [...doc.querySelectorAll('.claim-card .statement a')].find((a) => textOf(a) === text);
    assert.ok(link, `home lists "${text}"`);
    return link.getAttribute('href')!;
  }

  it('home lists the latest claims with their status, the articles and the story', async () => {
    const { status, doc } = await page('/');
    assert.equal(status, 200);
    const cards = doc.querySelectorAll('.claim-card');
    assert.ok(cards.length >= 20);
    const warning = [...cards].find((c) => textOf(c).includes('Trump warned Lavrov against any Russian attempt'));
    assert.ok(warning);
    assert.match(textOf(warning.querySelector('.badge')), /Unproven/);
    assert.match(textOf(warning.querySelector('.claimant')), /White House/);
    const articles = [...doc.querySelectorAll('#articles li a')].map(textOf);
    assert.ok(articles.includes('Pompeo confirme que Trump a mis en garde Moscou contre toute ingérence'));
    assert.ok(articles.includes('Trump warned Russia against any interference in elections'));
    assert.deepEqual([...doc.querySelectorAll('#stories li a')].map(textOf), ['Lavrov in Washington, December 2019']);
    // Each article says how many claims it carries: as many as its page highlights.
    for (const item of doc.querySelectorAll('#articles li')) {
      const href = item.querySelector('a')!.getAttribute('href')!;
      const linked = new Set([...(await page(href)).doc.querySelectorAll('.article-text a[href^="/claims/"]')].map((a) => a.getAttribute('href')));
      assert.ok(linked.size > 1, `${href} highlights several claims`);
      assert.match(textOf(item.querySelector('.meta')), new RegExp(`\\b${linked.size} claims\\b`), `${href} counts its ${linked.size} claims`);
    }
  });

  it('article pages show the text with each claim highlighted and linked to its claim', async () => {
    const { doc: home } = await page('/');
    for (const title of [
      'Pompeo confirme que Trump a mis en garde Moscou contre toute ingérence',
      'Trump warned Russia against any interference in elections',
    ]) {
      const href = [...home.querySelectorAll('#articles li a')].find((a) => textOf(a) === title)!.getAttribute('href')!;
      const { status, doc } = await page(href);
      assert.equal(status, 200);
      assert.equal(textOf(doc.querySelector('h1')), title);
      const marks = [...doc.querySelectorAll('.article-text mark')];
      assert.ok(marks.length >= 8, `${title}: ${marks.length} highlights`);
      for (const mark of marks) assert.match(mark.querySelector('a')!.getAttribute('href')!, /^\/claims\/\d+$/);
      assert.ok(doc.querySelectorAll('.sidebar-claims li').length >= 8);
    }
    const { doc: fr } = await page(
      [...home.querySelectorAll('#articles li a')].find((a) => textOf(a).startsWith('Pompeo confirme'))!.getAttribute('href')!,
    );
    assert.equal(fr.querySelector('.article-text')!.getAttribute('lang'), 'fr');
    assert.ok([...fr.querySelectorAll('.article-text mark')].some((m) => textOf(m) === "En fait nous n'avons même pas parlé d'élections"));
  });

  it('the claim page shows the statement, claimant, status, quotes, counter-claims and a dated timeline', async () => {
    const href = await claimHref('Trump warned Lavrov against any Russian attempt to interfere in US elections');
    const { status, doc } = await page(href);
    assert.equal(status, 200);
    assert.equal(textOf(doc.querySelector('h1')), 'Trump warned Lavrov against any Russian attempt to interfere in US elections');
    assert.match(textOf(doc.querySelector('.claim-hero .who')), /White House/);
    assert.match(textOf(doc.querySelector('#claim-status')), /Unproven/);
    const counter = [...doc.querySelectorAll('#counter-claims .claim-card')].map(textOf);
    assert.ok(counter.some((c) => /Sergey Lavrov/.test(c) && /did not receive a warning/.test(c)), counter.join('\n'));
    assert.ok([...doc.querySelectorAll('#confirmations .claim-card')].some((c) => /Mike Pompeo/.test(textOf(c))));
    const quotes = [...doc.querySelectorAll('.mention blockquote')].map(textOf);
    assert.ok(quotes.some((q) => q.startsWith('La Maison Blanche a ensuite rapporté')));
    assert.ok(quotes.some((q) => q.startsWith('the White House said Tuesday')));
    const days = [...doc.querySelectorAll('.timeline time')].map((t) => t.getAttribute('datetime'));
    assert.deepEqual([...days].sort(), days, 'timeline in date order');
    assert.equal(days[0], '2019-12-10');
    assert.ok(days.includes('2019-12-11'));
  });

  it('entity and story pages list their claims', async () => {
    const { doc: entity } = await page('/entities/sergey-lavrov');
    assert.equal(textOf(entity.querySelector('h1')), 'Sergey Lavrov');
    assert.match(textOf(entity.querySelector('.page-head')), /Sergueï Lavrov/);
    assert.ok(entity.querySelectorAll('.claim-card').length >= 4);
    const { doc: story } = await page('/stories/lavrov-in-washington-december-2019');
    assert.equal(textOf(story.querySelector('h1')), 'Lavrov in Washington, December 2019');
    assert.ok(story.querySelectorAll('.story-claim').length >= 20);
  });

  it('speaks French when the reader asks for it, and remembers the choice', async () => {
    const href = await claimHref('Trump warned Lavrov against any Russian attempt to interfere in US elections');
    const byHeader = await page(href, { 'Accept-Language': 'fr-FR,fr;q=0.9' });
    assert.equal(byHeader.doc.documentElement.getAttribute('lang'), 'fr');
    assert.match(textOf(byHeader.doc.querySelector('#claim-status')), /Non prouvé/);
    assert.match(textOf(byHeader.doc.querySelector('.timeline')), /mardi 10 décembre 2019/);
    const chosen = await get(`${app.url}/?lang=fr`);
    const cookie = chosen.headers.get('set-cookie') ?? '';
    assert.match(cookie, /lang=fr/);
    const later = await page('/', { Cookie: cookie.split(';')[0]!, 'Accept-Language': 'en' });
    assert.equal(textOf(later.doc.querySelector('h1')), 'Dernières affirmations');
  });

  it('answers an unknown page with a 404 page, and a bad id the same way', async () => {
    for (const path of ['/claims/999999', '/claims/abc', '/nope', '/stories/NOT_A_SLUG']) {
      const { status, doc } = await page(path);
      assert.equal(status, 404, path);
      assert.equal(textOf(doc.querySelector('h1')), 'Page not found');
    }
  });

  it('serves htmx from the installed 2.x package, the stylesheets, and security headers', async () => {
    const { doc, headers } = await page('/');
    const script = doc.querySelector('script[src^="/static/htmx.min.js"]')!.getAttribute('src')!;
    assert.match(script, /v=2\.\d+\.\d+/);
    const htmx = await get(app.url + script);
    assert.equal(htmx.status, 200);
    assert.match(htmx.text, /htmx/);
    assert.match(htmx.headers.get('content-type')!, /javascript/);
    const css = await get(app.url + doc.querySelector('link[rel=stylesheet]')!.getAttribute('href')!);
    assert.match(css.text, /--status-color/);
    const statuses = await get(`${app.url}/statuses.css`);
    assert.match(statuses.text, /\.status-false\{--status-color:#[0-9a-f]{6}\}/);
    assert.match(headers.get('content-security-policy')!, /script-src 'self'/);
    assert.equal(headers.get('x-content-type-options'), 'nosniff');
    assert.equal(headers.get('x-powered-by'), null);
  });
});

describe('server errors', () => {
  it('render an error page without leaking the stack trace', async () => {
    const app = await startApp({ seed: false });
    try {
      // A database that has gone away is the most likely real-world 500.
      await app.database.close();
      const res = await get(`${app.url}/claims/1`);
      assert.equal(res.status, 500);
      const doc = parse(res.text);
      assert.equal(textOf(doc.querySelector('h1')), 'Something went wrong');
      assert.doesNotMatch(res.text, /at .*\.ts:\d+|Error:|stack/i);
    } finally {
      await app.close().catch(() => {});
    }
  });
});
