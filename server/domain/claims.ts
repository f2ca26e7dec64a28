import type { Executor } from '../../db/client.ts';
import { listClaimChangesAfter } from '../../db/queries/audit.ts';
import {
  findClaim,
  listApprovedReviewsOfClaims,
  listClaimsByIds,
  listMentionsOfClaim,
  listReaderLinksOfClaim,
  listReviewsOfClaim,
  type ClaimSummary,
} from '../../db/queries/claims.ts';
import { listStatuses, type StatusRow } from '../../db/queries/statuses.ts';
import { listStoriesOfClaim } from '../../db/queries/stories.ts';
import { NotFound } from '../errors.ts';
import { claimFieldsAt, isKnownAt, isLinkVisible, isStandingAt, publishedStatusAt, type AsOf } from './asof.ts';
import { mentionRoles } from '../../db/schema/index.ts';
import { layoutClaimGraph, layoutClaimGraphNarrow } from './claim-graph.ts';
import { groupBySyndication } from './syndication.ts';
import { layoutChart, type ChartItem, type ChartLane } from './timeline-chart.ts';
import { dayOf, groupByDay, sortTimeline, type Message, type TimelineEntry } from './timeline.ts';

export type RelatedClaim = ClaimSummary & { linkId: number; kind: string; direction: 'in' | 'out'; origin: string };

export type ClaimPage = Awaited<ReturnType<typeof getClaimPage>>;

type StatusFields = Pick<ClaimSummary, 'status' | 'statusLabel' | 'statusLabelFr' | 'isVerdict'>;

/** The label fields of a status, as the claim queries return them. */
export function statusFields(statuses: Map<string, StatusRow>, key: string): StatusFields {
  const row = statuses.get(key);
  return {
    status: key,
    statusLabel: row?.label ?? key,
    statusLabelFr: row?.labelFr ?? null,
    isVerdict: row?.isVerdict ?? false,
  };
}

/**
 * Everything the claim page shows readers, in a bounded number of queries: only published
 * verdicts (approved reviews) and links an editor made or accepted. With `asOf`, the page as it
 * stood at the end of that day.
 */
