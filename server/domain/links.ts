// Claim links: typed, directed relations between claims (contradicts, supports, confirms,
// responds_to, same_as). The analysis proposes some from stance and attribution; editors
// accept, change or retract them. Nothing is deleted: a retracted link is ranked deprecated
// with a reason, as Wikidata ranks statements.
import { z } from 'zod';
import { analyzeArticle, linkClaims, type ClaimReport, type EntityRef } from '../analysis/index.ts';
import type { Db, Executor } from '../../db/client.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { findClaim } from '../../db/queries/claims.ts';
import {
  findLink,
  insertLink,
  listClaimsForFeatures,
  listLinksBetween,
  listRelatedClaimIds,
  updateLink,
  type LinkRow,
} from '../../db/queries/links.ts';
import {
  findEntitySlugsByAliases,
  listAnchoredMentionsOfClaims,
  listSourceBodies,
} from '../../db/queries/mentions.ts';
import { linkKinds, type LinkKind } from '../../db/schema/index.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';
import { actorId, type Actor } from './actor.ts';
import { lookupForms, normalizeAlias, spellingKeys } from './entities.ts';
import {
  analysedClaimsOf,
  bestOverlap,
  entityKeyOfSlug,
  mentionFeatures,
  refNames,
  type FeatureClaim,
  type FeatureSource,
} from './link-features.ts';
import { refreshSyndicationOfClaim } from './syndication.ts';

// How many related claims one proposal round looks at: enough for a story, bounded for a
// claimant like a head of state with thousands of claims.
const RELATED_LIMIT = 60;
// Sources analysed for claims that share no source with the new claim: one mention each.
const OTHER_SOURCES_LIMIT = 30;

export type ProposedLink = { id: number; fromClaimId: number; toClaimId: number; kind: LinkKind; reason: string };

/**
 * After a claim gains a mention: suggests links (origin 'suggested', not yet accepted) from
 * stance and attribution between it and related claims — those in the same sources and
 * stories, and those by or about the same entities. A denial by the party a claim concerns
 * contradicts it; a confirmation by a third party confirms it; the same statement by another
 * claimant supports it. A pair already linked in any way, retracted links included, gets no
 * new proposal: an editor's decision is never overridden or revived.
 *
 * Also refreshes the syndication of the claim's sources (a translation of wire copy shows as
 * shared claims in the same order). Runs in the caller's transaction.
 */
export async function proposeLinksForClaim(
  tx: Executor,
  user: Actor,
  claimId: number,
): Promise<{ created: ProposedLink[] }> {
  const claim = await findClaim(tx, claimId);
  if (!claim || claim.mergedIntoId || claim.deprecatedAt) return { created: [] };
  await refreshSyndicationOfClaim(tx, user, claimId);

  const related = await listRelatedClaimIds(tx, claim, RELATED_LIMIT);
  if (!related.length) return { created: [] };
  const linkables = await linkableClaims(tx, claimId, related);
  const own = new Set(linkables.filter((l) => l.claimId === claimId).map((l) => l.id));
  if (!own.size) return { created: [] };

  const proposals = new Map<number, { from: number; to: number; kind: LinkKind; reason: string }>();
  for (const l of linkClaims(linkables, claimId)) proposals.set(l.from === claimId ? l.to : l.from, l);
  if (!proposals.size) return { created: [] };

  const existing = await listLinksBetween(tx, claimId, [...proposals.keys()]);
  for (const l of existing) proposals.delete(l.fromClaimId === claimId ? l.toClaimId : l.fromClaimId);

  const created: ProposedLink[] = [];
  for (const p of proposals.values()) {
    const row = await insertLink(tx, {
      fromClaimId: p.from,
      toClaimId: p.to,
      kind: p.kind,
      origin: 'suggested',
      note: p.reason,
      createdById: actorId(user),
    });
    await recordAudit(tx, {
      userId: actorId(user),
      action: 'link.suggest',
      subjectType: 'claim_link',
      subjectId: row.id,
      claimId: row.toClaimId,
      after: linkAudit(row),
    });
    created.push({ id: row.id, fromClaimId: p.from, toClaimId: p.to, kind: p.kind, reason: p.reason });
  }
  return { created };
}

type Linkable = ClaimReport<number>;

/**
 * The new claim's mentions and those of related claims as the analysis sees them. Claims in
 * the same sources keep their position there (a short rebuttal answers the statement just
 * before it); other claims are represented by their earliest mention.
 */
