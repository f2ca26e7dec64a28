import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { highlightSegments } from '../../../server/domain/highlight.ts';

const body = 'Search. Trump warned Lavrov. Lavrov denied it.';

describe('highlightSegments', () => {
  it('rebuilds the body exactly from its runs', () => {
    const segs = highlightSegments(body, [{ id: 1, claimId: 10, start: 8, end: 28, status: 'unreviewed' }], [
      { start: 0, end: 7 },
    ]);
    assert.equal(segs.map((s) => s.text).join(''), body);
    assert.equal(segs.find((s) => s.isClutter)?.text, 'Search.');
    const marked = segs.filter((s) => s.mention);
    assert.equal(marked.map((s) => s.text).join(''), 'Trump warned Lavrov.');
    assert.deepEqual(marked[0]?.anchorIds, [1]);
  });

  it('links overlapping runs to the innermost mention and anchors each mention once', () => {
    const segs = highlightSegments(body, [
      { id: 1, claimId: 10, start: 8, end: 46, status: 'unreviewed' },
      { id: 2, claimId: 20, start: 29, end: 46, status: 'false' },
    ]);
    const inner = segs.find((s) => s.text === 'Lavrov denied it.');
    assert.equal(inner?.mention?.claimId, 20);
    assert.deepEqual(inner?.claimIds.sort(), [10, 20]);
    assert.deepEqual(inner?.anchorIds, [2]);
    assert.equal(segs.flatMap((s) => s.anchorIds).length, 2);
  });

  it('ignores mentions that fall outside the body', () => {
    const segs = highlightSegments('short', [{ id: 1, claimId: 1, start: 2, end: 99, status: 'x' }]);
    assert.deepEqual(
      segs.map((s) => s.text),
      ['short'],
    );
    assert.equal(segs[0]?.mention, null);
  });
});
