// Same-claim candidates: which stored claims a new one may be the same as, in any language.
// The analysis gives each claim language-neutral features (entities, predicate class, lexicon
// concepts, dates, numbers); here entities become database ids, the features become index keys
// (claims.match_keys, GIN), candidates come from the indexes (db/queries/candidates.ts) and the
// analysis' scoreSameClaim ranks them.
import type { Executor } from '../../db/client.ts';
import { findCandidateClaims, findLexemeFrequencies, findMatchKeyFrequencies, PER_BRANCH, type CandidateRow, type KeyFrequencies } from '../../db/queries/candidates.ts';
import { listClaimIdsWithoutMatching, listFirstMentionsWithBody, listSubjectIdsOfClaims, setClaimMatching } from '../../db/queries/claims.ts';
import { listEntitiesByIds } from '../../db/queries/entities.ts';
import { analyzeArticle, getLexicon, scoreSameClaim, type AnalysedClaim, type ClaimFeatures } from '../analysis/index.ts';
import type { Stance } from '../../db/schema/index.ts';
import { resolveEntities } from './entities.ts';

/** How an entity appears in stored features: its database id, so every language meets on it. */
export const entityFeatureKey = (id: number) => `entity:${id}`;
const entityIdOf = (key: string) => (key.startsWith('entity:') ? Number(key.slice(7)) : null);
const short = (key: string) => (key.startsWith('entity:') ? key.slice(7) : key);

// Concepts every reported statement has: they say nothing about what the claim is.
const GENERIC = new Set(['say']);

/**
 * The analysis' features with the claimant and subjects replaced by database entities where they
 * are known (`subjectIds` maps analysis keys such as "person:lavrov" to entity ids).
 */
export function withEntityIds(features: ClaimFeatures, claimantId: number | null, subjectIds: Map<string, number>): ClaimFeatures {
  const claimant = claimantId ? entityFeatureKey(claimantId) : null;
  const subjects = [
    ...new Set(features.subjects.map((k) => (subjectIds.has(k) ? entityFeatureKey(subjectIds.get(k)!) : k)).filter((k) => k !== claimant)),
  ];
  return { ...features, claimant, subjects };
}

/** The keys stored in claims.match_keys. */
export function matchKeysOf(f: ClaimFeatures): string[] {
  const keys = new Set<string>();
  if (f.claimant) keys.add(`c:${short(f.claimant)}`);
  for (const s of f.subjects) keys.add(`s:${short(s)}`);
  if (f.predicate && !GENERIC.has(f.predicate)) keys.add(`p:${f.predicate}`);
  for (const c of f.concepts) if (!GENERIC.has(c)) keys.add(`k:${c}`);
  for (const d of f.dates) if (d.length === 10) keys.add(`d:${d}`);
  for (const n of f.numbers) keys.add(`n:${n}`);
  return [...keys];
}

/**
 * Pairs of keys a candidate must both hold. One key alone ("about Russia", "a warning") matches
 * too many claims to be read from an index at scale; two together are specific: who × what,
 * who × when, who × whom.
 */
export function candidatePairs(keys: string[]): [string, string][] {
  const { anchors, topical } = keyRoles(keys);
  const pairs: [string, string][] = [];
  for (const a of anchors) for (const t of topical) pairs.push([a, t]);
  for (let i = 0; i < anchors.length; i++) for (let j = i + 1; j < anchors.length; j++) pairs.push([anchors[i]!, anchors[j]!]);
  if (!anchors.length) {
    const top = topical.slice(0, 6);
    for (let i = 0; i < top.length; i++) for (let j = i + 1; j < top.length; j++) pairs.push([top[i]!, top[j]!]);
  }
  return pairs.slice(0, MAX_KEY_SETS);
}

function keyRoles(keys: string[]) {
  const predicate = keys.find((x) => x.startsWith('p:'))?.slice(2);
  return {
    anchors: [...keys.filter((k) => k.startsWith('c:')), ...keys.filter((k) => k.startsWith('s:'))].slice(0, 4),
    topical: [
      ...keys.filter((k) => k.startsWith('p:')),
      ...keys.filter((k) => k.startsWith('k:') && k.slice(2) !== predicate).slice(0, 5),
      ...keys.filter((k) => k.startsWith('d:')).slice(0, 2),
      ...keys.filter((k) => k.startsWith('n:')).slice(0, 2),
    ],
  };
}

