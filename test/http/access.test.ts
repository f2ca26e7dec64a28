// Every state-changing route of the app, as a reader, an editor and an admin, with and without
// a CSRF token, as a plain form and as htmx. Routes are read from the Express router itself,
// so a route added later is walked too: a new POST route that lets a reader through fails here.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { count } from 'drizzle-orm';
import type { Express } from 'express';
import { listLatestClaims } from '../../db/queries/claims.ts';
import { putSetting } from '../../db/queries/settings.ts';
import { auditEvents } from '../../db/schema/index.ts';
import { changeStatus } from '../../server/domain/reviews.ts';
import { startApp, type TestApp } from '../support/app.ts';
import { Client, createUser, type TestUser } from '../support/auth.ts';

const CSRF_MESSAGE = 'This form has expired or did not come from Claimline. Reload the page and try again.';

// The only state-changing routes a reader may use: signing in and out, and a one-time link.
const PUBLIC = new Set(['POST /login', 'POST /login/code', 'POST /logout', 'POST /password-links/:token']);
// Pages only editors may open (admin pages are found by their /admin prefix).
const EDITOR_PAGES = ['/review', '/claims/:id/edit', '/claims/:id/history', '/account', '/sources/new'];

type Route = { method: string; path: string };

type Layer = {
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: unknown;
  name?: string;
};

