import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import {
  claimLinks,
  claimMerges,
  claimSubjects,
  claims,
  mentions,
  reviews,
  stories,
  storyClaims,
  suggestions,
  users,
  type MergeRecord,
} from '../schema/index.ts';

export type ClaimRow = typeof claims.$inferSelect;
export type MergeRow = typeof claimMerges.$inferSelect;

export async function findClaimRow(ex: Executor, id: number): Promise<ClaimRow | undefined> {
  const rows = await ex.select().from(claims).where(eq(claims.id, id)).limit(1);
  return rows[0];
}

/**
 * Optimistic lock: bumps the claim's version if it is still `version`, with any other change.
 * undefined when someone saved the claim in between (the caller answers with a Conflict).
 */
export async function saveClaimIfCurrent(
  ex: Executor,
  id: number,
  version: number,
  patch: Partial<Omit<ClaimRow, 'id' | 'version'>> = {},
): Promise<ClaimRow | undefined> {
  const [row] = await ex
    .update(claims)
    .set({ ...patch, version: sql`${claims.version} + 1`, updatedAt: new Date() })
    .where(and(eq(claims.id, id), eq(claims.version, version)))
    .returning();
  return row;
}

export async function insertClaim(ex: Executor, claim: typeof claims.$inferInsert): Promise<ClaimRow> {
  const [row] = await ex.insert(claims).values(claim).returning();
  return row!;
}

export function listMentionRowsOfClaim(ex: Executor, claimId: number) {
  return ex.select().from(mentions).where(eq(mentions.claimId, claimId)).orderBy(mentions.id);
}

export async function moveMentions(ex: Executor, ids: number[], claimId: number): Promise<void> {
  if (ids.length) await ex.update(mentions).set({ claimId }).where(inArray(mentions.id, ids));
}

export async function listReviewIdsOfClaim(ex: Executor, claimId: number): Promise<number[]> {
  const rows = await ex.select({ id: reviews.id }).from(reviews).where(eq(reviews.claimId, claimId)).orderBy(reviews.id);
  return rows.map((r) => r.id);
}

/** Moves reviews that are still on `fromClaimId` (a later merge may have moved them on). */
export async function moveReviews(ex: Executor, ids: number[], fromClaimId: number, toClaimId: number): Promise<void> {
  if (ids.length) {
    await ex
      .update(reviews)
      .set({ claimId: toClaimId })
      .where(and(inArray(reviews.id, ids), eq(reviews.claimId, fromClaimId)));
  }
}

export function listAllLinksOfClaim(ex: Executor, claimId: number) {
  return ex
    .select()
    .from(claimLinks)
    .where(or(eq(claimLinks.fromClaimId, claimId), eq(claimLinks.toClaimId, claimId)))
    .orderBy(claimLinks.id);
}

export async function setLinkEnds(ex: Executor, id: number, fromClaimId: number, toClaimId: number): Promise<void> {
  await ex
    .update(claimLinks)
    .set({ fromClaimId, toClaimId, version: sql`${claimLinks.version} + 1`, updatedAt: new Date() })
    .where(eq(claimLinks.id, id));
}

export async function setLinkDeprecation(
  ex: Executor,
  id: number,
  deprecation: { deprecatedAt: Date | null; deprecatedReason: string | null; deprecatedById: number | null },
): Promise<void> {
  await ex
    .update(claimLinks)
    .set({ ...deprecation, version: sql`${claimLinks.version} + 1`, updatedAt: new Date() })
    .where(eq(claimLinks.id, id));
}

export async function listSubjectIds(ex: Executor, claimId: number): Promise<number[]> {
  const rows = await ex.select({ id: claimSubjects.entityId }).from(claimSubjects).where(eq(claimSubjects.claimId, claimId));
  return rows.map((r) => r.id);
}

/** Adds subjects to a claim; returns the ones it did not have. */
export async function addSubjects(ex: Executor, claimId: number, entityIds: number[]): Promise<number[]> {
  if (!entityIds.length) return [];
  const rows = await ex
    .insert(claimSubjects)
    .values(entityIds.map((entityId) => ({ claimId, entityId })))
    .onConflictDoNothing()
    .returning({ id: claimSubjects.entityId });
  return rows.map((r) => r.id);
}

export async function removeSubjects(ex: Executor, claimId: number, entityIds: number[]): Promise<void> {
  if (entityIds.length) {
    await ex.delete(claimSubjects).where(and(eq(claimSubjects.claimId, claimId), inArray(claimSubjects.entityId, entityIds)));
  }
}

