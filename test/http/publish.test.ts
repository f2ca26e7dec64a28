import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { claimLinks, claims, reviews } from '../../db/schema/index.ts';
import { startApp, type TestApp } from '../support/app.ts';

const BASE = 'https://checks.example.org';
const WARNING = 'Trump warned Lavrov against any Russian attempt to interfere in US elections';

describe('publishing: JSON API, Web Annotations, Atom feed', () => {
  let app: TestApp;
  before(async () => {
    app = await startApp({ env: { BASE_URL: BASE, PUBLISHER_NAME: 'Example Checks' } });
  });
  after(() => app.close());

  async function json(path: string) {
    const res = await fetch(app.url + path);
    return { status: res.status, headers: res.headers, body: (await res.json()) as any };
  }
  async function claimId(text: string) {
    const [row] = await app.database.db.select({ id: claims.id }).from(claims).where(eq(claims.text, text));
    return row!.id;
  }
  /** Follows `next` from the first page to the last; `next` is absolute, on BASE_URL. */
  async function walk(path: string) {
    const pages: any[][] = [];
    let next: string | null = path;
    while (next) {
      const { status, body, headers }: { status: number; body: any; headers: Headers } = await json(next.replace(BASE, ''));
      assert.equal(status, 200);
      pages.push(body.data);
      if (body.next) assert.equal(headers.get('link'), `<${body.next}>; rel="next"`);
      next = body.next;
    }
    return pages;
  }

  it('pages through all claims in a stable order without skipping or repeating one', async () => {
    const pages = await walk('/api/claims?limit=10');
    assert.deepEqual(
      pages.map((p) => p.length),
      [10, 10, 6],
    );
    const ids = pages.flat().map((c) => c.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
    assert.equal(new Set(ids).size, 26);
    const warning = pages.flat().find((c) => c.text === WARNING);
    assert.equal(warning.url, `${BASE}/claims/${warning.id}`);
    assert.equal(warning.status, 'unproven');
    assert.equal(warning.claimant.slug, 'white-house');
    assert.equal(warning.claimedOn, '2019-12-10');
  });

  it('refuses a cursor it did not give out and a limit out of range, in JSON', async () => {
    const bad = await json('/api/claims?cursor=bm9wZQ');
    assert.equal(bad.status, 422);
    assert.match(bad.body.error, /cursor/);
    assert.equal((await json('/api/claims?limit=0')).status, 422);
    assert.equal((await json('/api/claims?limit=1000')).status, 422);
    const missing = await json('/api/claims/999999');
    assert.equal(missing.status, 404);
    assert.equal(typeof missing.body.error, 'string');
  });

  it('gives one claim with its quotes, links, published verdicts and ClaimReview', async () => {
    const { body, headers } = await json(`/api/claims/${await claimId(WARNING)}`);
    assert.equal(headers.get('access-control-allow-origin'), '*');
    assert.equal(body.mentions.length, 3);
    assert.ok(body.mentions.every((m: any) => m.url.startsWith(`${BASE}/sources/`)));
    assert.deepEqual(
      body.links.map((l: any) => `${l.direction} ${l.kind}`).sort(),
      ['in confirms', 'in contradicts', 'in contradicts', 'in supports'],
    );
    assert.deepEqual(
      body.reviews.map((r: any) => r.status),
      ['in_review', 'unproven'],
    );
    assert.equal(body.claimReview['@type'], 'ClaimReview');
  });

  it('lists sources, links and published reviews; unapproved verdicts and unaccepted suggestions stay out', async () => {
    const id = await claimId('Crimea belongs to Ukraine');
    const other = await claimId('The 2015 Minsk agreements must be respected');
    await app.database.db.insert(reviews).values({ claimId: id, status: 'true', rationale: 'Waiting for approval' });
    await app.database.db.insert(claimLinks).values({ fromClaimId: id, toClaimId: other, kind: 'supports', origin: 'suggested' });

    const sources = (await walk('/api/sources?limit=1')).flat();
    assert.deepEqual(
      sources.map((s) => s.title),
      ['Pompeo confirme que Trump a mis en garde Moscou contre toute ingérence', 'Trump warned Russia against any interference in elections'],
    );
    assert.equal(sources[1].syndicatedFromId, sources[0].id);
    const links = (await walk('/api/links?limit=5')).flat();
    assert.equal(links.length, 14);
    assert.ok(!links.some((l) => l.fromClaimId === id));
    const reviewList = (await walk('/api/reviews?limit=3')).flat();
    assert.equal(reviewList.length, 7);
    assert.ok(!reviewList.some((r) => r.rationale === 'Waiting for approval'));
    assert.ok(reviewList.every((r) => r.publishedAt));
  });

  it('serves a source with its text, and the stored text itself as plain UTF-8', async () => {
    const { body } = await json('/api/sources/1');
    assert.equal(body.language, 'fr');
    assert.match(body.body, /Sergueï Lavrov a été reçu mardi/);
    const text = await fetch(`${app.url}/api/sources/1/text?version=1`);
    assert.match(text.headers.get('content-type')!, /^text\/plain; charset=utf-8/);
    assert.equal(await text.text(), body.body);
    assert.equal((await fetch(`${app.url}/api/sources/1/text?version=9`)).status, 404);
  });

  it('exports a claim’s quotes as W3C Web Annotations whose selectors find the quote in the stored text', async () => {
    const res = await fetch(`${app.url}/api/claims/${await claimId(WARNING)}/annotations`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /^application\/ld\+json; profile="http:\/\/www\.w3\.org\/ns\/anno\.jsonld"/);
    const collection: any = await res.json();
    assert.equal(collection['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(collection.type, 'AnnotationCollection');
    assert.equal(collection.total, 3);
    for (const annotation of collection.first.items) {
      assert.equal(annotation.type, 'Annotation');
      assert.equal(annotation.body[0].source.replace(BASE, ''), `/claims/${await claimId(WARNING)}`);
      const quote = annotation.target.selector.find((s: any) => s.type === 'TextQuoteSelector');
      const position = annotation.target.selector.find((s: any) => s.type === 'TextPositionSelector');
      assert.ok(quote && position);
      const text = await (await fetch(app.url + annotation.target.source.id.replace(BASE, ''))).text();
      const chars = [...text];
      assert.equal(chars.slice(position.start, position.end).join(''), quote.exact);
      assert.equal(chars.slice(position.start - [...quote.prefix].length, position.start).join(''), quote.prefix);
      assert.equal(chars.slice(position.end, position.end + [...quote.suffix].length).join(''), quote.suffix);
    }
    const first = collection.first.items[0];
    const single = await json(first.id.replace(BASE, ''));
    assert.equal(single.body.id, first.id);
    assert.equal(single.body['@context'], 'http://www.w3.org/ns/anno.jsonld');
    const bySource = await json('/api/sources/2/annotations');
    assert.ok(bySource.body.total >= 20);
  });

  it('publishes new verdicts as a well-formed Atom feed, newest first', async () => {
    const res = await fetch(`${app.url}/feeds/verdicts.atom`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /^application\/atom\+xml/);
    const xml = await res.text();
    assert.equal(XMLValidator.validate(xml), true);
    const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' }).parse(xml).feed;
    assert.equal(feed['@_xmlns'], 'http://www.w3.org/2005/Atom');
    assert.equal(feed.id, `${BASE}/feeds/verdicts.atom`);
    assert.equal(feed.title, 'Example Checks: new verdicts');
    assert.ok(feed.link.some((l: any) => l['@_rel'] === 'self' && l['@_href'] === `${BASE}/feeds/verdicts.atom`));
    const entries = feed.entry as any[];
    assert.equal(entries.length, 5, 'verdicts only: “in review” is not one');
    const updated = entries.map((e) => e.updated);
    assert.deepEqual(updated, [...updated].sort().reverse());
    assert.equal(feed.updated, updated[0]);
    const warning = entries[0];
    assert.equal(warning.title, `Unproven (disputed): ${WARNING}`);
    assert.equal(warning.link[0]['@_href'], `${BASE}/claims/${await claimId(WARNING)}`);
    assert.equal(warning.category['@_term'], 'unproven');
    assert.match(warning.summary['#text'] ?? warning.summary, /No record of the meeting is public/);
  });

  it('escapes claim text in the feed and drops characters XML cannot carry', async () => {
    const id = await claimId('Russia proposes renewing the New START treaty without waiting');
    await app.database.db.update(claims).set({ text: 'Russia & <allies> propose "New START"\u0001 renewal' }).where(eq(claims.id, id));
    await app.database.db.insert(reviews).values({ claimId: id, status: 'misleading', rationale: 'a < b', createdAt: new Date(), approvedAt: new Date() });
    const xml = await (await fetch(`${app.url}/feeds/verdicts.atom`)).text();
    assert.equal(XMLValidator.validate(xml), true);
    const feed = new XMLParser({ isArray: (name) => name === 'entry' }).parse(xml).feed;
    assert.equal(feed.entry[0].title, 'Misleading: Russia & <allies> propose "New START" renewal');
  });
});
