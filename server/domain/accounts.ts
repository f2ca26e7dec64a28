import { createHash } from 'node:crypto';
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import encodeQR from 'qr';
import { z } from 'zod';
import type { Db, Executor } from '../../db/client.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { expireLinksOfUser, findUsableLink, insertPasswordLink, listOpenLinks, useLink } from '../../db/queries/password-links.ts';
import { deleteSession, listSessionsOfUser } from '../../db/queries/sessions.ts';
import {
  advanceTotpStep,
  countActiveAdmins,
  findUserByEmail,
  findUserById,
  insertUser,
  listUsers,
  setPasswordHash,
  updateUser,
} from '../../db/queries/users.ts';
import { userRoles, type UserRole } from '../../db/schema/index.ts';
import { Forbidden, Invalid, NotFound } from '../errors.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { randomToken, safeEqual, sign } from './secrets.ts';
import { endSessionsOfUser, sessionIdOf, startSession, type SessionPolicy, type SessionUser } from './sessions.ts';
import { forgiveSignInFailures, normalizeEmail, recordSignInFailure, signInWait } from './throttle.ts';

export type { SessionUser } from './sessions.ts';

export const Email = z
  .string()
  .trim()
  .max(254, 'auth.emailInvalid')
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'auth.emailInvalid');

const Name = z.string().trim().min(1, 'auth.nameMissing').max(120, 'auth.nameTooLong');
const NewUser = z.object({ email: Email, name: Name, role: z.enum(userRoles, { message: 'auth.invalid.role' }) });

/** Field → message key, from a zod error. */
export function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    fields[key] ??= issue.message.startsWith('auth.') ? issue.message : `auth.invalid.${key}`;
  }
  return fields;
}

const toSessionUser = (u: { id: number; email: string; name: string; role: UserRole }): SessionUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
});

// --- Accounts ---------------------------------------------------------------------------

/**
 * Creates an account. Without a password the account cannot sign in until a password is set
 * (an invitation). Written with its audit event in one transaction.
 */
export async function createUser(
  db: Db,
  input: { email: string; name?: string; role: string; password?: string | null },
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
    return toSessionUser(user);
  });
}

// --- Signing in ---------------------------------------------------------------------------

export type SignInMeta = { ip: string; userAgent: string | null; deviceUserId: number | null };

export type SignInResult =
  | { outcome: 'signed-in'; user: SessionUser; token: string; expiresAt: Date }
  | { outcome: 'second-factor'; token: string; expiresAt: Date }
  | { outcome: 'refused' }
  | { outcome: 'throttled'; retryAfterSeconds: number };

/**
 * Checks a password. Throttled first (see throttle.ts), so a blocked guess learns nothing.
 * With a second factor enrolled, a right password opens only a short pending session that
 * waits for the one-time code. The caller ends the session the browser had before.
 */
export async function signIn(db: Db, input: { email: string; password: string }, policy: SessionPolicy, meta: SignInMeta): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const user = await findUserByEmail(db, email);
  const knownDevice = Boolean(user && meta.deviceUserId === user.id);
  const wait = await signInWait(db, email, meta.ip, knownDevice);
  if (wait > 0) return { outcome: 'throttled', retryAfterSeconds: wait };
  // verifyPassword spends the same time on unknown accounts, so timing does not tell them apart.
  const matches = await verifyPassword(input.password, user?.passwordHash);
  if (!user || !matches || user.disabledAt) {
    await recordSignInFailure(db, email, meta.ip);
    return { outcome: 'refused' };
  }
  if (user.totpEnabledAt && user.totpSecret) {
    const pending = await startSession(db, user.id, policy, meta, { secondFactorPending: true });
    return { outcome: 'second-factor', ...pending };
  }
  await forgiveSignInFailures(db, email, meta.ip);
  const session = await startSession(db, user.id, policy, meta);
  return { outcome: 'signed-in', user: toSessionUser(user), ...session };
}

const Code = z.string().trim().regex(/^\d{6}$/);

