import { and, desc, eq, ne } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { sources, sourceVersions, suggestions, users, type ClutterRange } from '../schema/index.ts';

export async function insertSourceVersion(
  ex: Executor,
  version: {
    sourceId: number;
    version: number;
    body: string;
    bodyHash: string;
    clutter: ClutterRange[];
    note: string | null;
    fetchedFrom: string | null;
    createdById: number | null;
  },
): Promise<void> {
  await ex.insert(sourceVersions).values(version);
}

/** The stored versions of a body, newest first, without the bodies. */
export function listSourceVersions(ex: Executor, sourceId: number) {
  return ex
    .select({
      version: sourceVersions.version,
      note: sourceVersions.note,
      fetchedFrom: sourceVersions.fetchedFrom,
      createdAt: sourceVersions.createdAt,
      byName: users.name,
    })
    .from(sourceVersions)
    .leftJoin(users, eq(users.id, sourceVersions.createdById))
    .where(eq(sourceVersions.sourceId, sourceId))
    .orderBy(desc(sourceVersions.version));
}

export async function hasSourceVersion(ex: Executor, sourceId: number, version: number): Promise<boolean> {
  const rows = await ex
    .select({ id: sourceVersions.id })
    .from(sourceVersions)
    .where(and(eq(sourceVersions.sourceId, sourceId), eq(sourceVersions.version, version)))
    .limit(1);
  return rows.length > 0;
}

/** Another source already holding exactly this body (bodies are unique by hash). */
export async function findOtherSourceByHash(ex: Executor, sourceId: number, bodyHash: string) {
  const rows = await ex
    .select({ id: sources.id, title: sources.title })
    .from(sources)
    .where(and(eq(sources.bodyHash, bodyHash), ne(sources.id, sourceId)))
    .limit(1);
  return rows[0];
}

export async function updateSourceBody(
  ex: Executor,
  id: number,
  patch: { body: string; bodyHash: string; version: number; clutter: ClutterRange[]; shingleBands: string[] },
): Promise<void> {
  await ex
    .update(sources)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(sources.id, id));
}

export function listPendingSuggestionsOfSource(ex: Executor, sourceId: number) {
  return ex
    .select({ id: suggestions.id, start: suggestions.start, end: suggestions.end, quote: suggestions.quote, analysis: suggestions.analysis })
    .from(suggestions)
    .where(and(eq(suggestions.sourceId, sourceId), eq(suggestions.state, 'pending')));
}

export async function updateSuggestion(
  ex: Executor,
  id: number,
  patch: Partial<Pick<typeof suggestions.$inferSelect, 'start' | 'end' | 'quote' | 'sourceVersion' | 'state' | 'decidedAt' | 'analysis'>>,
): Promise<void> {
  await ex.update(suggestions).set(patch).where(eq(suggestions.id, id));
}
