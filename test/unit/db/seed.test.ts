import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { claimLinks, claims, mentions, reviews, sources, stories, storyClaims } from '../../../db/schema/index.ts';
import { readDemo, seedDemo } from '../../../server/domain/seed.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';

describe('seedDemo', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase({ seed: false });
  });
  after(() => database.cleanup());

  it('loads the demo story, and a second run writes nothing', async () => {
    const first = await seedDemo(database.db);
    assert.equal(first.created, true);
    const counts = async () => ({
      sources: (await database.db.select({ n: count() }).from(sources))[0]!.n,
      claims: (await database.db.select({ n: count() }).from(claims))[0]!.n,
      mentions: (await database.db.select({ n: count() }).from(mentions))[0]!.n,
      links: (await database.db.select({ n: count() }).from(claimLinks))[0]!.n,
      reviews: (await database.db.select({ n: count() }).from(reviews))[0]!.n,
    });
    const before = await counts();
    assert.equal(before.sources, 2);
    assert.ok(before.claims >= 20, `expected the demo claims, got ${before.claims}`);
    assert.ok(before.links >= 5);
    assert.ok(before.reviews >= 3);
    const second = await seedDemo(database.db);
    assert.equal(second.created, false);
    assert.deepEqual(await counts(), before);
  });

  it('anchors every mention: the stored offsets point at the quote in the stored body', async () => {
    const rows = await database.db
      .select({ quote: mentions.quote, start: mentions.start, end: mentions.end, prefix: mentions.prefix, body: sources.body })
      .from(mentions)
      .innerJoin(sources, eq(sources.id, mentions.sourceId));
    assert.ok(rows.length > 0);
    for (const m of rows) {
      assert.equal(m.body!.slice(m.start, m.end), m.quote);
      assert.equal(m.body!.slice(m.start - m.prefix.length, m.start), m.prefix);
    }
  });

  it('joins the White House statement across the French and English articles in one claim', async () => {
    const { demo } = await readDemo();
    const warning = demo.claims.find((c) => c.key === 'wh-warning')!;
    assert.deepEqual(new Set(warning.mentions.map((m) => m.source)), new Set(['seed-fr', 'seed-en']));
    const [row] = await database.db.select({ id: claims.id }).from(claims).where(eq(claims.text, warning.text));
    const sourcesOfClaim = await database.db
      .selectDistinct({ language: sources.language })
      .from(mentions)
      .innerJoin(sources, eq(sources.id, mentions.sourceId))
      .where(eq(mentions.claimId, row!.id));
    assert.deepEqual(sourcesOfClaim.map((s) => s.language).sort(), ['en', 'fr']);
    const contradictions = await database.db
      .select({ n: count() })
      .from(claimLinks)
      .where(eq(claimLinks.toClaimId, row!.id));
    assert.ok(contradictions[0]!.n >= 2);
  });

  it('puts every demo claim in the story', async () => {
    const [story] = await database.db.select().from(stories);
    assert.equal(story?.title, 'Lavrov in Washington, December 2019');
    const [n] = await database.db.select({ n: count() }).from(storyClaims).where(eq(storyClaims.storyId, story!.id));
    const [all] = await database.db.select({ n: count() }).from(claims);
    assert.equal(n!.n, all!.n);
  });

  it('sets each reviewed claim to its latest review, published', async () => {
    const rows = await database.db
      .select({ id: claims.id, status: claims.status, publishedStatus: claims.publishedStatus })
      .from(claims);
    for (const claim of rows) {
      const history = await database.db
        .select({ status: reviews.status })
        .from(reviews)
        .where(eq(reviews.claimId, claim.id))
        .orderBy(reviews.createdAt);
      assert.equal(claim.status, history.at(-1)?.status ?? 'unreviewed');
      assert.equal(claim.publishedStatus, claim.status);
    }
  });
});
