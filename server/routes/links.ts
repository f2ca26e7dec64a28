import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { getClaimPage } from '../domain/claims.ts';
import { getClaimDesk } from '../domain/desk.ts';
import { getMergePanel } from '../domain/merge-panel.ts';
import { addLinkFromForm, assertLinkOfClaim, getLinkDesk, LinkNeedsPick, pickClaims, type LinkForm } from '../domain/link-desk.ts';
import { acceptLink, deprecateLink, LinkChange, LinkDeprecation, restoreLink, reviseLink } from '../domain/links.ts';
import { Conflict, Invalid } from '../errors.ts';
import { requireRole } from '../http/auth.ts';
import { attempt, bodyOf } from '../http/forms.ts';
import { idParam } from '../http/params.ts';
import { wantsFragment } from '../http/render.ts';

// The editors' routes around a claim's links: add, accept, change, retract, restore. Each works
// as a plain form (back to the claim page) and inline with htmx: the links panel comes back,
// with the graph and the lists of counter-claims and confirmations swapped out of band.
export const linksRouter = Router();

const editor = requireRole('editor');
const Version = z.object({ version: z.coerce.number().int().positive() });

type Outcome = { notice?: { key: string; params?: Record<string, string | number> }; problem?: string; fields?: Record<string, string>; form?: LinkForm; picks?: Awaited<ReturnType<typeof pickClaims>> };

async function respond(req: Request, res: Response, claimId: number, outcome: Outcome) {
  if (!outcome.problem && !wantsFragment(req)) return res.redirect(303, `/claims/${claimId}#links`);
  const linkDesk = await getLinkDesk(req.db, claimId);
  Object.assign(linkDesk, {
    notice: outcome.notice ?? null,
    problem: outcome.problem ?? null,
    fields: outcome.fields ?? {},
    ...(outcome.form ? { form: outcome.form } : {}),
    ...(outcome.picks ? { picks: outcome.picks } : {}),
  });
  const page = await getClaimPage(req.db, claimId);
  res.vary('HX-Request');
  if (wantsFragment(req)) return res.render('partials/link-desk-response', { ...page, linkDesk });
  res.render('pages/claim', { ...page, linkDesk, desk: await getClaimDesk(req.db, claimId, req.user!), mergePanel: await getMergePanel(req.db, claimId) });
}

function failure(error: Invalid | Conflict, res: Response): Outcome {
  res.status(error.status);
  if (error instanceof Conflict) return { problem: 'links.conflict' };
  return { problem: error.message, fields: error.fields, ...(error instanceof LinkNeedsPick ? { picks: error.picks } : {}) };
}

linksRouter.get('/claims/:id/links/picks', editor, async (req, res) => {
  const id = idParam(req.params.id);
  const q = typeof req.query.other === 'string' ? req.query.other.slice(0, 300) : '';
  res.vary('HX-Request');
  res.render('partials/link-picks', { picks: await pickClaims(req.db, id, q), typed: q });
});

linksRouter.post('/claims/:id/links', editor, async (req, res) => {
  const id = idParam(req.params.id);
  const form = bodyOf(req.body);
  const result = await attempt(() => addLinkFromForm(req.db, req.user!, id, req.body));
  if (result.ok) return respond(req, res, id, { notice: { key: 'links.added', params: { id: result.value.fromClaimId === id ? result.value.toClaimId : result.value.fromClaimId } } });
  const typed: LinkForm = { relation: String(form.relation ?? ''), other: String(form.other ?? ''), note: String(form.note ?? '') };
  return respond(req, res, id, { ...failure(result.error, res), form: typed });
});

const actions = {
  accept: (req: Request, linkId: number) => acceptLink(req.db, req.user!, linkId, Version.parse(req.body ?? {}).version),
  change: (req: Request, linkId: number) => reviseLink(req.db, req.user!, linkId, parse(LinkChange, req.body)),
  retract: (req: Request, linkId: number) => deprecateLink(req.db, req.user!, linkId, parse(LinkDeprecation, req.body)),
  restore: (req: Request, linkId: number) => restoreLink(req.db, req.user!, linkId, Version.parse(req.body ?? {}).version),
} as const;

/** A form's fields checked by a schema; refusals name the field, as the domain's do. */
function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? ''), i.message]));
  throw new Invalid(fields.reason ? 'Say why the link is retracted.' : 'The link could not be changed.', fields);
}

for (const [verb, act] of Object.entries(actions)) {
  linksRouter.post(`/claims/:id/links/:linkId/${verb}`, editor, async (req, res) => {
    const id = idParam(req.params.id);
    const linkId = idParam(req.params.linkId);
    await assertLinkOfClaim(req.db, id, linkId);
    const result = await attempt(async () => {
      try {
        return await act(req, linkId);
      } catch (error) {
        // A missing or malformed version is a stale or forged form: say so as a conflict would.
        if (error instanceof z.ZodError) throw new Invalid('Reload the page and try again.', {});
        throw error;
      }
    });
    if (result.ok) return respond(req, res, id, { notice: { key: `links.done.${verb}` } });
    return respond(req, res, id, failure(result.error, res));
  });
}
