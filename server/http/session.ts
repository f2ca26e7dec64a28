import type { CookieOptions, NextFunction, Request, Response } from 'express';
import { isTokenShaped, resumeSession, type SessionPolicy } from '../domain/sessions.ts';
import { anonymousCsrfToken } from './csrf.ts';
import { safeNext } from './next.ts';

// Over HTTPS the cookie carries the __Host- prefix: the browser then refuses it from any other
// host (a sibling subdomain cannot plant or overwrite it) and only over a secure connection.
export function sessionCookieName(req: Request): string {
  return req.secure ? '__Host-claimline_session' : 'claimline_session';
}

export function cookieOptions(req: Request, expires?: Date): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', ...(expires ? { expires } : {}) };
}

export function setSessionCookie(req: Request, res: Response, token: string, expires: Date): void {
  res.cookie(sessionCookieName(req), token, cookieOptions(req, expires));
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(sessionCookieName(req), cookieOptions(req));
}

/**
 * Loads the session named by the cookie (one indexed query) and sets `req.user`,
 * `res.locals.user` and `res.locals.csrfToken`. A cookie naming no live session is cleared.
 */
export function sessions(policy: SessionPolicy) {
  return async function loadSession(req: Request, res: Response, next: NextFunction): Promise<void> {
    const token: unknown = req.cookies?.[sessionCookieName(req)];
    if (token !== undefined) {
      const session = isTokenShaped(token) ? await resumeSession(req.db, token, policy) : undefined;
      if (session?.secondFactorPending) {
        // Half signed in: the password was right, the one-time code is still to come.
        req.sessionId = session.id;
        req.sessionCsrfToken = session.csrfToken;
        req.pendingSecondFactor = { userId: session.user.id, email: session.user.email };
      } else if (session) {
        req.user = session.user;
        req.sessionId = session.id;
        req.sessionCsrfToken = session.csrfToken;
        // Pages for a signed-in editor show edit controls and their name: no shared cache may keep them.
        res.set('Cache-Control', 'private, no-store');
      } else {
        clearSessionCookie(req, res);
      }
    }
    res.locals.user = req.user;
    // Where "Sign in" in the header comes back to: this page, or on the login page the page asked for.
    res.locals.signInNext = req.path.startsWith('/login') ? safeNext(req.query.next) : req.method === 'GET' ? safeNext(req.originalUrl) : '/';
    // The token is computed when a view first asks for it: JSON and redirects set no cookie.
    let anonymous: string | undefined | null;
    Object.defineProperty(res.locals, 'csrfToken', {
      enumerable: true,
      configurable: true,
      get() {
        if (req.sessionCsrfToken) return req.sessionCsrfToken;
        anonymous ??= anonymousCsrfToken(req, res) ?? null;
        return anonymous ?? undefined;
      },
    });
    next();
  };
}