export async function getClaimPage(ex: Executor, id: number, { asOf = null }: { asOf?: AsOf | null } = {}) {
  const current = await findClaim(ex, id);
  if (!current) throw new NotFound(`There is no claim ${id}.`);
  const [mentionRows, linkRows, reviewRows, storyRows, statusRows, laterChanges] = await Promise.all([
    listMentionsOfClaim(ex, id),
    listReaderLinksOfClaim(ex, id),
    listReviewsOfClaim(ex, id),
    listStoriesOfClaim(ex, id),
    listStatuses(ex),
    asOf ? listClaimChangesAfter(ex, id, asOf.until) : Promise.resolve([]),
  ]);
  const statuses = new Map(statusRows.map((s) => [s.key, s]));

  const links = linkRows.filter((l) => isLinkVisible(l, asOf));
  const otherIds = [...new Set(links.map((l) => (l.fromClaimId === id ? l.toClaimId : l.fromClaimId)))];
  const [otherRows, otherReviews] = await Promise.all([
    listClaimsByIds(ex, otherIds),
    asOf ? listApprovedReviewsOfClaims(ex, otherIds) : Promise.resolve([]),
  ]);
  const others = new Map(
    otherRows
      .filter((c) => isKnownAt(c.createdAt, asOf))
      .map((c) => [
        c.id,
        asOf
          ? { ...c, ...statusFields(statuses, publishedStatusAt(otherReviews.filter((r) => r.claimId === c.id), asOf)) }
          : c,
      ]),
  );
  const related: RelatedClaim[] = links.flatMap((l) => {
    const direction = l.fromClaimId === id ? 'out' : 'in';
    const other = others.get(direction === 'out' ? l.toClaimId : l.fromClaimId);
    return other ? [{ ...other, linkId: l.id, kind: l.kind, direction, origin: l.origin } as RelatedClaim] : [];
  });
  const incoming = (...kinds: string[]) => related.filter((r) => r.direction === 'in' && kinds.includes(r.kind));

  const reviews = reviewRows.filter((r) => isKnownAt(r.approvedAt, asOf));
  const claim = asOf
    ? {
        ...claimFieldsAt(current, laterChanges),
        ...statusFields(statuses, publishedStatusAt(reviews.map((r) => ({ ...r, claimId: id })), asOf)),
        deprecatedAt: isStandingAt(current.deprecatedAt, asOf) ? null : current.deprecatedAt,
      }
    : current;
  // A retired quote is one an editor took off the claim: kept for the record, not shown.
  const mentions = mentionRows.filter((m) => m.anchorState !== 'retired' && isKnownAt(m.createdAt, asOf));
  // The verdict shown is the latest published review that set the status readers see.
  const verdict = [...reviews].reverse().find((r) => r.status === claim.status && r.isVerdict) ?? null;
  const rating = statuses.get(claim.status);

  const timeline = sortTimeline(claimTimeline(claim, mentions, related, reviews));
  return {
    claim,
    /** False when the claim had not been recorded yet at the "as of" date. */
    isRecorded: isKnownAt(current.createdAt, asOf),
    asOf,
    verdict,
    rating: rating
      ? {
          ratingValue: rating.ratingValue,
          bestRating: rating.bestRating,
          worstRating: rating.worstRating,
          alternateName: rating.alternateName,
          description: rating.description,
        }
      : null,
    mentions,
    sources: groupBySource(mentions),
    ...sourcesByRole(mentions),
    related,
    // Claims that answer this one; what this one answers goes with the related claims.
    counterClaims: incoming('contradicts'),
    confirmations: incoming('confirms', 'supports'),
    responses: [...incoming('responds_to'), ...related.filter((r) => r.direction === 'out' && r.kind !== 'same_as')],
    sameAs: related.filter((r) => r.kind === 'same_as'),
    reviews,
    stories: storyRows.filter((s) => isKnownAt(s.addedAt, asOf)),
    timeline,
    timelineDays: groupByDay(timeline.dated),
    chart: claimChart(timeline.dated.concat(timeline.undated)),
    graph: layoutClaimGraph(claim, related),
    graphNarrow: layoutClaimGraphNarrow(claim, related),
  };
}

type ClaimRow = NonNullable<Awaited<ReturnType<typeof findClaim>>>;
type MentionRow = Awaited<ReturnType<typeof listMentionsOfClaim>>[number];
type ReviewRow = Awaited<ReturnType<typeof listReviewsOfClaim>>[number];

/** Mentions grouped by source, sources in publication order (unknown dates last). */
function groupBySource(mentionRows: MentionRow[]) {
  const bySource = new Map<number, { sourceId: number; title: string; url: string | null; publisher: string | null; language: string | null; publishedOn: string | null; agency: string | null; syndicatedFromId: number | null; mentions: MentionRow[] }>();
  for (const m of mentionRows) {
    let group = bySource.get(m.sourceId);
    if (!group) {
      group = {
        sourceId: m.sourceId,
        title: m.sourceTitle,
        url: m.sourceUrl,
        publisher: m.sourcePublisher,
        language: m.sourceLanguage,
        publishedOn: m.sourcePublishedOn,
        agency: m.sourceAgency,
        syndicatedFromId: m.sourceSyndicatedFromId,
        mentions: [],
      };
      bySource.set(m.sourceId, group);
    }
    group.mentions.push(m);
  }
  return [...bySource.values()];
}

/**
 * The claim's sources by the role they play — where it was first made, reports, evidence —
 * each role's sources gathered by the report they carry (wire copy and its reprints and
 * translations are one report), with the count of independent reports over all roles.
 */
function sourcesByRole(mentionRows: MentionRow[]) {
  const all = groupBySource(mentionRows).map((s) => ({ ...s, id: s.sourceId }));
  const roles = mentionRoles
    .map((role) => ({
      role,
      groups: groupBySyndication(groupBySource(mentionRows.filter((m) => m.role === role)).map((s) => ({ ...s, id: s.sourceId }))),
    }))
    .filter((r) => r.groups.length);
  return {
    sourceRoles: roles,
    // Sources come in publication order, so the first dated one is where the claim appeared first.
    firstSourceId: all.find((s) => s.publishedOn)?.sourceId ?? null,
    independentSources: groupBySyndication(all).length,
  };
}

