import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { findSourceText } from '../../db/queries/publish.ts';
import { getClaimPage } from '../domain/claims.ts';
import { Invalid, NotFound } from '../errors.ts';
import { idParam } from '../http/params.ts';
import { siteOf } from '../http/site.ts';
import { apiClaim, apiClaims, apiLinks, apiReviews, apiSource, apiSources, DEFAULT_LIMIT, MAX_LIMIT } from '../publish/api.ts';
import { ANNOTATION_TYPE, claimAnnotations, mentionAnnotation, sourceAnnotations } from '../publish/web-annotation.ts';

// The read-only public API (documented in README.md). Everything here is what the reader
// pages show, as JSON; anyone may read it from any site.
export const apiRouter = Router();

apiRouter.use('/api', (_req, res, next) => {
  res.set('Access-Control-Allow-Origin', '*');
  res.set('Cache-Control', 'public, max-age=60');
  next();
});

const ListQuery = z.object({
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
});

function listQuery(req: Request) {
  const parsed = ListQuery.safeParse(req.query);
  if (!parsed.success) throw new Invalid(`limit must be a whole number from 1 to ${MAX_LIMIT}.`, { limit: `1 to ${MAX_LIMIT}` });
  return parsed.data;
}

/** `{ data, next }`, with the next page also in a Link header (RFC 8288). */
function sendPage(req: Request, res: Response, result: { data: unknown[]; nextCursor: string | null }, limit: number) {
  const base = siteOf(res).baseUrl;
  const next = result.nextCursor ? `${base}${req.path}?limit=${limit}&cursor=${result.nextCursor}` : null;
  if (next) res.set('Link', `<${next}>; rel="next"`);
  res.json({ data: result.data, next });
}

apiRouter.get('/api', (_req, res) => {
  const base = siteOf(res).baseUrl;
  res.json({
    claims: `${base}/api/claims`,
    sources: `${base}/api/sources`,
    links: `${base}/api/links`,
    reviews: `${base}/api/reviews`,
    verdictsFeed: `${base}/feeds/verdicts.atom`,
    documentation: 'README.md, section "Public API"',
  });
});

apiRouter.get('/api/claims', async (req, res) => {
  const { cursor, limit } = listQuery(req);
  sendPage(req, res, await apiClaims(req.db, cursor, limit, siteOf(res)), limit);
});

apiRouter.get('/api/claims/:id', async (req, res) => {
  res.json(await apiClaim(req.db, idParam(req.params.id), siteOf(res)));
});

apiRouter.get('/api/claims/:id/annotations', async (req, res) => {
  const { claim } = await getClaimPage(req.db, idParam(req.params.id));
  res.type(ANNOTATION_TYPE).send(JSON.stringify(await claimAnnotations(req.db, claim.id, claim.text, siteOf(res))));
});

apiRouter.get('/api/sources', async (req, res) => {
  const { cursor, limit } = listQuery(req);
  sendPage(req, res, await apiSources(req.db, cursor, limit, siteOf(res)), limit);
});

apiRouter.get('/api/sources/:id', async (req, res) => {
  res.json(await apiSource(req.db, idParam(req.params.id), siteOf(res)));
});

const TextQuery = z.object({ version: z.coerce.number().int().min(1).max(1_000_000).optional() });

// The stored text itself: what the annotations' offsets count in.
apiRouter.get('/api/sources/:id/text', async (req, res) => {
  const parsed = TextQuery.safeParse(req.query);
  if (!parsed.success) throw new Invalid('version must be a version number of this source.', { version: 'a version number' });
  const text = await findSourceText(req.db, idParam(req.params.id), parsed.data.version ?? null);
  if (!text) throw new NotFound('There is no such source text.');
  res.set('Content-Language', text.language ?? '').type('text/plain; charset=utf-8').send(text.body);
});

apiRouter.get('/api/sources/:id/annotations', async (req, res) => {
  const source = await apiSource(req.db, idParam(req.params.id), siteOf(res));
  res.type(ANNOTATION_TYPE).send(JSON.stringify(await sourceAnnotations(req.db, source.id, source.title, siteOf(res))));
});

apiRouter.get('/api/mentions/:id', async (req, res) => {
  res.type(ANNOTATION_TYPE).send(JSON.stringify(await mentionAnnotation(req.db, idParam(req.params.id), siteOf(res))));
});

apiRouter.get('/api/links', async (req, res) => {
  const { cursor, limit } = listQuery(req);
  sendPage(req, res, await apiLinks(req.db, cursor, limit), limit);
});

apiRouter.get('/api/reviews', async (req, res) => {
  const { cursor, limit } = listQuery(req);
  sendPage(req, res, await apiReviews(req.db, cursor, limit, siteOf(res)), limit);
});
