// A fresh database for one test file: PGlite by default, PostgreSQL when TEST_DATABASE_URL
// is set (a new database per call, dropped afterwards).
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { migrationsFolder, openDatabase, pgliteExtensions, type Database } from '../../db/client.ts';
import { seedDemo } from '../../server/domain/seed.ts';

export type TestDatabase = Database & { url: string | null; cleanup(): Promise<void> };

export const usesPostgres = Boolean(process.env.TEST_DATABASE_URL);

export async function createTestDatabase({ seed = false }: { seed?: boolean } = {}): Promise<TestDatabase> {
  return usesPostgres ? createPostgresDatabase(seed) : createPgliteDatabase(seed);
}

/** A URL to a new, empty PostgreSQL database, and the function that drops it. */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `claimline_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

async function createPostgresDatabase(seed: boolean): Promise<TestDatabase> {
  const { url, drop } = await createEmptyPostgresDatabase();
  const database = await openDatabase({ databaseUrl: url, poolSize: 5 });
  await database.migrate();
  if (seed) await seedDemo(database.db);
  return {
    ...database,
    url,
    async cleanup() {
      try {
        await database.close();
      } catch {
        // Already closed by the test: the database must still be dropped.
      }
      await drop();
    },
  };
}

// A new PGlite takes seconds to initialise; loading a dump of one already migrated (and
// seeded) takes about one. The dump is keyed by the migrations and seeds, so it is rebuilt
// whenever they change.
async function createPgliteDatabase(seed: boolean): Promise<TestDatabase> {
  const template = await pgliteTemplate(seed);
  const client = await PGlite.create({ loadDataDir: new Blob([new Uint8Array(template)]), extensions: pgliteExtensions });
  const database = await openDatabase({ pglite: client });
  return { ...database, url: null, cleanup: () => database.close() };
}

async function pgliteTemplate(seed: boolean): Promise<Buffer> {
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql')).sort()) {
    hash.update(file).update(readFileSync(join(migrationsFolder, file)));
  }
  if (seed) {
    const seeds = new URL('../../seeds/', import.meta.url).pathname;
    for (const file of readdirSync(seeds).sort()) hash.update(file).update(readFileSync(join(seeds, file)));
    hash.update(readFileSync(new URL('../../server/domain/seed.ts', import.meta.url)));
  }
  const dir = join(tmpdir(), 'claimline-test-templates');
  const path = join(dir, `pglite-${seed ? 'demo' : 'empty'}-${hash.digest('hex').slice(0, 16)}.tar`);
  if (existsSync(path)) return readFileSync(path);

  const client = await PGlite.create({ extensions: pgliteExtensions });
  const database = await openDatabase({ pglite: client });
  await database.migrate();
  if (seed) await seedDemo(database.db);
  const dump = Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer());
  await database.close();
  mkdirSync(dir, { recursive: true });
  // Written aside and renamed, so a test file running alongside never reads half a dump.
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, dump);
  renameSync(partial, path);
  return dump;
}
