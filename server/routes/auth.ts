import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { completeSecondFactor, deviceToken, deviceUserId, signIn, type SignInResult } from '../domain/accounts.ts';
import { appSecret } from '../domain/secrets.ts';
import { endSession } from '../domain/sessions.ts';
import { clearSessionCookie, safeNext, setSessionCookie } from '../http/auth.ts';
import { cookieOptions } from '../http/session.ts';

const LoginForm = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});

const ONE_YEAR_MS = 365 * 86_400_000;

function deviceCookieName(req: Request): string {
  return req.secure ? '__Host-claimline_device' : 'claimline_device';
}

async function meta(req: Request) {
  const secret = await appSecret(req.db);
  return {
    ip: req.ip ?? 'unknown',
    userAgent: req.get('User-Agent') ?? null,
    deviceUserId: deviceUserId(secret, req.cookies?.[deviceCookieName(req)]),
  };
}

/** Sign-in and sign-out. Open to everyone (CSRF still applies to the forms). */
export function authRouter(config: Config): Router {
  const router = Router();

  /** Acts on a sign-in step's outcome: into the app, on to the code, or the form again. */
  async function conclude(req: Request, res: Response, result: SignInResult, next: string, view: string, model: Record<string, unknown>) {
    if (result.outcome === 'throttled') {
      const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
      res.set('Retry-After', String(result.retryAfterSeconds));
      return res.status(429).render(view, { ...model, next, fields: {}, error: 'auth.throttled', errorParams: { minutes } });
    }
    if (result.outcome === 'refused') {
      return res.status(401).render(view, { ...model, next, fields: {}, error: view === 'pages/login' ? 'auth.loginRefused' : 'auth.codeRefused' });
    }
    // The session the browser had (if any) ends: a new id at every step of signing in.
    if (req.sessionId) await endSession(req.db, req.sessionId);
    setSessionCookie(req, res, result.token, result.expiresAt);
    if (result.outcome === 'second-factor') return res.redirect(303, `/login/code?next=${encodeURIComponent(next)}`);
    res.cookie(deviceCookieName(req), deviceToken(await appSecret(req.db), result.user.id), cookieOptions(req, new Date(Date.now() + ONE_YEAR_MS)));
    req.log.info({ userId: result.user.id }, 'signed in');
    res.redirect(303, next);
  }

  router.get('/login', (req, res) => {
    res.render('pages/login', { next: safeNext(req.query.next), email: '', fields: {}, welcome: req.query.welcome === '1' });
  });

  router.post('/login', async (req, res) => {
    const body = req.body as Record<string, unknown>;
    const next = safeNext(body.next);
    const email = typeof body.email === 'string' ? body.email.trim().slice(0, 254) : '';
    const input = LoginForm.safeParse(body);
    if (!input.success) {
      const fields: Record<string, string> = {};
      for (const issue of input.error.issues) fields[String(issue.path[0])] ??= `auth.missing.${String(issue.path[0])}`;
      return res.status(422).render('pages/login', { next, email, fields, error: 'auth.loginIncomplete' });
    }
    const result = await signIn(req.db, input.data, config.session, await meta(req));
    await conclude(req, res, result, next, 'pages/login', { email });
  });

  router.get('/login/code', (req, res) => {
    const next = safeNext(req.query.next);
    if (!req.pendingSecondFactor) return res.redirect(303, `/login?next=${encodeURIComponent(next)}`);
    res.render('pages/login-code', { next, fields: {} });
  });

  router.post('/login/code', async (req, res) => {
    const body = req.body as Record<string, unknown>;
    const next = safeNext(body.next);
    const pending = req.pendingSecondFactor;
    if (!pending || !req.sessionId) return res.redirect(303, `/login?next=${encodeURIComponent(next)}`);
    const code = typeof body.code === 'string' ? body.code : '';
    const result = await completeSecondFactor(req.db, req.sessionId, pending.userId, code, config.session, await meta(req));
    await conclude(req, res, result, next, 'pages/login-code', {});
  });

  router.post('/logout', async (req, res) => {
    if (req.sessionId) await endSession(req.db, req.sessionId);
    clearSessionCookie(req, res);
    res.redirect(303, '/');
  });

  return router;
}
