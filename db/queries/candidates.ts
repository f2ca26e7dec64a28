import { and, desc, eq, isNull, notInArray, sql, type SQL } from 'drizzle-orm';
import { alias, union } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.ts';
import { claims, entities, searchConfigSql, statuses } from '../schema/index.ts';

const claimant = alias(entities, 'claimant');

const textArray = (values: string[]): SQL => sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;

export type CandidateProbe = {
  /** Sets of two or three matching keys: a claim holding every key of any set is a candidate (GIN @>). */
  keySets: string[][];
  /** All the probe's keys, to count how many each candidate shares. */
  keys: string[];
  /** The probe's wording, for trigram similarity. */
  text: string;
  /** Same-language candidates by full-text search: a tsquery of lexemes as to_tsvector gives them. */
  search: { language: string; tsquery: string } | null;
  excludeIds: number[];
};

/**
 * Same-claim candidates for one probe, from the indexes only: the GIN index on match_keys (pairs
 * of language-neutral keys, so a French claim finds its English twin) and the full-text index
 * in the claim's language. Ordered by shared keys, then trigram similarity; the domain ranks them.
 */
export async function findCandidateClaims(ex: Executor, probe: CandidateProbe, limit: number) {
  // Each branch stops at its own limit, so a pair shared by thousands of claims costs no more
  // than a rare one; the union is then ordered by how many keys each claim shares.
  const branches = probe.keySets.map((set) =>
    ex.select({ id: claims.id }).from(claims).where(sql`${claims.matchKeys} @> ${textArray(set)}`).limit(PER_BRANCH),
  );
  if (probe.search) {
    branches.push(
      ex
        .select({ id: claims.id })
        .from(claims)
        .where(
          sql`${claims.language} = ${probe.search.language} and ${claims.textSearch} @@ ${probe.search.tsquery}::tsquery`,
        )
        .limit(PER_BRANCH * 2),
    );
  }
  if (!branches.length) return [];
  const hits = (branches.length === 1 ? branches[0]! : union(branches[0]!, branches[1]!, ...branches.slice(2))).as('hits');
  const shared = probe.keys.length
    ? sql<number>`(select count(*) from unnest(${claims.matchKeys}) k where k = any(${textArray(probe.keys)}))::int`
    : sql<number>`0`;
  const top = ex
    .select({ id: claims.id, shared: shared.as('shared') })
    .from(claims)
    .innerJoin(hits, eq(hits.id, claims.id))
    .where(
      and(
        isNull(claims.mergedIntoId),
        isNull(claims.deprecatedAt),
        probe.excludeIds.length ? notInArray(claims.id, probe.excludeIds) : undefined,
      ),
    )
    .orderBy(desc(sql`shared`), desc(claims.id))
    .limit(limit)
    .as('top');
  // Trigram similarity only for the few claims kept: on long texts it is the costly part.
  const trigram = sql<number>`similarity(${claims.text}, ${probe.text})`;
  return ex
    .select({
      id: claims.id,
      text: claims.text,
      language: claims.language,
      claimantId: claims.claimantId,
      claimantName: claimant.name,
      claimedOn: claims.claimedOn,
      claimedOnPrecision: claims.claimedOnPrecision,
      status: claims.status,
      statusLabel: statuses.label,
      statusLabelFr: statuses.labelFr,
      matchFeatures: claims.matchFeatures,
      shared: top.shared,
      trigram,
    })
    .from(top)
    .innerJoin(claims, eq(claims.id, top.id))
    .innerJoin(statuses, eq(statuses.key, claims.status))
    .leftJoin(claimant, eq(claimant.id, claims.claimantId))
    .orderBy(desc(top.shared), desc(trigram), desc(claims.id));
}

/** How many claims one key set contributes: a set shared by more gives an arbitrary sample of them. */
export const PER_BRANCH = 40;

/**
 * The lexemes full-text search sees in a text, in the claim language's configuration, each with
 * the share of claims holding it when the statistics list it among the most common (else null).
 */
export async function findLexemeFrequencies(ex: Executor, language: string, text: string): Promise<{ lexeme: string; share: number | null }[]> {
  const result = await ex.execute(sql`
    select l.lexeme as "lexeme", common.f::float8 as "share"
      from unnest(tsvector_to_array(to_tsvector(${searchConfigSql(language)}, ${text}))) as l(lexeme)
      left join (
        select u.e, u.f
          from pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as u(e, f)
         where s.schemaname = current_schema() and s.tablename = 'claims' and s.attname = 'text_search'
      ) as common on common.e = l.lexeme`);
  const rows = (result as unknown as { rows: { lexeme: string; share: number | string | null }[] }).rows;
  return rows.map((r) => ({ lexeme: r.lexeme, share: r.share === null ? null : Number(r.share) }));
}

export type KeyFrequencies = {
  /** Claims in the table when it was last analysed. */
  claims: number;
  /** Share of claims holding each of the asked keys that is among the most common ones. */
  shares: Map<string, number>;
  /** The smallest share the statistics list: a key not listed is rarer than this. */
  floor: number;
};

/**
 * How common the given matching keys are, read from the statistics PostgreSQL keeps for the
 * planner (pg_stats on claims.match_keys, refreshed by ANALYZE): no scan, no table of our own.
 * Null while the table has never been analysed (a new or small database).
 */
export async function findMatchKeyFrequencies(ex: Executor, keys: string[]): Promise<KeyFrequencies | null> {
  if (!keys.length) return null;
  // most_common_elem_freqs lists one share per element, then the smallest and largest of them.
  const result = await ex.execute(sql`
    select c.reltuples::float8 as "claims",
           s.most_common_elem_freqs[array_length(s.most_common_elems, 1) + 1]::float8 as "floor",
           (select coalesce(json_object_agg(u.e, u.f), '{}'::json)
              from unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as u(e, f)
             where u.e = any(${textArray(keys)})) as "shares"
      from pg_stats s
      join pg_class c on c.oid = to_regclass(quote_ident(s.schemaname) || '.' || quote_ident(s.tablename))
     where s.schemaname = current_schema() and s.tablename = 'claims' and s.attname = 'match_keys'
       and s.most_common_elems is not null`);
  const row = (result as unknown as { rows: { claims: number; floor: number; shares: Record<string, number> | string }[] }).rows[0];
  if (!row || !(Number(row.claims) > 0)) return null;
  const shares = typeof row.shares === 'string' ? (JSON.parse(row.shares) as Record<string, number>) : row.shares;
  return { claims: Number(row.claims), floor: Number(row.floor), shares: new Map(Object.entries(shares).map(([k, v]) => [k, Number(v)])) };
}

export type CandidateRow = Awaited<ReturnType<typeof findCandidateClaims>>[number];
