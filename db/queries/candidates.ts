import { and, desc, eq, isNull, notInArray, sql, type SQL } from 'drizzle-orm';
import { alias, union } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.ts';
import { claims, entities, searchConfigSql, statuses } from '../schema/index.ts';

const claimant = alias(entities, 'claimant');

const textArray = (values: string[]): SQL => sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;

export type CandidateProbe = {
  /** Pairs of matching keys: a claim holding both members of any pair is a candidate (GIN @>). */
  pairs: [string, string][];
  /** All the probe's keys, to count how many each candidate shares. */
  keys: string[];
  /** The probe's wording, for trigram similarity. */
  text: string;
  /** Same-language candidates by full-text search: a websearch_to_tsquery string, in `language`. */
  search: { language: string; query: string } | null;
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
  const branches = probe.pairs.map(([a, b]) =>
    ex.select({ id: claims.id }).from(claims).where(sql`${claims.matchKeys} @> ${textArray([a, b])}`).limit(PER_BRANCH),
  );
  if (probe.search) {
    branches.push(
      ex
        .select({ id: claims.id })
        .from(claims)
        .where(
          sql`${claims.language} = ${probe.search.language} and ${claims.textSearch} @@ websearch_to_tsquery(${searchConfigSql(probe.search.language)}, ${probe.search.query})`,
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

const PER_BRANCH = 40;

export type CandidateRow = Awaited<ReturnType<typeof findCandidateClaims>>[number];
