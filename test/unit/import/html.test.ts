import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { extractPage, looksLikeHtml } from '../../../server/import/html.ts';
import { normalizeBody, prepareArticle } from '../../../server/import/index.ts';
import { ImportProblem } from '../../../server/import/problems.ts';
import { articleHtml } from '../../support/pages.ts';

const seeds = ['seeds/000_ff719ec247732616.txt', 'seeds/003_e90388dfdeb82ae4.txt'];
const limits = { allowPrivate: false, timeoutMs: 1000, maxBytes: 5e6, maxChars: 2e6 };

describe('article text from HTML', () => {
  for (const file of seeds) {
    it(`gives back the text of ${file} from a news page around it, paragraphs and line breaks kept`, () => {
      const text = readFileSync(file, 'utf8');
      const page = extractPage(articleHtml(text, { title: 'T', publisher: 'P' }), 'https://news.example/a');
      assert.equal(normalizeBody(page.text), normalizeBody(text));
    });
  }

  it('never lets scripts, styles or the page chrome into the body', () => {
    const text = readFileSync(seeds[1]!, 'utf8');
    const { text: body } = extractPage(articleHtml(text, { title: 'T' }));
    for (const leaked of ['TRACKER-SCRIPT-TEXT', 'INJECTED-BY-SCRIPT', 'font-family', 'Share on Facebook', 'Privacy']) {
      assert.ok(!body.includes(leaked), `${leaked} leaked into the body`);
    }
  });

  it('reads title, publisher, author, date and language from the page metadata', () => {
    const { meta } = extractPage(
      articleHtml('One paragraph of text that is long enough.', { title: 'Pompeo confirme', publisher: 'L’Orient-Le Jour', author: 'AFP', published: '2019-12-11', language: 'fr' }),
      'https://www.lorientlejour.com/article/1',
    );
    assert.deepEqual(meta, {
      title: 'Pompeo confirme',
      publisher: 'L’Orient-Le Jour',
      author: 'AFP',
      publishedOn: '2019-12-11',
      language: 'fr',
      url: 'https://www.lorientlejour.com/article/1',
    });
  });

  it('falls back to og/article meta and <time> without JSON-LD', () => {
    const { meta } = extractPage(
      `<html lang="en-GB"><head><meta property="og:title" content="Headline"><meta property="og:site_name" content="Daily"><meta name="author" content="Jane Roe"></head>
       <body><article><time datetime="2020-03-04T10:00:00Z">4 March</time><p>Text.</p></article></body></html>`,
    );
    assert.equal(meta.title, 'Headline');
    assert.equal(meta.publisher, 'Daily');
    assert.equal(meta.author, 'Jane Roe');
    assert.equal(meta.publishedOn, '2020-03-04');
    assert.equal(meta.language, 'en');
  });

  it('treats pasted markup as HTML', () => {
    assert.ok(looksLikeHtml('<!DOCTYPE html><html><body><p>x</p></body></html>'));
    assert.ok(looksLikeHtml('<p>First paragraph</p><p>Second</p>'));
    assert.ok(!looksLikeHtml('Trump said 3 < 4 and 5 > 2 in a speech.'));
  });

  it('refuses a page made only of scripts, saying why', async () => {
    const page = '<html><head><script src="/app.js"></script></head><body><div id="root"></div><script>render()</script></body></html>';
    await assert.rejects(prepareArticle({ kind: 'text', text: page }, limits), (e: unknown) => e instanceof ImportProblem && e.code === 'import.error.noText');
  });

  it('normalises line endings and edges so paste, upload and fetch give one body', () => {
    assert.equal(normalizeBody('\uFEFF\r\nLine one  \r\nLine two\r\n\r\n'), 'Line one\nLine two');
    assert.equal(normalizeBody('e\u0301te\u0301'), 'été');
  });
});
