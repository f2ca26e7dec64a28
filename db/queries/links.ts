import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.ts';
import { claimLinks, claims, entities, statuses, users, type LinkKind, type LinkOrigin } from '../schema/index.ts';

export type LinkRow = typeof claimLinks.$inferSelect;

export async function findLink(ex: Executor, id: number): Promise<LinkRow | undefined> {
  const rows = await ex.select().from(claimLinks).where(eq(claimLinks.id, id)).limit(1);
  return rows[0];
}

/** Every link between one claim and any of `others`, in either direction, retracted ones included. */
export function listLinksBetween(ex: Executor, claimId: number, others: number[]) {
  if (!others.length) return Promise.resolve([] as LinkRow[]);
  return ex
    .select()
    .from(claimLinks)
    .where(
      or(
        and(eq(claimLinks.fromClaimId, claimId), inArray(claimLinks.toClaimId, others)),
        and(eq(claimLinks.toClaimId, claimId), inArray(claimLinks.fromClaimId, others)),
      ),
    );
}

export async function insertLink(
  ex: Executor,
  link: {
    fromClaimId: number;
    toClaimId: number;
    kind: LinkKind;
    origin: LinkOrigin;
    note?: string | null;
    createdById: number | null;
    acceptedById?: number | null;
    acceptedAt?: Date | null;
  },
): Promise<LinkRow> {
  const [row] = await ex.insert(claimLinks).values(link).returning();
  return row!;
}

/**
 * Saves a change to a link if nobody changed it since `version` was read; undefined when
 * the link moved on (the caller answers with a Conflict).
 */
export async function updateLink(
  ex: Executor,
  id: number,
  version: number,
  patch: Partial<Omit<LinkRow, 'id' | 'version' | 'createdAt' | 'createdById'>>,
): Promise<LinkRow | undefined> {
  const [row] = await ex
    .update(claimLinks)
    .set({ ...patch, version: sql`${claimLinks.version} + 1`, updatedAt: new Date() })
    .where(and(eq(claimLinks.id, id), eq(claimLinks.version, version)))
    .returning();
  return row;
}

const other = alias(claims, 'other');
const otherClaimant = alias(entities, 'other_claimant');
const creator = alias(users, 'creator');
const accepter = alias(users, 'accepter');
const deprecator = alias(users, 'deprecator');

/**
 * The links of a claim with the claim at the other end, for the claim page and its editors.
 * Readers get accepted, live links only; editors also proposals and retracted links.
 */
export function listLinksForClaimPage(
  ex: Executor,
  claimId: number,
  { includeProposals = false, includeDeprecated = false } = {},
) {
  const accepted = or(eq(claimLinks.origin, 'editor'), sql`${claimLinks.acceptedAt} is not null`);
  return ex
    .select({
      id: claimLinks.id,
      fromClaimId: claimLinks.fromClaimId,
      toClaimId: claimLinks.toClaimId,
      kind: claimLinks.kind,
      origin: claimLinks.origin,
      note: claimLinks.note,
      version: claimLinks.version,
      createdAt: claimLinks.createdAt,
      acceptedAt: claimLinks.acceptedAt,
      deprecatedAt: claimLinks.deprecatedAt,
      deprecatedReason: claimLinks.deprecatedReason,
      createdByName: creator.name,
      acceptedByName: accepter.name,
      deprecatedByName: deprecator.name,
      otherId: other.id,
      otherText: other.text,
      otherLanguage: other.language,
      otherClaimedOn: other.claimedOn,
      otherClaimedOnPrecision: other.claimedOnPrecision,
      otherStatus: other.publishedStatus,
      otherStatusLabel: statuses.label,
      otherStatusLabelFr: statuses.labelFr,
      otherClaimantName: otherClaimant.name,
      otherClaimantSlug: otherClaimant.slug,
      otherMergedIntoId: other.mergedIntoId,
      otherDeprecatedAt: other.deprecatedAt,
    })
    .from(claimLinks)
    .innerJoin(
      other,
      sql`${other.id} = case when ${claimLinks.fromClaimId} = ${claimId} then ${claimLinks.toClaimId} else ${claimLinks.fromClaimId} end`,
    )
    .innerJoin(statuses, eq(statuses.key, other.publishedStatus))
    .leftJoin(otherClaimant, eq(otherClaimant.id, other.claimantId))
    .leftJoin(creator, eq(creator.id, claimLinks.createdById))
    .leftJoin(accepter, eq(accepter.id, claimLinks.acceptedById))
    .leftJoin(deprecator, eq(deprecator.id, claimLinks.deprecatedById))
    .where(
      and(
        or(eq(claimLinks.fromClaimId, claimId), eq(claimLinks.toClaimId, claimId)),
        includeDeprecated ? undefined : isNull(claimLinks.deprecatedAt),
        includeProposals ? undefined : accepted,
      ),
    )
    .orderBy(claimLinks.kind, claimLinks.id);
}

