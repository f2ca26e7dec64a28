import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { settings } from '../schema/index.ts';

export async function getSetting<T>(ex: Executor, key: string): Promise<T | undefined> {
  const rows = await ex.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).limit(1);
  return rows[0]?.value as T | undefined;
}

export async function putSetting(ex: Executor, key: string, value: unknown): Promise<void> {
  await ex
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value` } });
}

/** Stores `value` unless the key exists, and returns whichever value won (instances may race). */
export async function settingOrInsert<T>(ex: Executor, key: string, value: T): Promise<T> {
  await ex.insert(settings).values({ key, value }).onConflictDoNothing();
  return (await getSetting<T>(ex, key)) as T;
}
