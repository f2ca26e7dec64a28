// Matching claims across sources and languages without translation, and suggesting links.
//
// A claim's matching features (ClaimFeatures) are plain JSON, so the app can store them next to
// the claim (e.g. a jsonb column) and score candidates it fetched from its full-text and trigram
// indexes:
//   claimant      canonical entity key of who makes the claim (null: the outlet)
//   subjects      entity keys the claim is about (people, institutions, countries)
//   predicate     predicate class ("warn", "deny", "receive"…), language-neutral
//   stance        speech act; polarity: "negative" for denials and negated statements
//   dates         claimedOn and dates named in the claim (ISO, partial allowed)
//   numbers       numbers named in the claim, normalised ("4.5", "2020")
//   concepts      language-neutral concept ids from the bilingual lexicons, in the claim's span
//   context       concept ids from the rest of its sentence (weigh half)
//   terms         stemmed content words, cut to five letters so cognates meet ("elect", "direc")
//   anaphoric     the claim points back at something said before ("Ce n'est pas…", "denies it")
//   language, v   language code and feature version
import { predicateConcepts } from './lexicons/concepts.ts';
import type { Lexicon, Stance } from './lexicons/types.ts';
import { isAdverb, PhraseIndex, stem, tokenStem, wordSet, type Token } from './text.ts';

export interface ClaimFeatures {
  v: 1;
  language: string;
  claimant: string | null;
  subjects: string[];
  predicate: string;
  stance: Stance;
  polarity: 'positive' | 'negative';
  dates: string[];
  numbers: string[];
  concepts: string[];
  context: string[];
  terms: string[];
  anaphoric: boolean;
}

interface Prepared {
  phrases: PhraseIndex<string>;
  stems: Map<string, string>;
  stop: Set<string>;
  gap: (t: Token) => boolean;
}
const cache = new WeakMap<Lexicon, Prepared>();
let lastLex: Lexicon | null = null;
let lastPrepared: Prepared | null = null;
function prepare(lex: Lexicon): Prepared {
  // Called for every token: the last lexicon's preparation is checked before the WeakMap.
  if (lex === lastLex) return lastPrepared!;
  let p = cache.get(lex);
  if (p) {
    lastLex = lex;
    lastPrepared = p;
    return p;
  }
  const phrases = new PhraseIndex<string>('fold');
  const stems = new Map<string, string>();
  for (const [concept, words] of Object.entries(lex.concepts)) {
    for (const w of words) {
      if (/\s/.test(w.trim())) phrases.add(w, concept);
      else if (!stems.has(stem(w, lex))) stems.set(stem(w, lex), concept);
    }
  }
  const adverbs = wordSet(lex.adverbs);
  p = { phrases, stems, stop: wordSet(lex.stopwords, 'fold'), gap: (t: Token) => isAdverb(t, lex, adverbs) };
  cache.set(lex, p);
  return p;
}

/** Concept ids named by tokens, in order of appearance. */
export function conceptsOf(tokens: Token[], lex: Lexicon): string[] {
  const p = prepare(lex);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word') continue;
    const ph = p.phrases.match(tokens, i, p.gap);
    if (ph) {
      out.push(ph.value);
      i = ph.end - 1;
      continue;
    }
    const c = p.stems.get(tokenStem(t, lex));
    if (c) out.push(c);
  }
  return out;
}

export function termsOf(tokens: Token[], lex: Lexicon): string[] {
  const p = prepare(lex);
  const out = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== 'word' || p.stop.has(t.fold) || t.fold.length < 4) continue;
    out.add(tokenStem(t, lex).slice(0, 5));
  }
  return [...out];
}

/** Numbers written the same way in every language: "40,000", "40.000" and "40 000" are 40000; "3,1" is 3.1. */
export function normaliseNumber(raw: string): string {
  if (/^\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+$/.test(raw)) return raw.replace(/\D/g, '');
  return raw.replace(',', '.');
}

export function numbersOf(tokens: Token[]): string[] {
  return [...new Set(tokens.filter((t) => t.kind === 'num').map((t) => normaliseNumber(t.raw)))];
}

