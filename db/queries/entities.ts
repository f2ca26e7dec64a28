import { and, eq, inArray, like, notLike, or, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { entities, entityAliases } from '../schema/index.ts';

export async function findEntityBySlug(ex: Executor, slug: string) {
  const rows = await ex.select().from(entities).where(eq(entities.slug, slug)).limit(1);
  return rows[0];
}

export function listAliasesOfEntity(ex: Executor, entityId: number) {
  return ex
    .selectDistinct({ alias: entityAliases.alias, language: entityAliases.language })
    .from(entityAliases)
    // Spelling keys ("~…") are for lookups only; their alias text repeats a readable alias.
    .where(and(eq(entityAliases.entityId, entityId), notLike(entityAliases.normalized, '~%')))
    .orderBy(entityAliases.alias);
}

/** The entity an editor means by a typed name: its canonical name or one of its aliases. */
export async function findEntityByName(ex: Executor, name: string, normalized: string) {
  const rows = await ex
    .select({ id: entities.id, name: entities.name })
    .from(entities)
    .where(
      or(
        sql`lower(${entities.name}) = ${name.trim().toLowerCase()}`,
        sql`${entities.id} in (select ${entityAliases.entityId} from ${entityAliases} where ${entityAliases.normalized} = ${normalized})`,
      ),
    )
    .orderBy(sql`lower(${entities.name}) = ${name.trim().toLowerCase()} desc`, entities.id)
    .limit(1);
  return rows[0];
}

/** Names for the claimant field's suggestions. */
export function listEntityNames(ex: Executor, limit = 2000) {
  return ex.select({ id: entities.id, name: entities.name, kind: entities.kind }).from(entities).orderBy(entities.name).limit(limit);
}

/** Entities known under any of the given normalised aliases (or as that canonical name). */
export function findEntitiesByAliases(ex: Executor, normalized: string[]) {
  if (!normalized.length) return Promise.resolve([]);
  return ex
    .selectDistinct({ id: entities.id, name: entities.name, slug: entities.slug, kind: entities.kind, normalized: entityAliases.normalized })
    .from(entityAliases)
    .innerJoin(entities, eq(entities.id, entityAliases.entityId))
    .where(inArray(entityAliases.normalized, normalized))
    .orderBy(entities.id);
}

export function listEntitiesByIds(ex: Executor, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return ex.select({ id: entities.id, name: entities.name, slug: entities.slug }).from(entities).where(inArray(entities.id, ids));
}

export async function slugsTaken(ex: Executor, prefix: string): Promise<Set<string>> {
  const rows = await ex
    .select({ slug: entities.slug })
    .from(entities)
    .where(or(eq(entities.slug, prefix), like(entities.slug, `${prefix}-%`)));
  return new Set(rows.map((r) => r.slug));
}

export async function insertEntity(ex: Executor, values: typeof entities.$inferInsert) {
  const [row] = await ex.insert(entities).values(values).returning();
  return row!;
}

export async function insertAliases(ex: Executor, rows: (typeof entityAliases.$inferInsert)[]) {
  if (rows.length) await ex.insert(entityAliases).values(rows).onConflictDoNothing();
}