export type ClaimPageLink = Awaited<ReturnType<typeof listLinksForClaimPage>>[number];

const live = and(isNull(claims.mergedIntoId), isNull(claims.deprecatedAt));

/**
 * Claims a new link of `claimId` may point at: those in the same sources, the same stories,
 * and those sharing its claimant or subjects (nearest in date first, at most `limit`).
 * Each part is an indexed lookup; nothing scans every claim.
 */
export async function listRelatedClaimIds(
  ex: Executor,
  claim: { id: number; claimantId: number | null; claimedOn: string | null },
  limit: number,
): Promise<number[]> {
  const id = claim.id;
  const sameSources = () => ex.execute<{ claim_id: number }>(sql`
    select distinct m2.claim_id from mentions m1
    join mentions m2 on m2.source_id = m1.source_id and m2.claim_id <> m1.claim_id
    join claims c on c.id = m2.claim_id and c.merged_into_id is null and c.deprecated_at is null
    where m1.claim_id = ${id} and m1.anchor_state = 'anchored' and m2.anchor_state = 'anchored'
    limit ${limit * 2}`);
  const sameStories = () => ex.execute<{ claim_id: number }>(sql`
    select distinct s2.claim_id from story_claims s1
    join story_claims s2 on s2.story_id = s1.story_id and s2.claim_id <> s1.claim_id
    join claims c on c.id = s2.claim_id and c.merged_into_id is null and c.deprecated_at is null
    where s1.claim_id = ${id}
    limit ${limit}`);
  // Entities the claim involves: its claimant and its subjects. Claims by them or about them.
  const sharedEntities = () => ex.execute<{ claim_id: number }>(sql`
    with mine as (
      select entity_id from claim_subjects where claim_id = ${id}
      union select claimant_id from claims where id = ${id} and claimant_id is not null
    ), theirs as (
      select c.id from claims c where c.claimant_id in (select entity_id from mine)
      union select cs.claim_id from claim_subjects cs where cs.entity_id in (select entity_id from mine)
    )
    select c.id as claim_id from claims c join theirs t on t.id = c.id
    where c.id <> ${id} and c.merged_into_id is null and c.deprecated_at is null
    order by abs(coalesce(c.claimed_on, ${claim.claimedOn}::date, current_date) - coalesce(${claim.claimedOn}::date, current_date)), c.id desc
    limit ${limit}`);
  // One after the other: this runs inside a transaction, whose connection takes one query at a time.
  const rows: { claim_id: number }[] = [];
  for (const part of [sameSources, sameStories, sharedEntities]) rows.push(...((await part()) as unknown as { rows: { claim_id: number }[] }).rows);
  return [...new Set(rows.map((r) => Number(r.claim_id)))];
}

/** What link suggestion needs of each claim: wording, claimant, date, subjects. */
export async function listClaimsForFeatures(ex: Executor, ids: number[]) {
  if (!ids.length) return [];
  const rows = await ex
    .select({
      id: claims.id,
      text: claims.text,
      language: claims.language,
      claimantId: claims.claimantId,
      claimantSlug: entities.slug,
      claimedOn: claims.claimedOn,
      subjectSlugs: sql<string[]>`coalesce((select array_agg(e.slug order by e.slug) from claim_subjects cs join entities e on e.id = cs.entity_id where cs.claim_id = ${claims.id}), '{}')`,
    })
    .from(claims)
    .leftJoin(entities, eq(entities.id, claims.claimantId))
    .where(and(inArray(claims.id, ids), live));
  return rows.map((r) => ({ ...r, subjectSlugs: r.subjectSlugs ?? [] }));
}