async function checkCode(secret: string, code: string, lastStep: number | null): Promise<number | null> {
  const parsed = Code.safeParse(code.replace(/\s+/g, ''));
  if (!parsed.success) return null;
  // One step of tolerance either way for phones whose clocks drift; a used step never again.
  const result = await verifyTotp({ secret, token: parsed.data, epochTolerance: 30, ...(lastStep !== null ? { afterTimeStep: lastStep } : {}) });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** The second step of signing in: the one-time code of the authenticator app. */
export async function completeSecondFactor(
  db: Db,
  pendingSessionId: string,
  userId: number,
  code: string,
  policy: SessionPolicy,
  meta: SignInMeta,
): Promise<SignInResult> {
  const user = await findUserById(db, userId);
  if (!user || user.disabledAt || !user.totpSecret || !user.totpEnabledAt) return { outcome: 'refused' };
  const wait = await signInWait(db, user.email, meta.ip, meta.deviceUserId === user.id);
  if (wait > 0) return { outcome: 'throttled', retryAfterSeconds: wait };
  const step = await checkCode(user.totpSecret, code, user.totpLastStep);
  if (step === null || !(await advanceTotpStep(db, user.id, step))) {
    await recordSignInFailure(db, user.email, meta.ip);
    return { outcome: 'refused' };
  }
  await forgiveSignInFailures(db, user.email, meta.ip);
  await deleteSession(db, pendingSessionId);
  const session = await startSession(db, user.id, policy, meta);
  return { outcome: 'signed-in', user: toSessionUser(user), ...session };
}

// A browser that signed in to an account before carries `userId.nonce.mac`: it is exempt from
// the account-wide throttling ceiling (see throttle.ts).
const DEVICE_PURPOSE = 'known-device';

export function deviceToken(secret: Buffer, userId: number): string {
  const value = `${userId}.${randomToken(12)}`;
  return `${value}.${sign(secret, DEVICE_PURPOSE, value)}`;
}

export function deviceUserId(secret: Buffer, token: unknown): number | null {
  if (typeof token !== 'string') return null;
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const value = `${parts[0]}.${parts[1]}`;
  if (!safeEqual(parts[2]!, sign(secret, DEVICE_PURPOSE, value))) return null;
  const id = Number(parts[0]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

// --- Passwords ------------------------------------------------------------------------------

/**
 * Sets a user's password. Every other session of the user ends (a stolen session does not
 * survive the owner's reaction); `keepSessionId` is the session making the change.
 */
export async function setPassword(db: Db, userId: number, password: string, actor: SessionUser | null, keepSessionId?: string): Promise<void> {
  const user = await findUserById(db, userId);
  if (!user) throw new NotFound('auth.noSuchUser');
  const problem = passwordProblem(password, { email: user.email, name: user.name });
  if (problem) throw new Invalid('auth.passwordRefused', { password: problem });
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, userId, hash);
    await endSessionsOfUser(tx, userId, keepSessionId);
    await recordAudit(tx, { userId: actor?.id ?? null, action: 'user.password_changed', subjectType: 'user', subjectId: userId });
  });
}

const PasswordChange = z.object({
  current: z.string().min(1, 'account.currentMissing').max(1024),
  password: z.string().max(1024),
  confirm: z.string().max(1024),
});

/** An editor changes their own password: the current one first; their other sessions end. */
export async function changeOwnPassword(db: Db, user: SessionUser, sessionId: string, form: unknown, ip: string): Promise<void> {
  const parsed = PasswordChange.safeParse(form);
  if (!parsed.success) throw new Invalid('auth.passwordRefused', fieldsOf(parsed.error));
  const { current, password, confirm } = parsed.data;
  // The current password is a sign-in secret too: guesses here count against the same limits.
  if ((await signInWait(db, user.email, ip, true)) > 0) throw new Invalid('auth.passwordRefused', { current: 'auth.throttledShort' });
  const row = await findUserById(db, user.id);
  if (!(await verifyPassword(current, row?.passwordHash))) {
    await recordSignInFailure(db, user.email, ip);
    throw new Invalid('auth.passwordRefused', { current: 'account.currentWrong' });
  }
  if (password !== confirm) throw new Invalid('auth.passwordRefused', { confirm: 'account.confirmDiffers' });
  await setPassword(db, user.id, password, user, sessionId);
}

const LINK_LIFETIME_MS = { invite: 7 * 86_400_000, reset: 86_400_000 } as const;

/** A one-time link to set a password (the admin hands it over). Earlier links of the user stop working. */
export async function createPasswordLink(db: Db, actor: SessionUser, userId: number, purpose: 'invite' | 'reset'): Promise<string> {
  const token = randomToken();
  await db.transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw new NotFound('auth.noSuchUser');
    await expireLinksOfUser(tx, userId);
    await insertPasswordLink(tx, {
      userId,
      tokenHash: sessionIdOf(token),
      purpose,
      expiresAt: new Date(Date.now() + LINK_LIFETIME_MS[purpose]),
      createdById: actor.id,
    });
    await recordAudit(tx, { userId: actor.id, action: `user.${purpose}_link_created`, subjectType: 'user', subjectId: userId });
  });
  return `/password-links/${token}`;
}

