import { Router, type Request, type Response } from 'express';
import { changeRole, clearTotp, createPasswordLink, getUsersPage, inviteUser, setDisabled } from '../domain/accounts.ts';
import { setFourEyes } from '../domain/settings.ts';
import { createVerdict, getStatusesPage, updateStatusSettings } from '../domain/statuses.ts';
import { Invalid } from '../errors.ts';
import { requireRole } from '../http/auth.ts';
import { attempt, bodyOf } from '../http/forms.ts';
import { idParam } from '../http/params.ts';
import { wantsFragment } from '../http/render.ts';

// Administration: accounts, the status vocabulary and the review rules. Admins only.
export const adminRouter = Router();
const admin = requireRole('admin');

function absolute(req: Request, path: string): string {
  return `${req.protocol}://${req.get('host')}${path}`;
}

async function renderUsers(req: Request, res: Response, extra: Record<string, unknown> = {}) {
  res.render('pages/admin-users', { ...(await getUsersPage(req.db)), fields: {}, form: {}, link: null, ...extra });
}

adminRouter.get('/admin', admin, (_req, res) => res.redirect(303, '/admin/users'));

adminRouter.get('/admin/users', admin, async (req, res) => renderUsers(req, res));

adminRouter.post('/admin/users', admin, async (req, res) => {
  const result = await attempt(() => inviteUser(req.db, req.user!, req.body));
  if (!result.ok) {
    res.status(result.error.status);
    return renderUsers(req, res, { fields: result.error instanceof Invalid ? result.error.fields : {}, form: bodyOf(req.body) });
  }
  // Shown once, in this response: only its hash is stored, so it cannot be shown again later
  // (a 303 to the list would lose it). Reloading re-posts, which the browser warns about.
  res.status(201);
  await renderUsers(req, res, { link: { url: absolute(req, result.value.link), user: result.value.user, purpose: 'invite' } });
});

adminRouter.post('/admin/users/:id/reset-link', admin, async (req, res) => {
  const id = idParam(req.params.id);
  const url = await createPasswordLink(req.db, req.user!, id, 'reset');
  const user = (await getUsersPage(req.db)).users.find((u) => u.id === id);
  await renderUsers(req, res, { link: { url: absolute(req, url), user, purpose: 'reset' } });
});

/** Row actions answer htmx with the row, plain forms with the list. */
async function afterRowAction(req: Request, res: Response, id: number, error?: Invalid) {
  if (wantsFragment(req)) {
    const page = await getUsersPage(req.db);
    if (error) res.status(error.status);
    return res.render('partials/user-row', { u: page.users.find((u) => u.id === id), error: error ? Object.values(error.fields)[0] ?? error.message : null });
  }
  if (error) throw error;
  res.redirect(303, `/admin/users#user-${id}`);
}

adminRouter.post('/admin/users/:id/role', admin, async (req, res) => {
  const id = idParam(req.params.id);
  const result = await attempt(() => changeRole(req.db, req.user!, id, bodyOf(req.body).role));
  await afterRowAction(req, res, id, result.ok ? undefined : (result.error as Invalid));
});

for (const [verb, disabled] of [
  ['disable', true],
  ['enable', false],
] as const) {
  adminRouter.post(`/admin/users/:id/${verb}`, admin, async (req, res) => {
    const id = idParam(req.params.id);
    const result = await attempt(() => setDisabled(req.db, req.user!, id, disabled));
    await afterRowAction(req, res, id, result.ok ? undefined : (result.error as Invalid));
  });
}

adminRouter.post('/admin/users/:id/totp/clear', admin, async (req, res) => {
  const id = idParam(req.params.id);
  await clearTotp(req.db, req.user!, id);
  await afterRowAction(req, res, id);
});

adminRouter.get('/admin/statuses', admin, async (req, res) => {
  res.render('pages/admin-statuses', { ...(await getStatusesPage(req.db)), fields: {}, form: {}, failedKey: null, saved: req.query.saved ?? null });
});

async function statusesAgain(req: Request, res: Response, error: Invalid, failedKey: string) {
  res.status(error.status).render('pages/admin-statuses', {
    ...(await getStatusesPage(req.db)),
    fields: error.fields,
    form: bodyOf(req.body),
    failedKey,
    saved: null,
  });
}

adminRouter.post('/admin/statuses', admin, async (req, res) => {
  const result = await attempt(() => createVerdict(req.db, req.user!, bodyOf(req.body)));
  if (!result.ok) return statusesAgain(req, res, result.error as Invalid, '');
  res.redirect(303, `/admin/statuses?saved=${encodeURIComponent(result.value.key)}#status-${result.value.key}`);
});

adminRouter.post('/admin/statuses/:key', admin, async (req, res) => {
  const key = String(req.params.key);
  const result = await attempt(() => updateStatusSettings(req.db, req.user!, key, bodyOf(req.body)));
  if (!result.ok) return statusesAgain(req, res, result.error as Invalid, key);
  res.redirect(303, `/admin/statuses?saved=${encodeURIComponent(key)}#status-${key}`);
});

adminRouter.post('/admin/settings', admin, async (req, res) => {
  await setFourEyes(req.db, req.user!, bodyOf(req.body).fourEyes === 'on');
  res.redirect(303, '/admin/statuses?saved=rules#rules');
});
