import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Discourse, findMentions, nameKey } from '../../../server/analysis/entities.ts';
import { isReportingVerbAt } from '../../../server/analysis/attribution.ts';
import { getLexicon } from '../../../server/analysis/lexicons/index.ts';
import { tokenize } from '../../../server/analysis/text.ts';
import { claims, claimWith } from './helpers.ts';

function mentions(text: string, code: string) {
  const lex = getLexicon(code);
  const tokens = tokenize(text, 0, text.length, lex);
  return findMentions(tokens, lex, { properNouns: new Set(), inQuote: () => false, isVerb: (t, i) => isReportingVerbAt(t, i, lex) });
}

test('transliterations of one name share a key', () => {
  const fr = getLexicon('fr');
  const en = getLexicon('en');
  assert.equal(nameKey('Sergueï Lavrov', fr).split(' ')[0], nameKey('Sergei Lavrov', en).split(' ')[0]);
  assert.equal(nameKey('Sergey', en), nameKey('Sergei', en));
  assert.equal(nameKey('Poutine', fr), nameKey('Putin', en));
});

test('known institutions take their English name in any language', () => {
  const m = mentions('La Maison Blanche a répondu.', 'fr');
  const d = new Discourse(getLexicon('fr'));
  assert.equal(d.resolve(m[0]!, 0)?.name, 'White House');
  assert.equal(claimWith(claims('Le Conseil constitutionnel a estimé que la loi était contraire à la Constitution.', 'fr'), 'contraire').speaker?.name, 'Constitutional Council');
});

test('a role and the name after it are one person with an office and a country', () => {
  const [m] = mentions('le chef de la diplomatie américaine Mike Pompeo', 'fr');
  assert.equal(m?.name, 'Mike Pompeo');
  assert.equal(m?.role?.office, 'foreign-minister');
  assert.equal(m?.role?.country, 'US');
});

test('an acronym in brackets keys the organisation in both languages', () => {
  const en = claimWith(claims('The sample was positive, the Athletics Integrity Unit (AIU) said.', 'en'), 'positive');
  const fr = claimWith(claims("L'échantillon était positif, a annoncé l'Unité d'intégrité de l'athlétisme (AIU).", 'fr'), 'positif');
  assert.equal(en.speaker?.key, 'org:aiu');
  assert.equal(fr.speaker?.key, 'org:aiu');
});

test('an unknown name becomes a new entity; its surname alone finds it again', () => {
  const list = claims('Prosecutor Nadia Berg opened an inquiry on Monday. Berg said the evidence was solid.', 'en');
  const c = claimWith(list, 'evidence');
  assert.equal(c.speaker?.name, 'Nadia Berg');
  assert.equal(c.speaker?.kind, 'person');
});

test('"the company" points back to the company named before', () => {
  const list = claims('Carmaker Halden Motors recalled 5,000 vans. The company said no one had been hurt.', 'en');
  assert.equal(claimWith(list, 'no one had been hurt').speaker?.name, 'Halden Motors');
});

test('a role named before its holder becomes that person ("its governor" … "Governor Ana Ruiz")', () => {
  const list = claims('The central bank held rates, and its governor warned of higher prices. "We are not done," Governor Ana Ruiz said.', 'en');
  assert.equal(claimWith(list, 'higher prices').speaker?.name, 'Ana Ruiz');
});

test('names with particles: "Bashar al-Khatib" / "Al-Khatib", "Anna van der Berg", "Dominique de Villiers"', () => {
  const ar = claims('Bashar al-Khatib said 200 shops had closed. Al-Khatib added that rents had doubled.', 'en');
  assert.equal(claimWith(ar, 'rents had doubled').speaker?.name, 'Bashar al-Khatib');
  const nl = claims('Anna van der Berg said 200 shops had closed. Van der Berg added that rents had doubled.', 'en');
  assert.equal(claimWith(nl, '200 shops').speaker?.name, 'Anna van der Berg');
  const fr = claims('Dominique de Villiers a affirmé que 200 commerces avaient fermé. Selon Villiers, les loyers ont doublé.', 'fr');
  assert.equal(claimWith(fr, '200 commerces').speaker?.name, 'Dominique de Villiers');
});

test('"Sean O\'Brien, the union\'s president, said": a possessive description between commas', () => {
  assert.equal(claimWith(claims("Rosa Kehl, the airline's chief pilot, said 14 flights were cancelled.", 'en'), '14 flights').speaker?.name, 'Rosa Kehl');
});

test('"the company" refers back to a business named with another word ("streaming service Lumo")', () => {
  const list = claims('Streaming service Lumo said on Thursday that 2 million accounts were hacked. The company said the attack was detected on Monday.', 'en', '2024-03-08');
  const c = claimWith(list, 'attack was detected');
  assert.equal(c.speaker?.name, 'Lumo');
  assert.equal(c.claimedOn, '2024-03-07');
});
