import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findClutter, pageLayout } from '../../../server/analysis/clutter.ts';

const page = [
  'Rechercher',
  '',
  'Dernières Infos',
  '',
  'Le tribunal annule la vente du stade',
  '',
  'Le maire Paul Morel devant la mairie, le 3 mars 2021, à Lyon. Jean Dupont/AFP',
  '',
  'PARIS (AFP) - Le tribunal administratif a annulé mardi la vente du stade municipal à un promoteur privé, a-t-on appris auprès de la mairie.',
  '',
  'Le maire a annoncé qu\'il ferait appel de cette décision, qu\'il juge "incompréhensible" au regard du dossier.',
  '',
  'Partager',
  '',
  'Le tribunal administratif a annulé mardi la vente du stade municipal à un promoteur privé, a-t-on appris...',
].join('\n');

test('marks search box, section label, headline, photo credit, share widget, dateline and repeated teaser', () => {
  const clutter = findClutter(page, 'fr');
  const kinds = clutter.map((c) => `${c.kind}:${page.slice(c.start, c.end)}`);
  assert.ok(kinds.includes('search:Rechercher'));
  assert.ok(kinds.includes('section:Dernières Infos'));
  assert.ok(kinds.includes('heading:Le tribunal annule la vente du stade'));
  assert.ok(kinds.includes('credit:Jean Dupont/AFP'));
  assert.ok(kinds.includes('widget:Partager'));
  assert.ok(kinds.some((k) => k.startsWith('dateline:PARIS (AFP)')));
  assert.ok(kinds.some((k) => k.startsWith('teaser:Le tribunal administratif')));
});

test('keeps the caption without its credit, and never changes the text', () => {
  const layout = pageLayout(page, 'fr');
  const caption = layout.captions[0]!;
  assert.equal(page.slice(caption.start, caption.end).trim(), 'Le maire Paul Morel devant la mairie, le 3 mars 2021, à Lyon.');
  assert.ok(layout.body.every((b) => !layout.clutter.some((c) => c.start < b.end && b.start < c.end)));
});

test('English page widgets', () => {
  const text = 'News Politics\n\nThe minister resigned on Friday after a week of pressure from her own party.\n\nFacebook Comments';
  const kinds = findClutter(text, 'en').map((c) => c.kind);
  assert.deepEqual(kinds, ['section', 'widget']);
});