export async function findPasswordLink(ex: Executor, token: string) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  return findUsableLink(ex, createHash('sha256').update(token).digest('hex'));
}

const NewPassword = z.object({ password: z.string().max(1024), confirm: z.string().max(1024) });

/** Sets the password through a one-time link. All sessions of the user end; the link is spent. */
export async function usePasswordLink(db: Db, token: string, form: unknown): Promise<SessionUser> {
  const link = await findPasswordLink(db, token);
  if (!link) throw new NotFound('account.linkExpired');
  const parsed = NewPassword.safeParse(form);
  if (!parsed.success) throw new Invalid('auth.passwordRefused', fieldsOf(parsed.error));
  if (parsed.data.password !== parsed.data.confirm) throw new Invalid('auth.passwordRefused', { confirm: 'account.confirmDiffers' });
  const problem = passwordProblem(parsed.data.password, { email: link.user.email, name: link.user.name });
  if (problem) throw new Invalid('auth.passwordRefused', { password: problem });
  const hash = await hashPassword(parsed.data.password);
  await db.transaction(async (tx) => {
    if (!(await useLink(tx, link.id))) throw new NotFound('account.linkExpired');
    await setPasswordHash(tx, link.user.id, hash);
    await endSessionsOfUser(tx, link.user.id);
    await recordAudit(tx, { userId: link.user.id, action: 'user.password_set_by_link', subjectType: 'user', subjectId: link.user.id, after: { purpose: link.purpose } });
  });
  return toSessionUser(link.user);
}

// --- Administration -------------------------------------------------------------------------

const Invitation = z.object({ email: Email, name: Name, role: z.enum(userRoles, { message: 'auth.invalid.role' }) });

/** An admin invites an editor: an account without a password, and the link to set one. */
export async function inviteUser(db: Db, actor: SessionUser, form: unknown): Promise<{ user: SessionUser; link: string }> {
  const parsed = Invitation.safeParse(form);
  if (!parsed.success) throw new Invalid('auth.userRefused', fieldsOf(parsed.error));
  const user = await createUser(db, { ...parsed.data, password: null }, actor);
  const link = await createPasswordLink(db, actor, user.id, 'invite');
  return { user, link };
}

async function guardLastAdmin(ex: Executor, userId: number): Promise<void> {
  if ((await countActiveAdmins(ex, userId)) === 0) throw new Invalid('admin.refused', { role: 'admin.lastAdmin' });
}

export async function changeRole(db: Db, actor: SessionUser, userId: number, role: unknown): Promise<void> {
  const parsed = z.enum(userRoles).safeParse(role);
  if (!parsed.success) throw new Invalid('admin.refused', { role: 'auth.invalid.role' });
  await db.transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw new NotFound('auth.noSuchUser');
    if (user.role === parsed.data) return;
    if (user.role === 'admin' && !user.disabledAt) await guardLastAdmin(tx, userId);
    await updateUser(tx, userId, { role: parsed.data });
    await recordAudit(tx, { userId: actor.id, action: 'user.role_changed', subjectType: 'user', subjectId: userId, before: { role: user.role }, after: { role: parsed.data } });
  });
}

/** Disabling ends the user's sessions at once; enabling lets them sign in again. */
export async function setDisabled(db: Db, actor: SessionUser, userId: number, disabled: boolean): Promise<void> {
  if (disabled && userId === actor.id) throw new Forbidden('admin.notYourself');
  await db.transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw new NotFound('auth.noSuchUser');
    if (Boolean(user.disabledAt) === disabled) return;
    if (disabled && user.role === 'admin') await guardLastAdmin(tx, userId);
    await updateUser(tx, userId, { disabledAt: disabled ? new Date() : null });
    if (disabled) await endSessionsOfUser(tx, userId);
    await recordAudit(tx, {
      userId: actor.id,
      action: disabled ? 'user.disabled' : 'user.enabled',
      subjectType: 'user',
      subjectId: userId,
      before: { disabled: !disabled },
      after: { disabled },
    });
  });
}

