import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anchorQuote, locateQuote, offsetMapper, quoteSelector } from '../../../server/domain/anchors.ts';

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

describe('anchorQuote (re-anchoring after the body changed)', () => {
  const before =
    'WASHINGTON — The White House said Tuesday that the president had warned Lavrov. ' +
    'But Sergei Lavrov denied directly receiving the warning from the president. ' +
    '“In fact we did not even talk about elections,” he said.';
  const quote = 'Sergei Lavrov denied directly receiving the warning';
  const start = before.indexOf(quote);
  const selector = quoteSelector(before, start, start + quote.length);

  function place(after: string) {
    const found = anchorQuote(after, selector, offsetMapper(before, after)(start));
    return found && { ...found, text: after.slice(found.start, found.end) };
  }

  it('keeps a quote that did not move where it was', () => {
    const found = place(before.replace('he said.', 'he told reporters.'));
    assert.equal(found?.start, start);
    assert.equal(found?.method, 'position');
  });

  it('follows the quote when text is inserted before it', () => {
    const after = 'Updated on Wednesday with Pompeo’s comments. ' + before;
    const found = place(after);
    assert.equal(found?.text, quote);
    assert.equal(found?.start, start + 'Updated on Wednesday with Pompeo’s comments. '.length);
  });

  it('finds a slightly edited quote approximately and reports the edit', () => {
    const after = before.replace(quote, 'Sergei Lavrov flatly denied directly receiving that warning');
    const found = place(after);
    assert.equal(found?.method, 'fuzzy');
    assert.equal(found?.text, 'Sergei Lavrov flatly denied directly receiving that warning');
    assert.ok(found!.errors > 0);
  });

  it('leaves the mention orphaned when the quote was removed', () => {
    const after = before.replace('But Sergei Lavrov denied directly receiving the warning from the president. ', '');
    assert.equal(place(after), null);
  });

  it('does not move a quote onto unrelated words that share a few letters', () => {
    const after = before.replace(quote, 'Moscow issued no statement on the matter at all tonight');
    assert.equal(place(after), null);
  });

  it('picks, among repeated words, the occurrence whose context matches', () => {
    const body = 'Lavrov said: “We did not talk about it.” Pompeo replied. Later Peskov said: “We did not talk about it.” Nothing more.';
    const second = body.lastIndexOf('We did not talk about it.');
    const sel = quoteSelector(body, second, second + 'We did not talk about it.'.length);
    const after = 'Moscow, December 11. ' + body.replace('Pompeo replied.', 'Pompeo replied at length.');
    const found = anchorQuote(after, sel, second);
    assert.equal(found?.start, after.lastIndexOf('We did not talk about it.'));
    assert.equal(found?.method, 'exact');
  });
});

describe('offsetMapper', () => {
  it('maps offsets before, after and inside the changed part', () => {
    const map = offsetMapper('aaaa XXXX bbbb', 'aaaa YY bbbb');
    assert.equal(map(2), 2);
    assert.equal(map(11), 9);
    assert.ok(map(7) >= 5 && map(7) <= 7);
  });
});
