import { asc } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { statuses } from '../schema/index.ts';

export type StatusRow = typeof statuses.$inferSelect;

export function listStatuses(ex: Executor): Promise<StatusRow[]> {
  return ex.select().from(statuses).orderBy(asc(statuses.position), asc(statuses.key));
}
