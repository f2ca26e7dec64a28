// The read-only JSON API: what readers see, as data. Lists are in id order and paged with an
// opaque cursor (the last id seen), so a client walking them never skips or repeats a row
// while rows are added.
import type { Executor } from '../../db/client.ts';
import { findSourceWithBody, listClaimsAfter, listLinksAfter, listReviewsAfter, listSourcesAfter } from '../../db/queries/publish.ts';
import { getClaimPage } from '../domain/claims.ts';
import { Invalid, NotFound } from '../errors.ts';
import type { Site } from '../http/site.ts';
import { claimReviewFor } from './claim-review.ts';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export function encodeCursor(id: number): string {
  return Buffer.from(`id:${id}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const match = /^id:(\d{1,10})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new Invalid('The cursor is not one this API gave out.', { cursor: 'unknown cursor' });
  return Number(match[1]);
}

function page<T extends { id: number }>(rows: T[], limit: number): { data: T[]; nextCursor: string | null } {
  const data = rows.slice(0, limit);
  return { data, nextCursor: rows.length > limit ? encodeCursor(data.at(-1)!.id) : null };
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

type ClaimListRow = Awaited<ReturnType<typeof listClaimsAfter>>[number];

function claimJson(c: ClaimListRow, site: Site) {
  return {
    id: c.id,
    url: `${site.baseUrl}/claims/${c.id}`,
    text: c.text,
    language: c.language,
    claimant: c.claimantSlug
      ? { slug: c.claimantSlug, name: c.claimantName, kind: c.claimantKind, url: `${site.baseUrl}/entities/${c.claimantSlug}` }
      : null,
    claimedOn: c.claimedOn,
    claimedOnPrecision: c.claimedOn ? (c.claimedOnPrecision ?? 'day') : null,
    eventOn: c.eventOn,
    eventOnPrecision: c.eventOn ? (c.eventOnPrecision ?? 'day') : null,
    status: c.status,
    statusLabel: c.statusLabel,
    isVerdict: c.isVerdict,
    mergedIntoId: c.mergedIntoId,
    retractedAt: iso(c.deprecatedAt),
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
  };
}

export async function apiClaims(ex: Executor, cursor: string | undefined, limit: number, site: Site) {
  const { data, nextCursor } = page(await listClaimsAfter(ex, decodeCursor(cursor), limit + 1), limit);
  return { data: data.map((c) => claimJson(c, site)), nextCursor };
}

export async function apiSources(ex: Executor, cursor: string | undefined, limit: number, site: Site) {
  const { data, nextCursor } = page(await listSourcesAfter(ex, decodeCursor(cursor), limit + 1), limit);
  return { data: data.map((s) => sourceJson(s, site)), nextCursor };
}

function sourceJson(s: Awaited<ReturnType<typeof listSourcesAfter>>[number], site: Site) {
  return {
    id: s.id,
    url: `${site.baseUrl}/sources/${s.id}`,
    originalUrl: s.url,
    kind: s.kind,
    title: s.title,
    publisher: s.publisher,
    author: s.author,
    language: s.language,
    publishedOn: s.publishedOn,
    agency: s.agency,
    syndicatedFromId: s.syndicatedFromId,
    version: s.version,
    text: s.hasBody ? `${site.baseUrl}/api/sources/${s.id}/text?version=${s.version}` : null,
    annotations: `${site.baseUrl}/api/sources/${s.id}/annotations`,
    createdAt: iso(s.createdAt),
  };
}

export async function apiSource(ex: Executor, id: number, site: Site) {
  const source = await findSourceWithBody(ex, id);
  if (!source) throw new NotFound(`There is no source ${id}.`);
  return { ...sourceJson(source, site), body: source.body };
}

export async function apiLinks(ex: Executor, cursor: string | undefined, limit: number) {
  const { data, nextCursor } = page(await listLinksAfter(ex, decodeCursor(cursor), limit + 1), limit);
  return {
    data: data.map((l) => ({
      id: l.id,
      fromClaimId: l.fromClaimId,
      kind: l.kind,
      toClaimId: l.toClaimId,
      createdAt: iso(l.acceptedAt ?? l.createdAt),
      retractedAt: iso(l.deprecatedAt),
      retractedReason: l.deprecatedReason,
    })),
    nextCursor,
  };
}

export async function apiReviews(ex: Executor, cursor: string | undefined, limit: number, site: Site) {
  const { data, nextCursor } = page(await listReviewsAfter(ex, decodeCursor(cursor), limit + 1), limit);
  return {
    data: data.map((r) => ({
      id: r.id,
      claimId: r.claimId,
      claimUrl: `${site.baseUrl}/claims/${r.claimId}`,
      status: r.status,
      statusLabel: r.statusLabel,
      isVerdict: r.isVerdict,
      rationale: r.rationale,
      publishedAt: iso(r.approvedAt),
      evidence: r.evidence.map((e) => ({ url: e.url, sourceId: e.sourceId, note: e.note })),
    })),
    nextCursor,
  };
}

/** One claim with its quotes, links, published verdict history and its ClaimReview. */
export async function apiClaim(ex: Executor, id: number, site: Site) {
  const p = await getClaimPage(ex, id);
  const c = p.claim;
  return {
    id: c.id,
    url: `${site.baseUrl}/claims/${c.id}`,
    text: c.text,
    language: c.language,
    claimant: c.claimantSlug
      ? { slug: c.claimantSlug, name: c.claimantName, kind: c.claimantKind, url: `${site.baseUrl}/entities/${c.claimantSlug}` }
      : null,
    claimedOn: c.claimedOn,
    claimedOnPrecision: c.claimedOn ? (c.claimedOnPrecision ?? 'day') : null,
    eventOn: c.eventOn,
    eventOnPrecision: c.eventOn ? (c.eventOnPrecision ?? 'day') : null,
    status: c.status,
    statusLabel: c.statusLabel,
    isVerdict: c.isVerdict,
    mergedIntoId: c.mergedIntoId,
    retractedAt: iso(c.deprecatedAt),
    mentions: p.mentions.map((m) => ({
      id: m.id,
      sourceId: m.sourceId,
      sourceTitle: m.sourceTitle,
      sourcePublisher: m.sourcePublisher,
      sourcePublishedOn: m.sourcePublishedOn,
      quote: m.quote,
      language: m.language ?? m.sourceLanguage,
      start: m.start,
      end: m.end,
      role: m.role,
      stance: m.stance,
      anchored: m.anchorState === 'anchored',
      url: `${site.baseUrl}/sources/${m.sourceId}#m-${m.id}`,
    })),
    links: p.related.map((r) => ({ id: r.linkId, kind: r.kind, direction: r.direction, claimId: r.id, claimUrl: `${site.baseUrl}/claims/${r.id}` })),
    reviews: p.reviews.map((r) => ({
      id: r.id,
      status: r.status,
      statusLabel: r.statusLabel,
      isVerdict: r.isVerdict,
      rationale: r.rationale,
      publishedAt: iso(r.approvedAt),
      evidence: r.evidence.map((e) => ({ url: e.url, sourceId: e.sourceId, note: e.note })),
    })),
    stories: p.stories.map((s) => ({ slug: s.slug, title: s.title, url: `${site.baseUrl}/stories/${s.slug}` })),
    annotations: `${site.baseUrl}/api/claims/${c.id}/annotations`,
    claimReview: claimReviewFor(p, site),
  };
}
