import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { auditEvents, claims, mentions, sources, sourceVersions, users } from '../schema/index.ts';

/** Orphaned mentions with their claim and source, by source and position; one source or mention when given. */
export function listOrphanedMentions(ex: Executor, only: { sourceId?: number; mentionId?: number } = {}) {
  return ex
    .select({
      id: mentions.id,
      claimId: mentions.claimId,
      sourceId: mentions.sourceId,
      quote: mentions.quote,
      prefix: mentions.prefix,
      suffix: mentions.suffix,
      start: mentions.start,
      sourceVersion: mentions.sourceVersion,
      claimText: claims.text,
      sourceTitle: sources.title,
      sourceVersionNow: sources.version,
      language: sources.language,
    })
    .from(mentions)
    .innerJoin(claims, eq(claims.id, mentions.claimId))
    .innerJoin(sources, eq(sources.id, mentions.sourceId))
    .where(
      and(
        eq(mentions.anchorState, 'orphaned'),
        only.sourceId === undefined ? undefined : eq(mentions.sourceId, only.sourceId),
        only.mentionId === undefined ? undefined : eq(mentions.id, only.mentionId),
      ),
    )
    .orderBy(asc(mentions.sourceId), asc(mentions.start), asc(mentions.id));
}

export async function countOrphanedMentionsOfSource(ex: Executor, sourceId: number): Promise<number> {
  const [row] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(mentions)
    .where(and(eq(mentions.sourceId, sourceId), eq(mentions.anchorState, 'orphaned')));
  return row?.n ?? 0;
}

/** Every stored version of a body with its text, oldest first (a versions page shows each change). */
export function listSourceVersionBodies(ex: Executor, sourceId: number) {
  return ex
    .select({
      version: sourceVersions.version,
      body: sourceVersions.body,
      note: sourceVersions.note,
      fetchedFrom: sourceVersions.fetchedFrom,
      createdAt: sourceVersions.createdAt,
      byName: users.name,
    })
    .from(sourceVersions)
    .leftJoin(users, eq(users.id, sourceVersions.createdById))
    .where(eq(sourceVersions.sourceId, sourceId))
    .orderBy(asc(sourceVersions.version));
}

/** The "source.revise" audit events of a source: what each new version did to its mentions. */
export function listRevisionsOfSource(ex: Executor, sourceId: number) {
  return ex
    .select({ after: auditEvents.after, at: auditEvents.at })
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectType, 'source'), eq(auditEvents.subjectId, sourceId), eq(auditEvents.action, 'source.revise')))
    .orderBy(desc(auditEvents.id));
}

/** Sources that name this one as the report they reprint or translate. */
export function listReprintsOf(ex: Executor, sourceIds: number[]) {
  if (!sourceIds.length) return Promise.resolve([]);
  return ex
    .select({ id: sources.id, title: sources.title, publisher: sources.publisher, language: sources.language, syndicatedFromId: sources.syndicatedFromId })
    .from(sources)
    .where(inArray(sources.syndicatedFromId, sourceIds))
    .orderBy(asc(sources.id));
}

/** Stored bodies of some versions of some sources (the texts orphaned mentions point into). */
export function listVersionBodies(ex: Executor, sourceIds: number[]) {
  if (!sourceIds.length) return Promise.resolve([]);
  return ex
    .select({ sourceId: sourceVersions.sourceId, version: sourceVersions.version, body: sourceVersions.body })
    .from(sourceVersions)
    .where(inArray(sourceVersions.sourceId, sourceIds));
}

export function listCurrentBodies(ex: Executor, sourceIds: number[]) {
  if (!sourceIds.length) return Promise.resolve([]);
  return ex.select({ id: sources.id, body: sources.body }).from(sources).where(inArray(sources.id, sourceIds));
}
