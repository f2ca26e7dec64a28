import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { startApp, type TestApp } from '../support/app.ts';
import { Client, createUser } from '../support/auth.ts';
import { textOf } from '../support/html.ts';
import { articleHtml, html, servePages, type PageServer } from '../support/pages.ts';

const seeds = [
  { file: 'seeds/000_ff719ec247732616.txt', meta: { title: 'Pompeo confirme que Trump a mis en garde Moscou contre toute ingérence', publisher: "L'Orient-Le Jour", published: '2019-12-11', language: 'fr' } },
  { file: 'seeds/003_e90388dfdeb82ae4.txt', meta: { title: 'Trump warned Russia against any interference in elections', publisher: 'Agency wire', published: '2019-12-11', language: 'en' } },
];

/** Posts the import form as a browser does: multipart, the CSRF token in the address. */
async function upload(client: Client, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array; type?: string }) {
  if (!client.csrfToken) await client.get('/sources/new');
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append("file", new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'text/plain' }), file.name);
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await fetch(new URL(`/sources?_csrf=${encodeURIComponent(client.csrfToken!)}`, client.baseUrl), {
    method: 'POST',
    body: form,
    redirect: 'manual',
    headers: { Cookie: cookie },
  });
  return { status: res.status, location: res.headers.get('location'), body: await res.text() };
}

