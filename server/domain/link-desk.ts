// The editors' view of a claim's links: proposals from the analysis to accept, change or
// reject; accepted links to change or retract; retracted links to restore; a form to add one.
import { z } from 'zod';
import type { Db, Executor } from '../../db/client.ts';
import { findClaim } from '../../db/queries/claims.ts';
import { findLink, listLinksForClaimPage, type ClaimPageLink } from '../../db/queries/links.ts';
import { searchClaims } from '../../db/queries/search.ts';
import { linkKinds, type LinkKind } from '../../db/schema/index.ts';
import { Invalid, NotFound } from '../errors.ts';
import type { Actor } from './actor.ts';
import { createLink, NewLink } from './links.ts';

export type DeskLink = ClaimPageLink & { direction: 'in' | 'out'; accepted: boolean };

/** "in:contradicts" — the other claim contradicts this one; "out:confirms" — this one confirms the other. */
export const relations = linkKinds.flatMap((kind) => (kind === 'same_as' ? [`out:${kind}`] : [`in:${kind}`, `out:${kind}`]));

export type LinkForm = { relation: string; other: string; note: string };

export async function getLinkDesk(ex: Executor, claimId: number) {
  const rows = await listLinksForClaimPage(ex, claimId, { includeProposals: true, includeDeprecated: true });
  const links: DeskLink[] = rows.map((l) => ({
    ...l,
    direction: l.fromClaimId === claimId ? 'out' : 'in',
    accepted: l.origin === 'editor' || Boolean(l.acceptedAt),
  }));
  return {
    claimId,
    proposals: links.filter((l) => !l.deprecatedAt && !l.accepted),
    accepted: links.filter((l) => !l.deprecatedAt && l.accepted),
    retracted: links.filter((l) => l.deprecatedAt),
    relations,
    form: { relation: 'in:contradicts', other: '', note: '' } as LinkForm,
    picks: [] as ClaimPick[],
    fields: {} as Record<string, string>,
    problem: null as string | null,
    notice: null as null | { key: string; params?: Record<string, string | number> },
  };
}

export type LinkDesk = Awaited<ReturnType<typeof getLinkDesk>>;
export type ClaimPick = Awaited<ReturnType<typeof pickClaims>>[number];

const PICKS = 8;

/** Claims an editor may mean by what they typed: a claim number, or words of the claim, its quotes or claimant. */
export async function pickClaims(ex: Executor, claimId: number, typed: string) {
  const q = typed.trim().replace(/^#/, '');
  if (/^\d{1,9}$/.test(q)) {
    const claim = await findClaim(ex, Number(q));
    return claim && claim.id !== claimId && !claim.mergedIntoId
      ? [{ id: claim.id, text: claim.text, claimantName: claim.claimantName, status: claim.status, statusLabel: claim.statusLabel, statusLabelFr: claim.statusLabelFr }]
      : [];
  }
  if (q.length < 3) return [];
  const rows = await searchClaims(ex, { q, entityIds: [], sort: 'relevance', limit: PICKS + 1, offset: 0 });
  return rows
    .filter((c) => c.id !== claimId)
    .slice(0, PICKS)
    .map((c) => ({ id: c.id, text: c.text, claimantName: c.claimantName, status: c.status, statusLabel: c.statusLabel, statusLabelFr: c.statusLabelFr }));
}

const LinkFormInput = z.object({
  relation: z.string().refine((r) => relations.includes(r), { message: 'Choose how the claims are related.' }),
  other: z.string().trim().max(300).default(''),
  otherClaimId: z.string().optional(),
  note: z.string().trim().max(500).default(''),
});

/**
 * Adds a link from the claim page's form. The other claim is given by number, picked from the
 * matches, or found from words: words alone are not enough, the editor picks one of the matches.
 */
export async function addLinkFromForm(db: Db, user: Actor, claimId: number, body: unknown) {
  const parsed = LinkFormInput.safeParse(body ?? {});
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'relation'), i.message]));
    throw new Invalid('The link could not be added.', fields);
  }
  const { relation, other, otherClaimId, note } = parsed.data;
  const [direction, kind] = relation.split(':') as ['in' | 'out', LinkKind];
  let target = otherClaimId && /^\d+$/.test(otherClaimId) ? Number(otherClaimId) : null;
  if (!target) {
    const typed = other.replace(/^#/, '');
    if (/^\d{1,9}$/.test(typed)) target = Number(typed);
    else {
      const picks = await pickClaims(db, claimId, other);
      throw new LinkNeedsPick(
        !other ? 'Say which claim: its number, or words from it.' : picks.length ? 'Pick the claim you mean.' : 'No claim matches those words.',
        picks,
      );
    }
  }
  return createLink(db, user, claimId, NewLink.parse({ kind, direction, otherClaimId: target, note }));
}

/** Words that need the editor to pick a claim: the matches go back to the form. */
export class LinkNeedsPick extends Invalid {
  constructor(
    message: string,
    readonly picks: ClaimPick[],
  ) {
    super(message, { other: message });
  }
}

/** A link is changed from the page of one of its two claims only, so a stale page cannot act elsewhere. */
export async function assertLinkOfClaim(ex: Executor, claimId: number, linkId: number) {
  const link = await findLink(ex, linkId);
  if (!link || (link.fromClaimId !== claimId && link.toClaimId !== claimId)) {
    throw new NotFound(`Claim ${claimId} has no link ${linkId}.`);
  }
  return link;
}
