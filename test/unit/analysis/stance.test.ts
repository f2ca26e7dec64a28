import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claims, claimWith } from './helpers.ts';

test('denial verbs in both languages', () => {
  assert.equal(claimWith(claims('The mayor denied receiving any payment from the developer.', 'en'), 'payment').stance, 'deny');
  assert.equal(claimWith(claims("Le maire a démenti avoir reçu de l'argent du promoteur.", 'fr'), 'argent').stance, 'deny');
});

test('a negated denial is not a denial', () => {
  const fr = claimWith(claims("L'Elysée n'a pas démenti que le président envisageait un remaniement.", 'fr'), 'remaniement');
  assert.equal(fr.stance, 'assert');
  assert.equal(fr.negated, true);
  assert.equal(claimWith(claims('The ministry did not deny that talks had taken place.', 'en'), 'talks').stance, 'assert');
});

test('confirm, warn, accuse, question', () => {
  assert.equal(claimWith(claims('The club confirmed that its coach had resigned.', 'en'), 'coach').stance, 'confirm');
  assert.equal(claimWith(claims('La banque centrale a mis en garde contre une hausse des prix.', 'fr'), 'hausse').stance, 'warn');
  assert.equal(claimWith(claims('The union accused the company of breaking the law.', 'en'), 'breaking').stance, 'accuse');
  assert.equal(claimWith(claims('Critics questioned whether the figures were accurate.', 'en'), 'figures').stance, 'question');
});

test('a neutral verb takes its stance from what is said', () => {
  // An emphatic confirmation of a disputed fact.
  assert.equal(claimWith(claims('Le porte-parole Jean Roux a assuré que le ministre avait bien signé le décret.', 'fr'), 'décret').stance, 'confirm');
  // A quoted rebuttal in the negative.
  assert.equal(claimWith(claims('"We never discussed the merger," said chairman Paul Kemp.', 'en'), 'merger').stance, 'deny');
  // A negated modal is a stance on the future, not a denial.
  assert.equal(claimWith(claims('"We will not hesitate to raise rates," said Governor Adam Wrona.', 'en'), 'raise rates').stance, 'assert');
  // A conditional threat is a warning.
  assert.equal(claimWith(claims('"If they cross the line, we will respond," said General Omar Haddad.', 'en'), 'cross the line').stance, 'warn');
  // A quoted dismissal is a denial.
  assert.equal(claimWith(claims('Minister Eva Lind said the report was "absurd".', 'en'), 'report').stance, 'deny');
});

test('a quotation after a denial carries the denial on', () => {
  const list = claims('Coach Ivan Petrov denied the claims. "This is a story about nothing," he said.', 'en');
  assert.equal(claimWith(list, 'story about nothing').stance, 'deny');
});

test('blaming someone accuses; blaming a thing names a cause', () => {
  assert.equal(claimWith(claims('Union leader Rosa Imbert blamed the management for the closure.', 'en'), 'blamed').stance, 'accuse');
  assert.equal(claimWith(claims('Rosa Imbert runs the depot. The depot closed on Monday, with Imbert blaming a burst pipe.', 'en', '2024-03-06'), 'burst pipe').stance, 'assert');
});

test('a quoted rebuke or charge of negligence is an accusation, in both languages', () => {
  assert.equal(claimWith(claims('According to the opposition, the ruling is "a slap in the face" for the cabinet.', 'en'), 'slap').stance, 'accuse');
  assert.equal(claimWith(claims("Selon les syndicats, ce verdict est « un camouflet » pour la direction.", 'fr'), 'camouflet').stance, 'accuse');
});

