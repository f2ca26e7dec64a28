import type { Executor } from '../../db/client.ts';
import { listApprovedReviewsOfClaims, listClaimsByIds, listLinksAmong, type ClaimSummary } from '../../db/queries/claims.ts';
import { listStatuses } from '../../db/queries/statuses.ts';
import { findStoryBySlug, listStoryEntries } from '../../db/queries/stories.ts';
import { NotFound } from '../errors.ts';
import { isKnownAt, isLinkVisible, publishedStatusAt, type AsOf, type ReaderLink } from './asof.ts';
import { statusFields } from './claims.ts';
import { layoutChart, type ChartLane } from './timeline-chart.ts';
import { precisionRank } from './timeline.ts';

export type ClaimLink = ReaderLink & { id: number; fromClaimId: number; toClaimId: number; kind: string };

/** One end of a link as the list beside a chart words it: "contradicts <claim>". */
export type LinkNote = { kind: string; direction: 'in' | 'out'; claimId: number; text: string; claimantName: string | null };

export type ClaimWithLinks = ClaimSummary & { links: LinkNote[] };

export type ClaimantGroup = {
  key: string;
  name: string | null;
  slug: string | null;
  claims: ClaimWithLinks[];
};

/** Time order of claims: by the date they were made (vaguer dates first), unknown dates last. */
export function byClaimDate(a: ClaimSummary, b: ClaimSummary): number {
  if (!a.claimedOn || !b.claimedOn) return (a.claimedOn ? 0 : 1) - (b.claimedOn ? 0 : 1);
  return a.claimedOn.localeCompare(b.claimedOn) || precisionRank(a.claimedOnPrecision) - precisionRank(b.claimedOnPrecision);
}

/**
 * Claims grouped by who made them, each with its links to the others, groups in order of
 * their first claim; `firstClaimantId` puts one claimant's group first (a person's own page).
 */
export function groupByClaimant(claims: ClaimSummary[], links: ClaimLink[], firstClaimantId?: number): ClaimantGroup[] {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const notes = new Map<number, LinkNote[]>();
  for (const l of links) {
    const from = byId.get(l.fromClaimId);
    const to = byId.get(l.toClaimId);
    if (!from || !to) continue;
    notes.set(from.id, [...(notes.get(from.id) ?? []), { kind: l.kind, direction: 'out', claimId: to.id, text: to.text, claimantName: to.claimantName }]);
    notes.set(to.id, [...(notes.get(to.id) ?? []), { kind: l.kind, direction: 'in', claimId: from.id, text: from.text, claimantName: from.claimantName }]);
  }
  const groups = new Map<string, ClaimantGroup>();
  for (const claim of [...claims].sort(byClaimDate)) {
    const key = claim.claimantId === null ? 'outlet' : `entity-${claim.claimantId}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, name: claim.claimantName, slug: claim.claimantSlug, claims: [] };
      groups.set(key, group);
    }
    group.claims.push({ ...claim, links: notes.get(claim.id) ?? [] });
  }
  const ordered = [...groups.values()];
  if (firstClaimantId !== undefined) {
    const own = ordered.findIndex((g) => g.key === `entity-${firstClaimantId}`);
    if (own > 0) ordered.unshift(...ordered.splice(own, 1));
  }
  return ordered;
}

/** All claims of the groups on one time axis, one lane per claimant, links drawn between them. */
export function claimantChart(groups: ClaimantGroup[], links: ClaimLink[], focusClaimIds: Set<number> = new Set()) {
  const lanes: ChartLane[] = groups.map((g) => ({
    key: g.key,
    label: g.name ? { text: g.name } : { key: 'readers.lane.outlet', params: {} },
  }));
  const items = groups.flatMap((g) =>
    g.claims.map((c) => ({
      id: `c${c.id}`,
      lane: g.key,
      date: c.claimedOn,
      precision: c.claimedOnPrecision ?? (c.claimedOn ? ('day' as const) : null),
      shape: 'circle' as const,
      status: c.status,
      isFocus: focusClaimIds.has(c.id),
      href: `/claims/${c.id}`,
      label: { key: 'readers.chart.claim', params: { who: c.claimantName ?? { key: 'claim.outlet', params: {} } } },
      detail: c.text,
    })),
  );
  const edges = links.map((l) => ({ from: `c${l.fromClaimId}`, to: `c${l.toClaimId}`, kind: l.kind }));
  return layoutChart({ lanes, items, edges });
}

/** The statuses a chart's marks show, once each, in the order of the status vocabulary. */
export function statusLegend(claims: ClaimSummary[]) {
  const seen = new Map<string, Pick<ClaimSummary, 'status' | 'statusLabel' | 'statusLabelFr'>>();
  for (const c of claims) if (!seen.has(c.status)) seen.set(c.status, { status: c.status, statusLabel: c.statusLabel, statusLabelFr: c.statusLabelFr });
  return [...seen.values()];
}

export type StoryPage = Awaited<ReturnType<typeof getStoryPage>>;

/** A story's claims on one time axis, grouped by claimant; with `asOf`, as it stood then. */
export async function getStoryPage(ex: Executor, slug: string, { asOf = null }: { asOf?: AsOf | null } = {}) {
  const story = await findStoryBySlug(ex, slug);
  if (!story) throw new NotFound(`There is no story "${slug}".`);
  const entries = (await listStoryEntries(ex, story.id)).filter((e) => isKnownAt(e.addedAt, asOf));
  const ids = entries.map((e) => e.claimId);
  const [rows, linkRows, statusRows, reviewRows] = await Promise.all([
    listClaimsByIds(ex, ids),
    listLinksAmong(ex, ids),
    asOf ? listStatuses(ex) : Promise.resolve([]),
    asOf ? listApprovedReviewsOfClaims(ex, ids) : Promise.resolve([]),
  ]);
  const statuses = new Map(statusRows.map((s) => [s.key, s]));
  const position = new Map(entries.map((e) => [e.claimId, e.position]));
  const claims = rows
    .filter((c) => isKnownAt(c.createdAt, asOf))
    .map((c) =>
      asOf ? { ...c, ...statusFields(statuses, publishedStatusAt(reviewRows.filter((r) => r.claimId === c.id), asOf)) } : c,
    )
    // The editor's order first, so claims of one day keep the order the story tells them in.
    .sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
  const shown = new Set(claims.map((c) => c.id));
  const links = linkRows.filter((l) => isLinkVisible(l, asOf) && shown.has(l.fromClaimId) && shown.has(l.toClaimId));
  const groups = groupByClaimant(claims, links);
  return {
    story,
    asOf,
    isRecorded: isKnownAt(story.createdAt, asOf),
    claims: [...claims].sort(byClaimDate),
    groups,
    linkCount: links.length,
    chart: claimantChart(groups, links),
    legend: statusLegend(claims),
  };
}
