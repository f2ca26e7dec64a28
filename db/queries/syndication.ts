import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { sources } from '../schema/index.ts';

export type SourceSyndication = Pick<
  typeof sources.$inferSelect,
  'agency' | 'syndicatedFromId' | 'syndicationSetBy' | 'syndicationNote' | 'shingleBands'
>;

export async function updateSourceSyndication(ex: Executor, id: number, patch: Partial<SourceSyndication>): Promise<void> {
  await ex
    .update(sources)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(sources.id, id));
}

const candidateFields = {
  id: sources.id,
  title: sources.title,
  publisher: sources.publisher,
  language: sources.language,
  publishedOn: sources.publishedOn,
  agency: sources.agency,
  syndicatedFromId: sources.syndicatedFromId,
  syndicationSetBy: sources.syndicationSetBy,
  body: sources.body,
  clutter: sources.clutter,
};

/** Sources sharing at least one MinHash band with `bands` (GIN index on shingle_bands). */
export function listBandNeighbours(ex: Executor, sourceId: number, bands: string[], limit: number) {
  if (!bands.length) return Promise.resolve([]);
  return ex
    .select(candidateFields)
    .from(sources)
    .where(
      and(
        ne(sources.id, sourceId),
        sql`${sources.shingleBands} && array[${sql.join(
          bands.map((b) => sql`${b}`),
          sql`, `,
        )}]::text[]`,
      ),
    )
    .limit(limit);
}

/** Other sources carrying at least `min` of the same claims as this one, most shared first. */
export async function listSourcesSharingClaims(ex: Executor, sourceId: number, min: number, limit: number) {
  const result = await ex.execute<{ source_id: number; shared: number }>(sql`
    select m2.source_id, count(distinct m2.claim_id)::int as shared
    from mentions m1
    join mentions m2 on m2.claim_id = m1.claim_id and m2.source_id <> m1.source_id
    where m1.source_id = ${sourceId}
      and m1.anchor_state = 'anchored' and m2.anchor_state = 'anchored'
      and m1.role <> 'evidence' and m2.role <> 'evidence'
    group by m2.source_id
    having count(distinct m2.claim_id) >= ${min}
    order by shared desc, m2.source_id
    limit ${limit}`);
  const rows = (result as unknown as { rows: { source_id: number; shared: number }[] }).rows;
  if (!rows.length) return [];
  const found = await ex.select(candidateFields).from(sources).where(inArray(sources.id, rows.map((r) => Number(r.source_id))));
  return rows.map((r) => ({ ...found.find((s) => s.id === Number(r.source_id))!, shared: Number(r.shared) }));
}

/** The chain of sources a source reprints, nearest first (bounded, and safe against a cycle). */
export async function listSyndicationChain(ex: Executor, sourceId: number): Promise<{ id: number; agency: string | null }[]> {
  const result = await ex.execute<{ id: number; agency: string | null }>(sql`
    with recursive chain(id, agency, next, depth) as (
      select s.id, s.agency, s.syndicated_from_id, 0 from sources s where s.id = ${sourceId}
      union all
      select s.id, s.agency, s.syndicated_from_id, c.depth + 1 from chain c join sources s on s.id = c.next
      where c.depth < 20
    )
    select id, agency from chain where depth > 0 order by depth`);
  return (result as unknown as { rows: { id: number; agency: string | null }[] }).rows.map((r) => ({ id: Number(r.id), agency: r.agency }));
}

/** The distinct sources a set of claims appears in, with what grouping reprints needs. */
export function listSourcesForGrouping(ex: Executor, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return ex
    .select({
      id: sources.id,
      title: sources.title,
      publisher: sources.publisher,
      publishedOn: sources.publishedOn,
      agency: sources.agency,
      syndicatedFromId: sources.syndicatedFromId,
    })
    .from(sources)
    .where(inArray(sources.id, ids));
}
