import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { claimLinks, claims, mentions, reviews, sources } from '../schema/index.ts';

/** The mentions of some claims with the source they are in (retired ones included: a merge moves them too). */
export function listMentionsWithSource(ex: Executor, claimIds: number[]) {
  if (!claimIds.length) return Promise.resolve([]);
  return ex
    .select({
      id: mentions.id,
      claimId: mentions.claimId,
      sourceId: mentions.sourceId,
      start: mentions.start,
      end: mentions.end,
      quote: mentions.quote,
      language: mentions.language,
      anchorState: mentions.anchorState,
      sourceTitle: sources.title,
    })
    .from(mentions)
    .innerJoin(sources, eq(sources.id, mentions.sourceId))
    .where(inArray(mentions.claimId, claimIds))
    .orderBy(mentions.claimId, sql`${sources.publishedOn} asc nulls last`, mentions.sourceId, mentions.start);
}

/** Links touching some claims that are not retracted. */
export function listLiveLinksOfClaims(ex: Executor, claimIds: number[]) {
  if (!claimIds.length) return Promise.resolve([]);
  return ex
    .select({ id: claimLinks.id, fromClaimId: claimLinks.fromClaimId, toClaimId: claimLinks.toClaimId, kind: claimLinks.kind })
    .from(claimLinks)
    .where(and(isNull(claimLinks.deprecatedAt), or(inArray(claimLinks.fromClaimId, claimIds), inArray(claimLinks.toClaimId, claimIds))));
}

/** Review counts of some claims, unapproved verdicts included. */
export async function countReviewsOfClaims(ex: Executor, claimIds: number[]): Promise<Map<number, number>> {
  if (!claimIds.length) return new Map();
  const rows = await ex
    .select({ claimId: reviews.claimId, n: sql<number>`count(*)::int` })
    .from(reviews)
    .where(inArray(reviews.claimId, claimIds))
    .groupBy(reviews.claimId);
  return new Map(rows.map((r) => [r.claimId, r.n]));
}

/** The claims the panel names (this claim, a chosen target, the claim it was merged into). */
export function listClaimHeads(ex: Executor, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return ex
    .select({
      id: claims.id,
      text: claims.text,
      version: claims.version,
      mergedIntoId: claims.mergedIntoId,
      deprecatedAt: claims.deprecatedAt,
      deprecatedReason: claims.deprecatedReason,
    })
    .from(claims)
    .where(inArray(claims.id, ids));
}