async function linkableClaims(ex: Executor, claimId: number, related: number[]): Promise<Linkable[]> {
  const claimRows = await listClaimsForFeatures(ex, [claimId, ...related]);
  const claims = new Map<number, FeatureClaim>(claimRows.map((c) => [c.id, c]));
  const mentions = (await listAnchoredMentionsOfClaims(ex, [...claims.keys()])).filter((m) => m.role !== 'evidence');
  const ownSources = new Set(mentions.filter((m) => m.claimId === claimId).map((m) => m.sourceId));
  const chosen = mentions.filter((m) => ownSources.has(m.sourceId));
  const represented = new Set(chosen.map((m) => m.claimId));
  const otherSources = new Set<number>();
  for (const m of mentions) {
    if (represented.has(m.claimId)) continue;
    if (!otherSources.has(m.sourceId) && otherSources.size >= OTHER_SOURCES_LIMIT) continue;
    otherSources.add(m.sourceId);
    chosen.push(m);
    represented.add(m.claimId);
  }
  const sources = new Map<number, FeatureSource>();
  for (const s of await listSourceBodies(ex, [...new Set(chosen.map((m) => m.sourceId))])) {
    if (s.body) sources.set(s.id, { ...s, body: s.body });
  }

  const analysed = chosen.flatMap((m) => {
    const source = sources.get(m.sourceId);
    const match = source ? bestOverlap(analysedClaimsOf(source), m.start, m.end) : null;
    return match ? [{ m, match }] : [];
  });
  // Claims with no analysable mention (hand-made, or evidence only) are read from their wording.
  const fromText = [...claims.values()]
    .filter((c) => !analysed.some((a) => a.m.claimId === c.id))
    .flatMap((c) => {
      const [match] = analyzeArticle(c.text, { language: c.language, published: c.claimedOn }).claims;
      return match ? [{ claim: c, match }] : [];
    });

  const refs = [...analysed.map((a) => a.match), ...fromText.map((f) => f.match)].flatMap((c) => c.subjects);
  const known = await findEntitySlugsByAliases(ex, refs.flatMap(refNames).flatMap(lookupForms));
  const entityKey = (ref: EntityRef) => {
    const names = refNames(ref);
    for (const form of [...names.map(normalizeAlias), ...names.flatMap(spellingKeys)]) {
      const slug = known.get(form);
      if (slug) return entityKeyOfSlug(slug);
    }
    return ref.key;
  };

  const order = new Map<number, number>();
  const perSource = new Map<number, number>();
  for (const { m } of [...analysed].sort((a, b) => a.m.sourceId - b.m.sourceId || a.m.start - b.m.start)) {
    const n = perSource.get(m.sourceId) ?? 0;
    order.set(m.id, n);
    perSource.set(m.sourceId, n + 1);
  }
  return [
    ...analysed.map(({ m, match }) => ({
      id: `m${m.id}`,
      claimId: m.claimId,
      source: String(m.sourceId),
      order: order.get(m.id),
      sentence: match.sentence,
      features: mentionFeatures(match, m, claims.get(m.claimId)!, entityKey),
    })),
    ...fromText.map(({ claim, match }) => ({
      id: `c${claim.id}`,
      claimId: claim.id,
      features: mentionFeatures(match, { ...match, id: 0, claimId: claim.id, sourceId: 0 }, claim, entityKey),
    })),
  ];
}

// --- editors' actions

function linkAudit(l: LinkRow) {
  return {
    fromClaimId: l.fromClaimId,
    toClaimId: l.toClaimId,
    kind: l.kind,
    origin: l.origin,
    accepted: Boolean(l.acceptedAt) || l.origin === 'editor',
    deprecatedReason: l.deprecatedReason,
    note: l.note,
  };
}

export const LinkKindInput = z.enum(linkKinds);
const Version = z.coerce.number().int().positive();
const Reason = z.string().trim().min(3, 'Say why, in a few words.').max(500);

export const NewLink = z.object({
  kind: LinkKindInput,
  // 'out': this claim → the other; 'in': the other → this claim.
  direction: z.enum(['out', 'in']).default('out'),
  otherClaimId: z.coerce.number().int().positive({ message: 'Pick a claim to link to.' }),
  note: z.string().trim().max(500).optional().transform((v) => v || null),
});

/** An editor links a claim to another claim picked on the claim page. Accepted at once. */
export async function createLink(db: Db, user: Actor, claimId: number, input: z.infer<typeof NewLink>): Promise<LinkRow> {
  return db.transaction(async (tx) => {
    // One after the other: a transaction's connection runs one query at a time.
    const claim = await findClaim(tx, claimId);
    const other = await findClaim(tx, input.otherClaimId);
    if (!claim) throw new NotFound(`There is no claim ${claimId}.`);
    if (!other) throw new Invalid('That claim does not exist.', { otherClaimId: `There is no claim ${input.otherClaimId}.` });
    if (other.id === claim.id) throw new Invalid('A claim cannot be linked to itself.', { otherClaimId: 'Pick another claim.' });
    if (other.mergedIntoId) {
      throw new Invalid('That claim was merged into another one.', { otherClaimId: `Link to claim #${other.mergedIntoId} instead.` });
    }
    const [from, to] = input.direction === 'out' ? [claim.id, other.id] : [other.id, claim.id];
    const existing = (await listLinksBetween(tx, claim.id, [other.id])).find(
      (l) => l.fromClaimId === from && l.toClaimId === to && l.kind === input.kind,
    );
    if (existing) {
      throw new Invalid('These claims are already linked that way.', {
        otherClaimId: existing.deprecatedAt
          ? 'That link was retracted: restore it from the list of retracted links.'
          : existing.acceptedAt || existing.origin === 'editor'
            ? 'That link exists.'
            : 'That link is proposed: accept it instead.',
      });
    }
    const row = await insertLink(tx, {
      fromClaimId: from,
      toClaimId: to,
      kind: input.kind,
      origin: 'editor',
      note: input.note,
      createdById: actorId(user),
      acceptedById: actorId(user),
      acceptedAt: new Date(),
    });
    await recordAudit(tx, {
      userId: actorId(user),
      action: 'link.create',
      subjectType: 'claim_link',
      subjectId: row.id,
      claimId: row.toClaimId,
      after: linkAudit(row),
    });
    return row;
  });
}

