// ClaimReview (schema.org) for a reviewed claim's page: the exchange format of fact-checkers
// (Google's Fact Check Explorer and Fact Check Tools API, partners' feeds). Fields follow
// Google's fact-check guidelines: required claimReviewed, reviewRating (alternateName), url;
// recommended author, datePublished, itemReviewed (a Claim with author, datePublished,
// appearance, firstAppearance) and the rating's numeric scale.
import type { Claim, ClaimReview, CreativeWork, Organization, Person, WithContext } from 'schema-dts';
import type { ClaimPage } from '../domain/claims.ts';
import type { Site } from '../http/site.ts';

type Appearance = Exclude<CreativeWork, string>;

/** null when the claim has no published verdict with a rating (nothing to mark up). */
export function claimReviewFor(page: ClaimPage, site: Site): WithContext<ClaimReview> | null {
  const { claim, verdict, rating } = page;
  if (page.asOf || !verdict || !claim.isVerdict || !rating?.alternateName || rating.ratingValue === null) return null;
  const url = `${site.baseUrl}/claims/${claim.id}`;
  const verdictReviews = page.reviews.filter((r) => r.isVerdict);
  const firstVerdict = verdictReviews[0] ?? verdict;

  const appearances: Appearance[] = page.sources.map((s) => ({
    '@type': 'CreativeWork',
    // Our stored copy is the fallback when the original address is not known.
    url: s.url && /^https?:\/\//i.test(s.url) ? s.url : `${site.baseUrl}/sources/${s.sourceId}`,
    headline: s.title,
    ...(s.publishedOn ? { datePublished: s.publishedOn } : {}),
    ...(s.publisher ? { publisher: { '@type': 'Organization', name: s.publisher } } : {}),
    ...(s.language ? { inLanguage: s.language } : {}),
  }));
  // First appearance: where the claim was first made (its origin mention), else the earliest source.
  const originIndex = page.sources.findIndex((s) => s.mentions.some((m) => m.role === 'origin'));
  const first = appearances[originIndex >= 0 ? originIndex : 0];
  const others = appearances.filter((a) => a !== first);

  const itemReviewed: Claim = {
    '@type': 'Claim',
    ...(claimAuthor(page, site) ? { author: claimAuthor(page, site)! } : {}),
    ...(claim.claimedOn ? { datePublished: isoWithPrecision(claim.claimedOn, claim.claimedOnPrecision) } : {}),
    ...(first ? { firstAppearance: first, appearance: others.length ? others : [first] } : {}),
  };

  const publisher: Organization = {
    '@type': 'Organization',
    name: site.publisher.name,
    url: site.publisher.url,
    ...(site.publisher.logoUrl ? { logo: site.publisher.logoUrl } : {}),
  };

  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url,
    claimReviewed: claim.text,
    datePublished: (firstVerdict.approvedAt ?? firstVerdict.createdAt).toISOString(),
    dateModified: (verdict.approvedAt ?? verdict.createdAt).toISOString(),
    author: publisher,
    publisher,
    reviewRating: {
      '@type': 'Rating',
      ratingValue: rating.ratingValue,
      ...(rating.bestRating !== null ? { bestRating: rating.bestRating } : {}),
      ...(rating.worstRating !== null ? { worstRating: rating.worstRating } : {}),
      alternateName: rating.alternateName,
      name: rating.alternateName,
      ...(verdict.rationale ? { ratingExplanation: verdict.rationale } : {}),
    },
    itemReviewed,
  };
}

/** The claimant as a Person or Organization; when the outlet itself asserts the claim, its publisher. */
function claimAuthor(page: ClaimPage, site: Site): Person | Organization | null {
  const { claim } = page;
  if (claim.claimantName) {
    const url = claim.claimantSlug ? `${site.baseUrl}/entities/${claim.claimantSlug}` : undefined;
    return claim.claimantKind === 'person'
      ? { '@type': 'Person', name: claim.claimantName, ...(url ? { url } : {}) }
      : { '@type': 'Organization', name: claim.claimantName, ...(url ? { url } : {}) };
  }
  const publisher = page.sources.find((s) => s.mentions.some((m) => m.role === 'origin'))?.publisher ?? page.sources[0]?.publisher;
  return publisher ? { '@type': 'Organization', name: publisher } : null;
}

/** "2019-12-10", "2017-05" or "2016": ISO 8601 with no more precision than is known. */
function isoWithPrecision(date: string, precision: string | null): string {
  return precision === 'year' ? date.slice(0, 4) : precision === 'month' ? date.slice(0, 7) : date.slice(0, 10);
}

/**
 * JSON for a `<script type="application/ld+json">` data block: `<` (and the line separators
 * JavaScript parsers trip on) escaped, so no text in a claim can close the element.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
