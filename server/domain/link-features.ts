// The matching features of stored mentions, for suggesting links between claims. The analysis
// computes features from an article's text; the database knows better who the claimant is,
// what the claim is about and what stance an editor settled on, so those override the text's
// guesses. Entities are keyed by their database id where known, so two articles naming
// "Sergueï Lavrov" and "Sergei Lavrov" meet.
import { analyzeArticle, type AnalysedClaim, type ClaimFeatures, type EntityRef } from '../analysis/index.ts';

export type FeatureSource = {
  id: number;
  body: string;
  bodyHash: string | null;
  language: string | null;
  publishedOn: string | null;
};

export type FeatureMention = {
  id: number;
  claimId: number;
  sourceId: number;
  start: number;
  end: number;
  stance: ClaimFeatures['stance'];
};

export type FeatureClaim = {
  id: number;
  text: string;
  language: string | null;
  claimantSlug: string | null;
  claimedOn: string | null;
  subjectSlugs: string[];
};

/** The key an entity has in link features: its slug, which the analysis' reasons read as a name. */
export const entityKeyOfSlug = (slug: string) => `entity:${slug}`;

// Analysing an article takes milliseconds; the same bodies come back with every accepted
// suggestion of an import, so results are kept by body hash (a stored body never changes).
const CACHE_SIZE = 64;
const analyses = new Map<string, AnalysedClaim[]>();

export function analysedClaimsOf(source: FeatureSource): AnalysedClaim[] {
  const key = `${source.bodyHash ?? source.id}:${source.language ?? ''}:${source.publishedOn ?? ''}`;
  const cached = analyses.get(key);
  if (cached) {
    analyses.delete(key);
    analyses.set(key, cached);
    return cached;
  }
  const claims = analyzeArticle(source.body, { published: source.publishedOn, language: source.language }).claims;
  analyses.set(key, claims);
  if (analyses.size > CACHE_SIZE) analyses.delete(analyses.keys().next().value!);
  return claims;
}

/** The analysed claim that covers most of a span (null when none touches it). */
export function bestOverlap(claims: AnalysedClaim[], start: number, end: number): AnalysedClaim | null {
  let best: AnalysedClaim | null = null;
  let bestScore = 0;
  for (const c of claims) {
    const shared = Math.min(end, c.end) - Math.max(start, c.start);
    if (shared <= 0) continue;
    // Overlap relative to the longer span, so a sentence-long claim does not win a short quote.
    const score = shared / Math.max(end - start, c.end - c.start);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** Every form of an entity the analysis found, for looking it up among stored aliases. */
export function refNames(ref: EntityRef): string[] {
  return [ref.name, ...ref.aliases];
}

/**
 * Features of one mention: the analysis of its span with the database's claimant, subjects,
 * stance and date laid over it. `entityKey` turns an analysis entity into the shared key.
 */
export function mentionFeatures(
  analysed: AnalysedClaim,
  mention: FeatureMention,
  claim: FeatureClaim,
  entityKey: (ref: EntityRef) => string,
): ClaimFeatures {
  const f = analysed.features;
  const claimant = claim.claimantSlug ? entityKeyOfSlug(claim.claimantSlug) : null;
  const subjects = new Set(claim.subjectSlugs.map(entityKeyOfSlug));
  for (const s of analysed.subjects) subjects.add(entityKey(s));
  if (claimant) subjects.delete(claimant);
  // The editor's stance wins; polarity follows it unless the analysis read the same stance.
  const polarity =
    mention.stance === f.stance ? f.polarity : mention.stance === 'deny' ? 'negative' : 'positive';
  const dates = claim.claimedOn ? [claim.claimedOn, ...f.dates.filter((d) => d !== claim.claimedOn)] : f.dates;
  return { ...f, claimant, subjects: [...subjects], stance: mention.stance, polarity, dates };
}