const MAX_KEY_SETS = 40;
// A key set held by more claims than this yields an arbitrary sample of them (PER_BRANCH), while
// its index scan costs in proportion to all of them: on a million claims "about Russia" × "a
// denial" is thousands of claims and most of a lookup's time. Such sets are left out, or made
// specific with a third key, whenever the statistics say so.
const BROAD_SET_CLAIMS = 10 * PER_BRANCH;
// GIN intersects a set's posting lists stepping through the shortest one, so a set costs about as
// many index entries as its rarest key has claims. A lookup's sets share this budget: three keys
// that are each common make a specific set, but a costly one. On the bench's million claims,
// 30,000 entries kept every twin the budget of 120,000 found, for two thirds of the server's CPU.
const INDEX_ENTRY_BUDGET = 30_000;
// A probe whose keys are all common still gets a few candidates: the least common sets.
const MIN_KEY_SETS = 3;

/**
 * The key sets to look up for a probe: its pairs (candidatePairs), and, where the planner's
 * statistics tell how common each key is, only the specific ones, least common first; a pair too
 * common on its own gives way to triples that add one more of the probe's keys. Without statistics
 * (a new or small database) every pair is looked up.
 */
export function candidateKeySets(keys: string[], frequencies: KeyFrequencies | null): string[][] {
  const pairs = candidatePairs(keys);
  if (!frequencies) return pairs;
  const share = (k: string) => frequencies.shares.get(k) ?? frequencies.floor / 2;
  const claimsHolding = (set: string[]) => set.reduce((n, k) => n * share(k), frequencies.claims);
  const indexEntries = (set: string[]) => frequencies.claims * Math.min(...set.map(share));
  const specific = pairs.filter((p) => claimsHolding(p) <= BROAD_SET_CLAIMS);
  const broad = pairs.filter((p) => claimsHolding(p) > BROAD_SET_CLAIMS);
  const setKey = (set: string[]) => [...set].sort().join('\u0000');
  const looked = new Set(specific.map(setKey));
  const holdsSpecificPair = (set: string[]) => set.some((a, i) => set.some((b, j) => j > i && looked.has(setKey([a, b]))));
  // A third key only helps where no specific pair already looks up the claims it would find.
  const { anchors, topical } = keyRoles(keys);
  const triples = new Map<string, string[]>();
  for (const pair of broad) {
    for (const k of [...anchors, ...topical]) {
      if (pair.includes(k)) continue;
      const set = [...pair, k].sort();
      if (!holdsSpecificPair(set) && claimsHolding(set) <= BROAD_SET_CLAIMS) triples.set(setKey(set), set);
    }
  }
  const byRarity = (a: string[], b: string[]) => claimsHolding(a) - claimsHolding(b) || indexEntries(a) - indexEntries(b);
  const chosen: string[][] = [];
  let spent = 0;
  for (const set of [...specific, ...triples.values()].sort(byRarity)) {
    if (chosen.length >= MAX_KEY_SETS) break;
    if (chosen.length >= MIN_KEY_SETS && spent + indexEntries(set) > INDEX_ENTRY_BUDGET) continue;
    chosen.push(set);
    spent += indexEntries(set);
  }
  if (chosen.length < MIN_KEY_SETS) chosen.push(...broad.sort(byRarity).slice(0, MIN_KEY_SETS - chosen.length));
  return chosen;
}

/**
 * A tsquery asking for any three of the probe's five rarest lexemes: specific enough to stay cheap
 * on a million claims. Rarity comes from the planner's statistics on claims.text_search; lexemes
 * they do not list are rarer than any they do, the longer taken first. Lexemes in more than one
 * claim in fifty ("said", a month) are left out: for an OR, GIN reads every claim holding them.
 */
export function searchQueryOf(lexemes: { lexeme: string; share: number | null }[]): string | null {
  const words = lexemes
    .filter((l) => [...l.lexeme].length >= 4 && (l.share ?? 0) <= COMMON_LEXEME_SHARE)
    .sort((a, b) => (a.share ?? 0) - (b.share ?? 0) || b.lexeme.length - a.lexeme.length || a.lexeme.localeCompare(b.lexeme))
    .slice(0, 5)
    .map((l) => `'${l.lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`);
  if (words.length < 3) return null;
  const triples: string[] = [];
  for (let i = 0; i < words.length; i++)
    for (let j = i + 1; j < words.length; j++) for (let k = j + 1; k < words.length; k++) triples.push(`${words[i]} & ${words[j]} & ${words[k]}`);
  return triples.join(' | ');
}
const COMMON_LEXEME_SHARE = 0.02;

export type CandidateReason =
  | { key: 'match.reason.sameClaimant'; params: { who: string } }
  | { key: 'match.reason.entities'; params: { names: string } }
  | { key: 'match.reason.predicate'; params: { predicate: string } }
  | { key: 'match.reason.date'; params: { date: string } }
  | { key: 'match.reason.terms'; params: { terms: string } }
  | { key: 'match.reason.numbers'; params: { numbers: string } }
  | { key: 'match.reason.wording'; params: { percent: number } }
  | { key: 'match.reason.otherLanguage'; params: { language: string } };

