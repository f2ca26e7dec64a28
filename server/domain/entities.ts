import type { Executor } from '../../db/client.ts';
import { listClaimsOfEntity } from '../../db/queries/claims.ts';
import { findEntityBySlug, listAliasesOfEntity } from '../../db/queries/entities.ts';
import { NotFound } from '../errors.ts';

/** The form alias lookups compare: lower case, no accents, single spaces. */
export function normalizeAlias(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export async function getEntityPage(ex: Executor, slug: string) {
  const entity = await findEntityBySlug(ex, slug);
  if (!entity) throw new NotFound(`There is no entity "${slug}".`);
  const [aliases, claims] = await Promise.all([listAliasesOfEntity(ex, entity.id), listClaimsOfEntity(ex, entity.id, 200)]);
  return {
    entity,
    aliases: aliases.filter((a) => a.alias !== entity.name),
    claimsBy: claims.filter((c) => c.claimantId === entity.id),
    claimsAbout: claims.filter((c) => c.claimantId !== entity.id),
  };
}
