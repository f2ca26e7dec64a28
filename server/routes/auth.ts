import { Router } from 'express';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { signIn } from '../domain/accounts.ts';
import { endSession } from '../domain/sessions.ts';
import { clearSessionCookie, safeNext, setSessionCookie } from '../http/auth.ts';

const LoginForm = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});

function meta(req: { ip?: string | undefined; get(name: string): string | undefined }) {
  return { ip: req.ip ?? null, userAgent: req.get('User-Agent') ?? null };
}

/** Sign-in and sign-out. Open to everyone (CSRF still applies to the forms). */
export function authRouter(config: Config): Router {
  const router = Router();

  router.get('/login', (req, res) => {
    const next = safeNext(req.query.next);
    res.render('pages/login', { next, email: '', fields: {} });
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
    const result = await signIn(req.db, input.data, config.session, meta(req));
    if (result.outcome === 'refused') {
      return res.status(401).render('pages/login', { next, email, fields: {}, error: 'auth.loginRefused' });
    }
    // The session the browser had (if any) ends: a new id at every sign-in.
    if (req.sessionId) await endSession(req.db, req.sessionId);
    setSessionCookie(req, res, result.token, result.expiresAt);
    req.log.info({ userId: result.user.id }, 'signed in');
    res.redirect(303, next);
  });

  router.post('/logout', async (req, res) => {
    if (req.sessionId) await endSession(req.db, req.sessionId);
    clearSessionCookie(req, res);
    res.redirect(303, '/');
  });

  return router;
}
