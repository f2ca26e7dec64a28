import { Router } from 'express';
import { getClaimPage } from '../domain/claims.ts';
import { getClaimDesk } from '../domain/desk.ts';
import { getEntityPage } from '../domain/entities.ts';
import { getHomePage } from '../domain/home.ts';
import { getArticlePage } from '../domain/sources.ts';
import { getStoryPage } from '../domain/stories.ts';
import { idParam, slugParam } from '../http/params.ts';

// The reader's pages. Each route: parse the URL, one domain call, one view.
export const pagesRouter = Router();

pagesRouter.get('/', async (req, res) => {
  res.render('pages/home', await getHomePage(req.db));
});

pagesRouter.get('/claims/:id', async (req, res) => {
  const id = idParam(req.params.id);
  const page = await getClaimPage(req.db, id);
  // Editors get the status desk and edit controls; readers never do.
  res.render('pages/claim', req.user ? { ...page, desk: await getClaimDesk(req.db, id, req.user) } : page);
});

pagesRouter.get('/sources/:id', async (req, res) => {
  res.render('pages/source', await getArticlePage(req.db, idParam(req.params.id)));
});

pagesRouter.get('/stories/:slug', async (req, res) => {
  res.render('pages/story', await getStoryPage(req.db, slugParam(req.params.slug)));
});

pagesRouter.get('/entities/:slug', async (req, res) => {
  res.render('pages/entity', await getEntityPage(req.db, slugParam(req.params.slug)));
});
