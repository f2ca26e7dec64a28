import type { Executor } from '../../db/client.ts';
import {
  findClaim,
  listClaimsByIds,
  listLinksOfClaim,
  listMentionsOfClaim,
  listReviewsOfClaim,
  type ClaimSummary,
} from '../../db/queries/claims.ts';
import { listStoriesOfClaim } from '../../db/queries/stories.ts';
import { NotFound } from '../errors.ts';
import { dayOf, sortTimeline, type TimelineEntry } from './timeline.ts';

export type RelatedClaim = ClaimSummary & { linkId: number; kind: string; direction: 'in' | 'out'; origin: string };

export type ClaimPage = Awaited<ReturnType<typeof getClaimPage>>;

/** Everything the claim page shows, in a bounded number of queries. */
export async function getClaimPage(ex: Executor, id: number) {
  const claim = await findClaim(ex, id);
  if (!claim) throw new NotFound(`There is no claim ${id}.`);
  const [mentionRows, links, reviewRows, stories] = await Promise.all([
    listMentionsOfClaim(ex, id),
    listLinksOfClaim(ex, id),
    listReviewsOfClaim(ex, id),
    listStoriesOfClaim(ex, id),
  ]);
  const otherIds = [...new Set(links.map((l) => (l.fromClaimId === id ? l.toClaimId : l.fromClaimId)))];
  const others = new Map((await listClaimsByIds(ex, otherIds)).map((c) => [c.id, c]));
  const related: RelatedClaim[] = links.flatMap((l) => {
    const direction = l.fromClaimId === id ? 'out' : 'in';
    const other = others.get(direction === 'out' ? l.toClaimId : l.fromClaimId);
    return other ? [{ ...other, linkId: l.id, kind: l.kind, direction, origin: l.origin } as RelatedClaim] : [];
  });
  const byKind = (kind: string) => related.filter((r) => r.kind === kind);

  return {
    claim,
    mentions: mentionRows,
    related,
    counterClaims: byKind('contradicts'),
    confirmations: [...byKind('confirms'), ...byKind('supports')],
    responses: byKind('responds_to'),
    sameAs: byKind('same_as'),
    reviews: reviewRows,
    stories,
    timeline: sortTimeline(claimTimeline(claim, mentionRows, related, reviewRows)),
  };
}

type ClaimRow = NonNullable<Awaited<ReturnType<typeof findClaim>>>;

function claimTimeline(
  claim: ClaimRow,
  mentionRows: Awaited<ReturnType<typeof listMentionsOfClaim>>,
  related: RelatedClaim[],
  reviewRows: Awaited<ReturnType<typeof listReviewsOfClaim>>,
): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  if (claim.eventOn) {
    entries.push({
      kind: 'event',
      date: claim.eventOn,
      precision: claim.eventOnPrecision ?? 'day',
      label: { key: 'timeline.event', params: {} },
      detail: null,
    });
  }
  entries.push({
    kind: 'made',
    date: claim.claimedOn,
    precision: claim.claimedOnPrecision ?? (claim.claimedOn ? 'day' : null),
    label: claim.claimantName
      ? { key: 'timeline.made', params: { who: claim.claimantName } }
      : { key: 'timeline.madeOutlet', params: {} },
    detail: claim.text,
    href: claim.claimantSlug ? `/entities/${claim.claimantSlug}` : null,
  });
  const seenSources = new Set<number>();
  for (const m of mentionRows) {
    if (seenSources.has(m.sourceId)) continue;
    seenSources.add(m.sourceId);
    entries.push({
      kind: 'reported',
      date: m.sourcePublishedOn,
      precision: m.sourcePublishedOn ? 'day' : null,
      label: m.sourcePublisher
        ? { key: 'timeline.reported', params: { who: m.sourcePublisher } }
        : { key: 'timeline.reportedIn', params: { title: m.sourceTitle } },
      detail: m.sourceTitle,
      href: `/sources/${m.sourceId}#m-${m.id}`,
    });
  }
  for (const r of related) {
    if (r.kind === 'same_as') continue;
    const who = r.claimantName ?? '—';
    entries.push({
      kind: 'linked',
      date: r.claimedOn,
      precision: r.claimedOnPrecision ?? (r.claimedOn ? 'day' : null),
      label:
        r.direction === 'in'
          ? { key: `timeline.${r.kind}`, params: { who } }
          : { key: `timeline.out.${r.kind}`, params: { who } },
      detail: r.text,
      href: `/claims/${r.id}`,
      status: r.status,
      linkKind: r.kind,
    });
  }
  for (const review of reviewRows) {
    entries.push({
      kind: 'verdict',
      date: dayOf(review.createdAt),
      precision: 'day',
      at: review.createdAt,
      label: { key: 'timeline.verdict', params: { status: review.statusLabel } },
      detail: review.rationale,
      status: review.status,
    });
  }
  return entries;
}
