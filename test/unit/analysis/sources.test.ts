// How news copy names its sources beyond "X said": groups without an article, descriptions set
// off by commas, spokespeople and documents standing for the body that issued them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claims, claimWith } from './helpers.ts';

test('a group without an article speaks: "police said", "Officials said", "according to fire officials"', () => {
  assert.equal(claimWith(claims('Four cars were set alight overnight, police said.', 'en'), 'cars were set').speaker?.name, 'police');
  assert.equal(claimWith(claims('Officials said the road would reopen.', 'en'), 'road would reopen').speaker?.name.toLowerCase(), 'officials');
  assert.match(claimWith(claims('The flood reached 40 villages, according to rescue officials.', 'en'), '40 villages').speaker?.name ?? '', /officials/i);
});

test('French groups of witnesses and emergency services are sources', () => {
  assert.match(claimWith(claims("Le feu a parcouru 200 hectares, selon les pompiers.", 'fr'), '200 hectares').speaker?.name ?? '', /pompiers/);
  assert.match(claimWith(claims("« On a tout perdu », a confié un habitant du quartier.", 'fr'), 'tout perdu').speaker?.name ?? '', /habitant/);
});

test('a description between commas does not hide the subject', () => {
  const en = claimWith(claims('Dr. Mira Sandoval, a hydrologist at Tarn University, warned that the dam could fail.', 'en'), 'dam could fail');
  assert.equal(en.speaker?.name, 'Mira Sandoval');
  assert.equal(en.stance, 'warn');
  const fr = claimWith(claims("Mira Sandoval, hydrologue à l'université de Tarn, a averti que le barrage pourrait céder.", 'fr'), 'barrage');
  assert.equal(fr.speaker?.name, 'Mira Sandoval');
  assert.equal(fr.stance, 'warn');
});

test('a spokesperson speaks for the body named after them', () => {
  const en = claimWith(claims('A spokeswoman for the transport ministry said 14 trains had been cancelled.', 'en'), '14 trains');
  assert.match(en.speaker?.name ?? '', /ministry/i);
  assert.match(en.quote, /^A spokeswoman/);
});

test('"according to a statement from X" and "selon un communiqué de X" name X', () => {
  assert.equal(claimWith(claims('According to a statement from Harbor Authority, two cranes collapsed.', 'en'), 'two cranes').speaker?.name, 'Harbor Authority');
  assert.match(claimWith(claims('Selon un communiqué de la préfecture, deux ponts sont fermés.', 'fr'), 'deux ponts').speaker?.name ?? '', /préfecture/);
});

test('office titles of local news name their holder: fire chief, préfet', () => {
  assert.equal(claimWith(claims('Fire chief Dana Kowal said the blaze was contained.', 'en'), 'blaze was contained').speaker?.name, 'Dana Kowal');
  assert.match(claimWith(claims('Le préfet a indiqué que 300 pompiers étaient mobilisés.', 'fr'), '300 pompiers').speaker?.name ?? '', /préfet/i);
});

test('a quotation of several sentences in straight quotes belongs to the speaker named after it', () => {
  const list = claims('Nadia Brams chairs the port board. "Traffic fell by a third. We laid off 90 dockers," she said.', 'en');
  assert.equal(claimWith(list, '90 dockers').speaker?.name, 'Nadia Brams');
});

test('a portfolio between a role and its holder, and a role held for someone else', () => {
  const holder = claimWith(claims('Trois écoles restent fermées, a précisé la ministre de l\'Éducation Nadia Brams.', 'fr'), 'Trois écoles');
  assert.equal(holder.speaker?.name, 'Nadia Brams');
  const lawyer = claimWith(claims("L'avocat de Pavel Ostrov a affirmé que son client était absent ce jour-là.", 'fr'), 'son client');
  assert.notEqual(lawyer.speaker?.name, 'Pavel Ostrov');
});

test('an insertion between commas inside the verb group: "Voss, however, denied", "a, dans un communiqué, indiqué"', () => {
  const en = claimWith(claims('Ilse Marten heads the agency. Ilse Marten, however, denied any delay.', 'en'), 'denied any delay');
  assert.equal(en.speaker?.name, 'Ilse Marten');
  assert.equal(en.stance, 'deny');
  assert.match(claimWith(claims("Le ministère a, dans un communiqué, indiqué que neuf écoles étaient fermées.", 'fr'), 'neuf écoles').speaker?.name ?? '', /ministère/);
});

