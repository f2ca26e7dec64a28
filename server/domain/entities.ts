import type { Executor } from '../../db/client.ts';
import { listClaimsOfEntity, listLinksAmong } from '../../db/queries/claims.ts';
import { findEntityBySlug, listAliasesOfEntity } from '../../db/queries/entities.ts';
import { NotFound } from '../errors.ts';
import { isLinkVisible } from './asof.ts';
import { byClaimDate, claimantChart, groupByClaimant, statusLegend } from './stories.ts';

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

/** A person's or organisation's page: every claim made by or about them, on one time axis. */
export async function getEntityPage(ex: Executor, slug: string) {
  const entity = await findEntityBySlug(ex, slug);
  if (!entity) throw new NotFound(`There is no entity "${slug}".`);
  const [aliases, claims] = await Promise.all([listAliasesOfEntity(ex, entity.id), listClaimsOfEntity(ex, entity.id, 500)]);
  const links = (await listLinksAmong(ex, claims.map((c) => c.id))).filter((l) => isLinkVisible(l));
  const groups = groupByClaimant(claims, links, entity.id);
  const chronological = [...claims].sort(byClaimDate);
  return {
    entity,
    aliases: aliases.filter((a) => a.alias !== entity.name),
    claimsBy: chronological.filter((c) => c.claimantId === entity.id),
    claimsAbout: chronological.filter((c) => c.claimantId !== entity.id),
    groups,
    chart: claimantChart(groups, links),
    legend: statusLegend(claims),
  };
}
