import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { passwordLinks, users } from '../schema/index.ts';

export async function insertPasswordLink(
  ex: Executor,
  values: { userId: number; tokenHash: string; purpose: 'invite' | 'reset'; expiresAt: Date; createdById: number | null },
): Promise<void> {
  await ex.insert(passwordLinks).values(values);
}

/** Earlier links of a user stop working when a new one is made or one is used. */
export async function expireLinksOfUser(ex: Executor, userId: number): Promise<void> {
  await ex
    .update(passwordLinks)
    .set({ expiresAt: sql`least(${passwordLinks.expiresAt}, now())` })
    .where(and(eq(passwordLinks.userId, userId), isNull(passwordLinks.usedAt)));
}

export async function findUsableLink(ex: Executor, tokenHash: string) {
  const rows = await ex
    .select({
      id: passwordLinks.id,
      purpose: passwordLinks.purpose,
      expiresAt: passwordLinks.expiresAt,
      user: { id: users.id, email: users.email, name: users.name, role: users.role },
    })
    .from(passwordLinks)
    .innerJoin(users, eq(users.id, passwordLinks.userId))
    .where(
      and(
        eq(passwordLinks.tokenHash, tokenHash),
        isNull(passwordLinks.usedAt),
        gt(passwordLinks.expiresAt, sql`now()`),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  return rows[0];
}

/** Marks a link used; false when it was used (or expired) in the meantime. */
export async function useLink(ex: Executor, id: number): Promise<boolean> {
  const rows = await ex
    .update(passwordLinks)
    .set({ usedAt: sql`now()` })
    .where(and(eq(passwordLinks.id, id), isNull(passwordLinks.usedAt), gt(passwordLinks.expiresAt, sql`now()`)))
    .returning({ id: passwordLinks.id });
  return rows.length === 1;
}

/** Invitations not used yet, per user, for the accounts page. */
export async function listOpenLinks(ex: Executor) {
  return ex
    .select({ userId: passwordLinks.userId, purpose: passwordLinks.purpose, expiresAt: passwordLinks.expiresAt })
    .from(passwordLinks)
    .where(and(isNull(passwordLinks.usedAt), gt(passwordLinks.expiresAt, sql`now()`)));
}
