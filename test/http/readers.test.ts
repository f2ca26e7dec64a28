import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../db/queries/audit.ts';
import { claims, reviews } from '../../db/schema/index.ts';
import { get, startApp, type TestApp } from '../support/app.ts';
import { parse, textOf } from '../support/html.ts';

const WARNING = 'Trump warned Lavrov against any Russian attempt to interfere in US elections';

describe('reader claim pages, past views and ClaimReview', () => {
  let app: TestApp;
  before(async () => {
    app = await startApp({ env: { BASE_URL: 'https://checks.example.org', PUBLISHER_NAME: 'Example Checks' } });
  });
  after(() => app.close());

  async function page(path: string, headers: Record<string, string> = {}) {
    const res = await get(app.url + path, headers);
    return { ...res, doc: parse(res.text) };
  }
  async function claimId(text: string): Promise<number> {
    const [row] = await app.database.db.select({ id: claims.id }).from(claims).where(eq(claims.text, text));
    assert.ok(row, `the demo has the claim "${text}"`);
    return row.id;
  }
  const jsonLdOf = (doc: ReturnType<typeof parse>) => [...doc.querySelectorAll('script[type="application/ld+json"]')];

  it('shows the verdict with its rationale and evidence, and each source with its exact quote linked to the passage', async () => {
    const { doc } = await page(`/claims/${await claimId(WARNING)}`);
    const verdict = doc.querySelector('#verdict')!;
    assert.match(textOf(verdict), /Unproven \(disputed\)/);
    assert.match(textOf(verdict.querySelector('.rationale')), /No record of the meeting is public/);
    assert.equal(verdict.querySelectorAll('.evidence li a').length, 2);
    const groups = [...doc.querySelectorAll('#sources .source-group')];
    assert.deepEqual(
      groups.map((g) => textOf(g.querySelector('.source-title'))),
      ['Pompeo confirme que Trump a mis en garde Moscou contre toute ingérence', 'Trump warned Russia against any interference in elections'],
      'sources in publication order, the undated one last',
    );
    assert.match(textOf(groups[1]!.querySelector('.meta')), /date unknown/);
    for (const quote of doc.querySelectorAll('#sources .mention')) {
      assert.match(quote.querySelector('a')!.getAttribute('href')!, /^\/sources\/\d+#m-\d+$/);
    }
    assert.equal(groups[0]!.querySelector('blockquote')!.getAttribute('lang'), 'fr');
  });

  it('draws the timeline in time order: Tuesday’s meeting, statement and denial before Wednesday’s confirmation', async () => {
    const { doc } = await page(`/claims/${await claimId(WARNING)}`);
    const days = [...doc.querySelectorAll('#timeline .timeline-day')];
    const heading = (d: Element) => textOf(d.querySelector('h3'));
    const entries = (d: Element) => [...d.querySelectorAll('.timeline-entries > li')].map((li) => textOf(li.querySelector('.what')));
    assert.deepEqual(
      days.map(heading),
      ['Tuesday, 10 December 2019', 'Wednesday, 11 December 2019', 'Thursday, 12 December 2019', 'Date unknown'],
    );
    assert.deepEqual(entries(days[0]!).slice(0, 3), ['The event it describes', 'Claim made by White House', 'Sergey Lavrov contradicts it']);
    assert.ok(entries(days[1]!).includes('Mike Pompeo confirms it'));
    assert.ok(entries(days[1]!).includes('Status: In review'));
    assert.deepEqual(entries(days[2]!), ['Verdict published: Unproven (disputed)']);
    assert.match(entries(days[3]!).join(), /Reported in “Trump warned Russia/, 'the undated report is shown as such');
    const svg = doc.querySelector('#timeline svg.chart')!;
    assert.ok(svg, 'a chart beside the list');
    assert.deepEqual(
      [...svg.querySelectorAll('.col-label')].map((l) => [...l.querySelectorAll('tspan')].map(textOf).join(' ')),
      ['Tue 10 Dec 2019', 'Wed 11 Dec 2019', 'Thu 12 Dec 2019', 'Date unknown'],
    );
  });

  it('embeds exactly one ClaimReview carrying every field the fact-check guidelines ask for', async () => {
    const id = await claimId(WARNING);
    const { doc } = await page(`/claims/${id}`);
    const scripts = jsonLdOf(doc);
    assert.equal(scripts.length, 1);
    const review = JSON.parse(scripts[0]!.textContent!);
    assert.equal(review['@context'], 'https://schema.org');
    assert.equal(review['@type'], 'ClaimReview');
    assert.equal(review.claimReviewed, WARNING);
    assert.equal(review.url, `https://checks.example.org/claims/${id}`);
    assert.equal(review.datePublished, '2019-12-12T16:30:00.000Z');
    assert.deepEqual(review.author, { '@type': 'Organization', name: 'Example Checks', url: 'https://checks.example.org' });
    const rating = review.reviewRating;
    assert.equal(rating['@type'], 'Rating');
    assert.equal(rating.ratingValue, 3);
    assert.equal(rating.bestRating, 5);
    assert.equal(rating.worstRating, 1);
    assert.equal(rating.alternateName, 'Unproven');
    const claim = review.itemReviewed;
    assert.equal(claim['@type'], 'Claim');
    assert.deepEqual(claim.author, { '@type': 'Organization', name: 'White House', url: 'https://checks.example.org/entities/white-house' });
    assert.equal(claim.datePublished, '2019-12-10');
    assert.equal(claim.firstAppearance['@type'], 'CreativeWork');
    assert.match(claim.firstAppearance.url, /^https:\/\/www\.lorientlejour\.com\//);
    assert.ok(Array.isArray(claim.appearance) && claim.appearance.length === 1);
    assert.match(claim.appearance[0].url, /^https:\/\/checks\.example\.org\/sources\/\d+$/, 'our copy when the original address is unknown');
  });

  it('puts no ClaimReview on a claim without a published verdict, nor on a past view', async () => {
    const { doc } = await page(`/claims/${await claimId('Trump and Lavrov did not even talk about elections in their meeting')}`);
    assert.equal(jsonLdOf(doc).length, 0, 'in review is not a verdict');
    const past = await page(`/claims/${await claimId(WARNING)}?asof=2019-12-13`);
    assert.equal(jsonLdOf(past.doc).length, 0);
  });

  it('keeps a claim’s text from closing the JSON-LD block', async () => {
    const id = await claimId('Crimea belongs to Ukraine');
    await app.database.db.update(claims).set({ text: 'Crimea </script><script>alert(1)</script> belongs to Ukraine' }).where(eq(claims.id, id));
    await app.database.db.insert(reviews).values({ claimId: id, status: 'true', rationale: 'Recognised borders.', approvedAt: new Date(), createdAt: new Date() });
    await app.database.db.update(claims).set({ status: 'true', publishedStatus: 'true' }).where(eq(claims.id, id));
    const { text, doc } = await page(`/claims/${id}`);
    assert.doesNotMatch(text, /<script>alert/);
    assert.equal(JSON.parse(jsonLdOf(doc)[0]!.textContent!).claimReviewed, 'Crimea </script><script>alert(1)</script> belongs to Ukraine');
  });

  it('shows readers only approved verdicts', async () => {
    const id = await claimId('Lavrov discussed with Trump the warning Pompeo had issued earlier');
    // An editor's verdict waiting for a second editor's approval (four-eyes rule).
    await app.database.db.insert(reviews).values({ claimId: id, status: 'false', rationale: 'Draft verdict, not approved' });
    await app.database.db.update(claims).set({ status: 'false' }).where(eq(claims.id, id));
    const { doc, text } = await page(`/claims/${id}`);
    assert.match(textOf(doc.querySelector('#claim-status')), /Unreviewed/);
    assert.doesNotMatch(text, /Draft verdict/);
    assert.equal(jsonLdOf(doc).length, 0);
  });

  it('shows a claim as it stood on a past day: verdict then, counter-claims known then, with a banner and a way back', async () => {
    const id = await claimId(WARNING);
    const tenth = await page(`/claims/${id}?asof=2019-12-10`);
    assert.equal(tenth.status, 200);
    const banner = tenth.doc.querySelector('.asof-banner')!;
    assert.match(textOf(banner), /as it stood on Tuesday, 10 December 2019/);
    assert.equal(banner.querySelector('a')!.getAttribute('href'), `/claims/${id}`);
    assert.equal(tenth.doc.querySelector('meta[name=robots]')!.getAttribute('content'), 'noindex');
    assert.match(textOf(tenth.doc.querySelector('#claim-status')), /Unreviewed/);
    const counter = (doc: ReturnType<typeof parse>) => [...doc.querySelectorAll('#counter-claims .claim-card .statement')].map(textOf);
    const confirming = (doc: ReturnType<typeof parse>) => [...doc.querySelectorAll('#confirmations .claim-card .statement')].map(textOf);
    assert.equal(counter(tenth.doc).length, 2, 'Lavrov’s denials were known on the 10th');
    assert.ok(!confirming(tenth.doc).some((c) => c.startsWith('Trump made clear to Lavrov')), 'Pompeo confirmed on the 11th');
    assert.equal(tenth.doc.querySelectorAll('#sources .source-group').length, 1, 'the French dispatch came on the 11th');

    const eleventh = await page(`/claims/${id}?asof=2019-12-11`);
    assert.match(textOf(eleventh.doc.querySelector('#claim-status')), /In review/);
    assert.ok(confirming(eleventh.doc).some((c) => c.startsWith('Trump made clear to Lavrov')));
    assert.doesNotMatch(textOf(eleventh.doc.querySelector('#timeline')), /Verdict published/);

    const later = await page(`/claims/${id}?asof=2019-12-12`);
    assert.match(textOf(later.doc.querySelector('#claim-status')), /Unproven/);
  });

  it('rebuilds a claim’s wording from the audit log, and says when a claim was not recorded yet', async () => {
    const id = await claimId('Trump received Lavrov in the Oval Office on Tuesday, away from the media');
    const edited = 'Trump received Lavrov in the Oval Office on Tuesday 10 December, without the press';
    await app.database.db.transaction(async (tx) => {
      await tx.update(claims).set({ text: edited }).where(eq(claims.id, id));
      await recordAudit(tx, {
        userId: null,
        action: 'claim.update',
        subjectType: 'claim',
        subjectId: id,
        claimId: id,
        before: { text: 'Trump received Lavrov in the Oval Office on Tuesday, away from the media' },
        after: { text: edited },
      });
    });
    assert.equal(textOf((await page(`/claims/${id}`)).doc.querySelector('h1')), edited);
    const past = await page(`/claims/${id}?asof=2019-12-11`);
    assert.equal(textOf(past.doc.querySelector('h1')), 'Trump received Lavrov in the Oval Office on Tuesday, away from the media');
    const before = await page(`/claims/${id}?asof=2019-12-01`);
    assert.match(textOf(before.doc.querySelector('h1')), /had not been recorded yet on Sunday, 1 December 2019/);
    assert.equal(before.doc.querySelectorAll('#timeline').length, 0);
  });

  it('refuses a malformed date with a clear message, and sends a day not over yet to the current page', async () => {
    const id = await claimId(WARNING);
    const bad = await page(`/claims/${id}?asof=2019-13-45`);
    assert.equal(bad.status, 422);
    assert.match(textOf(bad.doc.querySelector('main')), /must be a day written like 2019-12-10/);
    const future = await get(`${app.url}/claims/${id}?asof=2999-01-01&lang=en`);
    assert.equal(future.status, 303);
    assert.equal(future.headers.get('location'), `/claims/${id}?lang=en`);
  });

  it('shows a story as it stood on a past day, and its timeline grouped by claimant with links', async () => {
    const now = await page('/stories/lavrov-in-washington-december-2019');
    const groups = [...now.doc.querySelectorAll('.claimant-group')];
    const names = groups.map((g) => textOf(g.querySelector('h3')));
    for (const name of ['White House', 'Sergey Lavrov', 'Mike Pompeo', 'The outlet itself']) assert.ok(names.includes(name), name);
    const lavrov = groups.find((g) => textOf(g.querySelector('h3')) === 'Sergey Lavrov')!;
    const denial = [...lavrov.querySelectorAll('.story-claim')].find((c) => /did not receive a warning/.test(textOf(c)))!;
    assert.match(textOf(denial.querySelector('.link-notes')), /Contradicts Trump warned Lavrov against any Russian attempt/);
    assert.match(denial.querySelector('.link-notes a')!.getAttribute('href')!, /^#claim-\d+$/);
    assert.ok(now.doc.querySelectorAll('#story-timeline svg .edge').length >= 10);
    const outlet = groups.find((g) => textOf(g.querySelector('h3')) === 'The outlet itself')!;
    const dates = [...outlet.querySelectorAll('.story-claim .when')].map(textOf);
    assert.equal(dates[0], 'May 2017', 'a month, not an invented day');
    assert.ok(dates.indexOf('Date unknown') > dates.lastIndexOf('Tuesday, 10 December 2019'), 'unknown dates last');

    const tenth = await page('/stories/lavrov-in-washington-december-2019?asof=2019-12-10');
    assert.match(textOf(tenth.doc.querySelector('.asof-banner')), /Tuesday, 10 December 2019/);
    const texts = [...tenth.doc.querySelectorAll('.story-claim .statement')].map(textOf);
    assert.ok(texts.some((t) => t.startsWith('Trump warned Lavrov')));
    assert.ok(!texts.some((t) => t.startsWith('Trump made clear to Lavrov')), 'Pompeo’s confirmation came on the 11th');
    assert.ok(texts.length < [...now.doc.querySelectorAll('.story-claim')].length);
    const warning = [...tenth.doc.querySelectorAll('.story-claim')].find((c) => textOf(c.querySelector('.statement')).startsWith('Trump warned Lavrov'))!;
    assert.match(textOf(warning.querySelector('.badge')), /Unreviewed/);
  });

  it('person pages list every claim made by or about the person, on a timeline', async () => {
    const { doc } = await page('/entities/sergey-lavrov');
    const by = [...doc.querySelectorAll('#claims-by .claim-card .statement')].map(textOf);
    const about = [...doc.querySelectorAll('#claims-about .claim-card .statement')].map(textOf);
    assert.ok(by.includes('Lavrov did not receive a warning about election interference directly from Trump'));
    assert.ok(about.includes(WARNING));
    assert.equal(doc.querySelector('#entity-timeline .lane-label') && textOf(doc.querySelector('#entity-timeline .lane-label')), 'Sergey Lavrov', 'his own claims first');
  });

  it('keeps the address when switching language, and words the new pages in French', async () => {
    const id = await claimId(WARNING);
    const { doc } = await page(`/claims/${id}?asof=2019-12-11`, { 'Accept-Language': 'fr' });
    assert.equal(doc.querySelector('.lang-switch a[hreflang=en]')!.getAttribute('href'), `/claims/${id}?asof=2019-12-11&lang=en`);
    assert.match(textOf(doc.querySelector('.asof-banner')), /telle qu’elle était le mercredi 11 décembre 2019/);
    assert.match(textOf(doc.querySelector('#timeline')), /Statut : En cours de vérification/);
    assert.match(textOf(doc.querySelector('#timeline .timeline-day h3')), /mardi 10 décembre 2019/);
  });
});
