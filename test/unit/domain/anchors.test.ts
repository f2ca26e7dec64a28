import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { locateQuote, quoteSelector } from '../../../server/domain/anchors.ts';

describe('quoteSelector', () => {
  it('keeps the quote with up to 32 characters of context on each side', () => {
    const body = 'A'.repeat(40) + 'the quote' + 'B'.repeat(40);
    const s = quoteSelector(body, 40, 49);
    assert.equal(s.quote, 'the quote');
    assert.equal(s.prefix, 'A'.repeat(32));
    assert.equal(s.suffix, 'B'.repeat(32));
  });

  it('cuts the context at the edges of the body', () => {
    assert.deepEqual(quoteSelector('quote here', 0, 5), { quote: 'quote', prefix: '', suffix: ' here' });
  });
});

describe('locateQuote', () => {
  it('trusts the stored offset when the quote is still there', () => {
    assert.deepEqual(locateQuote('x said y. x said y.', { quote: 'x said y', prefix: '', suffix: '' }, 10), {
      start: 10,
      end: 18,
    });
  });

  it('picks the occurrence whose surroundings match the prefix and suffix', () => {
    const body = 'First, Lavrov denied it. Later, Lavrov denied it again.';
    const found = locateQuote(body, { quote: 'Lavrov denied it', prefix: 'Later, ', suffix: ' again' });
    assert.deepEqual(found, { start: 32, end: 48 });
  });

  it('returns null when the quote is gone', () => {
    assert.equal(locateQuote('nothing here', { quote: 'absent', prefix: '', suffix: '' }), null);
  });
});
