import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { lockDataDir } from './lock.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
type Relations = ExtractTablesWithRelations<Schema>;
/** The application's database, whichever driver is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, Relations>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, Relations>;
/** What functions in db/queries take first: the database, or the transaction they run in. */
export type Executor = Db | Tx;

export type Database = {
  db: Db;
  driver: 'pg' | 'pglite';
  /** Applies pending migrations under an advisory lock, so instances can start together. */
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
// Any constant works; it only has to be the same for every Claimline instance.
const MIGRATION_LOCK = 7_214_031_925;

export const pgliteExtensions = { pg_trgm, unaccent };

export type OpenOptions =
  | { databaseUrl: string; poolSize?: number }
  | { dataDir: string }
  | { pglite: PGlite; migrationsSchema?: string };

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if ('databaseUrl' in options) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  if ('dataDir' in options) {
    const release = lockDataDir(options.dataDir);
    try {
      const client = await PGlite.create(join(options.dataDir, 'pgdata'), { extensions: pgliteExtensions });
      return wrapPglite(client, release);
    } catch (error) {
      release();
      throw error;
    }
  }
  return wrapPglite(options.pglite, () => {});
}

function openPostgres(url: string, max: number): Database {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'claimline' });
  // An idle connection the server drops (restart, failover, a dropped test database) is removed
  // by the pool and the next query opens a new one; without a listener it would crash the process.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    driver: 'pg',
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
        try {
          await migratePg(drizzlePg({ client, schema }), { migrationsFolder });
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
        }
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

function wrapPglite(client: PGlite, release: () => void): Database {
  const db = drizzlePglite({ client, schema });
  return {
    db: db as unknown as Db,
    driver: 'pglite',
    // PGlite is one process on one connection: nobody else can migrate at the same time.
    migrate: () => migratePglite(db, { migrationsFolder }),
    async close() {
      try {
        if (!client.closed) await client.close();
      } finally {
        release();
      }
    },
  };
}
