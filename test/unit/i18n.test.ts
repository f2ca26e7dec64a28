import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDate, negotiateLocale, translator } from '../../server/i18n/index.ts';
import { areas } from '../../server/i18n/messages/index.ts';

describe('i18n', () => {
  it('has every English message in French too, and no key defined by two areas', () => {
    const seen = new Map<string, string>();
    for (const [name, area] of Object.entries(areas)) {
      assert.deepEqual(Object.keys(area.fr).sort(), Object.keys(area.en).sort(), name);
      for (const key of Object.keys(area.en)) {
        assert.equal(seen.get(key), undefined, `${key} is in ${seen.get(key)} and ${name}`);
        seen.set(key, name);
      }
    }
  });

  it('knows every message key the templates name literally', () => {
    const en = translator('en');
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
        d.isDirectory() ? walk(join(dir, d.name)) : d.name.endsWith('.eta') ? [join(dir, d.name)] : [],
      );
    for (const file of walk('views')) {
      for (const [, key] of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z0-9_.]+)'\s*[,)]/g)) {
        assert.notEqual(en(key!), key, `${file} uses unknown message ${key}`);
      }
    }
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
