// Optimistic locking under real concurrency: two app instances, each with its own connection
// pool, against one PostgreSQL (PGlite has a single connection and would prove nothing).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditEvents, claims } from '../../db/schema/index.ts';
import { startApp, startAppOn } from '../support/app.ts';
import { Client, createUser } from '../support/auth.ts';
import { createClaim } from '../support/claims.ts';
import { usesPostgres } from '../support/db.ts';

describe('two editors saving the same claim version at the same moment', { skip: usesPostgres ? false : 'set TEST_DATABASE_URL to run PostgreSQL tests' }, () => {
  it('lets exactly one save win and gives the other the conflict, 100 times over', async () => {
    const app = await startApp({ seed: false });
    const second = await startAppOn(app.database);
    try {
      const db = app.database.db;
      const [emma, bruno] = [await createUser(db, { name: 'Emma' }), await createUser(db, { name: 'Bruno' })];
      const a = new Client(app.url);
      await a.login(emma.email, emma.password);
      await a.get('/');
      const b = new Client(second.url);
      await b.login(bruno.email, bruno.password);
      await b.get('/');
      const claim = await createClaim(db, { text: 'Round 0' });

      let wins = { a: 0, b: 0 };
      for (let round = 1; round <= 100; round++) {
        const [{ version }] = await db.select({ version: claims.version }).from(claims).where(eq(claims.id, claim.id)) as [{ version: number }];
        const path = `/claims/${claim.id}/edit`;
        const [ra, rb] = await Promise.all([
          a.post(path, { version, text: `Round ${round} by Emma` }),
          b.post(path, { version, text: `Round ${round} by Bruno` }),
        ]);
        assert.deepEqual([ra.status, rb.status].sort(), [303, 409], `round ${round}: ${ra.status} and ${rb.status}`);
        const [row] = await db.select({ text: claims.text, version: claims.version }).from(claims).where(eq(claims.id, claim.id));
        const winner = ra.status === 303 ? 'Emma' : 'Bruno';
        wins = winner === 'Emma' ? { ...wins, a: wins.a + 1 } : { ...wins, b: wins.b + 1 };
        assert.equal(row!.text, `Round ${round} by ${winner}`, `round ${round}: the winner's text is stored`);
        assert.equal(row!.version, version + 1, `round ${round}: one new version`);
        const loser = ra.status === 409 ? ra : rb;
        assert.match(loser.body, new RegExp(`Round ${round} by ${winner === 'Emma' ? 'Bruno' : 'Emma'}`), 'the loser keeps their text');
      }
      const edits = await db
        .select({ id: auditEvents.id })
        .from(auditEvents)
        .where(and(eq(auditEvents.claimId, claim.id), eq(auditEvents.action, 'claim.edited')));
      assert.equal(edits.length, 100, 'one audit event per successful save, none for refused ones');
      console.log(`# 100 races: Emma won ${wins.a}, Bruno won ${wins.b}`);
    } finally {
      await second.close();
      await app.close();
    }
  });

  it('does the same for status changes', async () => {
    const app = await startApp({ seed: false });
    const second = await startAppOn(app.database);
    try {
      const db = app.database.db;
      const [emma, bruno] = [await createUser(db), await createUser(db)];
      const a = new Client(app.url);
      await a.login(emma.email, emma.password);
      await a.get('/');
      const b = new Client(second.url);
      await b.login(bruno.email, bruno.password);
      await b.get('/');
      const claim = await createClaim(db);
      for (let round = 1; round <= 30; round++) {
        const [{ version }] = await db.select({ version: claims.version }).from(claims).where(eq(claims.id, claim.id)) as [{ version: number }];
        const evidence = { rationale: `Round ${round}`, evidenceUrls: 'https://example.org/e' };
        const [ra, rb] = await Promise.all([
          a.post(`/claims/${claim.id}/status`, { version, status: 'true', ...evidence }, { htmx: true }),
          b.post(`/claims/${claim.id}/status`, { version, status: 'false', ...evidence }, { htmx: true }),
        ]);
        assert.deepEqual([ra.status, rb.status].sort(), [200, 409], `round ${round}`);
      }
    } finally {
      await second.close();
      await app.close();
    }
  });
});
