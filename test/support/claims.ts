// A small factory for claims, for tests that need one of their own.
import type { Db } from '../../db/client.ts';
import { claims } from '../../db/schema/index.ts';

let counter = 0;

export async function createClaim(
  db: Db,
  values: Partial<typeof claims.$inferInsert> = {},
): Promise<{ id: number; text: string; version: number }> {
  counter += 1;
  const [row] = await db
    .insert(claims)
    .values({ text: `Test claim ${process.pid}-${counter}`, language: 'en', ...values })
    .returning({ id: claims.id, text: claims.text, version: claims.version });
  return row!;
}
