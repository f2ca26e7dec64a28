import { count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { settings, sources } from '../../db/schema/index.ts';
import { seedDemo } from './seed.ts';

/**
 * On a brand-new database (no sources, never set up) loads the demo so a new user sees a
 * working Claimline. Remembered in settings: emptying the database later does not re-seed it.
 */
export async function seedIfNew(db: Db): Promise<boolean> {
  const [marker] = await db.select().from(settings).where(eq(settings.key, 'initialized_at')).limit(1);
  if (marker) return false;
  const [row] = await db.select({ n: count() }).from(sources);
  const isEmpty = (row?.n ?? 0) === 0;
  const result = isEmpty ? await seedDemo(db) : { created: false };
  await db
    .insert(settings)
    .values({ key: 'initialized_at', value: new Date().toISOString() })
    .onConflictDoNothing();
  return result.created;
}
