import { createHash } from 'node:crypto';
import type { Executor } from '../../db/client.ts';
import {
  deleteDeadSessions,
  deleteSession,
  deleteSessionsOfUser,
  findLiveSession,
  insertSession,
  touchSession,
} from '../../db/queries/sessions.ts';
import type { UserRole } from '../../db/schema/index.ts';
import { randomToken } from './secrets.ts';

/** The signed-in user as the app sees it on every request. */
export type SessionUser = { id: number; email: string; name: string; role: UserRole };

export type SessionPolicy = { idleMs: number; maxAgeMs: number };

export type LiveSession = { id: string; user: SessionUser; csrfToken: string; expiresAt: Date; secondFactorPending: boolean };

// Between a right password and the one-time code: long enough to open the authenticator app.
const SECOND_FACTOR_WINDOW_MS = 5 * 60_000;

// lastSeenAt only moves when it is this stale: one write per editor every few minutes, not per request.
const TOUCH_EVERY_MS = 60_000;

/**
 * The database keeps the sha256 of the cookie's token, never the token: a copy of the
 * database does not hand out live sessions.
 */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function isTokenShaped(token: unknown): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** Creates a session and returns the token for the cookie. Always a new id (no fixation). */
export async function startSession(
  ex: Executor,
  userId: number,
  policy: SessionPolicy,
  meta: { ip: string | null; userAgent: string | null },
  { secondFactorPending = false } = {},
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + (secondFactorPending ? SECOND_FACTOR_WINDOW_MS : policy.maxAgeMs));
  await insertSession(ex, {
    id: sessionIdOf(token),
    userId,
    csrfToken: randomToken(),
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    secondFactorPending,
  });
  // Sign-ins are rare: a good moment to sweep sessions that can no longer be used.
  await deleteDeadSessions(ex, new Date(Date.now() - policy.idleMs));
  return { token, expiresAt };
}

/** The live session behind a cookie token, or undefined when it expired, idled out or was ended. */
export async function resumeSession(ex: Executor, token: string, policy: SessionPolicy): Promise<LiveSession | undefined> {
  const id = sessionIdOf(token);
  const row = await findLiveSession(ex, id, new Date(Date.now() - policy.idleMs));
  if (!row) return undefined;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(ex, id);
  return { id, user: row.user, csrfToken: row.csrfToken, expiresAt: row.expiresAt, secondFactorPending: row.secondFactorPending };
}

export function endSession(ex: Executor, sessionId: string): Promise<void> {
  return deleteSession(ex, sessionId);
}

export function endSessionsOfUser(ex: Executor, userId: number, keepSessionId?: string): Promise<void> {
  return deleteSessionsOfUser(ex, userId, keepSessionId);
}