export function listStoryMemberships(ex: Executor, claimId: number) {
  return ex
    .select({ storyId: storyClaims.storyId, position: storyClaims.position })
    .from(storyClaims)
    .where(eq(storyClaims.claimId, claimId));
}

/** Puts a claim in stories (at the given positions); returns the stories it was not in. */
export async function addToStories(ex: Executor, claimId: number, memberships: { storyId: number; position: number }[]): Promise<number[]> {
  if (!memberships.length) return [];
  const rows = await ex
    .insert(storyClaims)
    .values(memberships.map((m) => ({ claimId, storyId: m.storyId, position: m.position })))
    .onConflictDoNothing()
    .returning({ id: storyClaims.storyId });
  return rows.map((r) => r.id);
}

export async function removeFromStories(ex: Executor, claimId: number, storyIds: number[]): Promise<void> {
  if (storyIds.length) {
    await ex.delete(storyClaims).where(and(eq(storyClaims.claimId, claimId), inArray(storyClaims.storyId, storyIds)));
  }
}

export async function listSuggestionIdsOfClaim(ex: Executor, claimId: number): Promise<number[]> {
  const rows = await ex.select({ id: suggestions.id }).from(suggestions).where(eq(suggestions.claimId, claimId));
  return rows.map((r) => r.id);
}

export async function moveSuggestions(ex: Executor, ids: number[], fromClaimId: number, toClaimId: number): Promise<void> {
  if (ids.length) {
    await ex
      .update(suggestions)
      .set({ claimId: toClaimId })
      .where(and(inArray(suggestions.id, ids), eq(suggestions.claimId, fromClaimId)));
  }
}

export async function insertMerge(
  ex: Executor,
  merge: { sourceClaimId: number; targetClaimId: number; moved: MergeRecord; reason: string | null; createdById: number | null },
): Promise<MergeRow> {
  const [row] = await ex.insert(claimMerges).values(merge).returning();
  return row!;
}

export async function markMergeUndone(ex: Executor, id: number): Promise<void> {
  await ex.update(claimMerges).set({ undoneAt: new Date() }).where(eq(claimMerges.id, id));
}

/** The latest merge, not undone, that brought a mention onto the claim it is on now. */
export async function findMergeThatMoved(ex: Executor, mentionId: number, targetClaimId: number): Promise<MergeRow | undefined> {
  const rows = await ex
    .select()
    .from(claimMerges)
    .where(
      and(
        eq(claimMerges.targetClaimId, targetClaimId),
        isNull(claimMerges.undoneAt),
        sql`${claimMerges.moved}->'mentionIds' @> ${JSON.stringify([mentionId])}::jsonb`,
      ),
    )
    .orderBy(desc(claimMerges.id))
    .limit(1);
  return rows[0];
}

export async function findMerge(ex: Executor, id: number): Promise<MergeRow | undefined> {
  const rows = await ex.select().from(claimMerges).where(eq(claimMerges.id, id)).limit(1);
  return rows[0];
}

/** Merges into or out of a claim, newest first, with what each moved (for undo and split). */
export function listMergesTouchingClaim(ex: Executor, claimId: number) {
  return ex
    .select({
      id: claimMerges.id,
      sourceClaimId: claimMerges.sourceClaimId,
      targetClaimId: claimMerges.targetClaimId,
      moved: claimMerges.moved,
      reason: claimMerges.reason,
      createdAt: claimMerges.createdAt,
      undoneAt: claimMerges.undoneAt,
      byName: users.name,
      sourceText: claims.text,
    })
    .from(claimMerges)
    .innerJoin(claims, eq(claims.id, claimMerges.sourceClaimId))
    .leftJoin(users, eq(users.id, claimMerges.createdById))
    .where(or(eq(claimMerges.targetClaimId, claimId), eq(claimMerges.sourceClaimId, claimId)))
    .orderBy(desc(claimMerges.createdAt), desc(claimMerges.id));
}

/** Mentions still on `claimId` among those a merge moved. */
export async function countMentionsStillMoved(ex: Executor, ids: number[], claimId: number): Promise<number> {
  if (!ids.length) return 0;
  const rows = await ex
    .select({ id: mentions.id })
    .from(mentions)
    .where(and(inArray(mentions.id, ids), eq(mentions.claimId, claimId)));
  return rows.length;
}

export function listStoriesById(ex: Executor, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return ex.select({ id: stories.id, slug: stories.slug }).from(stories).where(inArray(stories.id, ids));
}
