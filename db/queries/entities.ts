import { eq, inArray, like, or } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { entities, entityAliases } from '../schema/index.ts';

export async function findEntityBySlug(ex: Executor, slug: string) {
  const rows = await ex.select().from(entities).where(eq(entities.slug, slug)).limit(1);
  return rows[0];
}

export function listAliasesOfEntity(ex: Executor, entityId: number) {
  return ex
    .select({ alias: entityAliases.alias, language: entityAliases.language })
    .from(entityAliases)
    .where(eq(entityAliases.entityId, entityId))
    .orderBy(entityAliases.alias);
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