export async function getUsersPage(ex: Executor) {
  const [users, links] = await Promise.all([listUsers(ex), listOpenLinks(ex)]);
  const open = new Map(links.map((l) => [l.userId, l]));
  return { users: users.map((u) => ({ ...u, openLink: open.get(u.id) ?? null })) };
}

// --- Second factor --------------------------------------------------------------------------

/** Starts (or restarts) enrolment: a new secret, shown as text, URI and QR code until confirmed. */
export async function beginTotp(db: Db, user: SessionUser) {
  const row = await findUserById(db, user.id);
  if (row?.totpEnabledAt) throw new Invalid('account.totpRefused', { code: 'account.totpAlreadyOn' });
  const secret = generateSecret();
  await updateUser(db, user.id, { totpSecret: secret, totpEnabledAt: null, totpLastStep: null });
  return totpEnrolment(user.email, secret);
}

export function totpEnrolment(email: string, secret: string) {
  const uri = generateURI({ issuer: 'Claimline', label: email, secret });
  // Our own output from our own data: an SVG of black squares (no text from users in it).
  const svg = encodeQR(uri, 'svg', { ecc: 'medium', border: 2 });
  return { secret, uri, svg };
}

/** The enrolment in progress, if any (the account page shows it again after a reload). */
export async function pendingTotp(ex: Executor, user: SessionUser) {
  const row = await findUserById(ex, user.id);
  return row?.totpSecret && !row.totpEnabledAt ? totpEnrolment(row.email, row.totpSecret) : null;
}

/** Confirms enrolment with a code from the app. Other sessions (opened with the password alone) end. */
export async function confirmTotp(db: Db, user: SessionUser, sessionId: string, code: unknown): Promise<void> {
  const row = await findUserById(db, user.id);
  if (!row?.totpSecret || row.totpEnabledAt) throw new Invalid('account.totpRefused', { code: 'account.totpNotStarted' });
  const step = await checkCode(row.totpSecret, String(code ?? ''), null);
  if (step === null) throw new Invalid('account.totpRefused', { code: 'account.codeWrong' });
  await db.transaction(async (tx) => {
    await updateUser(tx, user.id, { totpEnabledAt: new Date(), totpLastStep: step });
    await endSessionsOfUser(tx, user.id, sessionId);
    await recordAudit(tx, { userId: user.id, action: 'user.totp_enabled', subjectType: 'user', subjectId: user.id });
  });
}

/** Turns the second factor off: the editor proves it with the password. */
export async function disableOwnTotp(db: Db, user: SessionUser, password: unknown, ip: string): Promise<void> {
  if ((await signInWait(db, user.email, ip, true)) > 0) throw new Invalid('account.totpRefused', { password: 'auth.throttledShort' });
  const row = await findUserById(db, user.id);
  if (!(await verifyPassword(String(password ?? ''), row?.passwordHash))) {
    await recordSignInFailure(db, user.email, ip);
    throw new Invalid('account.totpRefused', { password: 'account.currentWrong' });
  }
  await clearTotp(db, user, user.id);
}

/** Clears a user's second factor (the editor, or an admin for an editor who lost the phone). */
export async function clearTotp(db: Db, actor: SessionUser, userId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const user = await updateUser(tx, userId, { totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    if (!user) throw new NotFound('auth.noSuchUser');
    await recordAudit(tx, { userId: actor.id, action: 'user.totp_disabled', subjectType: 'user', subjectId: userId });
  });
}

// --- The account page -----------------------------------------------------------------------

export async function getAccountPage(ex: Executor, user: SessionUser, sessionId: string, policy: SessionPolicy) {
  const [row, sessions] = await Promise.all([
    findUserById(ex, user.id),
    listSessionsOfUser(ex, user.id, new Date(Date.now() - policy.idleMs)),
  ]);
  if (!row) throw new NotFound('auth.noSuchUser');
  return {
    account: { email: row.email, name: row.name, role: row.role, totpOn: Boolean(row.totpEnabledAt), createdAt: row.createdAt },
    enrolment: row.totpSecret && !row.totpEnabledAt ? totpEnrolment(row.email, row.totpSecret) : null,
    sessions: sessions.map((s) => ({ ...s, isCurrent: s.id === sessionId })),
  };
}

export async function signOutOtherSessions(db: Db, user: SessionUser, sessionId: string): Promise<void> {
  await endSessionsOfUser(db, user.id, sessionId);
}
