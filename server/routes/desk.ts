import { Router, type Request } from 'express';
import { getClaimPage } from '../domain/claims.ts';
import { assignClaim, deskWithForm, getQueueRow, getReviewQueue, getStatusFragment } from '../domain/desk.ts';
import { editClaim, getClaimEditPage } from '../domain/editing.ts';
import { getClaimHistory } from '../domain/history.ts';
import { approveVerdict, changeStatus, rejectVerdict } from '../domain/reviews.ts';
import { Conflict } from '../errors.ts';
import { requireRole, safeNext } from '../http/auth.ts';
import { attempt, bodyOf } from '../http/forms.ts';
import { idParam } from '../http/params.ts';
import { htmxOr, wantsFragment } from '../http/render.ts';

// The editors' routes around claims: status decisions, edits, history, assignment and the
// review queue. Each works as a plain form and full page, and as an htmx fragment.
export const deskRouter = Router();

const editor = requireRole('editor');

/** An inline action from a review-queue row asks for that row back, not the claim page's fragment. */
function fromQueue(req: Request): boolean {
  return wantsFragment(req) && (req.get('HX-Target') ?? '').startsWith('queue-claim-');
}

/** Where a plain form returns after success: the page it names (the queue, with its filters), or the claim. */
function backTo(req: Request, claimId: number): string {
  const back = bodyOf(req.body).back;
  return typeof back === 'string' && back ? safeNext(back) : `/claims/${claimId}`;
}

async function renderQueueRow(req: Request, res: import('express').Response, claimId: number, notice?: { key: string; error?: boolean }) {
  const { row, editors } = await getQueueRow(req.db, req.user!, claimId);
  res.render('partials/queue-row', { row, claimId, notice, editors, back: '/review' });
}

deskRouter.get('/review', editor, async (req, res) => {
  const queue = await getReviewQueue(req.db, req.user!, req.query);
  res.render(htmxOr(req, res, 'partials/review-queue', 'pages/review'), { ...queue, back: req.originalUrl });
});

deskRouter.post('/claims/:id/status', editor, async (req, res) => {
  const id = idParam(req.params.id);
  const form = bodyOf(req.body);
  const result = await attempt(() => changeStatus(req.db, req.user!, id, form));
  if (fromQueue(req)) {
    if (!result.ok) res.status(result.error.status);
    return renderQueueRow(req, res, id, result.ok ? { key: 'queue.statusSaved' } : { key: result.error.message, error: true });
  }
  if (result.ok && !wantsFragment(req)) return res.redirect(303, backTo(req, id));
  const fragment = await getStatusFragment(req.db, id, req.user!);
  if (result.ok) {
    fragment.desk.notice = { key: result.value.awaitingApproval ? 'review.savedAwaiting' : 'review.savedPublished' };
  } else {
    fragment.desk = deskWithForm(fragment.desk, form);
    fragment.desk.fields = result.error instanceof Conflict ? {} : (result.error as { fields: Record<string, string> }).fields;
    fragment.desk.conflict = result.error instanceof Conflict;
    res.status(result.error.status);
  }
  if (wantsFragment(req)) return res.render(htmxOr(req, res, 'partials/claim-status-response', 'pages/claim'), { ...(await getClaimPage(req.db, id)), ...fragment });
  res.render(htmxOr(req, res, 'partials/claim-status', 'pages/claim'), { ...(await getClaimPage(req.db, id)), desk: fragment.desk });
});

for (const [verb, decide] of [
  ['approve', approveVerdict],
  ['reject', rejectVerdict],
] as const) {
  deskRouter.post(`/claims/:id/reviews/:reviewId/${verb}`, editor, async (req, res) => {
    const id = idParam(req.params.id);
    const reviewId = idParam(req.params.reviewId);
    const result = await attempt(() => decide(req.db, req.user!, id, reviewId, req.body));
    if (fromQueue(req)) {
      if (!result.ok) res.status(result.error.status);
      return renderQueueRow(req, res, id, result.ok ? { key: verb === 'approve' ? 'queue.approved' : 'queue.rejected' } : { key: result.error.message, error: true });
    }
    if (result.ok && !wantsFragment(req)) return res.redirect(303, backTo(req, id));
    const fragment = await getStatusFragment(req.db, id, req.user!);
    if (result.ok) fragment.desk.notice = { key: verb === 'approve' ? 'review.approvedNotice' : 'review.rejectedNotice' };
    else {
      fragment.desk.fields = result.error instanceof Conflict ? {} : (result.error as { fields: Record<string, string> }).fields;
      fragment.desk.notice = { key: result.error.message };
      fragment.desk.conflict = result.error instanceof Conflict;
      res.status(result.error.status);
    }
    if (wantsFragment(req)) return res.render(htmxOr(req, res, 'partials/claim-status-response', 'pages/claim'), { ...(await getClaimPage(req.db, id)), ...fragment });
    res.render(htmxOr(req, res, 'partials/claim-status', 'pages/claim'), { ...(await getClaimPage(req.db, id)), desk: fragment.desk });
  });
}

deskRouter.post('/claims/:id/assignee', editor, async (req, res) => {
  const id = idParam(req.params.id);
  const result = await attempt(() => assignClaim(req.db, req.user!, id, req.body));
  if (fromQueue(req)) {
    if (!result.ok) res.status(result.error.status);
    return renderQueueRow(req, res, id, result.ok ? { key: 'queue.assigned' } : { key: 'queue.assigneeUnknown', error: true });
  }
  if (!result.ok) throw result.error;
  if (!wantsFragment(req)) return res.redirect(303, backTo(req, id));
  const fragment = await getStatusFragment(req.db, id, req.user!);
  fragment.desk.notice = { key: 'queue.assigned' };
  res.render(htmxOr(req, res, 'partials/claim-status', 'pages/claim'), fragment);
});

deskRouter.get('/claims/:id/edit', editor, async (req, res) => {
  const page = await getClaimEditPage(req.db, idParam(req.params.id));
  res.render('pages/claim-edit', { ...page, fields: {}, conflict: null });
});

deskRouter.post('/claims/:id/edit', editor, async (req, res) => {
  const id = idParam(req.params.id);
  const form = bodyOf(req.body);
  const result = await attempt(() => editClaim(req.db, req.user!, id, form));
  if (result.ok) return res.redirect(303, `/claims/${id}`);
  const page = await getClaimEditPage(req.db, id);
  const yours = {
    version: page.claim.version,
    text: String(form.text ?? ''),
    claimant: String(form.claimant ?? ''),
    claimedOn: String(form.claimedOn ?? ''),
    claimedOnPrecision: String(form.claimedOnPrecision ?? 'day'),
  };
  if (result.error instanceof Conflict) {
    // The editor's text is kept in the form, now based on the current version: saving again is
    // a deliberate choice made after seeing what changed.
    const history = await getClaimHistory(req.db, id);
    const last = history.events.find((e) => e.action === 'claim.edited' || e.action === 'claim.status_changed') ?? history.events[0];
    return res.status(409).render('pages/claim-edit', {
      ...page,
      form: yours,
      fields: {},
      conflict: { current: page.form, basedOn: Number(form.version) || null, by: last?.userName ?? null, at: last?.at ?? null },
    });
  }
  res.status(422).render('pages/claim-edit', { ...page, form: { ...yours, version: Number(form.version) || page.claim.version }, fields: result.error.fields, conflict: null });
});

deskRouter.get('/claims/:id/history', editor, async (req, res) => {
  res.render('pages/claim-history', await getClaimHistory(req.db, idParam(req.params.id)));
});