/** Rows of a query, whichever driver runs it (pg and PGlite both answer with `rows`). */
async function rowsOf(a: TestApp, query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
  return ((await a.database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
}

describe('importing articles', () => {
  let app: TestApp;
  let pages: PageServer;
  let silent: Server;
  let silentUrl: string;
  const editor = () => {
    const client = new Client(app.url);
    return client;
  };
  let client: Client;
  // An app that fetches only public addresses, as in production.
  let strict: TestApp;
  let strictClient: Client;

  const countsIn = async (a: TestApp) => {
    const n = async (table: string) => Number(((await a.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] }).rows[0]!.n);
    return { sources: await n('sources'), suggestions: await n('suggestions'), versions: await n('source_versions') };
  };
  const counts = async () => ({ ...(await countsIn(app)), strict: await countsIn(strict) });

  before(async () => {
    app = await startApp({ seed: false, env: { ALLOW_PRIVATE_FETCH: '1', IMPORT_TIMEOUT_MS: '700' } });
    const routes: Parameters<typeof servePages>[0] = {
      '/pdf': (_req, res) => res.writeHead(200, { 'Content-Type': 'application/pdf' }).end('%PDF-1.7'),
      '/scripts-only': html('<html><head><script src="/app.js"></script></head><body><div id="app"></div><script>start()</script></body></html>'),
      '/moved': (_req, res) => res.writeHead(302, { Location: '/article/0' }).end(),
    };
    seeds.forEach((s, i) => (routes[`/article/${i}`] = html(articleHtml(readFileSync(s.file, 'utf8'), s.meta))));
    pages = await servePages(routes);
    // A server that accepts connections and never answers.
    silent = createServer(() => {});
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
    const user = await createUser(app.database.db, { role: 'editor' });
    client = editor();
    assert.equal((await client.login(user.email, user.password)).status, 303);
    strict = await startApp({ seed: false, env: { IMPORT_TIMEOUT_MS: '700' } });
    const strictUser = await createUser(strict.database.db);
    strictClient = new Client(strict.url);
    assert.equal((await strictClient.login(strictUser.email, strictUser.password)).status, 303);
  });
  after(async () => {
    silent.close();
    await pages.close();
    await strict.close();
    await app.close();
  });

  async function suggestionsOf(sourceId: number) {
    return rowsOf(app, sql`select fingerprint, start, "end", text, speaker_name, stance from suggestions where source_id = ${sourceId} order by fingerprint`);
  }

  it('readers cannot reach the import form', async () => {
    const res = await new Client(app.url).get('/sources/new');
    assert.equal(res.status, 303);
    assert.match(res.location!, /^\/login/);
  });

  for (const [i, seed] of seeds.entries()) {
    it(`gives the same source and suggestions for ${seed.file} pasted, uploaded and fetched`, async () => {
      const text = readFileSync(seed.file, 'utf8');
      const before = await countsIn(app);
      const pasted = await client.post('/sources', { text: text.replace(/\n/g, '\r\n'), publishedOn: seed.meta.published });
      assert.equal(pasted.status, 303);
      const sourceId = Number(/^\/sources\/(\d+)\?imported=(\d+)$/.exec(pasted.location!)?.[1]);
      assert.ok(sourceId > 0, pasted.location!);
      const found = await suggestionsOf(sourceId);
      assert.ok(found.length >= 8, `${found.length} suggestions`);
      assert.equal((await countsIn(app)).sources, before.sources + 1);

      const page = await client.get(`/sources/${sourceId}?imported=${found.length}`);
      assert.equal(page.status, 200);
      assert.ok(page.doc.querySelectorAll('#article-text mark.suggestion').length >= 8, 'suggestions highlighted');
      assert.equal(page.doc.querySelector('#article-text')!.textContent, text, 'the article element holds the body exactly');

      const uploaded = await upload(client, {}, { name: 'article.txt', bytes: Buffer.from(text, 'utf8') });
      assert.equal(uploaded.status, 303, uploaded.body.slice(0, 500));
      assert.equal(uploaded.location, `/sources/${sourceId}?existing=1`);

      const fetched = await client.post('/sources', { url: `${pages.url}/article/${i}` });
      assert.equal(fetched.status, 303, fetched.body.slice(0, 500));
      assert.equal(fetched.location, `/sources/${sourceId}?existing=1`);
      const again = await client.get(fetched.location!);
      assert.match(textOf(again.doc.querySelector('.notice')), /already in Claimline/);

      assert.deepEqual(await countsIn(app), { sources: before.sources + 1, versions: before.versions + 1, suggestions: before.suggestions + found.length });
      assert.deepEqual(await suggestionsOf(sourceId), found);
    });
  }

  it('imports the same article by upload or by address into a fresh database with identical suggestions', async () => {
    const other = await startApp({ seed: false, env: { ALLOW_PRIVATE_FETCH: '1' } });
    try {
      const user = await createUser(other.database.db);
      const c = new Client(other.url);
      await c.login(user.email, user.password);
      const fetched = await c.post('/sources', { url: `${pages.url}/moved` });
      assert.equal(fetched.status, 303);
      const id = Number(/\/sources\/(\d+)/.exec(fetched.location!)![1]);
      const [source] = await rowsOf(other, sql`select title, publisher, published_on, language, url, body from sources where id = ${id}`);
      assert.ok(source);
      assert.equal(source.title, seeds[0]!.meta.title);
      assert.equal(source.publisher, "L'Orient-Le Jour");
      assert.equal(String(source.published_on).slice(0, 10), '2019-12-11');
      assert.equal(source.language, 'fr');
      assert.equal(source.url, `${pages.url}/article/0`);
      assert.equal(source.body, readFileSync(seeds[0]!.file, 'utf8'));
      const theirs = await rowsOf(other, sql`select fingerprint, start, "end", text from suggestions where source_id = ${id} order by fingerprint`);
      const mine = await rowsOf(app, 
        sql`select fingerprint, start, "end", text from suggestions where source_id = (select id from sources where title = ${seeds[0]!.meta.title} limit 1) order by fingerprint`,
      );
      assert.deepEqual(theirs, mine);
    } finally {
      await other.close();
    }
  });

  const bad: [string, () => Promise<{ status: number; body: string }>, RegExp][] = [
    ['empty text', () => client.post('/sources', { text: '  \r\n  ' }), /Paste the text, choose a file or give a web address/],
    ['a 20 MB file', () => upload(client, { title: 'Huge' }, { name: 'big.txt', bytes: Buffer.alloc(20 * 1024 * 1024, 'a') }), /larger than 5 MB/],
    ['a binary file', () => upload(client, {}, { name: 'scan.txt', bytes: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj', 'latin1') }), /is not text/],
    ['a file in an unsupported encoding', () => upload(client, {}, { name: 'note.txt', bytes: Buffer.from('Lavrov\0 \0s\0a\0i\0d\0 \0n\0o\0'.repeat(40), 'latin1') }), /not in a supported encoding/],
    ['a file of another type', () => upload(client, {}, { name: 'report.docx', bytes: Buffer.from('PK\x03\x04', 'latin1') }), /imports .txt, .md and .html/],
    ['an HTML page made of scripts', () => upload(client, {}, { name: 'page.html', bytes: Buffer.from('<html><body><script>document.write("Claims")</script></body></html>') }), /built by scripts/],
    ['a page with scripts only, by address', () => client.post('/sources', { url: `${pages.url}/scripts-only` }), /built by scripts/],
    ['an address on a private network', () => strictClient.post('/sources', { url: 'http://10.1.2.3/internal' }), /private or local address/],
    ['the loopback address by name', () => strictClient.post('/sources', { url: 'http://localhost:9/x' }), /private or local address/],
    ['a link-local metadata address', () => strictClient.post('/sources', { url: 'http://169.254.169.254/latest/meta-data/' }), /private or local address/],
    ['an IPv6 unique-local address', () => strictClient.post('/sources', { url: 'http://[fd00::1]/' }), /private or local address/],
    ['an address that never answers', () => client.post('/sources', { url: silentUrl }), /did not answer in time/],
    ['an address serving a PDF', () => client.post('/sources', { url: `${pages.url}/pdf` }), /application\/pdf, not a web page/],
    ['not a web address', () => client.post('/sources', { url: 'ftp://example.org/file.txt' }), /not a web address/],
  ];
  for (const [what, send, message] of bad) {
    it(`refuses ${what} with a clear message, the form again, and stores nothing`, async () => {
      const before = await counts();
      const res = await send();
      assert.equal(res.status, 422, res.body.slice(0, 300));
      const doc = (await import('../support/html.ts')).parse(res.body);
      assert.match(textOf(doc.querySelector('#import-problem')), message);
      assert.ok(doc.querySelector('form.import-form'), 'the form is shown again');
      assert.deepEqual(await counts(), before);
    });
  }

  it('keeps what the editor typed when the import is refused', async () => {
    {
      const res = await strictClient.post('/sources', { url: `${pages.url}/article/1`, title: 'My title', publisher: 'AFP' });
      assert.equal(res.status, 422);
      assert.match(textOf(res.doc.querySelector('#import-problem')), /private or local address/);
      assert.equal(res.doc.querySelector('#import-url')!.getAttribute('value'), `${pages.url}/article/1`);
      assert.equal(res.doc.querySelector('#meta-title')!.getAttribute('value'), 'My title');
      assert.equal(res.doc.querySelector('#meta-publisher')!.getAttribute('value'), 'AFP');
    }
  });
});