const outlet: Message = { key: 'claim.outlet', params: {} };

function claimTimeline(claim: ClaimRow, mentionRows: MentionRow[], related: RelatedClaim[], reviewRows: ReviewRow[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  if (claim.eventOn) {
    entries.push({
      kind: 'event',
      date: claim.eventOn,
      precision: claim.eventOnPrecision ?? 'day',
      label: { key: 'readers.timeline.event', params: {} },
      detail: null,
    });
  }
  entries.push({
    kind: 'made',
    date: claim.claimedOn,
    precision: claim.claimedOnPrecision ?? (claim.claimedOn ? 'day' : null),
    label: { key: 'timeline.made', params: { who: claim.claimantName ?? outlet } },
    detail: claim.text,
    href: claim.claimantSlug ? `/entities/${claim.claimantSlug}` : null,
    status: claim.status,
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
      detail: m.quote,
      detailLang: m.language ?? m.sourceLanguage,
      href: `/sources/${m.sourceId}#m-${m.id}`,
    });
  }
  for (const r of related) {
    if (r.kind === 'same_as') continue;
    const who = r.claimantName ?? outlet;
    entries.push({
      kind: 'linked',
      date: r.claimedOn,
      precision: r.claimedOnPrecision ?? (r.claimedOn ? 'day' : null),
      label: r.direction === 'in' ? { key: `timeline.${r.kind}`, params: { who } } : { key: `readers.timeline.out.${r.kind}`, params: { who } },
      detail: r.text,
      href: `/claims/${r.id}`,
      status: r.status,
      linkKind: r.direction === 'in' ? r.kind : `out.${r.kind}`,
    });
  }
  for (const review of reviewRows) {
    const at = review.approvedAt ?? review.createdAt;
    entries.push({
      kind: 'verdict',
      date: dayOf(at),
      precision: 'day',
      at,
      label: {
        key: review.isVerdict ? 'readers.timeline.verdict' : 'readers.timeline.state',
        params: { status: { label: review.statusLabel, labelFr: review.statusLabelFr } },
      },
      detail: review.rationale,
      status: review.status,
    });
  }
  return entries;
}

const CLAIM_LANES: ChartLane[] = [
  { key: 'claim', label: { key: 'readers.lane.claim', params: {} } },
  { key: 'reports', label: { key: 'readers.lane.reports', params: {} } },
  { key: 'contradicts', label: { key: 'readers.lane.contradicts', params: {} } },
  { key: 'confirms', label: { key: 'readers.lane.confirms', params: {} } },
  { key: 'responses', label: { key: 'readers.lane.responses', params: {} } },
  { key: 'answers', label: { key: 'readers.lane.answers', params: {} } },
  { key: 'verdicts', label: { key: 'readers.lane.verdicts', params: {} } },
];

function laneOf(entry: TimelineEntry): string {
  if (entry.kind === 'event' || entry.kind === 'made') return 'claim';
  if (entry.kind === 'reported') return 'reports';
  if (entry.kind === 'verdict') return 'verdicts';
  if (entry.linkKind?.startsWith('out.')) return 'answers';
  if (entry.linkKind === 'contradicts') return 'contradicts';
  if (entry.linkKind === 'confirms' || entry.linkKind === 'supports') return 'confirms';
  return 'responses';
}

/** The claim's timeline as a chart: one lane per kind of event. */
function claimChart(entries: TimelineEntry[]) {
  const items: ChartItem[] = entries.map((e, i) => ({
    id: `e${i}`,
    lane: laneOf(e),
    date: e.date,
    precision: e.precision,
    shape: e.kind === 'event' || e.kind === 'verdict' ? 'square' : e.kind === 'reported' ? 'diamond' : 'circle',
    status: e.kind === 'reported' || e.kind === 'event' ? null : e.status,
    isFocus: e.kind === 'made',
    href: e.href ?? null,
    label: e.label,
    detail: e.detail,
  }));
  return layoutChart({ lanes: CLAIM_LANES, items });
}