export type SameClaimCandidate = Omit<CandidateRow, 'matchFeatures'> & { score: number; reasons: CandidateReason[] };

export type Probe = { features: ClaimFeatures; text: string; language: string | null; excludeIds?: number[] };

// Below this a candidate is noise to an editor; scoreSameClaim's own grouping threshold is 0.5.
const MIN_SCORE = 0.2;
const MIN_TRIGRAM = 0.55;

/** Ranked same-claim candidates for a probe, each with the reasons an editor sees. */
export async function findSameClaimCandidates(ex: Executor, probe: Probe, limit = 5): Promise<SameClaimCandidate[]> {
  const keys = matchKeysOf(probe.features);
  const keySets = candidateKeySets(keys, await findMatchKeyFrequencies(ex, keys));
  const base = { keySets, keys, text: probe.text, search: null, excludeIds: probe.excludeIds ?? [] };
  let rows = await findCandidateClaims(ex, base, 50);
  // Full-text search costs more than the key pairs on a large table: it runs when the keys find
  // little, as for a claim whose entities and concepts the analysis did not recognise.
  if (rows.length < 10 && probe.language) {
    const tsquery = searchQueryOf(await findLexemeFrequencies(ex, probe.language, probe.text));
    if (tsquery) rows = await findCandidateClaims(ex, { ...base, search: { language: probe.language, tsquery } }, 50);
  }
  const ranked = rows
    .map((row) => {
      const features = row.matchFeatures ?? fallbackFeatures(row);
      return { row, features, score: scoreSameClaim(probe.features, features).score };
    })
    .filter((c) => c.score >= MIN_SCORE || c.row.trigram >= MIN_TRIGRAM)
    .sort((a, b) => b.score - a.score || b.row.trigram - a.row.trigram || b.row.id - a.row.id)
    .slice(0, limit);

  const entityIds = new Set<number>();
  for (const c of ranked) for (const k of sharedEntities(probe.features, c.features)) entityIds.add(k);
  const names = new Map((await listEntitiesByIds(ex, [...entityIds])).map((e) => [e.id, e.name]));
  return ranked.map(({ row, features, score }) => {
    const { matchFeatures: _features, ...rest } = row;
    return { ...rest, score, reasons: reasonsFor(probe, features, row, names) };
  });
}

function sharedEntities(a: ClaimFeatures, b: ClaimFeatures): number[] {
  const of = (f: ClaimFeatures) => [f.claimant, ...f.subjects].filter((k): k is string => !!k).map(entityIdOf).filter((id): id is number => id !== null);
  const other = new Set(of(b));
  return [...new Set(of(a).filter((id) => other.has(id)))];
}

/**
 * A reason's parameters in the reader's language: concept ids become this language's word for
 * them ("interference" → "ingérence"), days are written out.
 */
export function localiseReason(reason: CandidateReason, lang: string, date: (iso: string) => string | null): Record<string, string | number> {
  const concepts = getLexicon(lang).concepts;
  const word = (id: string) => concepts[id]?.[0] ?? id;
  const params: Record<string, string | number> = { ...reason.params };
  if (reason.key === 'match.reason.predicate') params.predicate = word(reason.params.predicate);
  if (reason.key === 'match.reason.terms') params.terms = reason.params.terms.split(', ').map(word).join(', ');
  if (reason.key === 'match.reason.date') params.date = date(reason.params.date) ?? reason.params.date;
  return params;
}

function reasonsFor(probe: Probe, f: ClaimFeatures, row: CandidateRow, names: Map<number, string>): CandidateReason[] {
  const p = probe.features;
  const reasons: CandidateReason[] = [];
  if (p.claimant && p.claimant === f.claimant && row.claimantName) reasons.push({ key: 'match.reason.sameClaimant', params: { who: row.claimantName } });
  const claimantId = p.claimant ? entityIdOf(p.claimant) : null;
  const entities = sharedEntities(p, f)
    .filter((id) => !(id === claimantId && p.claimant === f.claimant))
    .map((id) => names.get(id))
    .filter((n): n is string => !!n);
  if (entities.length) reasons.push({ key: 'match.reason.entities', params: { names: entities.join(', ') } });
  if (p.predicate === f.predicate && !GENERIC.has(p.predicate)) reasons.push({ key: 'match.reason.predicate', params: { predicate: p.predicate } });
  const day = p.dates.find((d) => d.length === 10 && f.dates.includes(d));
  if (day) reasons.push({ key: 'match.reason.date', params: { date: day } });
  const other = new Set([...f.concepts, ...f.context]);
  const terms = [...new Set(p.concepts.filter((c) => other.has(c) && !GENERIC.has(c) && c !== p.predicate))];
  if (terms.length) reasons.push({ key: 'match.reason.terms', params: { terms: terms.join(', ') } });
  const numbers = p.numbers.filter((n) => f.numbers.includes(n));
  if (numbers.length) reasons.push({ key: 'match.reason.numbers', params: { numbers: numbers.join(', ') } });
  if (row.trigram >= 0.3) reasons.push({ key: 'match.reason.wording', params: { percent: Math.round(row.trigram * 100) } });
  if (probe.language && row.language && probe.language !== row.language) reasons.push({ key: 'match.reason.otherLanguage', params: { language: row.language.toUpperCase() } });
  return reasons;
}

