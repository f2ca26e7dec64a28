import { and, eq, gt, lt, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { sessions, users } from '../schema/index.ts';

export async function insertSession(
  ex: Executor,
  values: {
    id: string;
    userId: number;
    csrfToken: string;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
    secondFactorPending?: boolean;
  },
): Promise<void> {
  await ex.insert(sessions).values(values);
}

/**
 * A live session with its user: not past its absolute expiry, seen within the idle window,
 * and its user not disabled. One indexed query per request.
 */
export async function findLiveSession(ex: Executor, id: string, idleSince: Date) {
  const rows = await ex
    .select({
      id: sessions.id,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      secondFactorPending: sessions.secondFactorPending,
      user: { id: users.id, email: users.email, name: users.name, role: users.role },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, id),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.lastSeenAt, idleSince),
        sql`${users.disabledAt} is null`,
      ),
    )
    .limit(1);
  return rows[0];
}

export async function touchSession(ex: Executor, id: string): Promise<void> {
  await ex.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, id));
}

export async function deleteSession(ex: Executor, id: string): Promise<void> {
  await ex.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of a user, or every one but `keepId`. */
export async function deleteSessionsOfUser(ex: Executor, userId: number, keepId?: string): Promise<void> {
  await ex.delete(sessions).where(and(eq(sessions.userId, userId), keepId ? ne(sessions.id, keepId) : undefined));
}

export async function deleteDeadSessions(ex: Executor, idleSince: Date): Promise<void> {
  await ex.delete(sessions).where(or(lt(sessions.expiresAt, sql`now()`), lt(sessions.lastSeenAt, idleSince)));
}

/** A user's live sessions, newest activity first (the account page lists them). */
export function listSessionsOfUser(ex: Executor, userId: number, idleSince: Date) {
  return ex
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        eq(sessions.secondFactorPending, false),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.lastSeenAt, idleSince),
      ),
    )
    .orderBy(sql`${sessions.lastSeenAt} desc`);
}
