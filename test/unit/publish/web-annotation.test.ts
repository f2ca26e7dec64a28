import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotationOf, codePointOffset } from '../../../server/publish/web-annotation.ts';

const site = { baseUrl: 'https://checks.example.org', publisher: { name: 'Example Checks', url: 'https://checks.example.org', logoUrl: undefined } };

describe('Web Annotation export', () => {
  it('counts positions in code points, as the W3C model does, not in UTF-16 units', () => {
    const body = 'Fact 🙂 check: “Crimea belongs to Ukraine”';
    const start = body.indexOf('Crimea');
    assert.equal(codePointOffset(body, start), start - 1, 'the emoji is two UTF-16 units, one code point');
    assert.equal(codePointOffset('plain text', 5), 5);
  });

  it('targets the stored text of the exact version, with a quote and a position selector', () => {
    const body = 'Le 🙂 chef de la diplomatie russe avait nié';
    const start = body.indexOf('avait nié');
    const annotation = annotationOf(
      {
        id: 7,
        claimId: 3,
        sourceId: 2,
        quote: 'avait nié',
        prefix: 'diplomatie russe ',
        suffix: '',
        start,
        end: start + 'avait nié'.length,
        sourceVersion: 1,
        anchorState: 'anchored',
        role: 'origin',
        stance: 'deny',
        language: 'fr',
        createdAt: new Date('2019-12-10T20:00:00Z'),
        claimText: 'Lavrov did not receive a warning',
        claimLanguage: 'en',
        claimStatus: 'unreviewed',
        sourceUrl: 'javascript:alert(1)',
        sourceTitle: 'x',
        sourceLanguage: 'fr',
      },
      body,
      site,
    );
    assert.equal(annotation.id, 'https://checks.example.org/api/mentions/7');
    assert.equal(annotation.target.source.id, 'https://checks.example.org/api/sources/2/text?version=1');
    assert.equal('scope' in annotation.target, false, 'only web addresses are given as the page');
    const [quote, position] = annotation.target.selector as any[];
    assert.deepEqual(quote, { type: 'TextQuoteSelector', exact: 'avait nié', prefix: 'diplomatie russe ', suffix: '' });
    assert.equal([...body].slice(position.start, position.end).join(''), 'avait nié');
  });
});