/** Features for a claim stored before matching existed: only who made it is known. */
function fallbackFeatures(row: CandidateRow): ClaimFeatures {
  return {
    v: 1,
    language: row.language ?? '',
    claimant: row.claimantId ? entityFeatureKey(row.claimantId) : null,
    subjects: [],
    predicate: 'say',
    stance: 'assert',
    polarity: 'positive',
    dates: row.claimedOn ? [row.claimedOn] : [],
    numbers: [],
    concepts: [],
    context: [],
    terms: [],
    anaphoric: false,
  };
}

/**
 * The analysed claim that covers most of a span: a passage inside a claim the analysis found
 * takes that claim's speaker, stance and date; among equals the tighter claim wins.
 */
export function bestOverlap(claims: AnalysedClaim[], span: { start: number; end: number }): AnalysedClaim | undefined {
  let best: { c: AnalysedClaim; share: number } | undefined;
  const length = Math.max(1, span.end - span.start);
  for (const c of claims) {
    const overlap = Math.min(c.end, span.end) - Math.max(c.start, span.start);
    if (overlap <= 0) continue;
    const share = overlap / length;
    if (!best || share > best.share + 1e-9 || (Math.abs(share - best.share) < 1e-9 && c.end - c.start < best.c.end - best.c.start)) best = { c, share };
  }
  return best && best.share >= 0.5 ? best.c : undefined;
}

export function emptyFeatures(stance: Stance): ClaimFeatures {
  return {
    v: 1, language: '', claimant: null, subjects: [], predicate: 'say', stance, polarity: stance === 'deny' ? 'negative' : 'positive',
    dates: [], numbers: [], concepts: [], context: [], terms: [], anaphoric: false,
  };
}

/**
 * Gives matching keys to claims that have none (the demo's, or claims made before matching
 * existed), from the analysis of the passage of their first mention. Bounded per call.
 */
export async function indexClaimsForMatching(ex: Executor, limit = 500): Promise<number> {
  const ids = await listClaimIdsWithoutMatching(ex, limit);
  if (!ids.length) return 0;
  // One after the other: the executor may be a transaction, whose single connection runs one query at a time.
  const mentions = await listFirstMentionsWithBody(ex, ids);
  const subjects = await listSubjectIdsOfClaims(ex, ids);
  const analyses = new Map<string, AnalysedClaim[]>();
  for (const m of mentions) {
    const key = `${m.language}|${m.publishedOn}|${m.body!.length}|${m.body!.slice(0, 64)}`;
    let claims = analyses.get(key);
    if (!claims) {
      claims = analyzeArticle(m.body!, { published: m.publishedOn, language: m.language }).claims;
      analyses.set(key, claims);
    }
    const found = bestOverlap(claims, m);
    const analysed = found?.features ?? emptyFeatures(m.stance);
    const ownSubjects = subjects.filter((s) => s.claimId === m.claimId).map((s) => s.entityId);
    // The claim's own subjects are known entities; analysis keys that name them give way to them.
    const refs = (found?.subjects ?? []).filter((r) => !r.key.startsWith('role:'));
    const resolved = await resolveEntities(ex, refs, { create: false });
    const subjectIds = new Map<string, number>();
    refs.forEach((r, i) => {
      const id = resolved.get(i);
      if (id !== undefined) subjectIds.set(r.key, id);
    });
    let features = withEntityIds({ ...analysed, stance: m.stance }, m.claimantId, subjectIds);
    features = { ...features, subjects: [...new Set([...features.subjects, ...ownSubjects.filter((id) => id !== m.claimantId).map((id) => `entity:${id}`)])] };
    if (m.claimedOn && !features.dates.includes(m.claimedOn)) features.dates = [...features.dates, m.claimedOn];
    await setClaimMatching(ex, m.claimId, { matchKeys: matchKeysOf(features), matchFeatures: features });
  }
  return mentions.length;
}