/** The concept a single word names, if any ("airline" and "compagnie" → the same id). */
export function conceptOfWord(word: string, lex: Lexicon): string | undefined {
  return prepare(lex).stems.get(stem(word, lex));
}

export interface FeatureInput {
  language: string;
  lex: Lexicon;
  claimant: string | null;
  subjects: string[];
  stance: Stance;
  polarity: 'positive' | 'negative';
  verbConcept: string;
  neutral: boolean;
  dates: string[];
  spanTokens: Token[];
  contextTokens: Token[];
  anaphoric: boolean;
}

/** The matching features of a claim (see the top of this file for each field). */
export function claimFeatures(f: FeatureInput): ClaimFeatures {
  const concepts = [...new Set(conceptsOf(f.spanTokens, f.lex))];
  const context = [...new Set(conceptsOf(f.contextTokens, f.lex))].filter((c) => !concepts.includes(c));
  const predicate = !f.neutral ? f.verbConcept : concepts.find((c) => predicateConcepts.has(c)) ?? f.verbConcept;
  return {
    v: 1,
    language: f.language,
    claimant: f.claimant,
    subjects: [...new Set(f.subjects)],
    predicate,
    stance: f.stance,
    polarity: f.polarity,
    dates: [...new Set(f.dates)],
    numbers: numbersOf(f.spanTokens.concat(f.contextTokens)),
    concepts,
    context,
    terms: termsOf(f.spanTokens, f.lex),
    anaphoric: f.anaphoric,
  };
}

// --- scoring

function overlap(a: string[], b: string[]): string[] {
  const s = new Set(b);
  return [...new Set(a.filter((x) => s.has(x)))];
}

function conceptOverlap(a: ClaimFeatures, b: ClaimFeatures): { score: number; shared: string[] } {
  const strong = overlap(a.concepts, b.concepts);
  const weak = overlap(a.concepts.concat(a.context), b.concepts.concat(b.context)).filter((c) => !strong.includes(c));
  const size = Math.min(a.concepts.length + a.context.length / 2, b.concepts.length + b.context.length / 2);
  if (size <= 0) return { score: 0, shared: [] };
  return { score: Math.min(1, (strong.length + weak.length / 2) / Math.max(2, size)), shared: strong.concat(weak) };
}

const label = (key: string) => key.replace(/^[a-z]+:/, '').replace(/-/g, ' ');

/**
 * How likely two claims state the same proposition from the same side, with the reasons an
 * editor sees. Claims by different claimants, or of opposite polarity, are not the same claim.
 */
export function scoreSameClaim(a: ClaimFeatures, b: ClaimFeatures): { score: number; reasons: string[] } {
  const reasons: string[] = [];
  let score = 0;
  const c = conceptOverlap(a, b);
  score += 0.4 * c.score;
  if (c.shared.length) reasons.push(`overlapping terms: ${c.shared.join(', ')}`);
  const terms = overlap(a.terms, b.terms);
  score += 0.15 * Math.min(1, terms.length / Math.max(3, Math.min(a.terms.length, b.terms.length) / 2));
  const subjects = overlap(a.subjects, b.subjects);
  score += 0.15 * Math.min(1, subjects.length / 2);
  if (subjects.length) reasons.push(`shared entities: ${subjects.map(label).join(', ')}`);
  if (a.predicate === b.predicate && a.predicate !== 'say') {
    score += 0.1;
    reasons.push(`same predicate: ${a.predicate}`);
  }
  const day = (f: ClaimFeatures) => f.dates.find((d) => d.length === 10);
  const da = day(a);
  const db = day(b);
  if (da && db && da === db) {
    score += 0.1;
    reasons.push(`same date ${da}`);
  } else if (da && db) {
    score -= 0.15;
    reasons.push(`different dates ${da} / ${db}`);
  }
  const numbers = overlap(a.numbers, b.numbers);
  if (numbers.length) {
    score += 0.05;
    reasons.push(`same numbers: ${numbers.join(', ')}`);
  }
  if (a.claimant === b.claimant) {
    score += 0.1;
    if (a.claimant) reasons.unshift(`same claimant: ${label(a.claimant)}`);
  } else {
    score *= 0.3;
    reasons.push('different claimants');
  }
  if (a.polarity !== b.polarity) {
    score *= 0.3;
    reasons.push('opposite polarity');
  }
  return { score: Math.max(0, Math.min(1, Math.round(score * 1000) / 1000)), reasons };
}

