import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { asOfDay, type AsOf } from '../domain/asof.ts';
import { getClaimPage } from '../domain/claims.ts';
import { getClaimDesk } from '../domain/desk.ts';
import { getLinkDesk } from '../domain/link-desk.ts';
import { getMergePanel } from '../domain/merge-panel.ts';
import { getEntityPage } from '../domain/entities.ts';
import { getHomePage } from '../domain/home.ts';
import { getArticlePage } from '../domain/sources.ts';
import { getStoryPage } from '../domain/stories.ts';
import { Invalid } from '../errors.ts';
import { withParam } from '../http/locale.ts';
import { idParam, slugParam } from '../http/params.ts';
import { siteOf } from '../http/site.ts';
import type { Translator } from '../i18n/index.ts';
import { claimReviewFor, jsonForScript } from '../publish/claim-review.ts';

// The reader's pages. Each route: parse the URL, one domain call, one view.
export const pagesRouter = Router();

pagesRouter.get('/', async (req, res) => {
  res.render('pages/home', await getHomePage(req.db));
});

pagesRouter.get('/claims/:id', async (req, res) => {
  const asOf = asOfParam(req, res);
  if (asOf === 'current') return;
  const id = idParam(req.params.id);
  const page = await getClaimPage(req.db, id, { asOf });
  const claimReview = claimReviewFor(page, siteOf(res));
  res.render('pages/claim', {
    ...page,
    ...pastView(req, asOf),
    // JSON.stringify output with every "<" escaped (jsonForScript): safe inside the data block.
    claimReviewJson: claimReview ? jsonForScript(claimReview) : null,
    // Editors get the status desk and edit controls on the current claim; readers never do.
    ...(req.user && !asOf
      ? { desk: await getClaimDesk(req.db, id, req.user), linkDesk: await getLinkDesk(req.db, id), mergePanel: await getMergePanel(req.db, id) }
      : {}),
  });
});

pagesRouter.get('/sources/:id', async (req, res) => {
  res.render('pages/source', await getArticlePage(req.db, idParam(req.params.id)));
});

pagesRouter.get('/stories/:slug', async (req, res) => {
  const asOf = asOfParam(req, res);
  if (asOf === 'current') return;
  const page = await getStoryPage(req.db, slugParam(req.params.slug), { asOf });
  res.render('pages/story', { ...page, ...pastView(req, asOf) });
});

pagesRouter.get('/entities/:slug', async (req, res) => {
  res.render('pages/entity', await getEntityPage(req.db, slugParam(req.params.slug)));
});

const AsOfQuery = z.object({ asof: z.iso.date().optional().or(z.literal('').transform(() => undefined)) });

/**
 * `?asof=2019-12-10`: the page as it stood at the end of that day. A day that has not ended
 * yet is the current page, so the reader is sent there. 'current' means a redirect was sent.
 */
function asOfParam(req: Request, res: Response): AsOf | null | 'current' {
  const parsed = AsOfQuery.safeParse({ asof: req.query.asof });
  const t = res.locals.t as Translator;
  if (!parsed.success) throw new Invalid(t('readers.asof.invalid'), { asof: t('readers.asof.invalid') });
  const date = parsed.data.asof;
  if (!date) {
    if (req.query.asof !== undefined) {
      res.redirect(303, withParam(req.originalUrl, 'asof', null));
      return 'current';
    }
    return null;
  }
  const asOf = asOfDay(date);
  if (asOf.until.getTime() >= Date.now()) {
    res.redirect(303, withParam(req.originalUrl, 'asof', null));
    return 'current';
  }
  return asOf;
}

/** What the layout needs to mark a past view: the link back to the current page. */
function pastView(req: Request, asOf: AsOf | null) {
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  return { currentHref: withParam(req.originalUrl, 'asof', null), robots: asOf ? 'noindex' : null, asOfMax: yesterday };
}
