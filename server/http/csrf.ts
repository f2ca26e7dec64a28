import type { NextFunction, Request, Response } from 'express';
import { appSecret, randomToken, safeEqual, sign } from '../domain/secrets.ts';
import { Forbidden } from '../errors.ts';

/*
 * CSRF protection for every POST, PUT, PATCH and DELETE.
 *
 * Signed-in editors: a synchronizer token stored with their session in the database; every
 * page carries it (the `_csrf` field of forms, and `X-CSRF-Token` on every htmx request via
 * hx-headers on <body>).
 *
 * Anonymous visitors (the login form, an invitation link): a signed double-submit cookie. The
 * cookie holds `nonce.hmac(secret, nonce)` and the form must send the same value. We chose it
 * over a pre-session because readers are almost all anonymous: a pre-session would write a
 * database row for every reader who opens a page (on read replicas, where nothing can be
 * written) just so a few editors can sign in. The signature stops a forged cookie; the
 * __Host- prefix over HTTPS stops a sibling subdomain from planting one.
 *
 * Browsers also say where a request comes from: a request marked `Sec-Fetch-Site: cross-site`
 * is refused whatever token it carries.
 */

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const ANONYMOUS_PURPOSE = 'csrf-anonymous';

export function csrfCookieName(req: Request): string {
  return req.secure ? '__Host-claimline_csrf' : 'claimline_csrf';
}

// The secret is read from the database once per process; the middleware below loads it before
// any view can ask for a token, so this stays synchronous for templates.
const loadedSecrets = new WeakMap<object, Buffer>();

function secretFor(req: Request): Buffer {
  const secret = loadedSecrets.get(req.db);
  if (!secret) throw new Error('CSRF secret not loaded: mount csrfProtection before the routes');
  return secret;
}

function isValidAnonymous(secret: Buffer, value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const [nonce, mac, extra] = value.split('.');
  return Boolean(nonce && mac && extra === undefined && safeEqual(mac, sign(secret, ANONYMOUS_PURPOSE, nonce)));
}

/**
 * The anonymous visitor's token: the one in their cookie, or a new one (set as the cookie).
 * Undefined when the secret could not be loaded (the database is down): the error page
 * rendered then needs no form.
 */
export function anonymousCsrfToken(req: Request, res: Response): string | undefined {
  const secret = loadedSecrets.get(req.db);
  if (!secret) return undefined;
  const existing: unknown = req.cookies?.[csrfCookieName(req)];
  if (isValidAnonymous(secret, existing)) return existing;
  const nonce = randomToken(18);
  const value = `${nonce}.${sign(secret, ANONYMOUS_PURPOSE, nonce)}`;
  res.cookie(csrfCookieName(req), value, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
  return value;
}

function submittedToken(req: Request): string | undefined {
  const header = req.get('X-CSRF-Token');
  if (header) return header;
  const field: unknown = (req.body as Record<string, unknown> | undefined)?._csrf;
  if (typeof field === 'string') return field;
  // A multipart upload's body is parsed by its route, after this check: such forms put the
  // token in the query string (the request log drops it).
  const query = req.query._csrf;
  if (typeof query === 'string' && req.is('multipart/form-data')) return query;
  return undefined;
}

export class CsrfRefused extends Forbidden {
  override name = 'CsrfRefused';
}

/** Mounted app-wide after the session is loaded and the body parsed. */
export function csrfProtection() {
  return async function checkCsrf(req: Request, res: Response, next: NextFunction): Promise<void> {
    if (!loadedSecrets.has(req.db)) loadedSecrets.set(req.db, await appSecret(req.db));
    if (SAFE_METHODS.has(req.method)) return next();
    const refuse = () => {
      const t = res.locals.t as ((key: string) => string) | undefined;
      next(new CsrfRefused(t?.('auth.csrfRefused') ?? 'This form has expired or did not come from Claimline. Reload the page and try again.'));
    };
    if (req.get('Sec-Fetch-Site') === 'cross-site') return refuse();
    const token = submittedToken(req);
    if (!token) return refuse();
    const expected = req.sessionCsrfToken ?? (req.cookies?.[csrfCookieName(req)] as unknown);
    const ok = req.sessionCsrfToken
      ? safeEqual(token, req.sessionCsrfToken)
      : isValidAnonymous(secretFor(req), expected) && safeEqual(token, expected);
    if (!ok) return refuse();
    if (req.body && typeof req.body === 'object') delete (req.body as Record<string, unknown>)._csrf;
    next();
  };
}