/** Every route of the app with its method and full path, through mounted routers. */
function routesOf(app: Express): Route[] {
  const routes: Route[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        assert.equal(typeof layer.route.path, 'string', `cannot read the path of a route under ${prefix || '/'}`);
        for (const method of Object.keys(layer.route.methods).filter((m) => m !== '_all')) {
          routes.push({ method: method.toUpperCase(), path: prefix + (layer.route.path as string) });
        }
      } else if (layer.handle?.stack) {
        const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
        walk(layer.handle.stack, prefix + mount);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return routes;
}

describe('access to every state-changing route', () => {
  let app: TestApp;
  let routes: Route[];
  let editor: TestUser;
  let admin: TestUser;
  let victim: TestUser;
  let params: Record<string, string>;

  before(async () => {
    app = await startApp();
    const db = app.database.db;
    editor = await createUser(db, { role: 'editor', name: 'Access Editor' });
    admin = await createUser(db, { role: 'admin', name: 'Access Admin' });
    victim = await createUser(db, { role: 'editor', name: 'Access Victim' });
    const author = await createUser(db, { role: 'editor', name: 'Access Author' });
    const [claim] = await listLatestClaims(db, 1);
    // A verdict awaiting a second editor, so approve and reject routes have something to act on.
    await putSetting(db, 'four_eyes', true);
    const { reviewId } = await changeStatus(db, author, claim!.id, {
      version: String((await import('../../db/queries/claims.ts').then((m) => m.findClaimState(db, claim!.id)))!.version),
      status: 'false',
      rationale: 'Checked against the record.',
      evidenceUrls: 'https://example.org/record',
    });
    params = { id: String(claim!.id), reviewId: String(reviewId), token: 'A'.repeat(43), key: 'false', slug: 'x' };
    routes = routesOf(app.app);
  });
  after(() => app.close());

  const auditCount = async () => (await app.database.db.select({ n: count() }).from(auditEvents))[0]!.n;
  const stateChanging = () => routes.filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method));
  const policyOf = (r: Route) => (PUBLIC.has(`${r.method} ${r.path}`) ? 'public' : r.path.startsWith('/admin') ? 'admin' : 'editor');
  const urlOf = (r: Route) =>
    r.path
      .replace(/\{[^}]*\}/g, '')
      .replace(/\*\w+/g, 'x')
      .replace(/:(\w+)/g, (_, name: string) => (name === 'id' && r.path.startsWith('/admin/users') ? String(victim.id) : (params[name] ?? '1')));

  async function signedIn(user: TestUser): Promise<Client> {
    const client = new Client(app.url);
    const page = await client.login(user.email, user.password);
    assert.equal(page.status, 303, `${user.email} signs in`);
    await client.get('/account');
    return client;
  }

  /** One signed-in client per role, signed in again if a route ended its session. */
  async function allowedFor(user: TestUser, r: Route, htmx: boolean) {
    let client = sessions.get(user) ?? (await signedIn(user));
    sessions.set(user, client);
    let page = await send(client, r, { htmx });
    if (page.status === 303 && page.location?.startsWith('/login') && !client.cookies.has('claimline_session')) {
      client = await signedIn(user);
      sessions.set(user, client);
      page = await send(client, r, { htmx });
    }
    if (!client.cookies.has('claimline_session')) sessions.delete(user);
    else await client.get('/account');
    return page;
  }
  const sessions = new Map<TestUser, Client>();

  const send = (client: Client, r: Route, options: Parameters<Client['post']>[2] = {}) =>
    client.request(r.method, urlOf(r), options.csrf === false ? '' : `_csrf=${encodeURIComponent(options.csrf ?? client.csrfToken ?? '')}`, {
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(options.htmx ? { 'HX-Request': 'true' } : {}),
      ...options.headers,
    });

  it('finds the routes of the whole app, including the workflow ones', () => {
    const names = stateChanging().map((r) => `${r.method} ${r.path}`);
    for (const expected of ['POST /login', 'POST /claims/:id/status', 'POST /claims/:id/edit', 'POST /admin/users', 'POST /admin/statuses/:key']) {
      assert.ok(names.includes(expected), `${expected} in ${names.join(', ')}`);
    }
  });

  it('sends readers to the login page (htmx: HX-Redirect) and changes nothing', async () => {
    const before = await auditCount();
    const reader = new Client(app.url);
    await reader.get('/');
    for (const r of stateChanging().filter((r) => policyOf(r) !== 'public')) {
      const label = `${r.method} ${r.path} as a reader`;
      const page = await send(reader, r);
      assert.equal(page.status, 303, label);
      assert.match(page.location ?? '', /^\/login\?next=/, label);
      const htmx = await send(reader, r, { htmx: true });
      assert.equal(htmx.status, 401, `${label} (htmx)`);
      assert.match(htmx.headers.get('hx-redirect') ?? '', /^\/login\?next=/, `${label} (htmx)`);
    }
    const afterwards = await auditCount();
    assert.equal(afterwards, before, 'no audit event: nothing changed');
  });

  it('refuses every state-changing request without a token or with a wrong one, for everyone', async () => {
    const reader = new Client(app.url);
    await reader.get('/');
    const clients = { reader, editor: await signedIn(editor), admin: await signedIn(admin) };
    for (const r of stateChanging()) {
      for (const [who, client] of Object.entries(clients)) {
        for (const options of [{ csrf: false as const }, { csrf: 'not-the-token' }, { csrf: false as const, htmx: true }, { csrf: 'x'.repeat(43), htmx: true }]) {
          const label = `${r.method} ${r.path} as ${who} ${JSON.stringify(options)}`;
          const page = await send(client, r, options);
          assert.equal(page.status, 403, label);
          assert.ok(page.body.includes(CSRF_MESSAGE), label);
        }
      }
    }
  });

  it('gives editors 403 on admin routes and lets them use editor routes', async () => {
    const before = await auditCount();
    const client = await signedIn(editor);
    for (const r of stateChanging().filter((r) => policyOf(r) === 'admin')) {
      for (const htmx of [false, true]) {
        const page = await send(client, r, { htmx });
        assert.equal(page.status, 403, `${r.method} ${r.path} as an editor${htmx ? ' (htmx)' : ''}`);
        assert.ok(!page.body.includes(CSRF_MESSAGE));
        assert.ok(page.body.includes('Only administrators can do that.'));
      }
    }
    const afterwards = await auditCount();
    assert.equal(afterwards, before, 'an editor changed nothing in the administration');
    for (const r of stateChanging().filter((r) => policyOf(r) === 'editor')) {
      for (const htmx of [false, true]) {
        const page = await allowedFor(editor, r, htmx);
        assert.ok(![401, 403].includes(page.status) && page.status < 500, `${r.method} ${r.path} as an editor: ${page.status}`);
      }
    }
  });

  it('lets admins use every route', async () => {
    for (const r of stateChanging().filter((r) => policyOf(r) !== 'public')) {
      for (const htmx of [false, true]) {
        const page = await allowedFor(admin, r, htmx);
        assert.ok(![401, 403].includes(page.status) && page.status < 500, `${r.method} ${r.path} as an admin: ${page.status}`);
      }
    }
  });

  it('keeps the public routes open to readers (with a valid token)', async () => {
    for (const r of stateChanging().filter((r) => policyOf(r) === 'public')) {
      const reader = new Client(app.url);
      await reader.get('/login');
      const page = await send(reader, r);
      assert.ok(page.status !== 403 && page.status < 500, `${r.method} ${r.path}: ${page.status}`);
    }
  });

  it('keeps editor pages from readers, and admin pages from editors', async () => {
    const reader = new Client(app.url);
    const editorClient = await signedIn(editor);
    const adminClient = await signedIn(admin);
    const adminPages = routes.filter((r) => r.method === 'GET' && r.path.startsWith('/admin')).map((r) => r.path);
    assert.ok(adminPages.length >= 2);
    for (const path of [...EDITOR_PAGES, ...adminPages]) {
      const url = urlOf({ method: 'GET', path });
      const anonymous = await reader.get(url);
      assert.equal(anonymous.status, 303, `${path} as a reader`);
      assert.match(anonymous.location!, /^\/login\?next=/);
      const asEditor = await editorClient.get(url);
      assert.equal(asEditor.status, path.startsWith('/admin') ? 403 : 200, `${path} as an editor`);
      assert.ok([200, 303].includes((await adminClient.get(url)).status), `${path} as an admin`);
    }
  });

  it('never shows a reader an edit control on a claim', async () => {
    const page = await new Client(app.url).get(`/claims/${params.id}`);
    assert.equal(page.status, 200);
    assert.equal(page.doc.querySelectorAll('main form[method=post]').length, 0, 'no form that changes anything');
    assert.equal(page.doc.querySelector(`a[href="/claims/${params.id}/edit"]`), null);
    assert.equal(page.doc.querySelector('[hx-post]'), null);
  });
});
