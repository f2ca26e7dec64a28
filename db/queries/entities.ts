import { eq, or, sql } from 'drizzle-orm';
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
