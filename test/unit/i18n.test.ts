import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { en } from '../../server/i18n/en.ts';
import { fr } from '../../server/i18n/fr.ts';
import { formatDate, negotiateLocale, translator } from '../../server/i18n/index.ts';

describe('i18n', () => {
  it('has every English message in French too', () => {
    assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
  });

  it('picks the best supported language from Accept-Language', () => {
    assert.equal(negotiateLocale('fr-FR,fr;q=0.9,en;q=0.8'), 'fr');
    assert.equal(negotiateLocale('de-DE,de;q=0.9,en;q=0.5,fr;q=0.4'), 'en');
    assert.equal(negotiateLocale('de'), 'en');
    assert.equal(negotiateLocale(undefined), 'en');
  });

  it('fills parameters', () => {
    assert.equal(translator('fr')('timeline.made', { who: 'Mike Pompeo' }), 'Affirmation de Mike Pompeo');
  });

  it('formats dates per locale and never shows more precision than known', () => {
    assert.equal(formatDate('2019-12-10', 'en'), 'Tuesday, 10 December 2019');
    assert.equal(formatDate('2019-12-10', 'fr'), 'mardi 10 décembre 2019');
    assert.equal(formatDate('2017-05-01', 'en', 'month'), 'May 2017');
    assert.equal(formatDate('2016-01-01', 'fr', 'year'), '2016');
    assert.equal(formatDate(null, 'en'), null);
  });
});
