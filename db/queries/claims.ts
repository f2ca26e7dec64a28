import { and, desc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.ts';
import {
  claimLinks,
  claimSubjects,
  claims,
  entities,
  mentions,
  reviewEvidence,
  reviews,
  sources,
  statuses,
  users,
} from '../schema/index.ts';

const claimant = alias(entities, 'claimant');

/**
 * The columns every claim listing shows: statement, claimant, status. `status` here is the
 * published one (what readers may see); editor views read `workingStatus`.
 */
const claimSummaryFields = {
  id: claims.id,
  text: claims.text,
  language: claims.language,
  claimedOn: claims.claimedOn,
  claimedOnPrecision: claims.claimedOnPrecision,
  status: claims.publishedStatus,
  workingStatus: claims.status,
  statusLabel: statuses.label,
  statusLabelFr: statuses.labelFr,
  isVerdict: statuses.isVerdict,
  checkworthiness: claims.checkworthiness,
  claimantId: claims.claimantId,
  claimantName: claimant.name,
  claimantSlug: claimant.slug,
  createdAt: claims.createdAt,
  updatedAt: claims.updatedAt,
};

export type ClaimSummary = Awaited<ReturnType<typeof listLatestClaims>>[number];

/** Live claims: not merged into another and not retracted. */
const isLive = and(isNull(claims.mergedIntoId), isNull(claims.deprecatedAt));

export function listLatestClaims(ex: Executor, limit: number) {
  return ex
    .select(claimSummaryFields)
    .from(claims)
    .innerJoin(statuses, eq(statuses.key, claims.publishedStatus))
    .leftJoin(claimant, eq(claimant.id, claims.claimantId))
    .where(isLive)
    // Recent activity first; among claims touched together, the most check-worthy.
    .orderBy(desc(claims.updatedAt), sql`${claims.checkworthiness} desc nulls last`, claims.id)
    .limit(limit);
}

export function listClaimsByIds(ex: Executor, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return ex
    .select(claimSummaryFields)
    .from(claims)
    .innerJoin(statuses, eq(statuses.key, claims.publishedStatus))
    .leftJoin(claimant, eq(claimant.id, claims.claimantId))
    .where(inArray(claims.id, ids));
}

export async function findClaim(ex: Executor, id: number) {
  const rows = await ex
    .select({
      ...claimSummaryFields,
      version: claims.version,
      eventOn: claims.eventOn,
      eventOnPrecision: claims.eventOnPrecision,
      mergedIntoId: claims.mergedIntoId,
      deprecatedAt: claims.deprecatedAt,
      deprecatedReason: claims.deprecatedReason,
      claimantKind: claimant.kind,
      claimantDescription: claimant.description,
    })
    .from(claims)
    .innerJoin(statuses, eq(statuses.key, claims.publishedStatus))
    .leftJoin(claimant, eq(claimant.id, claims.claimantId))
    .where(eq(claims.id, id))
    .limit(1);
  return rows[0];
}

export function listMentionsOfClaim(ex: Executor, claimId: number) {
  return ex
    .select({
      id: mentions.id,
      sourceId: mentions.sourceId,
      quote: mentions.quote,
      start: mentions.start,
      end: mentions.end,
      role: mentions.role,
      stance: mentions.stance,
      anchorState: mentions.anchorState,
      language: mentions.language,
      createdAt: mentions.createdAt,
      sourceTitle: sources.title,
      sourceUrl: sources.url,
      sourcePublisher: sources.publisher,
      sourceLanguage: sources.language,
      sourcePublishedOn: sources.publishedOn,
      sourceAgency: sources.agency,
      sourceSyndicatedFromId: sources.syndicatedFromId,
    })
    .from(mentions)
    .innerJoin(sources, eq(sources.id, mentions.sourceId))
    .where(eq(mentions.claimId, claimId))
    .orderBy(sql`${sources.publishedOn} asc nulls last`, mentions.sourceId, mentions.start);
}

/**
 * Live links touching a claim, in either direction. Readers see accepted links only: a link
 * the analysis proposed is shown once an editor accepts it.
 */
export function listLinksOfClaim(ex: Executor, claimId: number) {
  return ex
    .select({
      id: claimLinks.id,
      fromClaimId: claimLinks.fromClaimId,
      toClaimId: claimLinks.toClaimId,
      kind: claimLinks.kind,
      origin: claimLinks.origin,
      acceptedAt: claimLinks.acceptedAt,
      createdAt: claimLinks.createdAt,
    })
    .from(claimLinks)
    .where(
      and(
        or(eq(claimLinks.fromClaimId, claimId), eq(claimLinks.toClaimId, claimId)),
        isNull(claimLinks.deprecatedAt),
        or(eq(claimLinks.origin, 'editor'), isNotNull(claimLinks.acceptedAt)),
      ),
    )
    .orderBy(claimLinks.id);
}

/** A claim's reviews, oldest first. Readers see approved ones only (four-eyes rule). */
export async function listReviewsOfClaim(ex: Executor, claimId: number, { includeUnapproved = false } = {}) {
  const rows = await ex
    .select({
      id: reviews.id,
      status: reviews.status,
      statusLabel: statuses.label,
      statusLabelFr: statuses.labelFr,
      isVerdict: statuses.isVerdict,
      rationale: reviews.rationale,
      createdAt: reviews.createdAt,
      approvedAt: reviews.approvedAt,
      authorName: users.name,
    })
    .from(reviews)
    .innerJoin(statuses, eq(statuses.key, reviews.status))
    .leftJoin(users, eq(users.id, reviews.createdById))
    .where(includeUnapproved ? eq(reviews.claimId, claimId) : and(eq(reviews.claimId, claimId), isNotNull(reviews.approvedAt)))
    .orderBy(reviews.createdAt, reviews.id);
  const evidence = rows.length
    ? await ex
        .select({
          reviewId: reviewEvidence.reviewId,
          url: reviewEvidence.url,
          note: reviewEvidence.note,
          sourceId: reviewEvidence.sourceId,
          sourceTitle: sources.title,
        })
        .from(reviewEvidence)
        .leftJoin(sources, eq(sources.id, reviewEvidence.sourceId))
        .where(
          inArray(
            reviewEvidence.reviewId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(reviewEvidence.id)
    : [];
  return rows.map((r) => ({ ...r, evidence: evidence.filter((e) => e.reviewId === r.id) }));
}

export function listClaimsOfEntity(ex: Executor, entityId: number, limit: number) {
  return ex
    .select(claimSummaryFields)
    .from(claims)
    .innerJoin(statuses, eq(statuses.key, claims.publishedStatus))
    .leftJoin(claimant, eq(claimant.id, claims.claimantId))
    .where(
      and(
        isLive,
        or(
          eq(claims.claimantId, entityId),
          sql`${claims.id} in (select claim_id from claim_subjects where entity_id = ${entityId})`,
        ),
      ),
    )
    .orderBy(sql`${claims.claimedOn} desc nulls last`, desc(claims.id))
    .limit(limit);
}

export async function insertClaim(ex: Executor, values: typeof claims.$inferInsert) {
  const [row] = await ex.insert(claims).values(values).returning({ id: claims.id, text: claims.text });
  return row!;
}

/** A claim that can still take mentions: not merged away, not retracted. */
export async function findLiveClaim(ex: Executor, id: number) {
  const rows = await ex
    .select({ id: claims.id, text: claims.text, claimantId: claims.claimantId, language: claims.language })
    .from(claims)
    .where(and(eq(claims.id, id), isLive))
    .limit(1);
  return rows[0];
}

/** Inserts a mention; null when the claim already has this very span of this source. */
export async function insertMention(ex: Executor, values: typeof mentions.$inferInsert) {
  const [row] = await ex.insert(mentions).values(values).onConflictDoNothing().returning({ id: mentions.id });
  return row ?? null;
}

export async function insertClaimSubjects(ex: Executor, claimId: number, entityIds: number[]) {
  if (entityIds.length) {
    await ex
      .insert(claimSubjects)
      .values([...new Set(entityIds)].map((entityId) => ({ claimId, entityId })))
      .onConflictDoNothing();
  }
}

export async function listSubjectIdsOfClaims(ex: Executor, claimIds: number[]) {
  if (!claimIds.length) return [];
  return ex.select().from(claimSubjects).where(inArray(claimSubjects.claimId, claimIds));
}

export async function setClaimMatching(ex: Executor, claimId: number, matching: { matchKeys: string[]; matchFeatures: NonNullable<typeof claims.$inferInsert.matchFeatures> }) {
  await ex.update(claims).set(matching).where(eq(claims.id, claimId));
}

export async function touchClaim(ex: Executor, claimId: number) {
  await ex.update(claims).set({ updatedAt: new Date() }).where(eq(claims.id, claimId));
}

/** Claims with no matching keys yet (created before matching existed, or by the demo seed). */
export async function listClaimIdsWithoutMatching(ex: Executor, limit: number) {
  const rows = await ex.select({ id: claims.id }).from(claims).where(isNull(claims.matchFeatures)).orderBy(claims.id).limit(limit);
  return rows.map((r) => r.id);
}

/** Each claim's earliest mention that has a stored body: what its matching features are read from. */
export function listFirstMentionsWithBody(ex: Executor, claimIds: number[]) {
  if (!claimIds.length) return Promise.resolve([]);
  return ex
    .selectDistinctOn([mentions.claimId], {
      claimId: mentions.claimId,
      start: mentions.start,
      end: mentions.end,
      stance: mentions.stance,
      body: sources.body,
      language: sources.language,
      publishedOn: sources.publishedOn,
      claimText: claims.text,
      claimLanguage: claims.language,
      claimantId: claims.claimantId,
      claimedOn: claims.claimedOn,
    })
    .from(mentions)
    .innerJoin(sources, eq(sources.id, mentions.sourceId))
    .innerJoin(claims, eq(claims.id, mentions.claimId))
    .where(and(inArray(mentions.claimId, claimIds), isNotNull(sources.body), eq(mentions.anchorState, 'anchored')))
    .orderBy(mentions.claimId, mentions.id);
}

export async function findClaimMatching(ex: Executor, id: number) {
  const rows = await ex.select({ matchKeys: claims.matchKeys, matchFeatures: claims.matchFeatures }).from(claims).where(eq(claims.id, id)).limit(1);
  return rows[0];
}

/**
 * Every link touching a claim, retracted and unaccepted ones included: the reader pages decide
 * what was visible when (server/domain/asof.ts), so a past view can show a link since retracted.
 */
export function listReaderLinksOfClaim(ex: Executor, claimId: number) {
  return ex
    .select({
      id: claimLinks.id,
      fromClaimId: claimLinks.fromClaimId,
      toClaimId: claimLinks.toClaimId,
      kind: claimLinks.kind,
      origin: claimLinks.origin,
      createdAt: claimLinks.createdAt,
      acceptedAt: claimLinks.acceptedAt,
      deprecatedAt: claimLinks.deprecatedAt,
    })
    .from(claimLinks)
    .where(or(eq(claimLinks.fromClaimId, claimId), eq(claimLinks.toClaimId, claimId)))
    .orderBy(claimLinks.id);
}

/** Links between claims of one set (a story's, a person's), retracted ones included. */
export function listLinksAmong(ex: Executor, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return ex
    .select({
      id: claimLinks.id,
      fromClaimId: claimLinks.fromClaimId,
      toClaimId: claimLinks.toClaimId,
      kind: claimLinks.kind,
      origin: claimLinks.origin,
      createdAt: claimLinks.createdAt,
      acceptedAt: claimLinks.acceptedAt,
      deprecatedAt: claimLinks.deprecatedAt,
    })
    .from(claimLinks)
    .where(and(inArray(claimLinks.fromClaimId, ids), inArray(claimLinks.toClaimId, ids)))
    .orderBy(claimLinks.id);
}

/** The approved reviews of several claims: enough to know each one's published status at any time. */
export function listApprovedReviewsOfClaims(ex: Executor, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return ex
    .select({ id: reviews.id, claimId: reviews.claimId, status: reviews.status, approvedAt: reviews.approvedAt })
    .from(reviews)
    .where(and(inArray(reviews.claimId, ids), isNotNull(reviews.approvedAt)))
    .orderBy(reviews.approvedAt, reviews.id);
}

// --- Editing (optimistic locking) ---

/** The editable state of a claim, as an edit form is based on it. */
export async function findClaimState(ex: Executor, id: number) {
  const rows = await ex
    .select({
      id: claims.id,
      version: claims.version,
      text: claims.text,
      language: claims.language,
      claimantId: claims.claimantId,
      claimantName: claimant.name,
      claimedOn: claims.claimedOn,
      claimedOnPrecision: claims.claimedOnPrecision,
      status: claims.status,
      publishedStatus: claims.publishedStatus,
      assigneeId: claims.assigneeId,
      mergedIntoId: claims.mergedIntoId,
      deprecatedAt: claims.deprecatedAt,
      updatedAt: claims.updatedAt,
    })
    .from(claims)
    .leftJoin(claimant, eq(claimant.id, claims.claimantId))
    .where(eq(claims.id, id))
    .limit(1);
  return rows[0];
}

export type ClaimChanges = Partial<
  Pick<typeof claims.$inferInsert, 'text' | 'claimantId' | 'claimedOn' | 'claimedOnPrecision' | 'status' | 'publishedStatus'>
>;

/**
 * The one statement of every save: `UPDATE claims … WHERE id = $1 AND version = $2`, bumping
 * the version. No row back means the claim moved on (or is gone): the caller decides which.
 * There is no read-then-write window, so two saves of one version cannot both succeed.
 */
export async function updateClaimIfVersion(ex: Executor, id: number, version: number, changes: ClaimChanges) {
  const rows = await ex
    .update(claims)
    .set({ ...changes, version: sql`${claims.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(claims.id, id), eq(claims.version, version)))
    .returning({ id: claims.id, version: claims.version, status: claims.status, publishedStatus: claims.publishedStatus });
  return rows[0];
}

export async function setClaimAssignee(ex: Executor, id: number, assigneeId: number | null) {
  const rows = await ex
    .update(claims)
    .set({ assigneeId })
    .where(eq(claims.id, id))
    .returning({ id: claims.id });
  return rows[0];
}