test('a French gerund shares the subject of its sentence: "a réagi en affirmant que…"', () => {
  assert.match(claimWith(claims('Le maire a réagi mardi en affirmant que le pont était sûr.', 'fr'), 'pont était sûr').speaker?.name ?? '', /maire/);
});

test('"Pour X, …" opening a French sentence gives the view of a person or a group; the English "For X," stays the outlet\'s', () => {
  assert.match(claimWith(claims('Pour les syndicats, cette fermeture coûtera 400 emplois.', 'fr'), '400 emplois').speaker?.name ?? '', /syndicats/);
  assert.equal(claimWith(claims('Pour Marc Aubry, cette fermeture coûtera 400 emplois.', 'fr'), '400 emplois').speaker?.name, 'Marc Aubry');
  assert.equal(claimWith(claims("Pour l'entreprise, l'enjeu est de taille.", 'fr'), 'enjeu').speaker, null);
  assert.equal(claimWith(claims('For the first time, the plant closed for a week.', 'en'), 'plant closed').speaker, null);
});

test('a name after a preposition and an article is not the subject: "Le ministère de la Santé a recensé…"', () => {
  const c = claimWith(claims('Le ministère de la Santé a recensé 45 nouveaux cas mercredi.', 'fr'), '45 nouveaux cas');
  assert.match(c.speaker?.name ?? '', /ministère/);
});

test('subjects with a complement or a possessor: "L\'armée de l\'air ukrainienne a affirmé", "Norway\'s coast guard said"', () => {
  assert.match(claimWith(claims("L'armée de l'air polonaise a affirmé avoir intercepté deux avions.", 'fr'), 'deux avions').speaker?.name ?? '', /armée/i);
  assert.match(claimWith(claims("Poland's border guard said 60 migrants had crossed.", 'en'), '60 migrants').speaker?.name ?? '', /guard/i);
});

test('the agent of a passive may follow its object: "is accused of fraud by prosecutors"', () => {
  const en = claimWith(claims('Osman Kaya runs the club. Osman Kaya is accused of fraud by prosecutors.', 'en'), 'accused of fraud');
  assert.match(en.speaker?.name ?? '', /prosecutors/i);
  assert.equal(en.stance, 'accuse');
  assert.match(claimWith(claims('Osman Kaya est accusé de fraude par le parquet.', 'fr'), 'accusé').speaker?.name ?? '', /parquet/i);
});

test('"was quoted as saying", "s\'est dit", "a rappelé que" report statements; a recalled product is no statement', () => {
  assert.equal(claimWith(claims('Osman Kaya was quoted as saying that the club owed nothing.', 'en'), 'owed nothing').speaker?.name, 'Osman Kaya');
  assert.equal(claimWith(claims("Osman Kaya s'est dit « serein » avant l'audience.", 'fr'), 'serein').speaker?.name, 'Osman Kaya');
  assert.equal(claimWith(claims('Osman Kaya a rappelé que le club ne devait rien.', 'fr'), 'ne devait rien').speaker?.name, 'Osman Kaya');
  assert.equal(claimWith(claims('Le constructeur Velta a rappelé 40 000 voitures.', 'fr'), '40 000').speaker, null);
});

test('an institution naming a body of its own: "the UN refugee agency said", and its spokesperson', () => {
  assert.match(claimWith(claims('The United Nations refugee agency said 9,000 people had fled.', 'en'), '9,000 people').speaker?.name ?? '', /agency/);
  const list = claims('A spokeswoman for the European Union monitoring mission confirmed that 40 sites had been inspected, but said it would report later.', 'en');
  assert.match(claimWith(list, '40 sites').speaker?.name ?? '', /mission/);
  assert.match(claimWith(list, 'report later').speaker?.name ?? '', /mission/);
});

test('a long possessive source after the statement: "…, the country\'s civil protection agency said"', () => {
  const c = claimWith(claims('A storm flooded 300 homes on Monday, the country\'s civil protection agency said.', 'en', '2024-05-15'), '300 homes');
  assert.match(c.speaker?.name ?? '', /agency/);
});

