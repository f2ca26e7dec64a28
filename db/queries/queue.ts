import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.ts';
import { claims, entities, statuses, stories, storyClaims, users } from '../schema/index.ts';

export type QueueState = 'open' | 'unreviewed' | 'in_review' | 'awaiting' | 'all';
export type QueueSort = 'worthiness' | 'recent';
export type QueueFilters = {
  storyId?: number;
  claimantId?: number;
  language?: string;
  /** A user id, or 'none' for unassigned claims. */
  assignee?: number | 'none';
  state: QueueState;
  sort: QueueSort;
  /** One claim only (a row redrawn after an inline action). */
  claimId?: number;
};

const claimant = alias(entities, 'claimant');
const assignee = alias(users, 'assignee');

// The latest review of the claim is still waiting for a second editor.
const awaitingApproval = sql<boolean>`exists (
  select 1 from reviews r
  where r.claim_id = ${claims.id} and r.approved_at is null and r.rejected_at is null
    and r.id = (select max(r2.id) from reviews r2 where r2.claim_id = ${claims.id}))`;

const isLive = and(isNull(claims.mergedIntoId), isNull(claims.deprecatedAt));

function stateCondition(state: QueueState): SQL | undefined {
  switch (state) {
    case 'open':
      return sql`(${statuses.isVerdict} = false or ${awaitingApproval})`;
    case 'unreviewed':
    case 'in_review':
      return eq(claims.status, state);
    case 'awaiting':
      return awaitingApproval;
    case 'all':
      return undefined;
  }
}

/**
 * Claims waiting for editors, most check-worthy and most recent first, with what a row
 * shows (claimant, stories, assignee) in one query.
 */
export function listQueue(ex: Executor, filters: QueueFilters, limit = 200) {
  const conditions = [
    isLive,
    stateCondition(filters.state),
    filters.storyId ? sql`${claims.id} in (select ${storyClaims.claimId} from ${storyClaims} where ${storyClaims.storyId} = ${filters.storyId})` : undefined,
    filters.claimantId ? eq(claims.claimantId, filters.claimantId) : undefined,
    filters.language ? eq(claims.language, filters.language) : undefined,
    filters.claimId ? eq(claims.id, filters.claimId) : undefined,
    filters.assignee === 'none' ? isNull(claims.assigneeId) : filters.assignee ? eq(claims.assigneeId, filters.assignee) : undefined,
  ];
  const recency = [sql`${claims.claimedOn} desc nulls last`, desc(claims.createdAt)];
  return ex
    .select({
      id: claims.id,
      text: claims.text,
      language: claims.language,
      version: claims.version,
      status: claims.status,
      statusLabel: statuses.label,
      statusLabelFr: statuses.labelFr,
      isVerdict: statuses.isVerdict,
      publishedStatus: claims.publishedStatus,
      checkworthiness: claims.checkworthiness,
      claimedOn: claims.claimedOn,
      claimedOnPrecision: claims.claimedOnPrecision,
      createdAt: claims.createdAt,
      claimantName: claimant.name,
      claimantSlug: claimant.slug,
      assigneeId: claims.assigneeId,
      assigneeName: assignee.name,
      awaitingApproval,
      storyTitles: sql<string[]>`coalesce((select array_agg(s.title order by s.title) from ${storyClaims} sc join ${stories} s on s.id = sc.story_id where sc.claim_id = ${claims.id}), '{}')`,
    })
    .from(claims)
    .innerJoin(statuses, eq(statuses.key, claims.status))
    .leftJoin(claimant, eq(claimant.id, claims.claimantId))
    .leftJoin(assignee, eq(assignee.id, claims.assigneeId))
    .where(and(...conditions))
    .orderBy(
      ...(filters.sort === 'recent' ? recency : [sql`${claims.checkworthiness} desc nulls last`, ...recency]),
      asc(claims.id),
    )
    .limit(limit);
}

export type QueueRow = Awaited<ReturnType<typeof listQueue>>[number];

/** What the filters offer: stories, claimants and languages of live claims. */
export async function listQueueFacets(ex: Executor) {
  const [storyRows, claimantRows, languageRows] = await Promise.all([
    ex.select({ id: stories.id, title: stories.title }).from(stories).orderBy(stories.title),
    ex
      .selectDistinct({ id: claimant.id, name: claimant.name })
      .from(claims)
      .innerJoin(claimant, eq(claimant.id, claims.claimantId))
      .where(isLive)
      .orderBy(claimant.name),
    ex
      .selectDistinct({ language: claims.language })
      .from(claims)
      .where(and(isLive, sql`${claims.language} is not null`))
      .orderBy(claims.language),
  ]);
  return { stories: storyRows, claimants: claimantRows, languages: languageRows.map((r) => r.language!) };
}
