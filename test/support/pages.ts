// Web pages for import tests: an article's text laid out as a news site would serve it (menus,
// scripts, styles, share buttons and footer around the article), and a local server for them.
import { once } from 'node:events';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export type PageMeta = { title: string; publisher?: string; author?: string; published?: string; language?: string };

/** The article as HTML: blank-line paragraphs become <p>, single line breaks <br>. */
export function articleHtml(text: string, meta: PageMeta): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n{2,}/)
    .map((p) => `<p>${p.split('\n').map(esc).join('<br>\n')}</p>`)
    .join('\n      ');
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: meta.title,
    datePublished: meta.published ? `${meta.published}T09:30:00+02:00` : undefined,
    author: meta.author ? [{ '@type': 'Person', name: meta.author }] : undefined,
    publisher: meta.publisher ? { '@type': 'Organization', name: meta.publisher } : undefined,
  });
  return `<!doctype html>
<html lang="${meta.language ?? 'en'}">
<head>
  <meta charset="utf-8">
  <title>${esc(meta.title)} | ${esc(meta.publisher ?? 'News')}</title>
  <meta property="og:title" content="${esc(meta.title)}">
  ${meta.publisher ? `<meta property="og:site_name" content="${esc(meta.publisher)}">` : ''}
  <link rel="stylesheet" href="/site.css">
  <style>body { font-family: serif } .ad { display: block }</style>
  <script>window.dataLayer = [{ event: 'pageview', secret: 'TRACKER-SCRIPT-TEXT' }];</script>
  <script type="application/ld+json">${ld}</script>
</head>
<body>
  <header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
  <main>
    <article>
      ${paragraphs}
    </article>
    <aside class="share"><button>Share on Facebook</button><button>Share on X</button></aside>
  </main>
  <footer><p>© ${esc(meta.publisher ?? 'News')} — <a href="/terms">Terms</a> · <a href="/privacy">Privacy</a></p></footer>
  <script src="/analytics.js"></script>
  <script>document.write('<p>INJECTED-BY-SCRIPT</p>');</script>
</body>
</html>`;
}

export type PageServer = { url: string; close(): Promise<void> };

/** Serves `routes` (path → handler); unknown paths are 404. */
export async function servePages(routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void>): Promise<PageServer> {
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const handler = routes[(req.url ?? '/').split('?')[0]!];
    if (handler) handler(req, res);
    else res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export const html = (body: string) => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);
};
