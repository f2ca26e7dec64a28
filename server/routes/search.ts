import { Router, type Request } from 'express';
import type { z } from 'zod';
import { getSearchPage, hasCriteria, PAGE_SIZE, search, SearchQuery, type SearchInput } from '../domain/search.ts';
import { Invalid } from '../errors.ts';
import { withParam } from '../http/locale.ts';
import { htmxOr, wantsFragment } from '../http/render.ts';
import { siteOf } from '../http/site.ts';
import type { Translator } from '../i18n/index.ts';
import { toCsv } from '../publish/csv.ts';

export const searchRouter = Router();

const CSV_LIMIT = 10_000;
const FIELDS = ['q', 'status', 'claimant', 'language', 'from', 'to', 'story', 'sort'] as const;

// One address for the page and for htmx's live results: a fragment when htmx asks, the full
// page otherwise (and on a history restore), so every search is a shareable URL.
searchRouter.get('/search', async (req, res) => {
  const parsed = SearchQuery.safeParse(req.query);
  const isFragment = wantsFragment(req);
  const page = await getSearchPage(req.db, parsed.success ? parsed.data : null, { withOptions: !isFragment });
  res.status(parsed.success ? 200 : 422);
  res.render(htmxOr(req, res, 'partials/search-results', 'pages/search'), {
    ...page,
    isFragment,
    pageSize: PAGE_SIZE,
    form: formValues(req),
    errors: parsed.success ? {} : fieldErrors(parsed.error, res.locals.t as Translator),
    input: parsed.success ? parsed.data : null,
    csvHref: parsed.success && hasCriteria(parsed.data) ? csvHref(req) : null,
    pageHref: (n: number) => withParam(req.originalUrl, 'page', n === 1 ? null : String(n)),
  });
});

// The same search as a spreadsheet: every matching claim (up to CSV_LIMIT), not one page.
searchRouter.get('/search.csv', async (req, res) => {
  const parsed = SearchQuery.safeParse(req.query);
  const t = res.locals.t as Translator;
  if (!parsed.success) throw new Invalid(t('readers.search.invalid'), fieldErrors(parsed.error, t));
  const input: SearchInput = { ...parsed.data, page: 1 };
  const results = await search(req.db, input, { limit: CSV_LIMIT });
  const base = siteOf(res).baseUrl;
  const csv = toCsv(
    ['id', 'url', 'claim', 'claimant', 'claimed_on', 'claimed_on_precision', 'verdict', 'verdict_label', 'language', 'matching_quote', 'quote_source'],
    results.claims.map((c) => [
      c.id,
      `${base}/claims/${c.id}`,
      c.text,
      c.claimantName ?? '',
      c.claimedOn,
      c.claimedOn ? (c.claimedOnPrecision ?? 'day') : null,
      c.status,
      c.statusLabel,
      c.language,
      c.quotes[0]?.quote ?? null,
      c.quotes[0] ? `${base}/sources/${c.quotes[0].sourceId}#m-${c.quotes[0].id}` : null,
    ]),
  );
  const stamp = new Date().toISOString().slice(0, 10);
  const slug = (input.q || 'claims').normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').slice(0, 40).toLowerCase() || 'claims';
  res
    .type('text/csv; charset=utf-8')
    .set('Content-Disposition', `attachment; filename="claimline-${slug}-${stamp}.csv"`)
    .send(csv);
});

/** The form as the reader filled it, to show it again (escaped by the view). */
function formValues(req: Request): Record<(typeof FIELDS)[number], string> {
  return Object.fromEntries(FIELDS.map((f) => [f, typeof req.query[f] === 'string' ? (req.query[f] as string) : ''])) as Record<
    (typeof FIELDS)[number],
    string
  >;
}

function fieldErrors(error: z.ZodError, t: Translator): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'q');
    errors[field] ??= t(issue.message === 'before' ? 'readers.search.error.order' : `readers.search.error.${field}`);
  }
  return errors;
}

function csvHref(req: Request): string {
  const url = new URL(req.originalUrl, 'http://x');
  url.pathname = '/search.csv';
  url.searchParams.delete('page');
  return url.pathname + url.search;
}
