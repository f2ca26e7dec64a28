import { Router, type Request, type Response } from 'express';
import { getClaimPage } from '../domain/claims.ts';
import { mergeClaims, restoreClaim, retractClaim, splitMention, undoMerge } from '../domain/merge.ts';
import {
  checkMentionOfClaim,
  fieldsOf,
  getMergePanel,
  readMergeForm,
  readRetractForm,
  readVersionForm,
  wordingOf,
  type PanelNotice,
} from '../domain/merge-panel.ts';
import { Conflict } from '../errors.ts';
import { requireRole } from '../http/auth.ts';
import { attempt, bodyOf, type Attempt } from '../http/forms.ts';
import { idParam } from '../http/params.ts';
import { htmxOr, wantsFragment } from '../http/render.ts';

// The editors' routes for merging claims, splitting mentions out, undoing merges, retracting
// and restoring claims. A plain form gets a redirect to the claim that resulted (or the panel's
// page again with the refusal); htmx gets the panel (#claim-merge) back with a notice.
export const mergesRouter = Router();

const editor = requireRole('editor');

type Outcome<T> = {
  /** Where a plain form goes after success. */
  redirect: (value: T) => string;
  /** What the panel says after success, inline. */
  notice: (value: T) => PanelNotice;
  /** What the editor typed, put back into the panel after a refusal. */
  keep?: Partial<{ q: string; target: string; reason: string; retractReason: string }>;
  /** The panel's query after a refusal (the chosen target stays chosen). */
  query?: Record<string, unknown>;
};

async function answer<T>(req: Request, res: Response, claimId: number, result: Attempt<T>, outcome: Outcome<T>) {
  if (result.ok && !wantsFragment(req)) return res.redirect(303, outcome.redirect(result.value));
  const panel = await getMergePanel(req.db, claimId, result.ok ? {} : (outcome.query ?? {}));
  if (result.ok) {
    panel.notice = outcome.notice(result.value);
  } else {
    res.status(result.error.status);
    panel.conflict = result.error instanceof Conflict;
    panel.notice = wordingOf(result.error);
    panel.fields = fieldsOf(result.error);
    panel.form = { ...panel.form, ...outcome.keep };
  }
  if (result.ok && wantsFragment(req)) {
    // The rest of the page changed too: its sources, links and notices come along out of band.
    res.vary('HX-Request');
    return res.render('partials/claim-merge-response', { ...(await getClaimPage(req.db, claimId)), mergePanel: panel, open: true });
  }
  res.render(htmxOr(req, res, 'partials/claim-merge', 'pages/claim-merge'), { mergePanel: panel, open: true });
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The panel on its own page (no JavaScript), or the panel alone for htmx: find a target, confirm. */
mergesRouter.get('/claims/:id/merge', editor, async (req, res) => {
  const panel = await getMergePanel(req.db, idParam(req.params.id), req.query);
  res.render(htmxOr(req, res, 'partials/claim-merge', 'pages/claim-merge'), { mergePanel: panel, open: true });
});

mergesRouter.post('/claims/:id/merge', editor, async (req, res) => {
  const id = idParam(req.params.id);
  const form = bodyOf(req.body);
  const result = await attempt(() => mergeClaims(req.db, req.user!, readMergeForm(id, form)));
  await answer(req, res, id, result, {
    redirect: (merge) => `/claims/${merge.targetClaimId}`,
    notice: (merge) => ({ key: 'merges.merged', params: { target: merge.targetClaimId } }),
    keep: { reason: text(form.reason), target: text(form.targetClaimId) },
    query: { target: form.targetClaimId },
  });
});

mergesRouter.post('/claims/:id/mentions/:mentionId/split', editor, async (req, res) => {
  const id = idParam(req.params.id);
  const mentionId = idParam(req.params.mentionId);
  const form = bodyOf(req.body);
  const result = await attempt(async () => {
    const input = readVersionForm(form);
    await checkMentionOfClaim(req.db, id, mentionId);
    return splitMention(req.db, req.user!, mentionId, input);
  });
  await answer(req, res, id, result, {
    redirect: (split) => `/claims/${split.claimId}`,
    notice: (split) => ({ key: split.revived ? 'merges.splitBack' : 'merges.splitNew', params: { claim: split.claimId } }),
  });
});

mergesRouter.post('/claims/:id/merges/:mergeId/undo', editor, async (req, res) => {
  const id = idParam(req.params.id);
  const mergeId = idParam(req.params.mergeId);
  const form = bodyOf(req.body);
  const result = await attempt(() => undoMerge(req.db, req.user!, mergeId, readVersionForm(form)));
  await answer(req, res, id, result, {
    redirect: (undone) => `/claims/${undone.sourceClaimId}`,
    notice: (undone) => ({ key: 'merges.undone', params: { claim: undone.sourceClaimId } }),
  });
});

mergesRouter.post('/claims/:id/retract', editor, async (req, res) => {
  const id = idParam(req.params.id);
  const form = bodyOf(req.body);
  const result = await attempt(() => retractClaim(req.db, req.user!, id, readRetractForm(form)));
  await answer(req, res, id, result, {
    redirect: () => `/claims/${id}`,
    notice: () => ({ key: 'merges.retracted' }),
    keep: { retractReason: text(form.reason) },
  });
});

mergesRouter.post('/claims/:id/restore', editor, async (req, res) => {
  const id = idParam(req.params.id);
  const result = await attempt(() => restoreClaim(req.db, req.user!, id, readVersionForm(bodyOf(req.body))));
  await answer(req, res, id, result, {
    redirect: () => `/claims/${id}`,
    notice: () => ({ key: 'merges.restored' }),
  });
});
