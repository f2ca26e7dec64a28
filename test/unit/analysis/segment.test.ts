import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes, paragraphs, segmentParagraph } from '../../../server/analysis/segment.ts';
import { getLexicon } from '../../../server/analysis/lexicons/index.ts';
import { claims, claimWith } from './helpers.ts';

const sentences = (text: string, code: string) =>
  paragraphs(text).flatMap((p) => segmentParagraph(text, p, getLexicon(code))).map((s) => text.slice(s.start, s.end));

test('does not split after M., Mr., U.S. or Dec.', () => {
  assert.deepEqual(sentences('M. Dupont a parlé. Il est parti.', 'fr'), ['M. Dupont a parlé.', 'Il est parti.']);
  assert.deepEqual(sentences('Mr. Smith said the U.S. would act on Dec. 3 at noon. Then he left.', 'en'), [
    'Mr. Smith said the U.S. would act on Dec. 3 at noon.',
    'Then he left.',
  ]);
});

test('a closing » or ” stays with the sentence it closes', () => {
  assert.deepEqual(sentences('Il a dit : « Tout va bien. » Puis il est parti.', 'fr'), ['Il a dit : « Tout va bien. »', 'Puis il est parti.']);
  assert.deepEqual(sentences('She said: “We are ready.” Then she left.', 'en'), ['She said: “We are ready.”', 'Then she left.']);
});

test('offsets point into the original text and line breaks end paragraphs', () => {
  const text = 'Headline without stop\n\nFirst sentence here. Second one.';
  const spans = paragraphs(text).flatMap((p) => segmentParagraph(text, p, getLexicon('en')));
  assert.deepEqual(spans.map((s) => text.slice(s.start, s.end)), ['Headline without stop', 'First sentence here.', 'Second one.']);
});

test('finds quotations across sentences and with a closing mark typed the wrong way', () => {
  const text = '“Last time, they laughed. Today, they cheer, “commented a senator.';
  const para = { start: 0, end: text.length };
  const quotes = findQuotes(text, para, segmentParagraph(text, para, getLexicon('en')));
  assert.equal(quotes.length, 1);
  assert.equal(text.slice(quotes[0]!.start, quotes[0]!.end), 'Last time, they laughed. Today, they cheer');
});

test('an unclosed straight quote ends with its sentence', () => {
  const text = 'Le ministre a dit "non à tout. Puis il a évoqué "la crise" ce matin.';
  const para = { start: 0, end: text.length };
  const quotes = findQuotes(text, para, segmentParagraph(text, para, getLexicon('fr'))).map((q) => text.slice(q.start, q.end));
  assert.deepEqual(quotes, ['non à tout.', 'la crise'].map((q) => q.replace(/\.$/, '.')));
});

test('single typographic quotes (British style) are quotations; an apostrophe is not', () => {
  const list = claims('Ada Moss runs the ferry line.\n\n‘Three crossings were cancelled,’ Moss said. The line’s owner did not comment.', 'en');
  const c = claimWith(list, 'crossings');
  assert.equal(c.quote, 'Three crossings were cancelled');
  assert.equal(c.speaker?.name, 'Ada Moss');
});

test('a stray single opening mark ("the ‘90s") opens no quotation that would hide a later one', () => {
  const list = claims('Kate Moss ran the port in the ‘90s. “Nine ferries are idle,” Moss said.', 'en');
  assert.equal(claimWith(list, 'Nine ferries').quote, 'Nine ferries are idle');
  assert.equal(claimWith(list, 'Nine ferries').speaker?.name, 'Kate Moss');
});
