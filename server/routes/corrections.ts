import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { getCorrectionForm, getCurrentBody, getOrphan, getOrphansPage, getSyndicationPanel, getVersionsPage, requireMention } from '../domain/corrections.ts';
import { correctSourceText, Correction, placeMention, Placement, retireMention, Retirement } from '../domain/source-versions.ts';
import { setSyndication, SyndicationInput } from '../domain/syndication.ts';
import { Conflict, Invalid } from '../errors.ts';
import { requireRole } from '../http/auth.ts';
import { attempt, bodyOf } from '../http/forms.ts';
import { idParam } from '../http/params.ts';
import { htmxOr, wantsFragment } from '../http/render.ts';

// Editors' work after an outlet changes an article: correcting the stored text (a new version
// of the body, mentions found again), the versions of a body, the mentions a correction left
// without a place, and what a source reprints. Each form works plain and with htmx.

const editor = requireRole('editor');

type Problem = { message: string; fields: Record<string, string> };

// Form fields a refused form names, keyed to this area's messages; other messages pass as text.
const FIELD_MESSAGES: Record<string, string> = {
  version: 'corrections.error.version',
  body: 'corrections.error.body',
  note: 'corrections.error.note',
  quote: 'corrections.error.quote',
  start: 'corrections.error.span',
  end: 'corrections.error.span',
  reason: 'corrections.error.reason',
  agency: 'corrections.error.agency',
};

/** A zod refusal as a form problem: one message per field, in the reader's language. */
function problemOf(error: z.ZodError, summary: string): Problem {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    fields[field] ??= field === 'syndicatedFrom' ? issue.message : (FIELD_MESSAGES[field] ?? issue.message);
  }
  return { message: summary, fields };
}

