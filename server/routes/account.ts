import { Router } from 'express';
import type { Config } from '../config.ts';
import {
  beginTotp,
  changeOwnPassword,
  confirmTotp,
  disableOwnTotp,
  findPasswordLink,
  getAccountPage,
  signOutOtherSessions,
  usePasswordLink,
} from '../domain/accounts.ts';
import { NotFound } from '../errors.ts';
import { requireRole } from '../http/auth.ts';
import { attempt } from '../http/forms.ts';

const NOTICES = new Set(['password', 'sessions', 'totp-on', 'totp-off']);

/** An editor's own account (password, second factor, sessions) and the one-time password links. */
export function accountRouter(config: Config): Router {
  const router = Router();
  const editor = requireRole('editor');

  async function renderAccount(req: import('express').Request, res: import('express').Response, extra: Record<string, unknown> = {}) {
    const page = await getAccountPage(req.db, req.user!, req.sessionId!, config.session);
    const saved = typeof req.query.saved === 'string' && NOTICES.has(req.query.saved) ? req.query.saved : null;
    res.render('pages/account', { ...page, saved, fields: {}, form: null, ...extra });
  }

  router.get('/account', editor, async (req, res) => renderAccount(req, res));

  router.post('/account/password', editor, async (req, res) => {
    const result = await attempt(() => changeOwnPassword(req.db, req.user!, req.sessionId!, req.body, req.ip ?? 'unknown'));
    if (result.ok) return res.redirect(303, '/account?saved=password');
    res.status(result.error.status);
    await renderAccount(req, res, { fields: 'fields' in result.error ? result.error.fields : {}, form: 'password' });
  });

  router.post('/account/sessions', editor, async (req, res) => {
    await signOutOtherSessions(req.db, req.user!, req.sessionId!);
    res.redirect(303, '/account?saved=sessions');
  });

  router.post('/account/totp', editor, async (req, res) => {
    const result = await attempt(() => beginTotp(req.db, req.user!));
    if (result.ok) return res.redirect(303, '/account#totp');
    res.status(result.error.status);
    await renderAccount(req, res, { fields: 'fields' in result.error ? result.error.fields : {}, form: 'totp' });
  });

  router.post('/account/totp/confirm', editor, async (req, res) => {
    const result = await attempt(() => confirmTotp(req.db, req.user!, req.sessionId!, (req.body as Record<string, unknown>).code));
    if (result.ok) return res.redirect(303, '/account?saved=totp-on');
    res.status(result.error.status);
    await renderAccount(req, res, { fields: 'fields' in result.error ? result.error.fields : {}, form: 'totp' });
  });

  router.post('/account/totp/disable', editor, async (req, res) => {
    const password = (req.body as Record<string, unknown>).password;
    const result = await attempt(() => disableOwnTotp(req.db, req.user!, password, req.ip ?? 'unknown'));
    if (result.ok) return res.redirect(303, '/account?saved=totp-off');
    res.status(result.error.status);
    await renderAccount(req, res, { fields: 'fields' in result.error ? result.error.fields : {}, form: 'totp-off' });
  });

  // One-time links: open to anyone holding one (that is the point), never listed anywhere.
  router.get('/password-links/:token', async (req, res) => {
    const link = await findPasswordLink(req.db, String(req.params.token));
    if (!link) throw new NotFound(res.locals.t('account.linkExpired'));
    res.set('Referrer-Policy', 'no-referrer').render('pages/password-link', { link, token: req.params.token, fields: {} });
  });

  router.post('/password-links/:token', async (req, res) => {
    const token = String(req.params.token);
    const result = await attempt(() => usePasswordLink(req.db, token, req.body));
    if (result.ok) return res.redirect(303, `/login?welcome=1`);
    const link = await findPasswordLink(req.db, token);
    if (!link) throw new NotFound(res.locals.t('account.linkExpired'));
    res.status(422).render('pages/password-link', { link, token, fields: 'fields' in result.error ? result.error.fields : {} });
  });

  return router;
}
