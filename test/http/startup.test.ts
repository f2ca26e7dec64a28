import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createEmptyPostgresDatabase, usesPostgres } from '../support/db.ts';
import { get } from '../support/app.ts';
import { runScript, startServer } from '../support/process.ts';

describe('npm start on the embedded database', () => {
  it('creates the database, loads the demo, serves it, and refuses a second process on the same folder', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'claimline-start-')), 'data');
    const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' });
    try {
      const home = await get(server.url);
      assert.equal(home.status, 200);
      assert.match(home.text, /Trump warned Lavrov against any Russian attempt to interfere in US elections/);
      const second = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' }).then(
        (s) => s.stop().then(() => ''),
        (error: { output?: string }) => error.output ?? '',
      );
      assert.match(second, /in use by another Claimline process/);
    } finally {
      assert.equal(await server.stop(), 0, 'stops cleanly on SIGTERM');
    }
    // The folder is free again and keeps its data: no second seeding on restart.
    const again = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' });
    try {
      assert.doesNotMatch(again.output(), /loaded the demo/);
      const home = await get(again.url);
      assert.equal(home.text.match(/Trump warned Lavrov against any Russian attempt/g)?.length, 1);
    } finally {
      await again.stop();
    }
  });
});

describe('npm start on PostgreSQL', { skip: usesPostgres ? false : 'set TEST_DATABASE_URL to run PostgreSQL tests' }, () => {
  it('two instances started at once against one new database both come up', async () => {
    const { url, drop } = await createEmptyPostgresDatabase();
    try {
      const [a, b] = await Promise.all([startServer({ DATABASE_URL: url }), startServer({ DATABASE_URL: url })]);
      try {
        for (const s of [a, b]) {
          const health = await get(`${s.url}/healthz`);
          assert.equal(health.status, 200);
          assert.deepEqual(JSON.parse(health.text), { ok: true, driver: 'pg' });
          // The embedded database seeds itself; PostgreSQL waits for `npm run db:seed`.
          assert.match((await get(s.url)).text, /No claims yet/);
        }
        const seeded = await runScript('scripts/seed.ts', { DATABASE_URL: url });
        assert.match(seeded, /Demo loaded: \d+ claims/);
        assert.match(await runScript('scripts/seed.ts', { DATABASE_URL: url }), /already loaded/);
        for (const s of [a, b]) assert.match((await get(s.url)).text, /Trump warned Lavrov against any Russian attempt/);
      } finally {
        await Promise.all([a.stop(), b.stop()]);
      }
    } finally {
      await drop();
    }
  });
});
