import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asOfDay, claimFieldsAt, isKnownAt, isLinkVisible, publishedStatusAt } from '../../../server/domain/asof.ts';

const at = (iso: string) => new Date(iso);

describe('as-of views', () => {
  const tenth = asOfDay('2019-12-10');

  it('counts the whole day, in UTC, as "then"', () => {
    assert.equal(isKnownAt(at('2019-12-10T23:59:59Z'), tenth), true);
    assert.equal(isKnownAt(at('2019-12-11T00:00:00Z'), tenth), false);
    assert.equal(isKnownAt(null, tenth), false);
    assert.equal(isKnownAt(null, null), true, 'the current view shows everything');
  });

  it('gives the verdict approved last by then, by approval time, or unreviewed before any', () => {
    const reviews = [
      { id: 1, claimId: 1, status: 'in_review', approvedAt: at('2019-12-10T09:00:00Z') },
      // Written earlier but approved later: readers saw it from its approval.
      { id: 2, claimId: 1, status: 'false', approvedAt: at('2019-12-11T10:00:00Z') },
      { id: 3, claimId: 1, status: 'unproven', approvedAt: null },
    ];
    assert.equal(publishedStatusAt(reviews, asOfDay('2019-12-09')), 'unreviewed');
    assert.equal(publishedStatusAt(reviews, tenth), 'in_review');
    assert.equal(publishedStatusAt(reviews, asOfDay('2019-12-20')), 'false');
  });

  it('shows a link from when an editor made or accepted it until it was retracted', () => {
    const editor = { origin: 'editor', createdAt: at('2019-12-10T20:00:00Z'), acceptedAt: null, deprecatedAt: at('2019-12-12T10:00:00Z') };
    assert.equal(isLinkVisible(editor, asOfDay('2019-12-09')), false);
    assert.equal(isLinkVisible(editor, tenth), true);
    assert.equal(isLinkVisible(editor, asOfDay('2019-12-12')), false);
    assert.equal(isLinkVisible(editor), false, 'retracted now');
    const suggested = { origin: 'suggested', createdAt: at('2019-12-10T08:00:00Z'), acceptedAt: null, deprecatedAt: null };
    assert.equal(isLinkVisible(suggested), false, 'a suggestion nobody accepted is never shown');
    assert.equal(isLinkVisible({ ...suggested, acceptedAt: at('2019-12-11T08:00:00Z') }, tenth), false);
    assert.equal(isLinkVisible({ ...suggested, acceptedAt: at('2019-12-11T08:00:00Z') }), true);
  });

  it('restores a claim’s wording from the first audited change after the day', () => {
    const current = { text: 'Third wording', claimedOn: '2019-12-10' as string | null };
    const restored = claimFieldsAt(current, [
      { at: at('2019-12-11T10:00:00Z'), before: { text: 'First wording' } },
      { at: at('2019-12-12T10:00:00Z'), before: { text: 'Second wording', claimedOn: null } },
      { at: at('2019-12-13T10:00:00Z'), before: 'not an object' },
    ]);
    assert.equal(restored.text, 'First wording');
    assert.equal(restored.claimedOn, null);
    assert.deepEqual(claimFieldsAt(current, []), current);
  });
});
