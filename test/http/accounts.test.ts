import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { loginAttempts, users } from '../../db/schema/index.ts';
import { startApp, type TestApp } from '../support/app.ts';
import { Client, createUser, type TestUser } from '../support/auth.ts';
import { textOf } from '../support/html.ts';

const from = (ip: string) => ({ headers: { 'X-Forwarded-For': ip } });

describe('accounts', () => {
  let app: TestApp;
  let admin: TestUser;
  let adminClient: Client;
  before(async () => {
    // Behind one trusted proxy, so tests can speak from several addresses.
    app = await startApp({ seed: false, env: { TRUST_PROXY: '1' } });
    admin = await createUser(app.database.db, { role: 'admin', name: 'Ada Admin' });
    adminClient = new Client(app.url);
    await adminClient.login(admin.email, admin.password);
  });
  after(() => app.close());

  const nameShown = async (client: Client) => textOf((await client.get('/')).doc.querySelector('.account-name'));
  const login = async (client: Client, email: string, password: string, ip = '10.0.0.1') => {
    await client.get('/login', from(ip));
    return client.post('/login', { email, password }, from(ip));
  };

  describe('sign-in throttling', () => {
    it('answers 429 after repeated failures for one account from one address, briefly, and not elsewhere', async () => {
      const editor = await createUser(app.database.db, { name: 'Thea Throttled' });
      const client = new Client(app.url);
      for (let i = 0; i < 5; i++) assert.equal((await login(client, editor.email, 'wrong password!')).status, 401);
      const blocked = await login(client, editor.email, editor.password);
      assert.equal(blocked.status, 429, 'even the right password waits');
      const wait = Number(blocked.headers.get('retry-after'));
      assert.ok(wait > 20 && wait <= 30, `waits about 30 s, not ${wait}`);
      assert.match(textOf(blocked.doc.querySelector('[role=alert]')), /Too many failed sign-in attempts\. Try again in 1 min\./);
      assert.equal((await login(new Client(app.url), editor.email, editor.password, '10.0.0.2')).status, 303, 'the editor elsewhere is not locked out');

      // Each further failure doubles the wait, up to 15 minutes.
      await app.database.db.update(loginAttempts).set({ at: sql`${loginAttempts.at} - interval '31 seconds'` }).where(eq(loginAttempts.email, editor.email));
      assert.equal((await login(client, editor.email, 'wrong again!!')).status, 401);
      const longer = await login(client, editor.email, editor.password);
      assert.equal(longer.status, 429);
      const longerWait = Number(longer.headers.get('retry-after'));
      assert.ok(longerWait > 50 && longerWait <= 60, `then about 60 s, not ${longerWait}`);
      await app.database.db.update(loginAttempts).set({ at: sql`${loginAttempts.at} - interval '61 seconds'` }).where(eq(loginAttempts.email, editor.email));
      assert.equal((await login(client, editor.email, editor.password)).status, 303, 'once the short window passes, the right password works');
    });

    it('has a ceiling per account across addresses that a browser the editor used before does not hit', async () => {
      const editor = await createUser(app.database.db, { name: 'Kim Known' });
      const known = new Client(app.url);
      assert.equal((await login(known, editor.email, editor.password, '10.1.0.1')).status, 303);
      await known.post('/logout', {}, from('10.1.0.1'));
      // A spread-out guessing attack: 30 failures from 30 addresses.
      await app.database.db.insert(loginAttempts).values(Array.from({ length: 30 }, (_, i) => ({ email: editor.email, ip: `10.9.0.${i}` })));
      const stranger = await login(new Client(app.url), editor.email, editor.password, '10.2.0.1');
      assert.equal(stranger.status, 429, 'a new address is held back');
      assert.equal((await login(known, editor.email, editor.password, '10.1.0.1')).status, 303, 'the editor’s own browser still gets in');
    });

    it('has a ceiling per address across accounts', async () => {
      const editor = await createUser(app.database.db, { name: 'Sam Sprayed' });
      await app.database.db.insert(loginAttempts).values(Array.from({ length: 100 }, (_, i) => ({ email: `victim${i}@example.org`, ip: '10.3.0.1' })));
      assert.equal((await login(new Client(app.url), editor.email, editor.password, '10.3.0.1')).status, 429);
      assert.equal((await login(new Client(app.url), editor.email, editor.password, '10.3.0.2')).status, 303);
    });
  });

  describe('passwords', () => {
    it('changing the password ends the other sessions, not this one', async () => {
      const editor = await createUser(app.database.db, { name: 'Paula Password' });
      const mine = new Client(app.url);
      await login(mine, editor.email, editor.password);
      const copied = mine.copy();
      const elsewhere = new Client(app.url);
      await login(elsewhere, editor.email, editor.password, '10.4.0.1');

      await mine.get('/account');
      const wrong = await mine.post('/account/password', { current: 'not my password', password: 'a brand new passphrase', confirm: 'a brand new passphrase' });
      assert.equal(wrong.status, 422);
      assert.match(textOf(wrong.doc.querySelector('#pw-current-error')), /not your current password/);
      const differs = await mine.post('/account/password', { current: editor.password, password: 'a brand new passphrase', confirm: 'another passphrase' });
      assert.match(textOf(differs.doc.querySelector('#pw-confirm-error')), /differ/);

      const changed = await mine.post('/account/password', { current: editor.password, password: 'a brand new passphrase', confirm: 'a brand new passphrase' });
      assert.equal(changed.status, 303);
      assert.match(textOf((await mine.get(changed.location!)).doc.querySelector('[role=status]')), /Password changed/);
      assert.match(await nameShown(mine), /Paula Password/, 'this session goes on');
      assert.match(await nameShown(copied), /Paula Password/, 'a copy of this very cookie is this session');
      assert.equal(await nameShown(elsewhere), '', 'the other session ended');
      assert.equal((await login(new Client(app.url), editor.email, editor.password, '10.4.0.2')).status, 401, 'old password refused');
      assert.equal((await login(new Client(app.url), editor.email, 'a brand new passphrase', '10.4.0.2')).status, 303);
    });

    it('lists the sessions and signs out everywhere else on request', async () => {
      const editor = await createUser(app.database.db);
      const a = new Client(app.url);
      await login(a, editor.email, editor.password, '10.5.0.1');
      const b = new Client(app.url);
      await login(b, editor.email, editor.password, '10.5.0.2');
      const page = await a.get('/account');
      assert.equal(page.doc.querySelectorAll('.sessions-panel tbody tr').length, 2);
      await a.post('/account/sessions');
      assert.equal(await nameShown(b), '');
      assert.notEqual(await nameShown(a), '');
    });
  });

  describe('administration of accounts', () => {
    it('invites an editor with a one-time link that sets their password', async () => {
      await adminClient.get('/admin/users');
      const bad = await adminClient.post('/admin/users', { name: '', email: 'not-an-email', role: 'editor' });
      assert.equal(bad.status, 422);
      assert.match(textOf(bad.doc.querySelector('#invite-email-error')), /Enter an email address/);
      const invited = await adminClient.post('/admin/users', { name: 'Ines Invited', email: 'ines@example.org', role: 'editor' });
      assert.equal(invited.status, 201);
      const url = new URL(textOf(invited.doc.querySelector('#password-link')));
      assert.match(url.pathname, /^\/password-links\/[A-Za-z0-9_-]{43}$/);
      assert.match(textOf(invited.doc.querySelector('#user-' + (await app.database.db.select().from(users).where(eq(users.email, 'ines@example.org')))[0]!.id)), /invited/);

      const visitor = new Client(app.url);
      const form = await visitor.get(url.pathname);
      assert.equal(form.status, 200);
      assert.match(textOf(form.doc.querySelector('.auth-card')), /Welcome to Claimline, Ines Invited/);
      const weak = await visitor.post(url.pathname, { password: 'short', confirm: 'short' });
      assert.equal(weak.status, 422);
      assert.match(textOf(weak.doc.querySelector('#set-password-error')), /at least 12 characters/);
      const set = await visitor.post(url.pathname, { password: 'ines chose this well', confirm: 'ines chose this well' });
      assert.equal(set.status, 303);
      assert.equal(set.location, '/login?welcome=1');
      assert.equal((await visitor.get(url.pathname)).status, 404, 'the link works once');
      assert.equal((await login(visitor, 'ines@example.org', 'ines chose this well', '10.6.0.1')).status, 303);
    });

    it('disabling an account ends its sessions at once; enabling lets the person back in', async () => {
      const editor = await createUser(app.database.db, { name: 'Dora Disabled' });
      const client = new Client(app.url);
      await login(client, editor.email, editor.password, '10.7.0.1');
      await adminClient.get('/admin/users');
      const row = await adminClient.post(`/admin/users/${editor.id}/disable`, {}, { htmx: true });
      assert.equal(row.status, 200);
      assert.match(row.body, new RegExp(`^\\s*<tr id="user-${editor.id}"`));
      assert.match(textOf(row.doc.querySelector('td:nth-child(3)')), /disabled/);
      assert.equal(await nameShown(client), '');
      assert.equal((await login(client, editor.email, editor.password, '10.7.0.1')).status, 401);
      assert.equal((await adminClient.post(`/admin/users/${editor.id}/enable`)).status, 303);
      assert.equal((await login(client, editor.email, editor.password, '10.7.0.1')).status, 303);
    });

    it('changes roles, but never leaves Claimline without an active admin', async () => {
      const editor = await createUser(app.database.db, { name: 'Rita Role' });
      await adminClient.get('/admin/users');
      assert.equal((await adminClient.post(`/admin/users/${editor.id}/role`, { role: 'admin' })).status, 303);
      const rita = new Client(app.url);
      await login(rita, editor.email, editor.password, '10.8.0.1');
      assert.equal((await rita.get('/admin/users')).status, 200, 'the new role applies at once');
      assert.equal((await adminClient.post(`/admin/users/${editor.id}/role`, { role: 'editor' })).status, 303);
      assert.equal((await rita.get('/admin/users')).status, 403);

      const self = await adminClient.post(`/admin/users/${admin.id}/disable`, {}, { htmx: true });
      assert.equal(self.status, 403);
      const others = await app.database.db.select().from(users).where(eq(users.role, 'admin'));
      for (const other of others.filter((u) => u.id !== admin.id)) await app.database.db.update(users).set({ role: 'editor' }).where(eq(users.id, other.id));
      const demote = await adminClient.post(`/admin/users/${admin.id}/role`, { role: 'editor' }, { htmx: true });
      assert.equal(demote.status, 422);
      assert.match(textOf(demote.doc.querySelector('[role=alert]')), /at least one active admin/);
    });
  });

  describe('two-step sign-in', () => {
    it('enrols with a code from the app, then asks for a fresh code at every sign-in', async () => {
      const editor = await createUser(app.database.db, { name: 'Tom Totp' });
      const client = new Client(app.url);
      await login(client, editor.email, editor.password, '10.10.0.1');
      const other = new Client(app.url);
      await login(other, editor.email, editor.password, '10.10.0.2');
      await client.get('/account');
      assert.equal((await client.post('/account/totp')).status, 303);
      const enrol = await client.get('/account');
      const secret = textOf(enrol.doc.querySelector('#totp-secret')).replace(/\s+/g, '');
      assert.match(secret, /^[A-Z2-7]{32}$/);
      assert.ok(enrol.doc.querySelector('.qr svg'), 'a QR code drawn on the server');
      assert.match(textOf(enrol.doc.querySelector('code.uri')), /^otpauth:\/\/totp\/Claimline:/);
      assert.equal((await client.post('/account/totp/confirm', { code: '000000' })).status, 422);
      const code = await generate({ secret });
      assert.equal((await client.post('/account/totp/confirm', { code })).status, 303);
      assert.equal(await nameShown(other), '', 'sessions opened with the password alone end');
      await client.post('/logout');

      const again = new Client(app.url);
      const step1 = await login(again, editor.email, editor.password, '10.10.0.3');
      assert.equal(step1.status, 303);
      assert.match(step1.location!, /^\/login\/code/);
      const pendingCookie = again.cookies.get('claimline_session');
      assert.equal(await nameShown(again), '', 'not signed in before the code');
      assert.equal((await again.get('/review')).status, 303);
      await again.get('/login/code');
      assert.equal((await again.post('/login/code', { code: '123456', next: '/review' }, from('10.10.0.3'))).status, 401);
      // The code used to enrol is spent: the next one of the app is needed (the one 30 s later).
      const replay = await again.post('/login/code', { code, next: '/review' }, from('10.10.0.3'));
      assert.equal(replay.status, 401, 'a used code never works twice');
      const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
      const done = await again.post('/login/code', { code: next, next: '/review' }, from('10.10.0.3'));
      assert.equal(done.status, 303);
      assert.equal(done.location, '/review');
      assert.notEqual(again.cookies.get('claimline_session'), pendingCookie, 'a new session id after the code');
      assert.match(await nameShown(again), /Tom Totp/);
    });
  });
});
