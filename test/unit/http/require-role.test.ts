import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import express, { type NextFunction, type Request, type Response } from 'express';
import { requireRole, safeNext } from '../../../server/http/auth.ts';
import { HttpError } from '../../../server/errors.ts';

describe('requireRole', () => {
  let base: string;
  let close: () => void;
  before(async () => {
    const app = express();
    app.use((req, _res, next) => {
      const role = req.get('X-Test-Role');
      if (role === 'admin' || role === 'editor') req.user = { id: 1, email: 'a@example.org', name: 'A', role };
      next();
    });
    app.get('/desk', requireRole('editor'), (_req, res) => void res.send('desk'));
    app.post('/admin/thing', requireRole('admin'), (_req, res) => void res.send('done'));
    app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
      res.status(error instanceof HttpError ? error.status : 500).send((error as Error).message);
    });
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  after(() => close());

  const call = (method: string, path: string, headers: Record<string, string> = {}) =>
    fetch(base + path, { method, headers, redirect: 'manual' });

  it('sends anonymous visitors to the login page, coming back to the page they wanted', async () => {
    const res = await call('GET', '/desk?story=3');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/login?next=%2Fdesk%3Fstory%3D3');
  });

  it('tells htmx to load the login page instead of swapping it into the fragment', async () => {
    const res = await call('POST', '/admin/thing', { 'HX-Request': 'true', 'HX-Current-URL': `${base}/claims/4` });
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('hx-redirect'), '/login?next=%2Fclaims%2F4');
  });

  it('lets editors and admins in where editors may go, and only admins where admins may', async () => {
    assert.equal((await call('GET', '/desk', { 'X-Test-Role': 'editor' })).status, 200);
    assert.equal((await call('GET', '/desk', { 'X-Test-Role': 'admin' })).status, 200);
    const refused = await call('POST', '/admin/thing', { 'X-Test-Role': 'editor' });
    assert.equal(refused.status, 403);
    assert.equal(await refused.text(), 'Only administrators can do that.');
    assert.equal((await call('POST', '/admin/thing', { 'X-Test-Role': 'admin' })).status, 200);
  });

  it('only ever returns to a page of this site', () => {
    assert.equal(safeNext('/claims/3?x=1'), '/claims/3?x=1');
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'claims', '/logout', undefined, 42]) {
      assert.equal(safeNext(bad), '/');
    }
  });
});
