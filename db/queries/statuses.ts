import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { statuses } from '../schema/index.ts';

export type StatusRow = typeof statuses.$inferSelect;

export function listStatuses(ex: Executor): Promise<StatusRow[]> {
  return ex.select().from(statuses).orderBy(asc(statuses.position), asc(statuses.key));
}

export async function findStatus(ex: Executor, key: string): Promise<StatusRow | undefined> {
  const rows = await ex.select().from(statuses).where(eq(statuses.key, key)).limit(1);
  return rows[0];
}

export async function insertStatus(ex: Executor, values: typeof statuses.$inferInsert): Promise<StatusRow> {
  const [row] = await ex.insert(statuses).values(values).returning();
  return row!;
}

export async function updateStatus(ex: Executor, key: string, values: Partial<typeof statuses.$inferInsert>) {
  const [row] = await ex.update(statuses).set(values).where(eq(statuses.key, key)).returning();
  return row;
}
