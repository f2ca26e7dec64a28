import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffBodies, type TextChange } from '../../../server/domain/corrections.ts';

const paragraph = (i: number) => `Paragraph ${i} says something of its own, numbered ${i}, with enough words to be a paragraph of an article.`;
const article = (n: number) => Array.from({ length: n }, (_, i) => paragraph(i)).join('\n\n');
const changed = (parts: TextChange[]) => parts.filter((p) => p.op === 'del' || p.op === 'ins').map((p) => `${p.op}:${'text' in p ? p.text : ''}`);

describe('the diff of two versions of a body', () => {
  it('shows only the edited words of a long article, with its unchanged stretches shortened', () => {
    const before = article(60);
    const after = `Correction: the date was wrong.\n\n${before.replace('numbered 30,', 'numbered thirty,')}`;
    const parts = diffBodies(before, after);
    assert.deepEqual(changed(parts), ['ins:Correction: the date was wrong.\n\n', 'del:30,', 'ins:thirty,']);
    assert.ok(parts.some((p) => p.op === 'gap'), 'long unchanged runs are cut');
    const shown = parts.map((p) => ('text' in p ? p.text : '')).join('');
    assert.ok(shown.length < after.length / 2, 'far shorter than the article');
  });

  it('keeps every word of a short text and tells deleted paragraphs apart', () => {
    const before = 'One.\n\nTwo is gone.\n\nThree.';
    const parts = diffBodies(before, 'One.\n\nThree.');
    assert.deepEqual(changed(parts), ['del:Two is gone.\n\n']);
    assert.equal(parts.map((p) => ('text' in p ? p.text : '')).join(''), before, 'nothing shortened');
  });
});
