/**
 * Claimline text analysis — public API (pure: text and options in, plain data out; no database,
 * no HTTP, no clock).
 *
 *   analyzeArticle(text: string, opts: { published?: string | null; language?: string | null; outlet?: string | null })
 *     → { language: string,
 *         clutter: { start, end, kind: 'search'|'section'|'heading'|'credit'|'widget'|'teaser' }[],
 *         sentences: { start, end }[],
 *         claims: AnalysedClaim[] }
 *   AnalysedClaim: { start, end, quote, text, speaker: EntityRef | null, stance, negated,
 *                    claimedOn, statementOn, eventOn (YYYY-MM-DD | YYYY-MM | YYYY | null),
 *                    chain: { outlet, author, claimant }, subjects: EntityRef[], checkworthiness (0..1),
 *                    features: ClaimFeatures (plain JSON, store it), fingerprint (stable across offset shifts),
 *                    sentence (index into sentences), via (how it was found) }
 *   EntityRef: { name (canonical, English where known), key (stable: 'person:lavrov', 'org:white-house'), kind, aliases }
 *
 *   detectLanguage(text) → 'en' | 'fr' | … (one of supportedLanguages())
 *   findClutter(text, language) → clutter ranges (offsets into text, never removed from it)
 *
 * Matching (issue 4): the app fetches candidates from its indexes, then ranks them here.
 *   scoreSameClaim(a: ClaimFeatures, b: ClaimFeatures) → { score: 0..1, reasons: string[] }
 *   groupSameClaims(claims: LinkableClaim[], threshold?) → string[][]   (ids stating the same proposition, same side)
 *   suggestLinks(claims: LinkableClaim[]) → { from, to, kind: 'contradicts'|'supports'|'confirms', reason }[]
 *   LinkableClaim: { id, features, source?, order? }  (source + order: position within its article)
 *
 * Offsets are JavaScript string offsets into the text exactly as given, clutter included.
 */
export { analyzeArticle, type AnalysedClaim, type AnalyzeOptions, type ArticleAnalysis, type EntityRef } from './pipeline.ts';
export { detectLanguage } from './language.ts';
export { findClutter, type Clutter } from './clutter.ts';
export { getLexicon, supportedLanguages } from './lexicons/index.ts';
export { nameKeys } from './entities.ts';
export {
  claimFeatures, groupSameClaims, scoreSameClaim, suggestLinks, SAME_CLAIM_THRESHOLD,
  type ClaimFeatures, type LinkableClaim, type SuggestedLink,
} from './matching.ts';
export { linkClaims, type ClaimLink, type ClaimReport } from './claim-links.ts';
export type { Stance } from './lexicons/types.ts';
