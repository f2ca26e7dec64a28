import type { Executor } from '../../db/client.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { listClaimsOfEntity, listLinksAmong } from '../../db/queries/claims.ts';
import { findEntitiesByAliases, findEntityBySlug, insertAliases, insertEntity, listAliasesOfEntity, slugsTaken } from '../../db/queries/entities.ts';
import { entityKinds, type EntityKind } from '../../db/schema/index.ts';
import { nameKeys } from '../analysis/index.ts';
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

/**
 * Spelling keys of a name, stored as aliases beside its normalised form: a name seen first in
 * French is found again when an English article spells it the English way. The "~" keeps
 * them apart from the aliases editors read.
 */
export function spellingKeys(name: string): string[] {
  // One-word names are too ambiguous to fold ("Lavrov" is safe, but "Ma" or "Li" are not).
  if (name.trim().split(/\s+/).length < 2) return [];
  return nameKeys(name).map((k) => `~${k}`);
}

/** Every form a name is looked up by: normalised first, then its spelling keys. */
export function lookupForms(name: string): string[] {
  const plain = normalizeAlias(name);
  return plain ? [plain, ...spellingKeys(name)] : [];
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

/** A person or organisation as the analysis (or an editor) names it. */
export type EntityLike = { name: string; key?: string | null; kind?: string | null; aliases?: string[] };

/** Analysis keys that name no entity of their own ("role:president:US" is whoever holds the office). */
const isEntityKey = (key: string | null | undefined) => !key || !key.startsWith('role:');

function kindOf(ref: EntityLike): EntityKind {
  if (ref.key?.startsWith('country:')) return 'place';
  return (entityKinds as readonly string[]).includes(ref.kind ?? '') ? (ref.kind as EntityKind) : 'person';
}

export function slugify(name: string): string {
  return (
    normalizeAlias(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'entity'
  );
}

/**
 * The entity each reference stands for, matched on normalised aliases (its canonical name first).
 * With `create`, one not known yet is created with its name and short aliases (long descriptions
 * such as "the head of Russian diplomacy Sergey Lavrov" are not names). Returns ref index → id.
 */
export async function resolveEntities(
  ex: Executor,
  refs: EntityLike[],
  { create, userId }: { create: boolean; userId?: number | null },
): Promise<Map<number, number>> {
  const wanted = refs.map((ref) => {
    if (!isEntityKey(ref.key)) return [];
    const names = [ref.name, ...(ref.aliases ?? [])];
    // Exact forms of every name before any spelling key, so an exact match always wins.
    return [...names.map(normalizeAlias), ...names.flatMap(spellingKeys)].filter(Boolean);
  });
  const rows = await findEntitiesByAliases(ex, [...new Set(wanted.flat())]);
  const byAlias = new Map<string, number>();
  for (const r of rows) if (!byAlias.has(r.normalized)) byAlias.set(r.normalized, r.id);
  const ids = new Map<number, number>();
  for (const [i, ref] of refs.entries()) {
    const forms = wanted[i]!;
    const found = forms.map((f) => byAlias.get(f)).find((id) => id !== undefined);
    if (found !== undefined) {
      ids.set(i, found);
      continue;
    }
    if (!create || !forms.length || !ref.name.trim()) continue;
    const base = slugify(ref.name);
    const taken = await slugsTaken(ex, base);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    const entity = await insertEntity(ex, { slug, name: ref.name.trim().slice(0, 200), kind: kindOf(ref) });
    const aliases = [ref.name, ...(ref.aliases ?? []).filter((a) => a.trim().split(/\s+/).length <= 4)];
    await insertAliases(
      ex,
      [...new Map(aliases.flatMap((a) => lookupForms(a).map((form) => [form, a.trim()] as const))).entries()].map(([normalized, alias]) => ({
        entityId: entity.id,
        alias,
        normalized,
      })),
    );
    await recordAudit(ex, { userId: userId ?? null, action: 'entity.create', subjectType: 'entity', subjectId: entity.id, after: { name: entity.name, slug, aliases } });
    for (const f of forms) byAlias.set(f, entity.id);
    ids.set(i, entity.id);
  }
  return ids;
}
