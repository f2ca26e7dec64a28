import { Router } from 'express';
import { siteOf } from '../http/site.ts';
import type { Locale } from '../i18n/index.ts';
import { verdictsFeed } from '../publish/atom.ts';

export const feedsRouter = Router();

feedsRouter.get('/feeds/verdicts.atom', async (req, res) => {
  const feed = await verdictsFeed(req.db, siteOf(res), res.locals.lang as Locale);
  res.type('application/atom+xml; charset=utf-8').set('Cache-Control', 'public, max-age=300');
  res.render('feeds/verdicts-atom', { feed });
});