test('a quotation charging others with wrongdoing accuses; the speaker\'s own side does not', () => {
  const other = claimWith(claims('Rosa Imbert leads the dockers. "The port authority ignored every safety report," Imbert said.', 'en'), 'ignored every');
  assert.equal(other.stance, 'accuse');
  const own = claimWith(claims('Rosa Imbert leads the dockers. "We refused the night shifts," Imbert said.', 'en'), 'night shifts');
  assert.equal(own.stance, 'assert');
  const fr = claimWith(claims("Rosa Imbert dirige le syndicat. « Le maire a caché les rapports », a déclaré Rosa Imbert.", 'fr'), 'caché');
  assert.equal(fr.stance, 'accuse');
});

test('more ways to deny and to warn: "brushed aside", "s\'est défendu d\'avoir", "a balayé"; "raised concerns", "tire la sonnette d\'alarme"', () => {
  assert.equal(claimWith(claims('The mayor brushed aside the allegations.', 'en'), 'brushed aside').stance, 'deny');
  assert.equal(claimWith(claims("Le maire s'est défendu d'avoir favorisé son frère.", 'fr'), 'favorisé').stance, 'deny');
  assert.equal(claimWith(claims('Le maire a balayé ces accusations.', 'fr'), 'balayé').stance, 'deny');
  assert.equal(claimWith(claims('Nurses raised concerns about the closure of two wards.', 'en'), 'two wards').stance, 'warn');
  assert.equal(claimWith(claims("Les urgentistes tirent la sonnette d'alarme sur la fermeture de deux services.", 'fr'), 'deux services').stance, 'warn');
  // Defending a view is no denial.
  assert.equal(claimWith(claims("L'avocate a défendu la thèse de l'accident.", 'fr'), 'accident').stance, 'assert');
});

test('asking whether questions; asking for something is a request, not a question', () => {
  assert.equal(claimWith(claims('Senator Ana Ruiz asked whether the contract had been audited.', 'en'), 'audited').stance, 'question');
  assert.equal(claimWith(claims('Senator Ana Ruiz asked the ministry to publish the contract.', 'en'), 'publish').stance, 'assert');
  assert.equal(claimWith(claims('La sénatrice Ana Ruiz a demandé si le contrat avait été audité.', 'fr'), 'audité').stance, 'question');
  assert.equal(claimWith(claims('La sénatrice Ana Ruiz a demandé la publication du contrat.', 'fr'), 'publication').stance, 'assert');
});

test('"a concédé" confirms; "s\'inscrit en faux" denies', () => {
  assert.equal(claimWith(claims('Le ministre a concédé que les délais avaient été dépassés.', 'fr'), 'délais').stance, 'confirm');
  assert.equal(claimWith(claims("Le ministre s'inscrit en faux contre ces chiffres.", 'fr'), 'chiffres').stance, 'deny');
});

test('sport and adjectives do not deny or warn: "a balayé son adversaire", "la population est inquiète", "the win assured a place"', () => {
  assert.notEqual(claimWith(claims('La joueuse Nina Roy a balayé son adversaire 6-1, 6-2.', 'fr'), 'adversaire').stance, 'deny');
  assert.notEqual(claimWith(claims('La population est inquiète après la crue.', 'fr'), 'population').stance, 'warn');
  assert.equal(claimWith(claims('The win assured Lyon a place in the final.', 'en'), 'place in the final').speaker, null);
  assert.equal(claimWith(claims("L'ONG Terra s'inquiète d'une hausse des expulsions.", 'fr'), 'expulsions').stance, 'warn');
});

test('"…, an accusation the company denied": the answer denies the clause before the comma', () => {
  const simple = claimWith(claims('Velta hid the defect for two years, an accusation the company denied.', 'en'), 'company denied');
  assert.equal(simple.stance, 'deny');
  assert.match(simple.speaker?.name ?? '', /company|Velta/);
  const nested = claims('The union said Velta had hidden the defect, a claim the carmaker denied.', 'en');
  assert.equal(claimWith(nested, 'carmaker denied').stance, 'deny');
  assert.equal(claimWith(nested, 'The union said').quote, 'The union said Velta had hidden the defect');
});
