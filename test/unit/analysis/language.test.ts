import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from '../../../server/analysis/language.ts';

test('tells English from French, ignoring page furniture', () => {
  assert.equal(detectLanguage('Search\nShare\nThe central bank kept its rate unchanged on Wednesday, and the governor said inflation was still too high for a cut.'), 'en');
  assert.equal(detectLanguage('Rechercher\nPartager\nLa banque centrale a maintenu son taux inchangé mercredi, et le gouverneur a estimé que l\'inflation restait trop forte.'), 'fr');
});

test('only answers with a supported language, even for a short phrase', () => {
  assert.ok(['en', 'fr'].includes(detectLanguage('Rechercher')));
});