test('plural sources no list names speak when a verb of saying follows: "Volcanologists warned…"', () => {
  const c = claimWith(claims('Volcanologists warned that the eruption could last for months.', 'en'), 'eruption');
  assert.match(c.speaker?.name ?? '', /volcanologists/i);
  assert.equal(c.stance, 'warn');
  assert.equal(claimWith(claims('Prices were higher in March.', 'en'), 'Prices').speaker, null);
});

test('a place before the speaker\'s title keeps the quotation theirs: "“…,” Marsk mayor Ilona Petek said"', () => {
  const c = claimWith(claims('"Three bridges are gone," Tarvo mayor Ines Roos told radio listeners.', 'en'), 'bridges');
  assert.equal(c.quote, 'Three bridges are gone');
  assert.equal(c.speaker?.name, 'Ines Roos');
});

test('"Selon sa cheffe de file, Claire Dumas, …" names the holder', () => {
  assert.equal(claimWith(claims('Selon son chef de file, Paul Nérac, la ville a perdu 3 millions.', 'fr'), '3 millions').speaker?.name, 'Paul Nérac');
});

test('a relative clause between commas, even one reporting speech, does not hide the subject', () => {
  const c = claimWith(claims('But security researcher Oda Lind, who first reported the flaw, disputed that account.', 'en'), 'disputed');
  assert.equal(c.speaker?.name, 'Oda Lind');
  assert.equal(c.stance, 'deny');
});

test('court reporting: "Le parquet a requis…", "ont témoigné…"', () => {
  assert.match(claimWith(claims('Le parquet a requis jeudi deux ans de prison.', 'fr', '2024-11-22'), 'deux ans').speaker?.name ?? '', /parquet/);
  assert.match(claimWith(claims("Plusieurs voisins ont témoigné d'un climat de peur.", 'fr'), 'climat').speaker?.name ?? '', /voisins/);
});

test('an age or an age group stands for the person named before: "the 52-year-old said", "a déclaré la quinquagénaire"', () => {
  assert.equal(claimWith(claims('Vera Holm founded the bakery. "We sold 4,000 loaves," the 61-year-old said.', 'en'), '4,000 loaves').speaker?.name, 'Vera Holm');
  assert.equal(claimWith(claims('Vera Holm a fondé la boulangerie. « Nous avons vendu 4 000 pains », a déclaré la sexagénaire.', 'fr'), '4 000 pains').speaker?.name, 'Vera Holm');
});

test('a statement before "X announced on Sunday, as she warned that…" is X\'s', () => {
  const c = claimWith(claims('The city will close 12 libraries next year, Mayor Rita Senn announced on Sunday, as she warned that more cuts could follow.', 'en', '2024-03-04'), '12 libraries');
  assert.equal(c.speaker?.name, 'Rita Senn');
  assert.equal(c.quote, 'The city will close 12 libraries next year');
});

test('", while X called it…" is not the previous speaker\'s statement', () => {
  const list = claims('Bankers at Norvik said the plan was sound, while the Federation of Small Firms called it "a tax on growth".', 'en');
  assert.ok(!list.some((c) => c.quote.includes('tax on growth') && /bankers/i.test(c.speaker?.name ?? '')));
});

test('French bodies named with a lowercase complement: "l\'Agence régionale de santé", "la direction de l\'usine"', () => {
  assert.match(claimWith(claims("Les résultats seront connus mercredi, a indiqué l'Agence régionale de santé.", 'fr'), 'résultats').speaker?.name ?? '', /santé/);
  assert.match(claimWith(claims("La direction de l'usine a confirmé que 40 salariés étaient en chômage partiel.", 'fr'), '40 salariés').speaker?.name ?? '', /usine/);
});

test('dashes may close the statement before its speaker: "Sales fell 8% — the worst since 2009 — Voss said"', () => {
  const c = claimWith(claims('Ada Moss runs the ferry line. Traffic fell 8% — the worst year since 2009 — Moss said on Tuesday.', 'en', '2024-05-16'), 'Traffic fell');
  assert.equal(c.speaker?.name, 'Ada Moss');
  assert.match(c.quote, /^Traffic fell 8% — the worst year since 2009$/);
});

test('a country before an agency\'s name belongs to the subject: "…, the UK Health Security Agency said"', () => {
  const c = claimWith(claims('Flu cases doubled in a week, the UK Health Security Agency said on Thursday.', 'en', '2024-02-09'), 'Flu cases');
  assert.match(c.speaker?.name ?? '', /Agency/);
  assert.equal(c.quote, 'Flu cases doubled in a week');
});

