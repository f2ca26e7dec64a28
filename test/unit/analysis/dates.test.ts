import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates, latestWeekday } from '../../../server/analysis/dates.ts';
import { getLexicon } from '../../../server/analysis/lexicons/index.ts';
import { claims, claimWith } from './helpers.ts';

const dates = (text: string, code: string, published: string | null) =>
  findDates(text, { start: 0, end: text.length }, getLexicon(code), published).map((d) => d.value);

test('a weekday is the latest such day on or before publication', () => {
  // Wednesday 11 December 2019: "Tuesday" is the 10th, "Thursday" the 5th (not the 12th).
  assert.deepEqual(dates('The minister said on Tuesday that talks had failed.', 'en', '2019-12-11'), ['2019-12-10']);
  assert.deepEqual(dates('The court ruled on Thursday.', 'en', '2019-12-11'), ['2019-12-05']);
  assert.deepEqual(dates('Il a été reçu mardi par le président.', 'fr', '2019-12-11'), ['2019-12-10']);
  assert.equal(latestWeekday(3, '2019-12-11'), '2019-12-11');
});

test('a weekday in a sentence about the future is the next one', () => {
  assert.deepEqual(dates('The mission said it would publish its report on Thursday.', 'en', '2022-10-11'), ['2022-10-13']);
});

test('relative days and partial dates', () => {
  assert.deepEqual(dates('Hier, le gouvernement a reculé.', 'fr', '2024-01-26'), ['2024-01-25']);
  assert.deepEqual(dates('In May 2017, photos of the visit were published.', 'en', '2019-12-11'), ['2017-05']);
  assert.deepEqual(dates('Le 11 décembre 2019, à Washington.', 'fr', null), ['2019-12-11']);
});

test('a day and month without a year is not later than publication', () => {
  assert.deepEqual(dates('The sample was collected on July 2.', 'en', '2022-07-13'), ['2022-07-02']);
  assert.deepEqual(dates('The sample was collected on December 20.', 'en', '2022-07-13'), ['2021-12-20']);
});

test('without a publication date, relative days are not guessed', () => {
  assert.deepEqual(dates('The minister said on Tuesday that talks had failed.', 'en', null), []);
});

test('a possessive weekday names the day: "Sunday\'s vote"', () => {
  // Friday 7 June 2024.
  assert.deepEqual(dates("Sunday's vote was marred by delays.", 'en', '2024-06-07'), ['2024-06-02']);
});

test('relative days of several words: "this morning", "last night", "ce soir", "hier soir"', () => {
  assert.deepEqual(dates('The ferry ran aground this morning off the cape.', 'en', '2024-06-07'), ['2024-06-07']);
  assert.deepEqual(dates('Two shops were looted last night.', 'en', '2024-06-07'), ['2024-06-06']);
  assert.deepEqual(dates('The ferry left the day before yesterday.', 'en', '2024-06-07'), ['2024-06-05']);
  assert.deepEqual(dates('Le conseil se réunit ce soir en urgence.', 'fr', '2024-06-07'), ['2024-06-07']);
  assert.deepEqual(dates('Deux commerces ont été pillés hier soir.', 'fr', '2024-06-07'), ['2024-06-06']);
  // A word that only ends such phrases dates nothing alone.
  assert.deepEqual(dates('The morning was calm.', 'en', '2024-06-07'), []);
});

test('a calendar date right after the verb dates the statement: "said on May 14 that", "a affirmé le 14 mai que"', () => {
  const en = claimWith(claims('Hugo Lemaire said on May 14 that the port would reopen.', 'en', '2024-05-16'), 'port would reopen');
  assert.equal(en.claimedOn, '2024-05-14');
  const fr = claimWith(claims('Hugo Lemaire a affirmé le 14 mai que le port rouvrirait.', 'fr', '2024-05-16'), 'port rouvrirait');
  assert.equal(fr.claimedOn, '2024-05-14');
});

test('"three days ago" and "il y a trois jours" count back from publication', () => {
  assert.deepEqual(dates('The dyke broke three days ago.', 'en', '2024-06-07'), ['2024-06-04']);
  assert.deepEqual(dates('La digue a cédé il y a 3 jours.', 'fr', '2024-06-07'), ['2024-06-04']);
  assert.deepEqual(dates('La grève a duré trois jours.', 'fr', '2024-06-07'), []);
});

test('a day and month in a clause about the future is the next such date', () => {
  assert.deepEqual(dates('Le jugement sera rendu le 12 décembre.', 'fr', '2024-11-22'), ['2024-12-12']);
  assert.deepEqual(dates('The verdict will be delivered on 3 January.', 'en', '2024-11-22'), ['2025-01-03']);
  assert.deepEqual(dates('The verdict was delivered on 3 January.', 'en', '2024-11-22'), ['2024-01-03']);
});
