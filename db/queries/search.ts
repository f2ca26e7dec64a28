// Full-text search over claims, their quotes (mentions) and articles. Every row is indexed
// in its own language (claimline_ts_config: migration 0005); a query is parsed once per
// configuration and each row is matched with the one of its language, in a form the GIN
// indexes serve (a BitmapOr of one index scan per configuration).
import { and, desc, eq, gte, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias, unionAll, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.ts';
import {
  claimSubjects,
  claims,
  entities,
  entityAliases,
  mentions,
  sources,
  statuses,
  stories,
  storyClaims,
} from '../schema/index.ts';

const CONFIGS = ['claimline_english', 'claimline_french', 'claimline_simple'] as const;
const regconfig = (name: (typeof CONFIGS)[number]) => sql.raw(`'public.${name}'::regconfig`);
const tsquery = (name: (typeof CONFIGS)[number], q: string) => sql`websearch_to_tsquery(${regconfig(name)}, ${q})`;

/** The row matches the query parsed in the row's own language. */
function matches(vector: AnyPgColumn, language: AnyPgColumn, q: string): SQL {
  return or(
    ...CONFIGS.map((name) => sql`(${vector} @@ ${tsquery(name, q)} and claimline_ts_config(${language}) = ${regconfig(name)})`),
  )!;
}

/** The query parsed in the row's language, for ranking and highlighting. */
function queryFor(language: AnyPgColumn, q: string): SQL {
  return sql`(case claimline_ts_config(${language}) when ${regconfig('claimline_english')} then ${tsquery('claimline_english', q)} when ${regconfig('claimline_french')} then ${tsquery('claimline_french', q)} else ${tsquery('claimline_simple', q)} end)`;
}

// Highlights come back between two control characters that cannot occur in stored text; the
// domain turns them into segments the view escapes and marks.
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';
const headlineOptions = (extra: string) => `StartSel=${HIT_START}, StopSel=${HIT_END}, ${extra}`;

export type ClaimSearch = {
  /** Free text in websearch syntax ("exact phrase", or, -word); empty: filters only. */
  q: string;
  /** Entities whose name the query is: their claims (by or about them) count as hits. */
  entityIds: number[];
  status?: string | undefined;
  claimant?: string | undefined;
  language?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  story?: string | undefined;
  sort: 'relevance' | 'date';
  limit: number;
  offset: number;
};

const claimant = alias(entities, 'claimant');

/** The claim id column of one kind of hit, named alike in each so they can be unioned. */
const hitId = (column: AnyPgColumn) => sql<number>`${column}`.as('claim_id');

function claimFilters(f: ClaimSearch): SQL[] {
  const where: SQL[] = [isNull(claims.mergedIntoId), isNull(claims.deprecatedAt)];
  if (f.status) where.push(eq(claims.publishedStatus, f.status));
  if (f.claimant) where.push(eq(claimant.slug, f.claimant));
  if (f.language) where.push(eq(claims.language, f.language));
  if (f.from) where.push(gte(claims.claimedOn, f.from));
  if (f.to) where.push(lte(claims.claimedOn, f.to));
  if (f.story) {
    where.push(
      inArray(
        claims.id,
        sql`(select ${storyClaims.claimId} from ${storyClaims} join ${stories} on ${stories.id} = ${storyClaims.storyId} where ${stories.slug} = ${f.story})`,
      ),
    );
  }
  return where;
}

/**
 * One page of claims matching the search, best first (or newest first), with the total.
 * A claim matches by its own text, by any quote of it, or by being by or about a named entity.
 */
export async function searchClaims(ex: Executor, f: ClaimSearch) {
  const hasText = f.q.trim() !== '';
  const fields = {
    id: claims.id,
    text: claims.text,
    language: claims.language,
    claimedOn: claims.claimedOn,
    claimedOnPrecision: claims.claimedOnPrecision,
    status: claims.publishedStatus,
    statusLabel: statuses.label,
    statusLabelFr: statuses.labelFr,
    isVerdict: statuses.isVerdict,
    claimantId: claims.claimantId,
    claimantName: claimant.name,
    claimantSlug: claimant.slug,
    createdAt: claims.createdAt,
    total: sql<number>`(count(*) over ())::int`,
  };
  const dateOrder = [sql`${claims.claimedOn} desc nulls last`, desc(claims.id)];

  if (!hasText && !f.entityIds.length) {
    const rows = await ex
      .select({ ...fields, rank: sql<number>`0::real`, headline: sql<string | null>`null::text` })
      .from(claims)
      .innerJoin(statuses, eq(statuses.key, claims.publishedStatus))
      .leftJoin(claimant, eq(claimant.id, claims.claimantId))
      .where(and(...claimFilters(f)))
      .orderBy(...dateOrder)
      .limit(f.limit)
      .offset(f.offset);
    return rows;
  }

  const textHits = () =>
    ex
      .select({ claimId: hitId(claims.id), rank: sql<number>`ts_rank_cd(${claims.searchVector}, ${queryFor(claims.language, f.q)})`.as('rank') })
      .from(claims)
      .where(matches(claims.searchVector, claims.language, f.q));
  type Hits = ReturnType<typeof textHits>;
  // The three kinds of hit have the same columns; drizzle types each by its table, hence the casts.
  const parts: Hits[] = [];
  if (hasText) {
    parts.push(
      textHits(),
      ex
        .select({
          claimId: hitId(mentions.claimId),
          // A quote is the claim in someone's words: a little below the claim's own text.
          rank: sql<number>`0.9 * ts_rank_cd(${mentions.searchVector}, ${queryFor(mentions.language, f.q)})`.as('rank'),
        })
        .from(mentions)
        .where(and(matches(mentions.searchVector, mentions.language, f.q), ne(mentions.anchorState, 'retired'))) as unknown as Hits,
    );
  }
  if (f.entityIds.length) {
    parts.push(
      ex
        .select({ claimId: hitId(claims.id), rank: sql<number>`0.05::real`.as('rank') })
        .from(claims)
        .where(
          or(
            inArray(claims.claimantId, f.entityIds),
            inArray(
              claims.id,
              ex.select({ id: claimSubjects.claimId }).from(claimSubjects).where(inArray(claimSubjects.entityId, f.entityIds)),
            ),
          ),
        ),
    );
  }
  const union = (parts.length === 1 ? parts[0]! : unionAll(parts[0]!, parts[1]!, ...parts.slice(2))).as('hits');
  const ranked = ex
    .select({ claimId: union.claimId, rank: sql<number>`sum(${union.rank})`.as('total_rank') })
    .from(union)
    .groupBy(union.claimId)
    .as('ranked');

  return ex
    .select({
      ...fields,
      rank: ranked.rank,
      headline: hasText
        ? sql<string>`ts_headline(claimline_ts_config(${claims.language}), ${claims.text}, ${queryFor(claims.language, f.q)}, ${headlineOptions('HighlightAll=true')})`
        : sql<string | null>`null::text`,
    })
    .from(ranked)
    .innerJoin(claims, eq(claims.id, ranked.claimId))
    .innerJoin(statuses, eq(statuses.key, claims.publishedStatus))
    .leftJoin(claimant, eq(claimant.id, claims.claimantId))
    .where(and(...claimFilters(f)))
    .orderBy(...(f.sort === 'date' ? dateOrder : [desc(ranked.rank), ...dateOrder]))
    .limit(f.limit)
    .offset(f.offset);
}

/** The quotes of these claims that match the query, highlighted, best first per claim. */
export function listMatchingQuotes(ex: Executor, claimIds: number[], q: string) {
  if (!claimIds.length || !q.trim()) return Promise.resolve([]);
  return ex
    .select({
      id: mentions.id,
      claimId: mentions.claimId,
      sourceId: mentions.sourceId,
      language: mentions.language,
      quote: mentions.quote,
      headline: sql<string>`ts_headline(claimline_ts_config(${mentions.language}), ${mentions.quote}, ${queryFor(mentions.language, q)}, ${headlineOptions('HighlightAll=true')})`,
      sourceTitle: sources.title,
      sourcePublisher: sources.publisher,
      sourcePublishedOn: sources.publishedOn,
    })
    .from(mentions)
    .innerJoin(sources, eq(sources.id, mentions.sourceId))
    .where(and(inArray(mentions.claimId, claimIds), matches(mentions.searchVector, mentions.language, q), ne(mentions.anchorState, 'retired')))
    .orderBy(mentions.claimId, desc(sql`ts_rank_cd(${mentions.searchVector}, ${queryFor(mentions.language, q)})`), mentions.id);
}

export type ArticleSearch = { q: string; language?: string | undefined; from?: string | undefined; to?: string | undefined; limit: number };

/** Articles (and other sources) whose title or text matches, with a highlighted passage. */
export function searchArticles(ex: Executor, f: ArticleSearch) {
  const where: SQL[] = [matches(sources.searchVector, sources.language, f.q)];
  if (f.language) where.push(eq(sources.language, f.language));
  if (f.from) where.push(gte(sources.publishedOn, f.from));
  if (f.to) where.push(lte(sources.publishedOn, f.to));
  const query = queryFor(sources.language, f.q);
  return ex
    .select({
      id: sources.id,
      title: sources.title,
      publisher: sources.publisher,
      language: sources.language,
      publishedOn: sources.publishedOn,
      headline: sql<string>`ts_headline(claimline_ts_config(${sources.language}), coalesce(${sources.body}, ''), ${query}, ${headlineOptions('MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … "')})`,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(sources)
    .where(and(...where))
    .orderBy(desc(sql`ts_rank_cd(${sources.searchVector}, ${query})`), sql`${sources.publishedOn} desc nulls last`, desc(sources.id))
    .limit(f.limit);
}

/**
 * People and organisations one of whose names the query is, however it is spelled (Sergei,
 * Sergey, Sergueï): pg_trgm word similarity of the normalized query against normalized aliases.
 */
export function findEntitiesByName(ex: Executor, normalized: string, limit: number) {
  const similarity = sql<number>`max(word_similarity(${normalized}, ${entityAliases.normalized}))`;
  return ex
    .select({
      id: entities.id,
      slug: entities.slug,
      name: entities.name,
      kind: entities.kind,
      description: entities.description,
      similarity: similarity.as('similarity'),
      claimsBy: sql<number>`(select count(*)::int from ${claims} where ${claims.claimantId} = ${entities.id} and ${claims.mergedIntoId} is null)`,
      claimsAbout: sql<number>`(select count(*)::int from ${claimSubjects} where ${claimSubjects.entityId} = ${entities.id})`,
    })
    .from(entityAliases)
    .innerJoin(entities, eq(entities.id, entityAliases.entityId))
    // `q <% alias`: the query is (nearly) a run of words of the alias; the trigram index serves it.
    .where(sql`${normalized} <% ${entityAliases.normalized}`)
    .groupBy(entities.id)
    .orderBy(desc(similarity), entities.name)
    .limit(limit);
}

/** What the filters offer: claimants with claims, languages of claims. */
export function listClaimants(ex: Executor) {
  return ex
    .select({ slug: entities.slug, name: entities.name, n: sql<number>`count(*)::int` })
    .from(claims)
    .innerJoin(entities, eq(entities.id, claims.claimantId))
    .where(isNull(claims.mergedIntoId))
    .groupBy(entities.id)
    .orderBy(entities.name);
}

export async function listClaimLanguages(ex: Executor): Promise<string[]> {
  const rows = await ex
    .selectDistinct({ language: claims.language })
    .from(claims)
    .where(sql`${claims.language} is not null`)
    .orderBy(claims.language);
  return rows.map((r) => r.language!);
}
