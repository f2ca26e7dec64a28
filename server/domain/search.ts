import { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import {
  findEntitiesByName,
  HIT_END,
  HIT_START,
  listClaimants,
  listClaimLanguages,
  listMatchingQuotes,
  searchArticles,
  searchClaims,
} from '../../db/queries/search.ts';
import { listStatuses } from '../../db/queries/statuses.ts';
import { listStories } from '../../db/queries/stories.ts';
import { normalizeAlias } from './entities.ts';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/**
 * The search form's fields, as they arrive in the address (every one optional). Errors are
 * reported by field; the route words them in the reader's language.
 */
export const SearchQuery = z
  .object({
    q: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().trim().max(300)),
    status: optional(z.string().regex(/^[a-z0-9_-]{1,40}$/)),
    claimant: optional(z.string().regex(/^[a-z0-9][a-z0-9-]{0,120}$/)),
    language: optional(z.string().regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/i)),
    from: optional(z.iso.date()),
    to: optional(z.iso.date()),
    story: optional(z.string().regex(/^[a-z0-9][a-z0-9-]{0,120}$/)),
    sort: optional(z.enum(['relevance', 'date'])).transform((v) => v ?? 'relevance'),
    page: optional(z.coerce.number().int().min(1).max(500)).transform((v) => v ?? 1),
  })
  .refine((s) => !s.from || !s.to || s.from <= s.to, { path: ['to'], message: 'before' });
export type SearchInput = z.infer<typeof SearchQuery>;

export const PAGE_SIZE = 20;
const ARTICLES = 10;
// word_similarity at or above this: the query is one of the entity's names, so their claims count.
const NAME_MATCH = 0.8;

export type Highlighted = { text: string; hit: boolean }[];

/** Text from ts_headline split into plain and matched runs, for the view to escape and mark. */
export function splitHighlights(headline: string | null | undefined): Highlighted {
  if (!headline) return [];
  const runs: Highlighted = [];
  for (const [i, part] of headline.split(HIT_START).entries()) {
    if (i === 0) {
      if (part) runs.push({ text: part, hit: false });
      continue;
    }
    const end = part.indexOf(HIT_END);
    const hit = end >= 0 ? part.slice(0, end) : part;
    const rest = end >= 0 ? part.slice(end + HIT_END.length) : '';
    if (hit) runs.push({ text: hit, hit: true });
    if (rest) runs.push({ text: rest, hit: false });
  }
  return runs;
}

/** The words of a query without websearch syntax, for matching names. */
function nameOf(q: string): string {
  return normalizeAlias(q.replace(/["()]/g, ' ').replace(/(^|\s)-\S+/g, ' ').replace(/\bor\b/gi, ' '));
}

export function hasCriteria(input: SearchInput): boolean {
  return Boolean(input.q || input.status || input.claimant || input.language || input.from || input.to || input.story);
}

/** What the filters offer (verdicts, claimants, languages, stories). */
export async function getSearchOptions(ex: Executor) {
  const [statuses, claimants, languages, stories] = await Promise.all([
    listStatuses(ex),
    listClaimants(ex),
    listClaimLanguages(ex),
    listStories(ex, 200),
  ]);
  return { statuses, claimants, languages, stories };
}

export type SearchResults = Awaited<ReturnType<typeof search>>;

/**
 * Claims (by their text, their quotes, or the person named), the people and organisations
 * named, and articles; one page of claims at a time. Filters on verdict, claimant or story
 * concern claims only, so articles are left out when one of them is set.
 */
export async function search(ex: Executor, input: SearchInput, { limit = PAGE_SIZE }: { limit?: number } = {}) {
  if (!hasCriteria(input)) return { hasCriteria: false as const, claims: [], total: 0, entities: [], articles: [], articleTotal: 0, pages: 0 };
  const name = input.q ? nameOf(input.q) : '';
  const entities = name.length >= 3 ? await findEntitiesByName(ex, name, 5) : [];
  const entityIds = entities.filter((e) => e.similarity >= NAME_MATCH).map((e) => e.id);
  const claimsOnly = Boolean(input.status || input.claimant || input.story);
  const [claimRows, articleRows] = await Promise.all([
    searchClaims(ex, {
      q: input.q,
      entityIds,
      status: input.status,
      claimant: input.claimant,
      language: input.language,
      from: input.from,
      to: input.to,
      story: input.story,
      sort: input.sort,
      limit,
      offset: (input.page - 1) * limit,
    }),
    input.q && !claimsOnly
      ? searchArticles(ex, { q: input.q, language: input.language, from: input.from, to: input.to, limit: ARTICLES })
      : Promise.resolve([]),
  ]);
  const quotes = await listMatchingQuotes(
    ex,
    claimRows.map((c) => c.id),
    input.q,
  );
  const total = claimRows[0]?.total ?? 0;
  return {
    hasCriteria: true as const,
    claims: claimRows.map(({ total: _total, headline, ...c }) => ({
      ...c,
      highlighted: headline ? splitHighlights(headline) : [{ text: c.text, hit: false }],
      quotes: quotes
        .filter((m) => m.claimId === c.id)
        .slice(0, 2)
        .map(({ headline: h, ...m }) => ({ ...m, highlighted: splitHighlights(h) })),
    })),
    total,
    pages: Math.ceil(total / limit),
    entities,
    articles: articleRows.map(({ total: _total, headline, ...a }) => ({ ...a, highlighted: splitHighlights(headline) })),
    articleTotal: articleRows[0]?.total ?? 0,
  };
}

/** The search page: the filters' choices (unless only results are asked for) and the results. */
export async function getSearchPage(ex: Executor, input: SearchInput | null, { withOptions = true } = {}) {
  const [options, results] = await Promise.all([
    withOptions ? getSearchOptions(ex) : Promise.resolve(null),
    input ? search(ex, input) : Promise.resolve(null),
  ]);
  return { options, results };
}
