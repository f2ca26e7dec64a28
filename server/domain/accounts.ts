import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { findUserByEmail, findUserById, insertUser, setPasswordHash } from '../../db/queries/users.ts';
import { userRoles, type UserRole } from '../../db/schema/index.ts';
import { Invalid } from '../errors.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { endSessionsOfUser, startSession, type SessionPolicy, type SessionUser } from './sessions.ts';

export type { SessionUser } from './sessions.ts';

export const Email = z
  .string()
  .trim()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'auth.emailInvalid');

const NewUser = z.object({
  email: Email,
  name: z.string().trim().min(1, 'auth.nameMissing').max(120, 'auth.nameTooLong'),
  role: z.enum(userRoles),
});

/** Field → message key, from a zod error. */
export function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    fields[key] ??= issue.message.startsWith('auth.') ? issue.message : `auth.invalid.${key}`;
  }
  return fields;
}

/**
 * Creates an account. Without a password the account cannot sign in until a password is set
 * (an invitation). Written with its audit event in one transaction.
 */
export async function createUser(
  db: Db,
  input: { email: string; name?: string; role: UserRole; password?: string | null },
  actor: SessionUser | null,
): Promise<SessionUser> {
  const parsed = NewUser.safeParse({ ...input, name: input.name?.trim() || input.email.split('@')[0] });
  if (!parsed.success) throw new Invalid('auth.userRefused', fieldsOf(parsed.error));
  const { email, name, role } = parsed.data;
  if (input.password != null) {
    const problem = passwordProblem(input.password, { email, name });
    if (problem) throw new Invalid('auth.userRefused', { password: problem });
  }
  const passwordHash = input.password != null ? await hashPassword(input.password) : null;
  return db.transaction(async (tx) => {
    if (await findUserByEmail(tx, email)) throw new Invalid('auth.userRefused', { email: 'auth.emailTaken' });
    const user = await insertUser(tx, { email, name, role, passwordHash, invitedById: actor?.id ?? null });
    await recordAudit(tx, {
      userId: actor?.id ?? null,
      action: 'user.created',
      subjectType: 'user',
      subjectId: user.id,
      after: { email: user.email, name: user.name, role: user.role },
    });
    return { id: user.id, email: user.email, name: user.name, role: user.role };
  });
}

export type SignInResult =
  | { outcome: 'signed-in'; user: SessionUser; token: string; expiresAt: Date }
  | { outcome: 'refused' };

/** Checks a password and opens a new session. The caller ends the session the browser had before. */
export async function signIn(
  db: Db,
  input: { email: string; password: string },
  policy: SessionPolicy,
  meta: { ip: string | null; userAgent: string | null },
): Promise<SignInResult> {
  const user = await findUserByEmail(db, input.email);
  // verifyPassword spends the same time on unknown accounts, so timing does not tell them apart.
  const matches = await verifyPassword(input.password, user?.passwordHash);
  if (!user || !matches || user.disabledAt) return { outcome: 'refused' };
  const session = await startSession(db, user.id, policy, meta);
  return {
    outcome: 'signed-in',
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    token: session.token,
    expiresAt: session.expiresAt,
  };
}

/**
 * Sets a user's password. Every other session of the user ends (a stolen session does not
 * survive the owner's reaction); `keepSessionId` is the session making the change.
 */
export async function setPassword(
  db: Db,
  userId: number,
  password: string,
  actor: SessionUser | null,
  keepSessionId?: string,
): Promise<void> {
  const user = await findUserById(db, userId);
  if (!user) throw new Invalid('auth.userRefused', { email: 'auth.noSuchUser' });
  const problem = passwordProblem(password, { email: user.email, name: user.name });
  if (problem) throw new Invalid('auth.passwordRefused', { password: problem });
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, userId, hash);
    await endSessionsOfUser(tx, userId, keepSessionId);
    await recordAudit(tx, { userId: actor?.id ?? null, action: 'user.password_changed', subjectType: 'user', subjectId: userId });
  });
}