test('"la direction" later is the body first named "la direction de l\'entreprise", not the last acronym', () => {
  const list = claims("Les bus BHNS roulent peu, a indiqué mardi la direction de l'entreprise. Selon la direction, 30 % des chauffeurs sont en grève.", 'fr', '2024-02-15');
  assert.match(claimWith(list, '30 %').speaker?.name ?? '', /direction/);
});

test('demands report what is demanded: "réclament une hausse", "demanded a recount"', () => {
  assert.match(claimWith(claims('Les syndicats réclament une hausse de 300 euros.', 'fr'), '300 euros').speaker?.name ?? '', /syndicats/);
  assert.equal(claimWith(claims('Opposition leader Ana Ruiz demanded a recount in 12 districts.', 'en'), 'recount').speaker?.name, 'Ana Ruiz');
});

test('a pronoun far from its antecedent still names a person who agrees, and "a plus tard assuré" is one verb group', () => {
  const text = 'Mayor Elin Sato met the fire crews on Monday.\n\nThe storm cut power to 9,000 homes.\n\nRoads were closed.\n\nSchools stayed shut.\n\nTrains were cancelled.\n\nShe later told reporters that power would return by Friday.';
  assert.equal(claimWith(claims(text, 'en', '2024-04-10'), 'power would return').speaker?.name, 'Elin Sato');
  assert.equal(claimWith(claims('Elin Sato dirige la ville. Elle a plus tard assuré que le courant reviendrait.', 'fr'), 'courant').speaker?.name, 'Elin Sato');
});

test('the addressee or medium before "that" is not part of what was said', () => {
  const told = claimWith(claims('Ada Moss told the BBC on Tuesday that 30 ferries were idle.', 'en', '2024-05-16'), '30 ferries');
  assert.equal(told.text, 'Ada Moss says: 30 ferries were idle');
  assert.equal(told.claimedOn, '2024-05-14');
  const fr = claimWith(claims("Ada Moss a déclaré dans un communiqué que 30 ferries étaient à quai.", 'fr'), '30 ferries');
  assert.match(fr.text, /: 30 ferries étaient à quai$/);
  // A speech noun before "that" is what was put forward: it stays.
  const thesis = claimWith(claims('The Moss camp puts forward a thesis that the ferries were sabotaged.', 'en'), 'sabotaged');
  assert.match(thesis.text, /a thesis that/);
});

test('verbs that report speech only after a quotation: "a-t-il poursuivi", "a lancé", "he continued"; elsewhere they say nothing', () => {
  assert.equal(claimWith(claims('Le maire Paul Roux a visité le chantier. « Le pont sera prêt en juin », a lancé le maire.', 'fr'), 'pont').speaker?.name, 'Paul Roux');
  assert.equal(claimWith(claims('Mayor Paul Rowe visited the site. "The bridge will be ready in June," he continued.', 'en'), 'bridge').speaker?.name, 'Paul Rowe');
  assert.equal(claimWith(claims('Le parquet a lancé une enquête sur le chantier.', 'fr'), 'enquête').speaker, null);
  assert.equal(claimWith(claims('Lyon a poursuivi sa série de victoires dimanche.', 'fr'), 'série').speaker, null);
  assert.equal(claimWith(claims('Paul Rowe, the mayor, continued his tour of the site.', 'en'), 'tour').speaker, null);
});

test('"a-t-il poursuivi" after a quotation, and "l\'élu" for the mayor named before', () => {
  assert.equal(claimWith(claims('Le maire Paul Roux a visité le chantier. « Le pont sera prêt en juin », a-t-il poursuivi.', 'fr'), 'pont').speaker?.name, 'Paul Roux');
  assert.equal(claimWith(claims('Le maire Paul Roux a visité le chantier. Le pont sera prêt en juin, estime l\'élu.', 'fr'), 'pont').speaker?.name, 'Paul Roux');
});

test('defending a title or a lead is no statement', () => {
  assert.equal(claimWith(claims('Champion Lena Ott defended her title in Oslo on Sunday.', 'en'), 'title').speaker, null);
  assert.equal(claimWith(claims("Le club a défendu son titre dimanche à Lyon.", 'fr'), 'titre').speaker, null);
});