async function changeLink(
  db: Db,
  user: Actor,
  linkId: number,
  version: number,
  action: string,
  decide: (link: LinkRow, tx: Executor) => Partial<LinkRow> | Promise<Partial<LinkRow>>,
): Promise<LinkRow> {
  return db.transaction(async (tx) => {
    const link = await findLink(tx, linkId);
    if (!link) throw new NotFound(`There is no link ${linkId}.`);
    if (link.version !== version) throw new Conflict('Someone changed this link since you loaded the page.', link);
    const patch = await decide(link, tx);
    const saved = await updateLink(tx, linkId, version, patch);
    if (!saved) throw new Conflict('Someone changed this link since you loaded the page.', link);
    await recordAudit(tx, {
      userId: actorId(user),
      action,
      subjectType: 'claim_link',
      subjectId: linkId,
      claimId: saved.toClaimId,
      before: linkAudit(link),
      after: linkAudit(saved),
    });
    return saved;
  });
}

/** An editor accepts a proposed link: readers see it from now on. */
export function acceptLink(db: Db, user: Actor, linkId: number, version: number): Promise<LinkRow> {
  return changeLink(db, user, linkId, version, 'link.accept', (link) => {
    if (link.deprecatedAt) throw new Invalid('This link was retracted: restore it first.');
    return { acceptedAt: link.acceptedAt ?? new Date(), acceptedById: link.acceptedById ?? actorId(user) };
  });
}

export const LinkChange = z.object({
  version: Version,
  kind: LinkKindInput,
  // Reverse the direction: "A contradicts B" becomes "B contradicts A".
  // An unticked checkbox sends nothing, so the field is optional.
  reverse: z
    .enum(['1', 'on', 'true', ''])
    .optional()
    .transform((v) => v === '1' || v === 'on' || v === 'true'),
});

/** An editor changes a link's kind or direction; a proposal so changed counts as accepted. */
export function reviseLink(db: Db, user: Actor, linkId: number, input: z.infer<typeof LinkChange>): Promise<LinkRow> {
  return changeLink(db, user, linkId, input.version, 'link.change', async (link, tx) => {
    if (link.deprecatedAt) throw new Invalid('This link was retracted: restore it first.');
    const [fromClaimId, toClaimId] = input.reverse ? [link.toClaimId, link.fromClaimId] : [link.fromClaimId, link.toClaimId];
    const clash = (await listLinksBetween(tx, fromClaimId, [toClaimId])).find(
      (l) => l.id !== link.id && l.fromClaimId === fromClaimId && l.toClaimId === toClaimId && l.kind === input.kind,
    );
    if (clash) throw new Invalid('These claims are already linked that way.', { kind: 'A link of that kind and direction exists.' });
    return {
      kind: input.kind,
      fromClaimId,
      toClaimId,
      acceptedAt: link.acceptedAt ?? new Date(),
      acceptedById: link.acceptedById ?? actorId(user),
    };
  });
}

export const LinkDeprecation = z.object({ version: Version, reason: Reason });

/** An editor retracts a link (or rejects a proposal) with a reason; it is kept, ranked deprecated. */
export function deprecateLink(db: Db, user: Actor, linkId: number, input: z.infer<typeof LinkDeprecation>): Promise<LinkRow> {
  return changeLink(db, user, linkId, input.version, 'link.deprecate', (link) => {
    if (link.deprecatedAt) throw new Invalid('This link is already retracted.');
    return { deprecatedAt: new Date(), deprecatedReason: input.reason, deprecatedById: actorId(user) };
  });
}

/** An editor restores a retracted link, as it was (a proposal stays a proposal). */
export function restoreLink(db: Db, user: Actor, linkId: number, version: number): Promise<LinkRow> {
  return changeLink(db, user, linkId, version, 'link.restore', (link) => {
    if (!link.deprecatedAt) throw new Invalid('This link is not retracted.');
    return { deprecatedAt: null, deprecatedReason: null, deprecatedById: null };
  });
}
