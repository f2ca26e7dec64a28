import { eq } from 'drizzle-orm';
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
