import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDate } from '../../../server/i18n/index.ts';
import { localiseReason } from '../../../server/domain/matching.ts';

describe('same-claim reasons in the reader’s language', () => {
  const fr = (iso: string) => formatDate(iso, 'fr', 'day');
  it('words concepts and days in French for a French interface', () => {
    assert.deepEqual(localiseReason({ key: 'match.reason.terms', params: { terms: 'interference, election' } }, 'fr', fr), { terms: 'ingérence, élection' });
    assert.match(String(localiseReason({ key: 'match.reason.predicate', params: { predicate: 'warn' } }, 'fr', fr).predicate), /mettre en garde/);
    assert.match(String(localiseReason({ key: 'match.reason.date', params: { date: '2019-12-10' } }, 'fr', fr).date), /10 décembre 2019/);
  });
  it('leaves names and unknown ids as they are', () => {
    assert.deepEqual(localiseReason({ key: 'match.reason.sameClaimant', params: { who: 'Maison Blanche' } }, 'fr', fr), { who: 'Maison Blanche' });
    assert.deepEqual(localiseReason({ key: 'match.reason.terms', params: { terms: 'no-such-concept' } }, 'en', fr), { terms: 'no-such-concept' });
  });
});
