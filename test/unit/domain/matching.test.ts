import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { findMatchKeyFrequencies, type KeyFrequencies } from '../../../db/queries/candidates.ts';
import { claims, entities } from '../../../db/schema/index.ts';
import type { ClaimFeatures } from '../../../server/analysis/index.ts';
import {
  candidateKeySets,
  candidatePairs,
  entityFeatureKey,
  findSameClaimCandidates,
  matchKeysOf,
  searchQueryOf,
} from '../../../server/domain/matching.ts';
import { createTestDatabase, type TestDatabase } from '../../support/db.ts';

const features = (f: Partial<ClaimFeatures>): ClaimFeatures => ({
  v: 1, language: 'en', claimant: null, subjects: [], predicate: 'say', stance: 'assert', polarity: 'positive',
  dates: [], numbers: [], concepts: [], context: [], terms: [], anaphoric: false, ...f,
});
const has = (sets: string[][], set: string[]) => sets.some((s) => s.length === set.length && set.every((k) => s.includes(k)));

describe('choosing the key sets to look up', () => {
  const keys = ['c:1', 's:2', 'p:warn', 'k:election', 'd:2024-03-05'];

  it('looks up every pair while nothing tells how common the keys are', () => {
    assert.deepEqual(candidateKeySets(keys, null), candidatePairs(keys));
  });

  it('leaves out a pair held by thousands of claims, and the rarest sets come first', () => {
    const frequencies: KeyFrequencies = { claims: 1_000_000, floor: 0.0005, shares: new Map([['c:1', 0.07], ['p:warn', 0.2], ['k:election', 0.1]]) };
    const sets = candidateKeySets(keys, frequencies);
    assert.ok(!has(sets, ['c:1', 'p:warn']), 'a popular speaker warning is no clue');
    assert.ok(has(sets, ['c:1', 'd:2024-03-05']));
    assert.ok(has(sets, ['s:2', 'p:warn']));
    assert.deepEqual(sets[0]!.sort(), ['d:2024-03-05', 's:2']);
  });

  it('makes common pairs specific with a third key, and keeps a few sets when every key is common', () => {
    const common = ['c:1', 'p:warn', 'k:election', 'k:fraud'];
    const frequencies: KeyFrequencies = {
      claims: 1_000_000, floor: 0.0005,
      shares: new Map([['c:1', 0.07], ['p:warn', 0.2], ['k:election', 0.1], ['k:fraud', 0.05]]),
    };
    const sets = candidateKeySets(common, frequencies);
    assert.deepEqual(sets[0], ['c:1', 'k:election', 'k:fraud']);
    assert.equal(sets.length, 3, 'topped up with the least common pairs');

    const everywhere: KeyFrequencies = { claims: 1_000_000, floor: 0.0005, shares: new Map(common.map((k) => [k, 0.9])) };
    assert.equal(candidateKeySets(common, everywhere).length, 3);
  });
});

describe('the full-text query for claims the keys miss', () => {
  it('asks for three of the rarest lexemes, leaving out those in many claims', () => {
    const query = searchQueryOf([
      { lexeme: 'déclar', share: 0.3 },
      { lexeme: 'coupur', share: null },
      { lexeme: 'électr', share: 0.004 },
      { lexeme: 'lyon', share: null },
      { lexeme: 'ministr', share: 0.01 },
      { lexeme: 'l', share: null },
    ]);
    assert.equal(query, "'coupur' & 'lyon' & 'électr' | 'coupur' & 'lyon' & 'ministr' | 'coupur' & 'électr' & 'ministr' | 'lyon' & 'électr' & 'ministr'");
  });

  it('gives up when fewer than three lexemes are specific, and quotes what it keeps', () => {
    assert.equal(searchQueryOf([{ lexeme: 'déclar', share: 0.3 }, { lexeme: 'coupur', share: null }, { lexeme: 'lyon', share: null }]), null);
    assert.equal(searchQueryOf([{ lexeme: "aujourd'hui", share: null }, { lexeme: 'coupur', share: null }, { lexeme: 'lyon', share: null }]), "'aujourd''hui' & 'coupur' & 'lyon'");
  });
});

