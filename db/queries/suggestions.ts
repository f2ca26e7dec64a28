import { and, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { claims, suggestions } from '../schema/index.ts';

export type SuggestionRow = typeof suggestions.$inferSelect;
export type NewSuggestion = typeof suggestions.$inferInsert;

/** Adds suggestions; one already known by its fingerprint (accepted, dismissed or pending) is left as it is. */
export async function insertSuggestions(ex: Executor, rows: NewSuggestion[]): Promise<number> {
  if (!rows.length) return 0;
  const inserted = await ex.insert(suggestions).values(rows).onConflictDoNothing().returning({ id: suggestions.id });
  return inserted.length;
}

/** A source's suggestions, most check-worthy first, with the claim an accepted one became. */
export function listSuggestionsOfSource(ex: Executor, sourceId: number) {
  return ex
    .select({
      id: suggestions.id,
      start: suggestions.start,
      end: suggestions.end,
      quote: suggestions.quote,
      text: suggestions.text,
      speakerName: suggestions.speakerName,
      stance: suggestions.stance,
      claimedOn: suggestions.claimedOn,
      claimedOnPrecision: suggestions.claimedOnPrecision,
      checkworthiness: suggestions.checkworthiness,
      state: suggestions.state,
      claimId: suggestions.claimId,
      claimText: claims.text,
      fingerprint: suggestions.fingerprint,
    })
    .from(suggestions)
    .leftJoin(claims, eq(claims.id, suggestions.claimId))
    .where(eq(suggestions.sourceId, sourceId))
    .orderBy(desc(suggestions.checkworthiness), suggestions.start, suggestions.id);
}

export async function findSuggestion(ex: Executor, id: number, { lock = false } = {}): Promise<SuggestionRow | undefined> {
  const query = ex.select().from(suggestions).where(eq(suggestions.id, id)).limit(1);
  const rows = lock ? await query.for('update') : await query;
  return rows[0];
}

export async function updateSuggestion(ex: Executor, id: number, patch: Partial<NewSuggestion>): Promise<void> {
  await ex.update(suggestions).set(patch).where(eq(suggestions.id, id));
}

/** Pending suggestions the new analysis no longer makes; decided ones are history and stay. */
export async function deleteStalePendingSuggestions(ex: Executor, sourceId: number, keep: string[]): Promise<number> {
  const rows = await ex
    .delete(suggestions)
    .where(
      and(
        eq(suggestions.sourceId, sourceId),
        eq(suggestions.state, 'pending'),
        sql`${suggestions.fingerprint} not like 'editor:%'`,
        keep.length ? notInArray(suggestions.fingerprint, keep) : undefined,
      ),
    )
    .returning({ id: suggestions.id });
  return rows.length;
}

/** Refreshes the analysis' findings on suggestions still pending (offsets, wording, score). */
export async function refreshPendingSuggestion(ex: Executor, sourceId: number, row: NewSuggestion): Promise<void> {
  await ex
    .update(suggestions)
    .set({
      start: row.start,
      end: row.end,
      quote: row.quote,
      text: row.text,
      speakerName: row.speakerName,
      stance: row.stance,
      claimedOn: row.claimedOn,
      claimedOnPrecision: row.claimedOnPrecision,
      checkworthiness: row.checkworthiness,
      analysis: row.analysis,
      sourceVersion: row.sourceVersion,
    })
    .where(and(eq(suggestions.sourceId, sourceId), eq(suggestions.fingerprint, row.fingerprint), eq(suggestions.state, 'pending')));
}

export async function countSuggestionsByState(ex: Executor, sourceIds: number[]) {
  if (!sourceIds.length) return [];
  return ex
    .select({ sourceId: suggestions.sourceId, state: suggestions.state, n: sql<number>`count(*)::int` })
    .from(suggestions)
    .where(inArray(suggestions.sourceId, sourceIds))
    .groupBy(suggestions.sourceId, suggestions.state);
}

export async function findSuggestionByFingerprint(ex: Executor, sourceId: number, fingerprint: string) {
  const rows = await ex
    .select({ id: suggestions.id, state: suggestions.state })
    .from(suggestions)
    .where(and(eq(suggestions.sourceId, sourceId), eq(suggestions.fingerprint, fingerprint)))
    .limit(1);
  return rows[0];
}
