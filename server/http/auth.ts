import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Forbidden } from '../errors.ts';

export type { SessionUser } from '../domain/sessions.ts';
export { clearSessionCookie, sessions, setSessionCookie } from './session.ts';
export { csrfProtection, CsrfRefused } from './csrf.ts';
export { safeNext } from './next.ts';
import { safeNext } from './next.ts';

/** Where an anonymous visitor should return after signing in: this page, or the one the form was on. */
function returnPath(req: Request): string {
  if (req.method === 'GET' || req.method === 'HEAD') return safeNext(req.originalUrl);
  // A form post has no page of its own to return to: htmx names the page it was on
  // (browsers send no Referer here, by our Referrer-Policy), otherwise the home page.
  const from = req.get('HX-Current-URL');
  if (!from) return '/';
  try {
    const url = new URL(from);
    return url.host === req.get('host') ? safeNext(url.pathname + url.search) : '/';
  } catch {
    return '/';
  }
}

/**
 * Lets signed-in users with the role through ('editor' admits admins too). Anonymous visitors
 * go to the login page (htmx requests are told to load it with HX-Redirect, since a redirect
 * would be followed inside the XHR); a signed-in user without the role gets 403.
 */
export function requireRole(role: 'editor' | 'admin'): RequestHandler {
  return function checkRole(req: Request, res: Response, next: NextFunction): void {
    if (!req.user) {
      const location = `/login?next=${encodeURIComponent(returnPath(req))}`;
      if (req.get('HX-Request') === 'true') {
        res.status(401).set('HX-Redirect', location).type('text/plain').send('Sign in to continue.');
        return;
      }
      res.redirect(303, location);
      return;
    }
    if (role === 'admin' && req.user.role !== 'admin') {
      const t = res.locals.t as ((key: string) => string) | undefined;
      next(new Forbidden(t?.('auth.adminsOnly') ?? 'Only administrators can do that.'));
      return;
    }
    next();
  };
}