describe('same-claim candidates from the database', () => {
  let database: TestDatabase;
  let twinId: number;
  let presidentId: number;
  let president: string;
  let twin: ClaimFeatures;
  before(async () => {
    database = await createTestDatabase();
    const [p, c] = await database.db
      .insert(entities)
      .values([
        { slug: 'president', name: 'The President', kind: 'person' },
        { slug: 'electoral-commission', name: 'Electoral Commission', kind: 'organisation' },
      ])
      .returning({ id: entities.id });
    presidentId = p!.id;
    president = entityFeatureKey(p!.id);
    twin = features({ claimant: president, subjects: [entityFeatureKey(c!.id)], predicate: 'warn', concepts: ['warn', 'election', 'fraud'], dates: ['2024-03-05'] });
  });
  after(() => database.cleanup());

  it('has no key statistics before the claims are analysed', async () => {
    assert.equal(await findMatchKeyFrequencies(database.db, matchKeysOf(twin)), null);
  });

  it('finds the English claim for its French restatement among claims sharing its common keys', async () => {
    // 1,200 warnings by the same speaker about the election: the pair alone says little.
    const common = features({ claimant: president, predicate: 'warn', concepts: ['warn', 'election'] });
    await database.db.execute(sql`
      insert into ${claims} (text, language, claimant_id, claimed_on, match_keys, match_features)
      select 'The President warned about the election, statement ' || i, 'en', ${presidentId}::int, date '2020-01-01' + i,
             ${sql.raw(`array[${matchKeysOf(common).map((k) => `'${k}'`).join(', ')}]`)}::text[] || array['d:' || to_char(date '2020-01-01' + i, 'YYYY-MM-DD')],
             ${JSON.stringify(common)}::jsonb
      from generate_series(1, 1200) as i`);
    const [row] = await database.db
      .insert(claims)
      .values({ text: 'The President warned the Electoral Commission of fraud in the election', language: 'en', claimantId: presidentId, claimedOn: '2024-03-05', matchKeys: matchKeysOf(twin), matchFeatures: twin })
      .returning({ id: claims.id });
    twinId = row!.id;
    await database.db.execute(sql`analyze ${claims}`);

    const frequencies = await findMatchKeyFrequencies(database.db, matchKeysOf(twin));
    assert.ok(frequencies, 'statistics after ANALYZE');
    const speaker = `c:${presidentId}`;
    assert.ok((frequencies.shares.get(speaker) ?? 0) > 0.9, JSON.stringify([...frequencies.shares]));
    assert.ok(!has(candidateKeySets(matchKeysOf(twin), frequencies), [speaker, 'p:warn']));

    const found = await findSameClaimCandidates(database.db, {
      features: { ...twin, language: 'fr' },
      text: 'Le président a mis en garde la Commission électorale contre des fraudes lors de l’élection',
      language: 'fr',
    });
    assert.equal(found[0]?.id, twinId);
    assert.ok(found[0]!.reasons.some((r) => r.key === 'match.reason.otherLanguage'));
  });

  it('finds a claim without matching keys by its wording, in the same language', async () => {
    const [row] = await database.db
      .insert(claims)
      .values({ text: 'Le ministre a démenti toute coupure d’électricité à Lyon cet hiver', language: 'fr' })
      .returning({ id: claims.id });
    const found = await findSameClaimCandidates(database.db, {
      features: features({ language: 'fr' }),
      text: 'Le ministre a démenti toute coupure d’électricité à Lyon pour cet hiver',
      language: 'fr',
    });
    assert.deepEqual(found.map((c) => c.id), [row!.id]);
  });

  it('still offers candidates for a claim whose keys are all common', async () => {
    const found = await findSameClaimCandidates(database.db, {
      features: features({ language: 'fr', claimant: president, predicate: 'warn', concepts: ['warn', 'election'] }),
      text: 'Le président a mis en garde au sujet de l’élection',
      language: 'fr',
    });
    assert.ok(found.length > 0);
    assert.ok(found.every((c) => c.reasons.some((r) => r.key === 'match.reason.sameClaimant')));
  });
});
