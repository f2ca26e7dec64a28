import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HIT_END, HIT_START } from '../../../db/queries/search.ts';
import { SearchQuery, splitHighlights } from '../../../server/domain/search.ts';

describe('search', () => {
  it('splits a highlighted passage into plain and matched runs', () => {
    const headline = `tentative d'${HIT_START}ingérence${HIT_END} de la ${HIT_START}Russie${HIT_END}`;
    assert.deepEqual(splitHighlights(headline), [
      { text: "tentative d'", hit: false },
      { text: 'ingérence', hit: true },
      { text: ' de la ', hit: false },
      { text: 'Russie', hit: true },
    ]);
    assert.deepEqual(splitHighlights('<script>'), [{ text: '<script>', hit: false }], 'text stays text for the view to escape');
  });

  it('reads the search form from the address, blank fields being no filter', () => {
    const input = SearchQuery.parse({ q: ' ingérence ', status: '', from: '2019-12-01', page: '2' });
    assert.equal(input.q, 'ingérence');
    assert.equal(input.status, undefined);
    assert.equal(input.from, '2019-12-01');
    assert.equal(input.page, 2);
    assert.equal(input.sort, 'relevance');
  });

  it('refuses a bad date, a reversed range and an unknown order, field by field', () => {
    const bad = SearchQuery.safeParse({ from: '2019-13-45' });
    assert.equal(bad.success, false);
    assert.equal(bad.error?.issues[0]?.path[0], 'from');
    const reversed = SearchQuery.safeParse({ from: '2019-12-11', to: '2019-12-10' });
    assert.equal(reversed.error?.issues[0]?.path[0], 'to');
    assert.equal(SearchQuery.safeParse({ sort: 'random' }).success, false);
  });
});
