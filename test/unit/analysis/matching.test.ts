import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupSameClaims, scoreSameClaim, suggestLinks, type LinkableClaim } from '../../../server/analysis/matching.ts';
import { analyzeArticle } from '../../../server/analysis/index.ts';
import { claimWith } from './helpers.ts';

const en = analyzeArticle(
  'Kenyan runner Joy Akinyi has been suspended after testing positive for a banned steroid, the Athletics Integrity Unit (AIU) said on Tuesday. Akinyi denied knowingly taking a banned substance on Wednesday.',
  { language: 'en', published: '2022-07-13' },
).claims;
const fr = analyzeArticle(
  "La coureuse kényane Joy Akinyi a été suspendue après un contrôle positif à un stéroïde interdit, a annoncé mardi l'Unité d'intégrité de l'athlétisme (AIU). Akinyi a nié mercredi avoir pris sciemment un produit interdit.",
  { language: 'fr', published: '2022-07-13' },
).claims;

test('the same statement in English and French scores high, with reasons', () => {
  const a = claimWith(en, 'suspended');
  const b = claimWith(fr, 'suspendue');
  const s = scoreSameClaim(a.features, b.features);
  assert.ok(s.score >= 0.5, `${s.score} ${s.reasons}`);
  assert.ok(s.reasons.some((r) => r.startsWith('same claimant')));
  assert.ok(s.reasons.some((r) => r.startsWith('overlapping terms')));
});

test('the features are plain JSON', () => {
  const f = claimWith(en, 'suspended').features;
  assert.deepEqual(JSON.parse(JSON.stringify(f)), f);
});

test('a denial by the athlete is not the same claim as the suspension, and contradicts it', () => {
  const suspension = claimWith(en, 'suspended');
  const denial = claimWith(en, 'denied');
  assert.ok(scoreSameClaim(suspension.features, denial.features).score < 0.5);
  const claims: LinkableClaim[] = [
    { id: 'en1', features: suspension.features, source: 'en', order: 0, sentence: 0 },
    { id: 'en2', features: denial.features, source: 'en', order: 1, sentence: 1 },
    { id: 'fr1', features: claimWith(fr, 'suspendue').features, source: 'fr', order: 0, sentence: 0 },
    { id: 'fr2', features: claimWith(fr, 'nié').features, source: 'fr', order: 1, sentence: 1 },
  ];
  const groups = groupSameClaims(claims);
  assert.ok(groups.some((g) => g.includes('en1') && g.includes('fr1')), JSON.stringify(groups));
  assert.ok(groups.some((g) => g.includes('en2') && g.includes('fr2')), JSON.stringify(groups));
  const links = suggestLinks(claims);
  assert.ok(links.some((l) => l.kind === 'contradicts' && [l.from, l.to].sort().join() === 'en1,en2'), JSON.stringify(links));
  assert.ok(links.every((l) => l.reason.length > 0));
});

test('a rebuttal of "the accusation" answers the accusation before it', () => {
  const list = analyzeArticle('Union leader Rosa Diaz accused the airline of cutting safety checks. The company rejected the accusation.', { language: 'en', published: '2022-01-05' }).claims;
  const claims = list.map((c, i) => ({ id: `c${i}`, features: c.features, source: 'a', order: i, sentence: c.sentence }));
  const links = suggestLinks(claims);
  const accusation = `c${list.findIndex((c) => c.quote.includes('safety checks'))}`;
  const rebuttal = `c${list.findIndex((c) => c.quote.includes('rejected'))}`;
  assert.ok(links.some((l) => l.kind === 'contradicts' && l.from === rebuttal && l.to === accusation), JSON.stringify(links));
});