export interface LinkableClaim {
  id: string;
  features: ClaimFeatures;
  /** Source the claim was found in, and its position there: links between neighbours need it. */
  source?: string;
  order?: number;
  /** Sentence index within its source. */
  sentence?: number;
}

export interface SuggestedLink {
  from: string;
  to: string;
  kind: 'contradicts' | 'supports' | 'confirms';
  reason: string;
}

export const SAME_CLAIM_THRESHOLD = 0.5;
const OUTLET_MARGIN = 0.2;

/**
 * Groups of claims stating the same proposition from the same side. Average-link clustering:
 * strongest pairs first, and two groups join only if their claims are, on average, as close as
 * a single matching pair must be, so one loose pair cannot chain unrelated claims together.
 */
export function groupSameClaims(claims: LinkableClaim[], threshold = SAME_CLAIM_THRESHOLD): string[][] {
  const n = claims.length;
  const need = (i: number) => (claims[i]!.features.claimant ? threshold : threshold + OUTLET_MARGIN);
  const score: number[][] = claims.map(() => new Array<number>(n).fill(0));
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = claims[i]!.features;
      const b = claims[j]!.features;
      if (a.claimant !== b.claimant || a.polarity !== b.polarity) continue;
      const s = scoreSameClaim(a, b).score;
      score[i]![j] = score[j]![i] = s;
      if (s >= need(i)) pairs.push([s, i, j]);
    }
  }
  pairs.sort((x, y) => y[0] - x[0]);
  const group = claims.map((_, i) => [i]);
  const of = claims.map((_, i) => i);
  for (const [, i, j] of pairs) {
    const gi = of[i]!;
    const gj = of[j]!;
    if (gi === gj) continue;
    const A = group[gi]!;
    const B = group[gj]!;
    let sum = 0;
    for (const x of A) for (const y of B) sum += score[x]![y]!;
    if (sum / (A.length * B.length) < need(i)) continue;
    for (const y of B) of[y] = gi;
    group[gi] = A.concat(B);
    group[gj] = [];
  }
  return group.filter((g) => g.length > 1).map((g) => g.sort((x, y) => x - y).map((i) => claims[i]!.id));
}

// Speech acts that state a proposition, which a denial can contradict. A warning or a question
// is an act, not a statement of fact.
const PROPOSITIONS = new Set<Stance>(['assert', 'confirm', 'accuse']);

/**
 * Topical closeness of two claims regardless of side, from their own words only (a sentence's
 * other clauses say other things): shared concepts, the same predicate, and whether one
 * claimant is what the other claim is about. Speech-act concepts do not count: "denies" and
 * "démenti" say nothing about the topic.
 */
function topical(a: ClaimFeatures, b: ClaimFeatures): { score: number; shared: string[] } {
  const shared = overlap(a.concepts, b.concepts).filter((c) => !SPEECH_ACTS.has(c));
  const samePredicate = a.predicate === b.predicate && predicateConcepts.has(a.predicate) && !SPEECH_ACTS.has(a.predicate);
  const concerns = (x: ClaimFeatures, y: ClaimFeatures) => !!x.claimant && y.subjects.includes(x.claimant);
  // Years: claims about different years (or one about a named year, one about none) are about different events.
  const years = (f: ClaimFeatures) => f.numbers.filter((n) => /^(1[89]|20)\d\d$/.test(n));
  const ya = years(a);
  const yb = years(b);
  const yearsDiffer = (ya.length || yb.length) && !overlap(ya, yb).length;
  const score = shared.length + (samePredicate ? 1 : 0) + (concerns(a, b) || concerns(b, a) ? 1 : 0) - (yearsDiffer ? 1 : 0);
  return { score, shared };
}
const SPEECH_ACTS = new Set(['say', 'deny', 'confirm', 'accuse']);

