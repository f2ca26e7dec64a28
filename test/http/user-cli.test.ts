import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { Client } from '../support/auth.ts';
import { textOf } from '../support/html.ts';
import { startServer } from '../support/process.ts';

const root = resolve(import.meta.dirname, '../..');

/** Runs `npm run user -- …` as a user would, with `stdin` piped in. */
function user(args: string[], stdin: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; out: string }>((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/user.ts', ...args], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'test', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => done({ code, out }));
    child.stdin.end(stdin);
  });
}

describe('npm run user on the embedded database', () => {
  it('creates the first admin from piped stdin, refuses while the server runs, and sessions survive a restart', async () => {
    const env = { DATA_DIR: join(mkdtempSync(join(tmpdir(), 'claimline-user-')), 'data'), DATABASE_URL: '' };
    const password = 'a long enough passphrase';

    const created = await user(['create', '--role', 'admin', 'Ada@Example.org', '--name', 'Ada Lovelace'], `${password}\nignored\n`, env);
    assert.equal(created.code, 0, created.out);
    assert.match(created.out, /Created admin Ada Lovelace <Ada@Example.org>/);

    const again = await user(['create', '--role', 'editor', 'ada@example.org'], `${password}\n`, env);
    assert.equal(again.code, 1);
    assert.match(again.out, /already exists/);
    const weak = await user(['create', '--role', 'editor', 'bob@example.org'], 'short\n', env);
    assert.equal(weak.code, 1);
    assert.match(weak.out, /Use at least 12 characters/);
    const usage = await user(['create', 'carl@example.org'], '', env);
    assert.equal(usage.code, 2);
    assert.match(usage.out, /--role admin/);

    let server = await startServer(env);
    const client = new Client(server.url);
    try {
      const busy = await user(['create', '--role', 'editor', 'dan@example.org'], `${password}\n`, env);
      assert.equal(busy.code, 1);
      assert.match(busy.out, /in use by another Claimline process .*Stop that process first/s);

      assert.equal((await client.login('ada@example.org', password)).status, 303);
      assert.match(textOf((await client.get('/')).doc.querySelector('.account-name')), /Ada Lovelace/);
    } finally {
      await server.stop();
    }
    server = await startServer(env);
    try {
      const page = await new Client(server.url).get('/');
      assert.equal(textOf(page.doc.querySelector('.account-name')), '', 'a reader is not signed in');
      const moved = new Client(server.url);
      for (const [k, v] of client.cookies) moved.cookies.set(k, v);
      assert.match(textOf((await moved.get('/')).doc.querySelector('.account-name')), /Ada Lovelace/, 'still signed in after the restart');
    } finally {
      await server.stop();
    }
  });
});
