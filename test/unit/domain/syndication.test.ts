import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { claims, mentions, sources } from '../../../db/schema/index.ts';
import { quoteSelector } from '../../../server/domain/anchors.ts';
import { hashBody } from '../../../server/domain/seed.ts';
import { commonOrder, containment, shingleBands, shinglesOf } from '../../../server/domain/shingles.ts';
import {
  detectSyndication,
  findAgencyCredit,
  groupBySyndication,
  refreshSyndicationOfClaim,
  setSyndication,
} from '../../../server/domain/syndication.ts';
import { Invalid } from '../../../server/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';

describe('agency credits', () => {
  it('reads credits in datelines, publisher fields and sign-offs, in English and French', () => {
    assert.equal(findAgencyCredit({ publisher: "L'Orient-Le Jour (AFP)" })?.agency, 'AFP');
    assert.equal(findAgencyCredit({ body: 'WASHINGTON (Reuters) - The White House said...', language: 'en' })?.agency, 'Reuters');
    assert.equal(findAgencyCredit({ body: 'Le texte.\n\nAvec AFP', language: 'fr' })?.agency, 'AFP');
    assert.equal(findAgencyCredit({ body: 'The story.\n— Associated Press', language: 'en' })?.agency, 'AP');
    assert.equal(findAgencyCredit({ author: 'By AFP', language: 'en' })?.where, 'author');
  });

  it('ignores picture credits, agencies merely mentioned, and lower-case lookalikes', () => {
    assert.equal(findAgencyCredit({ body: 'Mike Pompeo in Washington. Alex Wong/Getty Images/AFP', language: 'fr' }), null);
    assert.equal(findAgencyCredit({ body: 'Photos broadcast by the Russian state agency Tass showed Trump.', language: 'en' }), null);
    assert.equal(findAgencyCredit({ body: 'We met with ap staff (ap) later.', language: 'en' }), null);
  });
});

describe('near-duplicate text', () => {
  const text = 'The White House said Tuesday that the president had warned the Russian foreign minister against any attempt to interfere in American elections, which Moscow immediately denied at a press conference held at the embassy in Washington.';
  it('finds a trimmed reprint by containment and shares an LSH band with it', () => {
    const reprint = `Breaking news. ${text} Read more on our site.`;
    const other = 'Lawmakers in Paris debated a pension reform for the whole afternoon without reaching any agreement on the retirement age or on its financing, the speaker said.';
    assert.ok(containment(shinglesOf(text), shinglesOf(reprint)) > 0.9);
    assert.ok(containment(shinglesOf(text), shinglesOf(other)) < 0.1);
    const a = shingleBands(shinglesOf(text));
    assert.equal(a.length, 20);
    assert.ok(shingleBands(shinglesOf(reprint)).some((b) => a.includes(b)));
    assert.deepEqual(shingleBands(shinglesOf('Too short to judge.')), []);
  });

  it('measures how much two sequences agree in order', () => {
    assert.equal(commonOrder([1, 2, 3, 4, 5], [2, 1, 3, 4, 5]), 4);
  });
});

describe('grouping sources by the report they carry', () => {
  it('counts an agency dispatch carried by two outlets as one independent source', () => {
    const groups = groupBySyndication([
      { id: 1, title: 'FR', publisher: "L'Orient-Le Jour (AFP)", publishedOn: '2019-12-11', agency: 'AFP', syndicatedFromId: null },
      { id: 2, title: 'EN', publisher: null, publishedOn: null, agency: 'AFP', syndicatedFromId: 1 },
      { id: 3, title: 'Own reporting', publisher: 'The Daily', publishedOn: '2019-12-11', agency: null, syndicatedFromId: null },
    ]);
    assert.equal(groups.length, 2);
    const wire = groups.find((g) => g.rootId === 1)!;
    assert.equal(wire.label, 'AFP');
    assert.equal(wire.reprints, 2);
    assert.deepEqual(wire.members.map((m) => m.id), [1, 2]);
  });
});

describe('detecting syndication in the database', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.cleanup());

  const lead =
    'WASHINGTON (AFP) - The White House said Tuesday that President Trump had warned Sergei Lavrov against any Russian attempt to interfere in US elections. ' +
    'But the Russian minister denied receiving the warning directly. “In fact we did not even talk about elections,” he said at a press conference at the embassy. ' +
    'Mike Pompeo said on Wednesday that there was no doubt the president had made this clear during the meeting with the Russian delegation.';

  async function addSource(values: Partial<typeof sources.$inferInsert> & { title: string }) {
    const [row] = await database.db
      .insert(sources)
      .values({ ...values, bodyHash: values.body ? hashBody(values.body) : null })
      .returning();
    return row!;
  }

  it('credits the agency and links a same-language reprint to the earlier report', async () => {
    const original = await addSource({ title: 'Wire', body: lead, language: 'en', publishedOn: '2019-12-10' });
    const reprint = await addSource({
      title: 'Reprint',
      body: `World | Politics\n\n${lead.replace('WASHINGTON (AFP) - ', '')}\n\nShare this article`,
      language: 'en',
      publisher: 'The Daily Planet',
      publishedOn: '2019-12-11',
    });
    await database.db.transaction((tx) => detectSyndication(tx, null, original.id));
    const changes = await database.db.transaction((tx) => detectSyndication(tx, null, reprint.id));
    assert.ok(changes.some((c) => c.syndicatedFromId === original.id), JSON.stringify(changes));
    const [row] = await database.db.select().from(sources).where(eq(sources.id, reprint.id));
    assert.equal(row!.syndicatedFromId, original.id);
    assert.equal(row!.agency, 'AFP');
    assert.match(row!.syndicationNote!, /near-duplicate/);
  });

  it('links a translation carrying the same claims in the same order, and an editor can undo it for good', async () => {
    const fr = await addSource({ title: 'FR', body: 'Un. Deux. Trois. Quatre. Cinq.', language: 'fr', agency: 'AFP', publishedOn: '2019-12-11' });
    const en = await addSource({ title: 'EN', body: 'One. Two. Three. Four. Five.', language: 'en' });
    const claimIds: number[] = [];
    for (let i = 0; i < 5; i++) {
      const [c] = await database.db.insert(claims).values({ text: `Claim ${i}` }).returning();
      claimIds.push(c!.id);
      for (const s of [fr, en]) {
        const words = s.body!.split(' ');
        const start = s.body!.indexOf(words[i]!);
        await database.db.insert(mentions).values({ claimId: c!.id, sourceId: s.id, ...quoteSelector(s.body!, start, start + words[i]!.length), start, end: start + words[i]!.length });
      }
    }
    await database.db.transaction((tx) => refreshSyndicationOfClaim(tx, null, claimIds[4]!));
    let [row] = await database.db.select().from(sources).where(eq(sources.id, en.id));
    assert.equal(row!.syndicatedFromId, fr.id);
    assert.equal(row!.agency, 'AFP');
    assert.match(row!.syndicationNote!, /translation: 5 of the same claims/);

    await setSyndication(database.db, null, en.id, { agency: null, syndicatedFrom: null, note: 'Own reporting' });
    await database.db.transaction((tx) => refreshSyndicationOfClaim(tx, null, claimIds[4]!));
    [row] = await database.db.select().from(sources).where(eq(sources.id, en.id));
    assert.equal(row!.syndicatedFromId, null, "detection never overrides an editor's choice");
    await assert.rejects(setSyndication(database.db, null, fr.id, { agency: null, syndicatedFrom: fr.id, note: null }), Invalid);
  });
});
