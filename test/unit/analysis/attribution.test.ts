import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claims, claimWith } from './helpers.ts';

test('speaker before the verb, with a complement clause', () => {
  const c = claimWith(claims('The Finance Minister Ewa Nowak said on Monday that the budget deficit would fall to 3% next year.', 'en'), 'deficit');
  assert.equal(c.speaker?.name, 'Ewa Nowak');
  assert.match(c.quote, /^The Finance Minister Ewa Nowak said/);
});

test('quotation first, speaker after the verb ("“…,” said X") and French inversion', () => {
  const en = claimWith(claims('“We will appeal this ruling,” said lawyer Tom Reyes.', 'en'), 'appeal');
  assert.equal(en.quote, 'We will appeal this ruling');
  assert.equal(en.speaker?.name, 'Tom Reyes');
  const fr = claimWith(claims('"Nous ferons appel", a déclaré l\'avocat Marc Blanc.', 'fr'), 'appel');
  assert.equal(fr.quote, 'Nous ferons appel');
  assert.equal(fr.speaker?.name, 'Marc Blanc');
});

test('"according to X" and "selon X"', () => {
  assert.equal(claimWith(claims('According to the World Health Organization, cases rose by 12% last week.', 'en'), 'cases rose').speaker?.name, 'World Health Organization');
  assert.equal(claimWith(claims("Selon l'ONU, 300 000 personnes ont fui les combats.", 'fr'), 'personnes').speaker?.name, 'United Nations');
});

test('"Y, the company said" gives the company the statement before the comma', () => {
  const list = claims('Nova Pharma is recalling 30,000 inhalers over a faulty valve. The defect affects batches made in 2022, the company said on Friday.', 'en', '2023-05-06');
  const c = claimWith(list, 'batches made in 2022');
  assert.equal(c.speaker?.name, 'Nova Pharma');
  assert.equal(c.quote, 'The defect affects batches made in 2022');
});

test('pronouns point back to the person named before; a quote with "he said" belongs to him', () => {
  const list = claims('Coach Ivan Petrov denied that his players had been paid. "Nobody received a cent," he said.', 'en');
  assert.equal(claimWith(list, 'Nobody received').speaker?.name, 'Ivan Petrov');
});

test('role nouns resolve to the office holder named earlier, across languages of wording', () => {
  const fr = claims("Le ministre russe des Affaires étrangères Sergueï Lavrov était à Paris lundi. Mardi, le chef de la diplomatie russe a nié toute ingérence.", 'fr');
  assert.match(claimWith(fr, 'a nié').speaker?.name ?? '', /Lavrov/);
  const en = claims('German Foreign Minister Anna Weber met her counterpart in Rome. Later, the German minister said the talks had been useful.', 'en');
  assert.equal(claimWith(en, 'talks had been useful').speaker?.name, 'Anna Weber');
});

test('an apposition names the speaker: "A lawyer, Daniel Ortiz, accused…"', () => {
  const c = claimWith(claims('A lawyer for the families, Daniel Ortiz, accused the hospital of hiding the errors.', 'en'), 'accused');
  assert.equal(c.speaker?.name, 'Daniel Ortiz');
  assert.equal(c.stance, 'accuse');
});

test('the outlet asserts what nobody is said to have said', () => {
  const c = claimWith(claims('The bridge collapsed on Sunday, killing four people.', 'en', '2021-03-02'), 'bridge');
  assert.equal(c.speaker, null);
  assert.equal(c.stance, 'assert');
});

test('a relative clause gives its antecedent a statement of its own', () => {
  const list = claims('The inspectors met Mayor Lena Vogt, who denied any wrongdoing.', 'en');
  const c = claimWith(list, 'denied any wrongdoing');
  assert.equal(c.speaker?.name, 'Lena Vogt');
  assert.equal(c.stance, 'deny');
});

test('one sentence, two propositions: "X insisted on A, and on the fact that B"', () => {
  const list = claims('The envoy Karl Berg insisted on the respect of the 2015 accords, and on the fact that "the border was never disputed".', 'en');
  const first = claimWith(list, 'respect of the 2015 accords');
  const second = claimWith(list, 'the border was never disputed');
  assert.notEqual(first.start, second.start);
  assert.equal(second.speaker?.name, 'Karl Berg');
});
