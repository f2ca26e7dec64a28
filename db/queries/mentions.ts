import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { claims, entities, entityAliases, mentions, sources, type AnchorState } from '../schema/index.ts';

export type MentionRow = typeof mentions.$inferSelect;

export async function findMention(ex: Executor, id: number): Promise<MentionRow | undefined> {
  const rows = await ex.select().from(mentions).where(eq(mentions.id, id)).limit(1);
  return rows[0];
}

export async function findMentionForUpdate(ex: Executor, id: number): Promise<MentionRow | undefined> {
  const rows = await ex.select().from(mentions).where(eq(mentions.id, id)).limit(1).for('update');
  return rows[0];
}

/** Anchored mentions of some claims, in reading order within each source. */
export function listAnchoredMentionsOfClaims(ex: Executor, claimIds: number[]) {
  if (!claimIds.length) return Promise.resolve([]);
  return ex
    .select({
      id: mentions.id,
      claimId: mentions.claimId,
      sourceId: mentions.sourceId,
      start: mentions.start,
      end: mentions.end,
      stance: mentions.stance,
      role: mentions.role,
      publishedOn: sources.publishedOn,
    })
    .from(mentions)
    .innerJoin(sources, eq(sources.id, mentions.sourceId))
    .where(and(inArray(mentions.claimId, claimIds), eq(mentions.anchorState, 'anchored')))
    .orderBy(sql`${sources.publishedOn} asc nulls last`, mentions.sourceId, mentions.start);
}

/** Every mention of a source with a given anchor state (all of them without one). */
export function listMentionsOfSource(ex: Executor, sourceId: number, state?: AnchorState) {
  return ex
    .select()
    .from(mentions)
    .where(and(eq(mentions.sourceId, sourceId), state ? eq(mentions.anchorState, state) : undefined))
    .orderBy(asc(mentions.start), asc(mentions.id));
}

export function listSourceBodies(ex: Executor, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return ex
    .select({
      id: sources.id,
      body: sources.body,
      bodyHash: sources.bodyHash,
      language: sources.language,
      publishedOn: sources.publishedOn,
    })
    .from(sources)
    .where(inArray(sources.id, ids));
}

/** Entity slugs by normalized alias, for matching the analysis' names to stored entities. */
export async function findEntitySlugsByAliases(ex: Executor, normalized: string[]): Promise<Map<string, string>> {
  if (!normalized.length) return new Map();
  const rows = await ex
    .select({ normalized: entityAliases.normalized, slug: entities.slug })
    .from(entityAliases)
    .innerJoin(entities, eq(entities.id, entityAliases.entityId))
    .where(inArray(entityAliases.normalized, [...new Set(normalized)]))
    .orderBy(entityAliases.entityId);
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(r.normalized)) out.set(r.normalized, r.slug);
  return out;
}

export async function updateMention(
  ex: Executor,
  id: number,
  patch: Partial<Pick<MentionRow, 'claimId' | 'quote' | 'prefix' | 'suffix' | 'start' | 'end' | 'sourceVersion' | 'anchorState' | 'role' | 'stance'>>,
): Promise<MentionRow | undefined> {
  const [row] = await ex.update(mentions).set(patch).where(eq(mentions.id, id)).returning();
  return row;
}

export async function insertMention(ex: Executor, mention: typeof mentions.$inferInsert): Promise<MentionRow> {
  const [row] = await ex.insert(mentions).values(mention).returning();
  return row!;
}

/** The claim ids of a source's mentions in reading order, one entry per claim (its first mention). */
export async function listClaimOrderInSource(ex: Executor, sourceId: number): Promise<number[]> {
  const rows = await ex
    .select({ claimId: mentions.claimId, start: mentions.start })
    .from(mentions)
    .innerJoin(claims, eq(claims.id, mentions.claimId))
    .where(and(eq(mentions.sourceId, sourceId), eq(mentions.anchorState, 'anchored'), sql`${mentions.role} <> 'evidence'`))
    .orderBy(mentions.start, mentions.id);
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(r.claimId) && seen.add(r.claimId)).map((r) => r.claimId);
}
