import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { claims, mentions, sources, sourceVersions, statuses, type ClutterRange } from '../schema/index.ts';

export type SourceRow = typeof sources.$inferSelect;

export async function findSource(ex: Executor, id: number): Promise<SourceRow | undefined> {
  const rows = await ex.select().from(sources).where(eq(sources.id, id)).limit(1);
  return rows[0];
}

/** Articles: sources with a body, newest first, with how many claims each carries. */
export function listArticles(ex: Executor, limit: number) {
  return ex
    .select({
      id: sources.id,
      title: sources.title,
      publisher: sources.publisher,
      language: sources.language,
      publishedOn: sources.publishedOn,
      agency: sources.agency,
      // Qualified by hand: in a one-table select drizzle writes bare column names, and inside the
      // subquery a bare "id" would be the mention's own.
      claimCount: sql<number>`(select count(distinct m.claim_id)::int from ${mentions} m where m.source_id = ${sources}.id and m.anchor_state <> 'retired')`,
    })
    .from(sources)
    .where(isNotNull(sources.body))
    .orderBy(sql`${sources.publishedOn} desc nulls last`, desc(sources.id))
    .limit(limit);
}

/** The anchored mentions in a source, with their claim's status, for highlighting. */
export function listMentionsInSource(ex: Executor, sourceId: number) {
  return ex
    .select({
      id: mentions.id,
      claimId: mentions.claimId,
      start: mentions.start,
      end: mentions.end,
      quote: mentions.quote,
      stance: mentions.stance,
      anchorState: mentions.anchorState,
      claimText: claims.text,
      status: claims.publishedStatus,
      statusLabel: statuses.label,
      statusLabelFr: statuses.labelFr,
    })
    .from(mentions)
    .innerJoin(claims, eq(claims.id, mentions.claimId))
    .innerJoin(statuses, eq(statuses.key, claims.publishedStatus))
    .where(eq(mentions.sourceId, sourceId))
    .orderBy(mentions.start, mentions.end);
}

export async function findSourceByHash(ex: Executor, bodyHash: string): Promise<SourceRow | undefined> {
  const rows = await ex.select().from(sources).where(eq(sources.bodyHash, bodyHash)).limit(1);
  return rows[0];
}

export async function findSourceForUpdate(ex: Executor, id: number): Promise<SourceRow | undefined> {
  const rows = await ex.select().from(sources).where(eq(sources.id, id)).limit(1).for('update');
  return rows[0];
}

/** Inserts a source with its first stored version; null when the same body is already stored. */
export async function insertSourceWithBody(ex: Executor, values: typeof sources.$inferInsert & { body: string; bodyHash: string }) {
  const [row] = await ex.insert(sources).values(values).onConflictDoNothing({ target: sources.bodyHash }).returning();
  if (!row) return null;
  await ex.insert(sourceVersions).values({
    sourceId: row.id,
    version: row.version,
    body: values.body,
    bodyHash: values.bodyHash,
    clutter: values.clutter ?? [],
    createdById: values.createdById ?? null,
  });
  return row;
}

export async function updateSourceMetadata(
  ex: Executor,
  id: number,
  patch: Pick<typeof sources.$inferInsert, 'title' | 'publisher' | 'author' | 'url' | 'publishedOn' | 'language'>,
) {
  const [row] = await ex
    .update(sources)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(sources.id, id))
    .returning();
  return row;
}

/** What the analysis found in a body that does not move its offsets: clutter ranges and language. */
export async function setSourceAnalysis(ex: Executor, id: number, values: { clutter: ClutterRange[]; language: string }) {
  await ex.update(sources).set({ ...values, updatedAt: new Date() }).where(eq(sources.id, id));
}

/** The article first imported from a web address, if any. */
export async function findArticleByUrl(ex: Executor, url: string): Promise<SourceRow | undefined> {
  const rows = await ex.select().from(sources).where(and(eq(sources.url, url), isNotNull(sources.body))).orderBy(sources.id).limit(1);
  return rows[0];
}