/** A domain refusal as a form problem: a stale version has its own message, others say why. */
function refusal(error: Invalid | Conflict, summary: string): Problem {
  if (error instanceof Conflict) return { message: 'corrections.error.stale', fields: {} };
  return { message: error.message || summary, fields: error.fields };
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

export function correctionsRouter(): Router {
  const router = Router();

  // --- correcting the text

  const renderCorrection = async (req: Request, res: Response, id: number, extra: Record<string, unknown>) => {
    const page = await getCorrectionForm(req.db, id);
    const form = { ...page.form, ...(extra.form as object | undefined) };
    res.render(htmxOr(req, res, 'partials/correction-form', 'pages/source-text'), { ...page, problem: null, result: null, ...extra, form });
  };

  router.get('/sources/:id/text', editor, async (req, res) => {
    // After a plain form that changed nothing, the form says so (a redirect carries no counts).
    await renderCorrection(req, res, idParam(req.params.id), { result: req.query.unchanged === '1' ? { changed: false } : null });
  });

  router.post('/sources/:id/text', editor, async (req, res) => {
    const id = idParam(req.params.id);
    const form = bodyOf(req.body);
    // What the editor typed goes back into the form whatever happens: nothing is lost.
    const typed = { version: text(form.version), body: text(form.body), note: text(form.note) };
    const parsed = Correction.safeParse(form);
    if (!parsed.success) {
      res.status(422);
      return renderCorrection(req, res, id, { form: typed, problem: problemOf(parsed.error, 'corrections.refused') });
    }
    const result = await attempt(() => correctSourceText(req.db, req.user!, id, parsed.data));
    if (!result.ok) {
      res.status(result.error.status);
      // After a conflict the form is based on the current version, so saving again is a choice
      // made knowingly; the editor's text stays in it either way.
      const form = result.error instanceof Conflict ? { body: typed.body, note: typed.note } : typed;
      return renderCorrection(req, res, id, { form, problem: refusal(result.error, 'corrections.refused') });
    }
    const counts = result.value;
    if (!wantsFragment(req)) {
      return res.redirect(303, counts.changed ? `/sources/${id}/versions?corrected=${counts.version}` : `/sources/${id}/text?unchanged=1`);
    }
    await renderCorrection(req, res, id, { result: counts });
  });

  router.get('/sources/:id/versions', editor, async (req, res) => {
    const page = await getVersionsPage(req.db, idParam(req.params.id));
    const corrected = Number(req.query.corrected);
    const notice = page.versions.find((v) => v.version === corrected && v.summary) ?? null;
    res.render('pages/source-versions', { ...page, corrected: notice });
  });

  // --- syndication

  const renderSyndication = async (req: Request, res: Response, id: number, extra: Record<string, unknown>) => {
    const page = await getSyndicationPanel(req.db, id);
    res.render(htmxOr(req, res, 'partials/syndication-form', 'pages/source-syndication'), { ...page, problem: null, saved: false, ...extra });
  };

  router.get('/sources/:id/syndication', editor, async (req, res) => {
    await renderSyndication(req, res, idParam(req.params.id), { saved: req.query.saved === '1' });
  });

  router.post('/sources/:id/syndication', editor, async (req, res) => {
    const id = idParam(req.params.id);
    const form = bodyOf(req.body);
    const typed = { agency: text(form.agency), syndicatedFrom: text(form.syndicatedFrom), note: text(form.note) };
    // "independent" clears what the source reprints, whatever the number field still says.
    const input = form.kind === 'independent' ? { ...form, syndicatedFrom: '' } : form;
    const parsed = SyndicationInput.safeParse(input);
    if (!parsed.success) {
      res.status(422);
      return renderSyndication(req, res, id, { form: typed, problem: problemOf(parsed.error, 'corrections.syndication.refused') });
    }
    if (form.kind === 'reprint' && parsed.data.syndicatedFrom === null) {
      res.status(422);
      return renderSyndication(req, res, id, {
        form: typed,
        problem: { message: 'corrections.syndication.refused', fields: { syndicatedFrom: 'corrections.error.originMissing' } },
      });
    }
    const result = await attempt(() => setSyndication(req.db, req.user!, id, parsed.data));
    if (!result.ok) {
      res.status(result.error.status);
      return renderSyndication(req, res, id, { form: typed, problem: refusal(result.error, 'corrections.syndication.refused') });
    }
    if (!wantsFragment(req)) return res.redirect(303, `/sources/${id}/syndication?saved=1`);
    await renderSyndication(req, res, id, { saved: true });
  });

  // --- orphaned mentions

  const sourceFilter = (v: unknown) => (typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : undefined);
  const orphansHref = (sourceId: number | undefined, extra: string) => `/orphans?${sourceId ? `source=${sourceId}&` : ''}${extra}`;

  router.get('/orphans', editor, async (req, res) => {
    const page = await getOrphansPage(req.db, sourceFilter(req.query.source));
    const done = sourceFilter(req.query.placed) ?? sourceFilter(req.query.retired);
    res.render('pages/orphans', {
      ...page,
      done: done ? { key: req.query.placed ? 'corrections.orphans.placed' : 'corrections.orphans.retired', mentionId: done } : null,
      refused: null,
    });
  });

  /** A refused action on one orphan: its item again (htmx) or the whole list with it marked. */
  const refuseOrphan = async (req: Request, res: Response, mentionId: number, status: number, problem: Problem, typed: Record<string, string>) => {
    res.status(status);
    const orphan = await getOrphan(req.db, mentionId);
    // Placed or retired meanwhile (by another editor, or in another tab): say so, whatever the domain said.
    const refused = { mentionId, problem: orphan ? problem : { message: 'corrections.error.notOrphaned', fields: {} }, typed };
    if (wantsFragment(req)) {
      res.vary('HX-Request');
      if (orphan) return res.render('partials/orphan-item', { orphan, refused });
      return res.render('partials/orphan-gone', { mentionId, refused });
    }
    const page = await getOrphansPage(req.db, sourceFilter(bodyOf(req.body).source));
    res.vary('HX-Request').render('pages/orphans', { ...page, done: null, refused });
  };

  const PlacementForm = z.object({
    quote: z.string().max(5000).optional().default(''),
    start: z.string().optional().transform((v) => (v && /^\d{1,9}$/.test(v.trim()) ? Number(v) : null)),
    end: z.string().optional().transform((v) => (v && /^\d{1,9}$/.test(v.trim()) ? Number(v) : null)),
  });

  router.post('/mentions/:id/placement', editor, async (req, res) => {
    const mentionId = idParam(req.params.id);
    const form = bodyOf(req.body);
    const typed = { quote: text(form.quote), start: text(form.start), end: text(form.end) };
    const fields = PlacementForm.parse({ quote: typed.quote, start: typed.start, end: typed.end });
    const result = await attempt(async () => {
      const orphan = await getOrphan(req.db, mentionId);
      if (!orphan) {
        await requireMention(req.db, mentionId);
        throw new Invalid('corrections.error.notOrphaned');
      }
      // By offsets: the words between start and end of the current text; by quote: its words found.
      const byOffsets = !fields.quote.trim() && (fields.start !== null || fields.end !== null);
      const input = byOffsets ? await spanInput(req, orphan.sourceId, fields.start, fields.end) : Placement.safeParse({ quote: fields.quote, start: fields.start ?? undefined });
      if (!input.success) throw new Invalid('corrections.orphans.refused', problemOf(input.error, '').fields);
      return placeMention(req.db, req.user!, mentionId, input.data);
    });
    if (!result.ok) return refuseOrphan(req, res, mentionId, result.error.status, refusal(result.error, 'corrections.orphans.refused'), typed);
    const mention = result.value;
    if (!wantsFragment(req)) return res.redirect(303, orphansHref(sourceFilter(form.source), `placed=${mentionId}`));
    res.vary('HX-Request').render('partials/orphan-done', { mention: { id: mention.id, sourceId: mention.sourceId, claimId: mention.claimId, quote: mention.quote }, key: 'corrections.orphans.placed' });
  });

  router.post('/mentions/:id/retirement', editor, async (req, res) => {
    const mentionId = idParam(req.params.id);
    const form = bodyOf(req.body);
    const typed = { reason: text(form.reason) };
    const parsed = Retirement.safeParse(typed);
    const result = await attempt(async () => {
      if (!parsed.success) throw new Invalid('corrections.orphans.refused', problemOf(parsed.error, '').fields);
      return retireMention(req.db, req.user!, mentionId, parsed.data);
    });
    if (!result.ok) return refuseOrphan(req, res, mentionId, result.error.status, refusal(result.error, 'corrections.orphans.refused'), typed);
    const mention = result.value;
    if (!wantsFragment(req)) return res.redirect(303, orphansHref(sourceFilter(form.source), `retired=${mentionId}`));
    res.vary('HX-Request').render('partials/orphan-done', { mention: { id: mention.id, sourceId: mention.sourceId, claimId: mention.claimId, quote: mention.quote }, key: 'corrections.orphans.retired' });
  });

  return router;
}

/** A placement given as offsets into the current text: the words they cover, or a refusal. */
async function spanInput(req: Request, sourceId: number, start: number | null, end: number | null) {
  const body = await getCurrentBody(req.db, sourceId);
  if (start === null || end === null || end <= start || end > body.length) {
    throw new Invalid('corrections.orphans.refused', { start: 'corrections.error.span' });
  }
  return Placement.safeParse({ quote: body.slice(start, end), start });
}
