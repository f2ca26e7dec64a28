import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkworthiness } from '../../../server/analysis/checkworthiness.ts';
import { claims, claimWith } from './helpers.ts';

const base = { attributed: false, stance: 'assert' as const, entities: 0, numbers: 0, dates: 0, quoted: false, hedges: 0, opinions: 0, pledges: 0, words: 12, caption: false, question: false };

test('scores stay in [0, 1] and rise with verifiable content', () => {
  const plain = checkworthiness(base);
  const rich = checkworthiness({ ...base, attributed: true, stance: 'deny', entities: 3, numbers: 2, dates: 1 });
  assert.ok(plain >= 0 && plain <= 1 && rich >= 0 && rich <= 1);
  assert.ok(rich > plain);
});

test('hedges, opinions, pledges and captions lower the score', () => {
  const plain = checkworthiness({ ...base, entities: 2 });
  for (const worse of [{ hedges: 2 }, { opinions: 2 }, { pledges: 1 }, { caption: true }, { question: true }]) {
    assert.ok(checkworthiness({ ...base, entities: 2, ...worse }) < plain, JSON.stringify(worse));
  }
});

test('a dated, numbered denial outranks an opinion', () => {
  const list = claims('The ministry denied on Tuesday that 4,000 jobs would be cut. Critics said the plan was a shameful betrayal.', 'en');
  assert.ok(claimWith(list, '4,000 jobs').checkworthiness > claimWith(list, 'shameful').checkworthiness);
});

test('appeals and statements of need rank below a figure the outlet reports', () => {
  const en = claims('The regional council urged residents to stay calm. Water levels rose 1.8 metres on Monday, the highest since 1994.', 'en', '2024-02-14');
  assert.ok(claimWith(en, '1.8 metres').checkworthiness > claimWith(en, 'stay calm').checkworthiness);
  const needs = claims('The mayor said the town needed more firefighters. The mayor said the town had lost 120 homes.', 'en', '2024-02-14');
  assert.ok(claimWith(needs, '120 homes').checkworthiness > claimWith(needs, 'more firefighters').checkworthiness);
  const fr = claims("Le maire a exhorté les habitants au calme. Le niveau de l'eau est monté de 1,8 mètre lundi.", 'fr', '2024-02-14');
  assert.ok(claimWith(fr, '1,8 mètre').checkworthiness > claimWith(fr, 'au calme').checkworthiness);
});

test('a short sentence dense with figures is not penalised as too short', () => {
  const base2 = { ...base, words: 4 };
  assert.ok(checkworthiness({ ...base2, numbers: 2 }) > checkworthiness({ ...base2, numbers: 0 }) + 0.2);
  const list = claims('The mood was tense and sad. Turnout was 54%, up from 49%.', 'en', '2024-02-14');
  assert.ok(claimWith(list, 'Turnout').checkworthiness > claimWith(list, 'mood').checkworthiness + 0.2);
});

test('procedural remarks rank below a verifiable statement of the same speaker', () => {
  const en = claims('The agency said it had recalled 12,000 bottles. The agency said it would not comment further.', 'en', '2024-02-14');
  assert.ok(claimWith(en, '12,000 bottles').checkworthiness > claimWith(en, 'comment further').checkworthiness);
  const fr = claims("L'agence a indiqué avoir rappelé 12 000 flacons. L'agence n'a pas souhaité commenter davantage.", 'fr', '2024-02-14');
  assert.ok(claimWith(fr, '12 000 flacons').checkworthiness > claimWith(fr, 'commenter').checkworthiness);
});

test('figures written in words count as figures; "the two ministers" does not', () => {
  const en = claims('The storm was frightening. Three people died and hundreds were evacuated. The two ministers visited the area.', 'en', '2024-02-14');
  assert.ok(claimWith(en, 'Three people').checkworthiness > claimWith(en, 'frightening').checkworthiness);
  assert.ok(claimWith(en, 'Three people').checkworthiness > claimWith(en, 'two ministers').checkworthiness);
  const fr = claims("La tempête était effrayante. Trois personnes sont mortes et des centaines ont été évacuées.", 'fr', '2024-02-14');
  assert.ok(claimWith(fr, 'Trois personnes').checkworthiness > claimWith(fr, 'effrayante').checkworthiness);
});
