// Small helpers for tests that work on the demo claims.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { claims, mentions, sources, users } from '../../db/schema/index.ts';

/** The id of the demo claim with this exact wording. */
export async function claimIdByText(ex: Executor, text: string): Promise<number> {
  const [row] = await ex.select({ id: claims.id }).from(claims).where(eq(claims.text, text)).limit(1);
  if (!row) throw new Error(`no claim "${text}"`);
  return row.id;
}

export async function sourceIdByTitle(ex: Executor, title: string): Promise<number> {
  const [row] = await ex.select({ id: sources.id }).from(sources).where(eq(sources.title, title)).limit(1);
  if (!row) throw new Error(`no source "${title}"`);
  return row.id;
}

export async function mentionsOf(ex: Executor, claimId: number) {
  return ex.select().from(mentions).where(eq(mentions.claimId, claimId)).orderBy(mentions.id);
}

export async function mentionIn(ex: Executor, claimId: number, sourceId: number) {
  const [row] = await ex
    .select()
    .from(mentions)
    .where(and(eq(mentions.claimId, claimId), eq(mentions.sourceId, sourceId)))
    .orderBy(mentions.start)
    .limit(1);
  return row!;
}

/** An editor account written straight to the database, for domain tests. */
export async function insertEditor(ex: Executor, name = 'Edith Editor'): Promise<{ id: number; name: string }> {
  const [row] = await ex
    .insert(users)
    .values({ email: `${name.toLowerCase().replace(/\W+/g, '.')}.${Math.random().toString(36).slice(2, 8)}@example.org`, name, role: 'editor' })
    .returning({ id: users.id, name: users.name });
  return row!;
}

export const DEMO = {
  whWarning: 'Trump warned Lavrov against any Russian attempt to interfere in US elections',
  lavrovDenies: 'Lavrov did not receive a warning about election interference directly from Trump',
  lavrovNoElections: 'Trump and Lavrov did not even talk about elections in their meeting',
  pompeoConfirms:
    'Trump made clear to Lavrov in their meeting that Russian interference in US elections is unacceptable',
  ovalOffice: 'Trump received Lavrov in the Oval Office on Tuesday, away from the media',
  frSource: 'Pompeo confirme que Trump a mis en garde Moscou contre toute ingérence',
  enSource: 'Trump warned Russia against any interference in elections',
};

let counter = 0;

/** A claim of a test's own (not from the demo), with its id, text and version. */
export async function createClaim(
  ex: Executor,
  values: Partial<typeof claims.$inferInsert> = {},
): Promise<{ id: number; text: string; version: number }> {
  counter += 1;
  const [row] = await ex
    .insert(claims)
    .values({ text: `Test claim ${process.pid}-${counter}`, language: 'en', ...values })
    .returning({ id: claims.id, text: claims.text, version: claims.version });
  return row!;
}
