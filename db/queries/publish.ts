// What the public API, the Web Annotation export and the verdicts feed read: published data
// only (approved reviews, links an editor made or accepted), in stable id order for paging.
import { and, asc, desc, eq, gt, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.ts';
import { claimLinks, claims, entities, mentions, reviewEvidence, reviews, sources, sourceVersions, statuses } from '../schema/index.ts';

const claimant = alias(entities, 'claimant');

/** Claims after a cursor (an id), oldest first; merged and retracted ones included and marked. */
export function listClaimsAfter(ex: Executor, afterId: number, limit: number) {
  return ex
    .select({
      id: claims.id,
      text: claims.text,
      language: claims.language,
      claimedOn: claims.claimedOn,
      claimedOnPrecision: claims.claimedOnPrecision,
      eventOn: claims.eventOn,
      eventOnPrecision: claims.eventOnPrecision,
      status: claims.publishedStatus,
      statusLabel: statuses.label,
      isVerdict: statuses.isVerdict,
      claimantSlug: claimant.slug,
      claimantName: claimant.name,
      claimantKind: claimant.kind,
      mergedIntoId: claims.mergedIntoId,
      deprecatedAt: claims.deprecatedAt,
      createdAt: claims.createdAt,
      updatedAt: claims.updatedAt,
    })
    .from(claims)
    .innerJoin(statuses, eq(statuses.key, claims.publishedStatus))
    .leftJoin(claimant, eq(claimant.id, claims.claimantId))
    .where(gt(claims.id, afterId))
    .orderBy(asc(claims.id))
    .limit(limit);
}

const sourceFields = {
  id: sources.id,
  kind: sources.kind,
  title: sources.title,
  url: sources.url,
  publisher: sources.publisher,
  author: sources.author,
  language: sources.language,
  publishedOn: sources.publishedOn,
  agency: sources.agency,
  syndicatedFromId: sources.syndicatedFromId,
  version: sources.version,
  hasBody: sql<boolean>`${sources.body} is not null`,
  createdAt: sources.createdAt,
};

export function listSourcesAfter(ex: Executor, afterId: number, limit: number) {
  return ex.select(sourceFields).from(sources).where(gt(sources.id, afterId)).orderBy(asc(sources.id)).limit(limit);
}

export async function findSourceWithBody(ex: Executor, id: number) {
  const rows = await ex
    .select({ ...sourceFields, body: sources.body })
    .from(sources)
    .where(eq(sources.id, id))
    .limit(1);
  return rows[0];
}

/** One stored version of a source's text (versions never change once stored). */
export async function findSourceText(ex: Executor, sourceId: number, version: number | null) {
  const rows = await ex
    .select({ version: sourceVersions.version, body: sourceVersions.body, language: sources.language })
    .from(sourceVersions)
    .innerJoin(sources, eq(sources.id, sourceVersions.sourceId))
    .where(and(eq(sourceVersions.sourceId, sourceId), version === null ? eq(sourceVersions.version, sources.version) : eq(sourceVersions.version, version)))
    .limit(1);
  return rows[0];
}

const readerLink = or(eq(claimLinks.origin, 'editor'), isNotNull(claimLinks.acceptedAt));

/** Links readers can see (made or accepted by an editor), retracted ones included and marked. */
export function listLinksAfter(ex: Executor, afterId: number, limit: number) {
  return ex
    .select({
      id: claimLinks.id,
      fromClaimId: claimLinks.fromClaimId,
      toClaimId: claimLinks.toClaimId,
      kind: claimLinks.kind,
      createdAt: claimLinks.createdAt,
      acceptedAt: claimLinks.acceptedAt,
      deprecatedAt: claimLinks.deprecatedAt,
      deprecatedReason: claimLinks.deprecatedReason,
    })
    .from(claimLinks)
    .where(and(gt(claimLinks.id, afterId), readerLink))
    .orderBy(asc(claimLinks.id))
    .limit(limit);
}

/** Published (approved) reviews after a cursor, with their evidence. */
export async function listReviewsAfter(ex: Executor, afterId: number, limit: number) {
  const rows = await ex
    .select({
      id: reviews.id,
      claimId: reviews.claimId,
      status: reviews.status,
      statusLabel: statuses.label,
      isVerdict: statuses.isVerdict,
      rationale: reviews.rationale,
      createdAt: reviews.createdAt,
      approvedAt: reviews.approvedAt,
    })
    .from(reviews)
    .innerJoin(statuses, eq(statuses.key, reviews.status))
    .where(and(gt(reviews.id, afterId), isNotNull(reviews.approvedAt)))
    .orderBy(asc(reviews.id))
    .limit(limit);
  const evidence = rows.length
    ? await ex
        .select({ reviewId: reviewEvidence.reviewId, url: reviewEvidence.url, sourceId: reviewEvidence.sourceId, note: reviewEvidence.note })
        .from(reviewEvidence)
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

/** Mentions as Web Annotations need: the anchor, its source and claim, and the version it points into. */
export function listAnnotationRows(ex: Executor, where: { claimId: number } | { sourceId: number } | { mentionId: number }) {
  return ex
    .select({
      id: mentions.id,
      claimId: mentions.claimId,
      sourceId: mentions.sourceId,
      quote: mentions.quote,
      prefix: mentions.prefix,
      suffix: mentions.suffix,
      start: mentions.start,
      end: mentions.end,
      sourceVersion: mentions.sourceVersion,
      anchorState: mentions.anchorState,
      role: mentions.role,
      stance: mentions.stance,
      language: mentions.language,
      createdAt: mentions.createdAt,
      claimText: claims.text,
      claimLanguage: claims.language,
      claimStatus: claims.publishedStatus,
      sourceUrl: sources.url,
      sourceTitle: sources.title,
      sourceLanguage: sources.language,
    })
    .from(mentions)
    .innerJoin(claims, eq(claims.id, mentions.claimId))
    .innerJoin(sources, eq(sources.id, mentions.sourceId))
    .where(
      and(
        // Retired quotes were taken off their claim by an editor: not published.
        ne(mentions.anchorState, 'retired'),
        'claimId' in where
          ? eq(mentions.claimId, where.claimId)
          : 'sourceId' in where
            ? eq(mentions.sourceId, where.sourceId)
            : eq(mentions.id, where.mentionId),
      ),
    )
    .orderBy(mentions.sourceId, mentions.start, mentions.id);
}

/** The bodies those mentions point into, one per (source, version). */
export function listVersionBodies(ex: Executor, pairs: { sourceId: number; version: number }[]) {
  if (!pairs.length) return Promise.resolve([]);
  return ex
    .select({ sourceId: sourceVersions.sourceId, version: sourceVersions.version, body: sourceVersions.body })
    .from(sourceVersions)
    .where(or(...pairs.map((p) => and(eq(sourceVersions.sourceId, p.sourceId), eq(sourceVersions.version, p.version)))));
}

/** The latest published verdicts (approved reviews with a verdict status), newest first. */
export function listLatestVerdicts(ex: Executor, limit: number) {
  return ex
    .select({
      id: reviews.id,
      claimId: reviews.claimId,
      status: reviews.status,
      statusLabel: statuses.label,
      statusLabelFr: statuses.labelFr,
      rationale: reviews.rationale,
      approvedAt: reviews.approvedAt,
      createdAt: reviews.createdAt,
      claimText: claims.text,
      claimantName: claimant.name,
    })
    .from(reviews)
    .innerJoin(statuses, eq(statuses.key, reviews.status))
    .innerJoin(claims, eq(claims.id, reviews.claimId))
    .leftJoin(claimant, eq(claimant.id, claims.claimantId))
    .where(and(isNotNull(reviews.approvedAt), eq(statuses.isVerdict, true)))
    .orderBy(desc(reviews.approvedAt), desc(reviews.id))
    .limit(limit);
}