/**
 * Links suggested from stance and attribution: a denial or negated statement that touches what a
 * claim asserts contradicts it (most of all when the denier is the party the claim concerns); a
 * confirmation of another claimant's statement confirms it; the same statement by another
 * claimant supports it. A short denial that points back ("This is not true", "denies it") is
 * read against the claim just before it in the same source.
 */
export function suggestLinks(claims: LinkableClaim[]): SuggestedLink[] {
  const out: SuggestedLink[] = [];
  const seen = new Set<string>();
  const add = (l: SuggestedLink) => {
    const key = [l.from, l.to].sort().join('|');
    if (seen.has(key)) return;
    seen.add(key);
    out.push(l);
  };
  const sorted = [...claims].sort((x, y) => (x.source ?? '').localeCompare(y.source ?? '') || (x.order ?? 0) - (y.order ?? 0));
  for (const neg of sorted) {
    const n = neg.features;
    if (n.polarity !== 'negative') continue;
    if (n.anaphoric) {
      // What it points back at: a statement in the same sentence, else the one just before, by someone else.
      const others = sorted.filter((c) => c !== neg && c.source === neg.source && c.features.claimant !== n.claimant && PROPOSITIONS.has(c.features.stance));
      const sameSentence = others.find((c) => c.sentence !== undefined && c.sentence === neg.sentence);
      // The statement answered is the first of the last speaker's run of statements before it
      // (an allegation is made, then quoted; "rejected the allegation" answers the allegation).
      const prior = others.filter((c) => (c.order ?? 0) < (neg.order ?? 0) && c.features.claimant);
      const last = prior[prior.length - 1];
      let first = last;
      for (let k = prior.length - 2; k >= 0 && last; k--) {
        if (prior[k]!.features.claimant !== last.features.claimant || (first!.order ?? 0) - (prior[k]!.order ?? 0) > 1) break;
        first = prior[k];
      }
      const near = sameSentence ?? (last && (neg.order ?? 0) - (last.order ?? 0) <= 2 ? first : undefined);
      if (near) add({ from: neg.id, to: near.id, kind: 'contradicts', reason: `disputes the statement it answers${near.features.claimant ? ` by ${label(near.features.claimant)}` : ''}` });
    }
    // A rebuttal that points back says too little of its own to be matched by topic.
    if (n.anaphoric) continue;
    for (const pos of sorted) {
      if (pos === neg) continue;
      const q = pos.features;
      // The outlet's own narrative is not what a quoted denial answers; claims someone made are.
      if (q.polarity !== 'positive' || !PROPOSITIONS.has(q.stance) || !q.claimant) continue;
      const da = n.dates.find((d) => d.length === 10);
      const db = q.dates.find((d) => d.length === 10);
      if (da && db && Math.abs(Date.parse(da) - Date.parse(db)) > 3 * 864e5) continue;
      // One speaker's statements in one sentence are one account, not a contradiction; across
      // sentences they contradict only on the same predicate ("did not talk" / "discussed").
      if (n.claimant && n.claimant === q.claimant && (neg.sentence === pos.sentence && neg.source === pos.source || n.predicate !== q.predicate)) continue;
      const t = topical(n, q);
      if (t.score < 2) continue;
      const who = n.claimant ? label(n.claimant) : 'the source';
      add({ from: neg.id, to: pos.id, kind: 'contradicts', reason: `${who} ${n.stance === 'deny' ? 'denies' : 'negates'} it (${t.shared.join(', ') || 'same topic'})` });
    }
  }
  for (const a of sorted) {
    if (a.features.stance !== 'confirm' || a.features.polarity !== 'positive') continue;
    for (const b of sorted) {
      if (a === b || b.features.polarity !== 'positive' || b.features.claimant === a.features.claimant) continue;
      const s = conceptOverlap(a.features, b.features);
      if (s.score >= 0.5) add({ from: a.id, to: b.id, kind: 'confirms', reason: `${a.features.claimant ? label(a.features.claimant) : 'the source'} confirms it (${s.shared.join(', ')})` });
    }
  }
  return out;
}
