import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { users, type UserRole } from '../schema/index.ts';

export type UserRow = typeof users.$inferSelect;

/** Emails are compared case-insensitively (the unique index is on lower(email)). */
export async function findUserByEmail(ex: Executor, email: string): Promise<UserRow | undefined> {
  const rows = await ex
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return rows[0];
}

export async function findUserById(ex: Executor, id: number): Promise<UserRow | undefined> {
  const rows = await ex.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0];
}

export async function insertUser(
  ex: Executor,
  values: { email: string; name: string; role: UserRole; passwordHash: string | null; invitedById?: number | null },
): Promise<UserRow> {
  const [row] = await ex
    .insert(users)
    .values({ ...values, email: values.email.trim() })
    .returning();
  return row!;
}

export async function setPasswordHash(ex: Executor, userId: number, passwordHash: string): Promise<void> {
  await ex.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

export function listUsers(ex: Executor) {
  return ex
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabledAt: users.disabledAt,
      totpEnabledAt: users.totpEnabledAt,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id));
}

/** Active editors and admins, for assignment menus. */
export function listActiveUsers(ex: Executor) {
  return ex
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(isNull(users.disabledAt))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id));
}

export async function countActiveAdmins(ex: Executor, exceptUserId?: number): Promise<number> {
  const [row] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(
      and(eq(users.role, 'admin'), isNull(users.disabledAt), exceptUserId ? ne(users.id, exceptUserId) : undefined),
    );
  return row?.n ?? 0;
}

export async function updateUser(
  ex: Executor,
  id: number,
  values: Partial<Pick<UserRow, 'role' | 'disabledAt' | 'totpSecret' | 'totpEnabledAt' | 'totpLastStep' | 'name'>>,
): Promise<UserRow | undefined> {
  const [row] = await ex.update(users).set(values).where(eq(users.id, id)).returning();
  return row;
}

/**
 * Records the time step of an accepted one-time code, only if it is newer than the last one:
 * two sign-ins racing with the same code cannot both pass.
 */
export async function advanceTotpStep(ex: Executor, id: number, step: number): Promise<boolean> {
  const rows = await ex
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, id), sql`(${users.totpLastStep} is null or ${users.totpLastStep} < ${step})`))
    .returning({ id: users.id });
  return rows.length === 1;
}
