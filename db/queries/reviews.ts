import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.ts';
import { reviewEvidence, reviews, sources, statuses, users } from '../schema/index.ts';

export async function insertReview(
  ex: Executor,
  values: { claimId: number; status: string; rationale: string | null; createdById: number; approvedById: number | null; approved: boolean },
) {
  const [row] = await ex
    .insert(reviews)
    .values({
      claimId: values.claimId,
      status: values.status,
      rationale: values.rationale,
      createdById: values.createdById,
      approvedById: values.approvedById,
      approvedAt: values.approved ? sql`now()` : null,
    })
    .returning({ id: reviews.id, createdAt: reviews.createdAt, approvedAt: reviews.approvedAt });
  return row!;
}

export async function insertEvidence(ex: Executor, reviewId: number, items: { url?: string | null; sourceId?: number | null }[]) {
  if (!items.length) return;
  await ex.insert(reviewEvidence).values(items.map((e) => ({ reviewId, url: e.url ?? null, sourceId: e.sourceId ?? null })));
}

const author = alias(users, 'author');

/** The claim's latest review when it still waits for a second editor (four-eyes rule). */
export async function findPendingReview(ex: Executor, claimId: number) {
  const rows = await ex
    .select({
      id: reviews.id,
      claimId: reviews.claimId,
      status: reviews.status,
      statusLabel: statuses.label,
      statusLabelFr: statuses.labelFr,
      rationale: reviews.rationale,
      createdById: reviews.createdById,
      createdAt: reviews.createdAt,
      approvedAt: reviews.approvedAt,
      rejectedAt: reviews.rejectedAt,
      authorName: author.name,
    })
    .from(reviews)
    .innerJoin(statuses, eq(statuses.key, reviews.status))
    .leftJoin(author, eq(author.id, reviews.createdById))
    .where(eq(reviews.claimId, claimId))
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(1);
  const latest = rows[0];
  return latest && !latest.approvedAt && !latest.rejectedAt ? latest : undefined;
}

/** Pending reviews of several claims at once (the review queue). */
export async function listPendingReviews(ex: Executor, claimIds: number[]) {
  if (!claimIds.length) return [];
  return ex
    .selectDistinctOn([reviews.claimId], {
      id: reviews.id,
      claimId: reviews.claimId,
      status: reviews.status,
      statusLabel: statuses.label,
      statusLabelFr: statuses.labelFr,
      rationale: reviews.rationale,
      createdById: reviews.createdById,
      createdAt: reviews.createdAt,
      approvedAt: reviews.approvedAt,
      rejectedAt: reviews.rejectedAt,
      authorName: author.name,
    })
    .from(reviews)
    .innerJoin(statuses, eq(statuses.key, reviews.status))
    .leftJoin(author, eq(author.id, reviews.createdById))
    .where(inArray(reviews.claimId, claimIds))
    .orderBy(reviews.claimId, desc(reviews.createdAt), desc(reviews.id))
    .then((rows) => rows.filter((r) => !r.approvedAt && !r.rejectedAt));
}

/** Marks a pending review approved; undefined when someone else decided it first. */
export async function approveReview(ex: Executor, reviewId: number, userId: number) {
  const rows = await ex
    .update(reviews)
    .set({ approvedById: userId, approvedAt: sql`now()` })
    .where(and(eq(reviews.id, reviewId), isNull(reviews.approvedAt), isNull(reviews.rejectedAt)))
    .returning({ id: reviews.id, status: reviews.status, claimId: reviews.claimId });
  return rows[0];
}

export async function rejectReview(ex: Executor, reviewId: number, userId: number, note: string) {
  const rows = await ex
    .update(reviews)
    .set({ rejectedById: userId, rejectedAt: sql`now()`, rejectionNote: note })
    .where(and(eq(reviews.id, reviewId), isNull(reviews.approvedAt), isNull(reviews.rejectedAt)))
    .returning({ id: reviews.id, status: reviews.status, claimId: reviews.claimId });
  return rows[0];
}

export async function findReview(ex: Executor, reviewId: number) {
  const rows = await ex.select().from(reviews).where(eq(reviews.id, reviewId)).limit(1);
  return rows[0];
}

/** Sources an editor may cite as evidence: the claim's own first, then the latest others. */
export function listEvidenceSources(ex: Executor, claimId: number, limit = 200) {
  return ex
    .select({
      id: sources.id,
      title: sources.title,
      publisher: sources.publisher,
      publishedOn: sources.publishedOn,
      ofClaim: sql<boolean>`exists (select 1 from mentions m where m.source_id = ${sources.id} and m.claim_id = ${claimId})`,
    })
    .from(sources)
    .orderBy(
      sql`exists (select 1 from mentions m where m.source_id = ${sources.id} and m.claim_id = ${claimId}) desc`,
      sql`${sources.publishedOn} desc nulls last`,
      desc(sources.id),
    )
    .limit(limit);
}

export async function existingSourceIds(ex: Executor, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  const rows = await ex.select({ id: sources.id }).from(sources).where(inArray(sources.id, ids));
  return rows.map((r) => r.id);
}
