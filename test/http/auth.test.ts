import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { startApp, startAppOn, type TestApp } from '../support/app.ts';
import { Client, createUser, type TestUser } from '../support/auth.ts';
import { textOf } from '../support/html.ts';

const CSRF_MESSAGE = 'This form has expired or did not come from Claimline. Reload the page and try again.';

describe('signing in and out', () => {
  let app: TestApp;
  let editor: TestUser;
  before(async () => {
    app = await startApp({ seed: false });
    editor = await createUser(app.database.db, { role: 'editor', name: 'Emma Editor' });
  });
  after(() => app.close());

  const signedInName = async (client: Client) => textOf((await client.get('/')).doc.querySelector('.account-name'));

  it('shows a sign-in link to readers and the editor with a sign-out button once signed in', async () => {
    const client = new Client(app.url);
    const home = await client.get('/');
    assert.equal(textOf(home.doc.querySelector('.account a')), 'Sign in');
    assert.equal(home.doc.querySelector('.account form'), null);

    const login = await client.login(editor.email.toUpperCase(), editor.password, { next: '/about?x=1' });
    assert.equal(login.status, 303);
    assert.equal(login.location, '/about?x=1');
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('claimline_session='));
    assert.ok(cookie, 'a session cookie is set');
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    assert.doesNotMatch(cookie, /Secure/i, 'plain HTTP: not Secure');

    const page = await client.get('/');
    assert.match(textOf(page.doc.querySelector('.account-name')), /^Emma Editor/);
    assert.equal(textOf(page.doc.querySelector('.account form button')), 'Sign out');
    assert.equal(page.headers.get('cache-control'), 'private, no-store');
  });

  it('refuses a wrong password or an unknown email with the same message and keeps the email typed', async () => {
    for (const [email, password] of [
      [editor.email, 'not the right password'],
      ['nobody@example.org', editor.password],
    ] as const) {
      const client = new Client(app.url);
      const page = await client.login(email, password);
      assert.equal(page.status, 401);
      assert.equal(textOf(page.doc.querySelector('[role=alert]')), 'That email and password do not match an active account.');
      assert.equal(page.doc.querySelector('#login-email')!.getAttribute('value'), email);
      assert.equal(await signedInName(client), '');
    }
  });

  it('asks again for missing fields with 422', async () => {
    const client = new Client(app.url);
    await client.get('/login');
    const page = await client.post('/login', { email: editor.email, password: '' });
    assert.equal(page.status, 422);
    assert.equal(textOf(page.doc.querySelector('#login-password-error')), 'Enter your password.');
  });

  it('never redirects to another site after signing in', async () => {
    for (const next of ['https://evil.example/', '//evil.example/x', '/\\evil.example']) {
      const client = new Client(app.url);
      const page = await client.login(editor.email, editor.password, { next });
      assert.equal(page.status, 303);
      assert.equal(page.location, '/');
    }
  });

  it('gives a new session id at each sign-in; the previous one stops working', async () => {
    const first = new Client(app.url);
    await first.login(editor.email, editor.password);
    const copied = first.copy();
    assert.match(await signedInName(copied), /Emma Editor/);

    await first.login(editor.email, editor.password);
    assert.notEqual(first.cookies.get('claimline_session'), copied.cookies.get('claimline_session'));
    assert.match(await signedInName(first), /Emma Editor/);
    assert.equal(await signedInName(copied), '', 'the old session was ended on the server');
  });

  it('a session token planted before sign-in is never adopted', async () => {
    const client = new Client(app.url);
    client.cookies.set('claimline_session', 'A'.repeat(43));
    await client.login(editor.email, editor.password);
    assert.notEqual(client.cookies.get('claimline_session'), 'A'.repeat(43));
    const planted = new Client(app.url);
    planted.cookies.set('claimline_session', 'A'.repeat(43));
    assert.equal(await signedInName(planted), '');
  });

  it('signing out ends the session on the server, not only in the browser', async () => {
    const client = new Client(app.url);
    await client.login(editor.email, editor.password);
    const copied = client.copy();
    const out = await client.post('/logout');
    assert.equal(out.status, 303);
    assert.equal(out.location, '/');
    assert.equal(client.cookies.get('claimline_session'), undefined, 'cookie cleared');
    assert.equal(await signedInName(client), '');
    assert.equal(await signedInName(copied), '', 'a copy of the cookie is worthless too');
  });

  it('ends sessions that idled out or reached their absolute lifetime', async () => {
    const idle = new Client(app.url);
    await idle.login(editor.email, editor.password);
    const old = new Client(app.url);
    await old.login(editor.email, editor.password);
    const fresh = new Client(app.url);
    await fresh.login(editor.email, editor.password);
    const { sessionIdOf } = await import('../../server/domain/sessions.ts');
    const db = app.database.db;
    await db.execute(
      sql`update sessions set last_seen_at = now() - interval '13 hours' where id = ${sessionIdOf(idle.cookies.get('claimline_session')!)}`,
    );
    await db.execute(
      sql`update sessions set expires_at = now() - interval '1 minute' where id = ${sessionIdOf(old.cookies.get('claimline_session')!)}`,
    );
    assert.equal(await signedInName(idle), '');
    assert.equal(idle.cookies.get('claimline_session'), undefined, 'a dead session cookie is cleared');
    assert.equal(await signedInName(old), '');
    assert.match(await signedInName(fresh), /Emma Editor/);
  });

  it('ends the sessions of a disabled account at once', async () => {
    const user = await createUser(app.database.db, { name: 'Soon Gone' });
    const client = new Client(app.url);
    await client.login(user.email, user.password);
    await app.database.db.execute(sql`update users set disabled_at = now() where id = ${user.id}`);
    assert.equal(await signedInName(client), '');
    const again = await new Client(app.url).login(user.email, user.password);
    assert.equal(again.status, 401);
  });
});

describe('CSRF protection', () => {
  let app: TestApp;
  let editor: TestUser;
  before(async () => {
    app = await startApp({ seed: false });
    editor = await createUser(app.database.db);
  });
  after(() => app.close());

  it('puts the token in every form and on <body> for htmx', async () => {
    const client = new Client(app.url);
    await client.login(editor.email, editor.password);
    const page = await client.get('/');
    const token = page.doc.querySelector('.account input[name=_csrf]')!.getAttribute('value');
    assert.ok(token && token.length >= 40);
    assert.deepEqual(JSON.parse(page.doc.body.getAttribute('hx-headers')!), { 'X-CSRF-Token': token });
  });

  it('refuses a state-changing request without a token, with a wrong one, or from another site', async () => {
    const client = new Client(app.url);
    await client.login(editor.email, editor.password);
    for (const [options, label] of [
      [{ csrf: false }, 'no token'],
      [{ csrf: 'wrong' }, 'wrong token'],
      [{ csrf: false, htmx: true }, 'htmx without token'],
      [{ csrf: 'x'.repeat(43), htmx: true }, 'htmx with a wrong token'],
      [{ headers: { 'Sec-Fetch-Site': 'cross-site' } }, 'a cross-site request with the right token'],
    ] as const) {
      const page = await client.post('/logout', {}, options);
      assert.equal(page.status, 403, label);
      assert.ok(page.body.includes(CSRF_MESSAGE), label);
    }
    assert.match(textOf((await client.get('/')).doc.querySelector('.account-name')), /Editor/, 'still signed in');
    assert.equal((await client.post('/logout', {}, { htmx: true })).status, 303, 'the real token in the htmx header works');
  });

  it('an anonymous visitor needs the token of their own cookie to sign in', async () => {
    const visitor = new Client(app.url);
    await visitor.get('/login');
    assert.ok(visitor.cookies.get('claimline_csrf'));
    const other = new Client(app.url);
    await other.get('/login');
    // Another visitor's valid token does not go with this visitor's cookie.
    const stolen = await visitor.post('/login', { email: editor.email, password: editor.password }, { csrf: other.csrfToken! });
    assert.equal(stolen.status, 403);
    // A forged cookie and token pair without the server's signature is refused.
    const forger = new Client(app.url);
    forger.cookies.set('claimline_csrf', 'abc.def');
    const forged = await forger.post('/login', { email: editor.email, password: editor.password }, { csrf: 'abc.def' });
    assert.equal(forged.status, 403);
    assert.equal((await visitor.post('/login', { email: editor.email, password: editor.password })).status, 303);
  });

  it('marks cookies Secure behind an HTTPS proxy it trusts', async () => {
    const proxied = await startAppOn(app.database, { TRUST_PROXY: '1' });
    try {
      const client = new Client(proxied.url);
      const page = await client.get('/login', { headers: { 'X-Forwarded-Proto': 'https' } });
      const cookie = page.headers.getSetCookie().find((c) => c.startsWith('__Host-claimline_csrf='));
      assert.ok(cookie, page.headers.getSetCookie().join('\n'));
      assert.match(cookie, /Secure/);
      const login = await client.post(
        '/login',
        { email: editor.email, password: editor.password },
        { headers: { 'X-Forwarded-Proto': 'https' } },
      );
      assert.equal(login.status, 303);
      const session = login.headers.getSetCookie().find((c) => c.startsWith('__Host-claimline_session='));
      assert.ok(session);
      assert.match(session, /Secure/);
      assert.match(session, /HttpOnly/i);
    } finally {
      await proxied.close();
    }
  });
});

describe('sessions live in the database', () => {
  it('survive a restart and work on a second instance against the same database', async () => {
    const app = await startApp({ seed: false });
    try {
      const editor = await createUser(app.database.db, { name: 'Nina Night' });
      const client = new Client(app.url);
      await client.login(editor.email, editor.password);
      const second = await startAppOn(app.database);
      try {
        const elsewhere = new Client(second.url);
        for (const [k, v] of client.cookies) elsewhere.cookies.set(k, v);
        const page = await elsewhere.get('/');
        assert.match(textOf(page.doc.querySelector('.account-name')), /Nina Night/);
        // A form rendered by one instance is accepted by the other (shared CSRF state).
        assert.equal((await elsewhere.post('/logout')).status, 303);
        assert.equal(textOf((await client.get('/')).doc.querySelector('.account-name')), '', 'signed out everywhere');
      } finally {
        await second.close();
      }
    } finally {
      await app.close();
    }
  });
});
