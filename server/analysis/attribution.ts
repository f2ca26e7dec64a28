// Attribution: who says what in a sentence. A small grammar over tokens, driven by the
// lexicon: a reporting verb, its speaker on the left ("X said", "X, who denied"), on the right
// ("“…,” said X", "a déclaré X", "a-t-il dit"), or after "according to"; its content as a
// complement clause, an object, or the quotation before it. Speech-act nouns with an agent
// ("the Russian proposal to …") and relative clauses stating a dated fact ("New Start, which
// expires in 2021") give claims of their own.
import type { Lexicon, Stance } from './lexicons/types.ts';
import type { Mention } from './entities.ts';
import type { Quote } from './segment.ts';
import { isAdverb, PhraseIndex, wordSet, type Span, type Token } from './text.ts';

export type AttributionKind = 'verb' | 'according' | 'passive' | 'relative' | 'noun' | 'fact' | 'continuation';

export interface Attribution {
  kind: AttributionKind;
  /** The mention naming the speaker; null when the outlet itself asserts (or a passive has no agent). */
  speaker: Mention | null;
  /** Country standing as speaker of a speech-act noun ("the Russian proposal"). */
  speakerCountry?: string;
  stance: Stance;
  /** The verb only says that something was said; the stance comes from what was said. */
  neutral: boolean;
  concept: string;
  /** The reporting verb itself is negated ("did not deny"). */
  negated: boolean;
  /** Pluperfect: the statement was made before the narrative's reference day. */
  anterior: boolean;
  verb: Span | null;
  content: Span;
  span: Span;
  /** The content is a direct quotation. */
  quoted: boolean;
  /** The content is a clause or quotation reporting what was said, not a mere object ("rejected the criticism"). */
  complement: boolean;
  quote?: Quote;
  /** Where a date of the statement itself would sit (around the verb, outside the content). */
  statementZone: Span;
}


// Every attribution is built with the same fields in the same order, so the engine keeps one
// object shape for all of them; a late new shape would throw away the optimised pipeline.
export function attribution(a: Attribution): Attribution {
  return {
    kind: a.kind, speaker: a.speaker, speakerCountry: a.speakerCountry, stance: a.stance, neutral: a.neutral, concept: a.concept,
    negated: a.negated, anterior: a.anterior, verb: a.verb, content: a.content, span: a.span, quoted: a.quoted,
    complement: a.complement, quote: a.quote, statementZone: a.statementZone,
  };
}

interface Prepared {
  verbs: PhraseIndex<{ stance: Stance; neutral: boolean; concept: string; agentObject: boolean; afterQuote: boolean }>;
  according: PhraseIndex<true>;
  nouns: PhraseIndex<Stance>;
  nationality: PhraseIndex<string>;
  aux: Set<string>;
  anterior: Set<string>;
  passive: Set<string>;
  agent: Set<string>;
  adverbs: Set<string>;
  parentheticals: PhraseIndex<true>;
  negations: Set<string>;
  determiners: Set<string>;
  prepositions: Set<string>;
  complementizers: Set<string>;
  relatives: Set<string>;
  splitters: Set<string>;
  infinitive: Set<string>;
  modals: Set<string>;
  documents: Set<string>;
  gerunds: Set<string>;
  openingSources: Set<string>;
  people: Set<string>;
  reflexives: Set<string>;
  gap: (t: Token) => boolean;
}

const cache = new WeakMap<Lexicon, Prepared>();
let lastLex: Lexicon | null = null;
let lastPrepared: Prepared | null = null;
export function prepareAttribution(lex: Lexicon): Prepared {
  // Called for every token: the last lexicon's preparation is checked before the WeakMap.
  if (lex === lastLex) return lastPrepared!;
  let p = cache.get(lex);
  if (p) {
    lastLex = lex;
    lastPrepared = p;
    return p;
  }
  const verbs = new PhraseIndex<{ stance: Stance; neutral: boolean; concept: string; agentObject: boolean; afterQuote: boolean }>('low');
  for (const v of lex.reportingVerbs) {
    const value = { stance: v.stance, neutral: !!v.neutral, concept: v.concept ?? v.stance, agentObject: !!v.needsAgentObject, afterQuote: !!v.afterQuote };
    for (const f of v.forms) verbs.add(f, value);
  }
  const according = new PhraseIndex<true>('low');
  for (const a of lex.accordingTo) according.add(a, true);
  const nouns = new PhraseIndex<Stance>('low');
  for (const n of lex.speechNouns) for (const f of n.forms) nouns.add(f, n.stance);
  const nationality = new PhraseIndex<string>('fold');
  for (const [code, forms] of Object.entries(lex.nationalities)) for (const f of forms) nationality.add(f, code);
  p = {
    verbs, according, nouns, nationality,
    aux: wordSet(lex.auxiliaries),
    anterior: wordSet(lex.anteriorAuxiliaries),
    passive: wordSet(lex.passiveAuxiliaries),
    agent: wordSet(lex.agentMarkers),
    adverbs: wordSet(lex.adverbs),
    parentheticals: (() => {
      const x = new PhraseIndex<true>('low');
      for (const ph of lex.parentheticals) x.add(ph, true);
      return x;
    })(),
    negations: wordSet(lex.negations),
    determiners: wordSet(lex.determiners),
    prepositions: wordSet(lex.prepositions),
    complementizers: wordSet(lex.complementizers),
    relatives: wordSet(lex.relativePronouns),
    splitters: wordSet(lex.clauseSplitters),
    infinitive: wordSet(lex.infinitiveMarkers),
    modals: wordSet(lex.modals),
    documents: wordSet(lex.documentNouns),
    gerunds: wordSet(lex.gerundMarkers),
    openingSources: wordSet(lex.openingSources),
    reflexives: wordSet(lex.reflexives),
    people: wordSet(lex.objectPronouns.filter((x) => !x.neuter).map((x) => x.form)),
    gap: (t: Token) => false,
  };
  const adverbs = p.adverbs;
  p.gap = (t: Token) => isAdverb(t, lex, adverbs);
  cache.set(lex, p);
  return p;
}

export interface SentenceInput {
  text: string;
  sentence: Span;
  tokens: Token[];
  mentions: Mention[];
  /** Quotations overlapping the sentence (they may start in an earlier one). */
  quotes: Quote[];
  /** Dates in the sentence: skipped when looking for a speaker ("said Tuesday"). */
  dates: Span[];
  lex: Lexicon;
}

/** Is tokens[i] a reporting verb (used by mention detection to read "the American said")? */
export function isReportingVerbAt(tokens: Token[], i: number, lex: Lexicon): boolean {
  const p = prepareAttribution(lex);
  const t = tokens[i];
  if (!t) return false;
  return p.aux.has(t.low) || !!p.verbs.match(tokens, i);
}

/** What the helpers of attributeSentence read: one sentence and what is known of it so far. */
interface Reading {
  text: string;
  sentence: Span;
  tokens: Token[];
  quotes: Quote[];
  dates: Span[];
  lex: Lexicon;
  p: Prepared;
  /** The mention ending, and the one starting, at each token. */
  ends: (Mention | undefined)[];
  starts: (Mention | undefined)[];
}

// The helpers of attributeSentence live here rather than as closures inside it: under tsx
// (esbuild's keepNames) every named closure costs a call to name it each time it is created,
// which for a dozen helpers per sentence was a tenth of the analysis time.
function quoteOf(r: Reading, t: Token): Quote | undefined {
  return r.quotes.length ? r.quotes.find((q) => t.s >= q.start && t.e <= q.end) : undefined;
}
function inDate(r: Reading, t: Token): boolean {
  return r.dates.length > 0 && r.dates.some((d) => t.s >= d.start && t.e <= d.end);
}
function endingAt(r: Reading, k: number): Mention | undefined {
  return k >= 0 ? r.ends[k] : undefined;
}
function startingAt(r: Reading, k: number): Mention | undefined {
  return r.starts[k];
}
function adverb(r: Reading, k: number): boolean {
  const t = r.tokens[k];
  if (!t) return false;
  if (r.p.adverbs.has(t.low) || r.p.negations.has(t.low)) return true;
  // A noun with a determiner is not an adverb even with an adverb's ending ("le gouvernement").
  return isAdverb(t, r.lex, r.p.adverbs) && !r.p.determiners.has(r.tokens[k - 1]?.low ?? '');
}
function skippable(r: Reading, k: number): boolean {
  const t = r.tokens[k]!;
  return r.p.aux.has(t.low) || adverb(r, k) || inDate(r, t);
}
function isPunct(r: Reading, k: number, chars = ',;:'): boolean {
  return r.tokens[k]?.kind === 'punct' && chars.includes(r.tokens[k]!.raw);
}
function clauseStart(r: Reading, k: number): number {
  while (k > 0 && !isPunct(r, k - 1, ',;:') && !(r.tokens[k - 1]!.kind === 'punct' && /[«»“”"]/u.test(r.tokens[k - 1]!.raw))) k--;
  return k;
}
/** Start of the clause that ends at `comma`: the sentence start or just after an earlier colon. */
function clauseStartBefore(r: Reading, comma: number): number {
  let k = comma - 1;
  while (k > 0 && !isPunct(r, k - 1, ';:')) k--;
  return Math.max(0, k);
}
function nextComma(r: Reading, k: number): number {
  while (k < r.tokens.length && !isPunct(r, k, ',;')) k++;
  return k;
}
function spanOf(r: Reading, a: number, b: number): Span {
  return { start: r.tokens[a]?.s ?? r.sentence.end, end: r.tokens[Math.max(a, b - 1)]?.e ?? r.sentence.end };
}
function trimSpan(r: Reading, s: Span): Span {
  let { start, end } = s;
  while (end > start && /[\s,;:.«“"(]/u.test(r.text[end - 1]!)) end--;
  while (start < end && /[\s,;:»”")]/u.test(r.text[start]!)) start++;
  return { start, end };
}
function quoteEndingBefore(r: Reading, at: number): Quote | undefined {
  return r.quotes.find((q) => q.outerEnd <= at && /^[\s,;:—–-]*$/u.test(r.text.slice(q.outerEnd, at)) && q.start < at);
}
function quoteStartingAt(r: Reading, at: number): Quote | undefined {
  return r.quotes.find((q) => q.outerStart === at || q.start === at);
}
/** A subject (pronoun or name) followed by an auxiliary or modal opens a clause. */
function startsClause(r: Reading, c: number): boolean {
  const m = startingAt(r, c);
  const next = m ? r.tokens[m.j] : undefined;
  return !!m && (m.type === 'pronoun' || m.type === 'name' || m.type === 'known') && !!next && (r.p.aux.has(next.low) || r.p.modals.has(next.low));
}
function agentOf(r: Reading, j: number): Mention | null {
  // "is accused by X", "is accused of fraud by X": the agent closes the verb's clause.
  const end = nextComma(r, j);
  for (let x = j; x < end; x++) {
    if (r.p.agent.has(r.tokens[x]!.low)) {
      const m = startingAt(r, x + 1) ?? (r.p.determiners.has(r.tokens[x + 1]?.low ?? '') ? startingAt(r, x + 2) : undefined);
      return m && m.type !== 'pronoun' ? m : null;
    }
  }
  return null;
}
/** "told the BBC on Tuesday that": a mention, then only a date or adverbs, up to the clause. */
function addresseeAt(r: Reading, c: number): Mention | undefined {
  return startingAt(r, c) ?? (r.p.determiners.has(r.tokens[c]?.low ?? '') ? startingAt(r, c + 1) : undefined);
}
function addresseeThenAdjunct(r: Reading, c: number, that: number): boolean {
  const m = addresseeAt(r, c);
  if (!m || m.j > that) return false;
  for (let x = m.j; x < that; x++) if (!inDate(r, r.tokens[x]!) && !adverb(r, x) && !r.p.prepositions.has(r.tokens[x]!.low)) return false;
  return true;
}
/** A quotation closes before `at` with only punctuation and a few words between ("», a-t-il poursuivi"). */
function quoteBeforeVerb(r: Reading, at: number): boolean {
  for (const q of r.quotes) if (q.outerEnd <= at && at - q.outerEnd <= 24 && /^[\s,;:—–-]*(?:\S+\s+){0,2}$/u.test(r.text.slice(q.outerEnd, at))) return true;
  return false;
}
function isParticiple(r: Reading, t: Token): boolean {
  return r.lex.participleSuffixes.some((suf) => t.low.endsWith(suf));
}
/** Is the object at `c` someone (a named body, a person, "him")? */
function isSomeone(r: Reading, c: number): boolean {
  const t = r.tokens[c];
  if (!t) return false;
  if (r.p.people.has(t.low)) return true;
  const m = startingAt(r, c);
  return !!m && m.type !== 'pronoun' && !(m.type === 'known' && m.knownKey?.startsWith('place:'));
}
/**
 * The comma opening an insertion that ends at `comma` ("Voss, however, denied", "a, dans un
 * communiqué, indiqué"): no quotation, no verb of saying outside a relative clause, and more
 * than one word unless an adverb.
 */
function insertionStart(r: Reading, comma: number): number | null {
  let c = comma - 1;
  let saying = false;
  while (c > 0 && comma - c <= 14 && !isPunct(r, c, ',;:')) {
    const t = r.tokens[c]!;
    if (quoteOf(r, t) || r.p.complementizers.has(t.low) || (t.kind === 'punct' && /[«»“”"]/u.test(t.raw))) return null;
    if (r.p.verbs.match(r.tokens, c)) saying = true;
    c--;
  }
  if (!isPunct(r, c, ',') || comma - c < 2 || (comma - c === 2 && !adverb(r, c + 1))) return null;
  // A verb of saying only inside a relative clause: "Joanna Fell, who first reported the leak, disputed…".
  if (saying && !r.p.relatives.has(r.tokens[c + 1]!.low)) return null;
  return c;
}
/**
 * The subject before a description between commas that ends at `comma`: "Anika Rao, an
 * epidemiologist at Lund University, warned"; the subject opens its clause, though a few
 * lowercase words may lead in ("But cybersecurity researcher Joanna Fell, who…, disputed").
 */
function insertedSubject(r: Reading, comma: number): Mention | null {
  const c = insertionStart(r, comma);
  if (c === null) return null;
  const m = endingAt(r, c - 1);
  if (!m || m.afterPreposition || m.type === 'pronoun' || (m.type === 'known' && m.knownKey?.startsWith('place:'))) return null;
  const lead = r.tokens.slice(clauseStart(r, m.i), m.i);
  const opensClause = m.i === 0 || r.tokens[m.i - 1]!.kind === 'punct' ||
    (lead.length <= 4 && lead.every((t) => t.kind === 'word' && !r.p.aux.has(t.low) && !r.p.verbs.match([t], 0) && !r.p.prepositions.has(t.low)));
  return opensClause ? m : null;
}
/**
 * The body behind a mouthpiece or a document: "a statement from the Ministry of Defence", "un
 * communiqué de la préfecture", "a spokesman for Delta Freight".
 */
function issuerOf(r: Reading, m: Mention): Mention | null {
  if (m.type !== 'group' && m.type !== 'role') return null;
  if (!r.p.documents.has(r.tokens[m.j - 1]!.low)) return null;
  const link = r.tokens[m.j];
  if (!link || !r.p.prepositions.has(link.low)) return null;
  // French "du", "des" are preposition and article at once: the owner's mention may start with them.
  const owner = startingAt(r, m.j) ?? startingAt(r, m.j + 1) ?? (r.p.determiners.has(r.tokens[m.j + 1]?.low ?? '') ? startingAt(r, m.j + 2) : undefined);
  return owner && owner.type !== 'pronoun' ? owner : null;
}
function looksInfinitive(r: Reading, toks: Token[], c: number): boolean {
  // Infinitive or gerund complements ("denied receiving", "nié avoir reçu") carry a proposition.
  const w = toks[c]!.low;
  return /(?:ing|er|ir|re|oir)$/u.test(w) && !r.p.determiners.has(w);
}

export function attributeSentence(input: SentenceInput): Attribution[] {
  const { text, sentence, tokens, mentions, quotes, dates, lex } = input;
  const p = prepareAttribution(lex);
  const ends: (Mention | undefined)[] = new Array(tokens.length);
  const starts: (Mention | undefined)[] = new Array(tokens.length);
  for (const m of mentions) {
    ends[m.j - 1] ??= m;
    starts[m.i] ??= m;
  }
  const rd: Reading = { text, sentence, tokens, quotes, dates, lex, p, ends, starts };
  const sentenceEndTok = tokens.length;
  const out: Attribution[] = [];
  const taken = new Set<number>();

  // --- reporting verbs and "according to"
  interface Hit { kind: 'verb' | 'according' | 'passive'; i: number; j: number; stance: Stance; neutral: boolean; concept: string; agentObject: boolean; afterQuote: boolean }
  const hits: Hit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word' || quoteOf(rd, t)) continue;
    // "Pour le syndicat, cette réforme est une erreur": a sentence opening on whose view follows.
    if (i === 0 && p.openingSources.has(t.low)) {
      const m = startingAt(rd, 1);
      // Only someone who holds a view: a person, a role, a plural group. "Pour l'entreprise,
      // l'enjeu est de taille" is the outlet speaking of a company.
      const holder = !!m && (m.type === 'role' || (m.type === 'name' && m.j - m.i >= 2 && !m.descriptor) || (m.type === 'group' && !!m.plural));
      if (m && holder && isPunct(rd, m.j, ',') && m.j + 1 < tokens.length) {
        hits.push({ kind: 'according', i, j: 1, stance: 'assert', neutral: true, concept: 'say', agentObject: false, afterQuote: false });
        continue;
      }
    }
    const acc = p.according.match(tokens, i);
    if (acc) {
      hits.push({ kind: 'according', i, j: acc.end, stance: 'assert', neutral: true, concept: 'say', agentObject: false, afterQuote: false });
      i = acc.end - 1;
      continue;
    }
    const v = p.verbs.match(tokens, i, p.gap);
    if (!v) continue;
    if (v.value.afterQuote && !quoteBeforeVerb(rd, t.s)) continue;
    const prev = tokens[i - 1];
    // "a warning", "the report", "of claims": a noun, not the verb.
    // A word that is both article and relative pronoun ("that") right after a name is the pronoun.
    const relativeAfterName = !!prev && p.relatives.has(prev.low) && !!endingAt(rd, i - 2);
    const gerund = !!prev && p.gerunds.has(prev.low) && isParticiple(rd, t);
    if (prev && !relativeAfterName && !gerund && (p.determiners.has(prev.low) || (p.prepositions.has(prev.low) && !p.infinitive.has(prev.low)))) continue;
    let k = i - 1;
    while (k >= 0 && adverb(rd, k)) k--;
    const next = tokens[v.end];
    // "s'est dit" is a statement, not a passive.
    const reflexive = k > 0 && p.reflexives.has(tokens[k - 1]!.low);
    const isPassive = k >= 0 && !reflexive && p.passive.has(tokens[k]!.low) && (!next || next.kind === 'punct' || p.prepositions.has(next.low) || p.agent.has(next.low));
    hits.push({ kind: isPassive ? 'passive' : 'verb', i, j: v.end, ...v.value });
    i = v.end - 1;
  }


  interface Complement { from: number; to: number; owner: number }
  const complements: Complement[] = [];

  // One hit at a time in a function of its own: the engine compiles it apart from the rest,
  // which keeps each optimised piece small enough to compile quickly.
  const attributeHit = (h: Hit): void => {
    if (taken.has(h.i)) return;
    let speaker: Mention | null = null;
    let relative = false;
    let appositionStart: number | null = null;
    let negated = false;
    let anterior = false;
    let vs = h.i;
    let stance = h.stance;

    if (h.kind === 'according') {
      // "according to X", "according to a notice posted by X": the agent if there is one.
      let phraseEnd = nextComma(rd, h.j);
      // "Selon sa cheffe de file, Claire Dumas, …": a role and its holder set off by commas are one source.
      const apposed = mentions.find((x) => x.i >= h.j && x.i < phraseEnd && x.j > phraseEnd && x.apposition);
      if (apposed) phraseEnd = nextComma(rd, apposed.j);
      const inPhrase = mentions.filter((x) => x.i >= h.j && x.j <= phraseEnd);
      const named = inPhrase.find((x) => x.i > 0 && p.agent.has(tokens[x.i - 1]!.low)) ?? inPhrase.find((x) => x.i <= h.j + 1) ?? inPhrase[0];
      if (!named) return;
      const m = issuerOf(rd, named) ?? named;
      // Content: the rest of the sentence around "according to X,".
      let cs = 0;
      let ce = sentenceEndTok;
      if (h.i === 0 || clauseStart(rd, h.i) === h.i && h.i <= 1) {
        cs = phraseEnd < sentenceEndTok ? phraseEnd + 1 : m.j;
      } else {
        ce = h.i;
      }
      const content = trimSpan(rd, spanOf(rd, cs, ce));
      out.push(attribution({
        kind: 'according', speaker: m, stance: 'assert', neutral: true, concept: 'say', negated: false, anterior: false,
        verb: spanOf(rd, h.i, h.j), content, span: trimSpan(rd, { start: sentence.start, end: sentence.end }), quoted: isQuoted(content, quotes), complement: true,
        quote: quotes.find((q) => q.start <= content.start + 2 && q.end >= content.end - 2), statementZone: spanOf(rd, h.i, m.j),
      }));
      return;
    }

    // Speaker on the left, skipping auxiliaries, adverbs, negations and dates.
    let k = h.i - 1;
    while (k >= 0) {
      const m = endingAt(rd, k);
      if (m && !m.afterPreposition) break;
      if (m && m.afterPreposition && m.type !== 'pronoun') {
        // "Analysts at one bank estimated": the subject is before the prepositional phrase.
        const prepAt = m.i - 1 >= 0 && p.prepositions.has(tokens[m.i - 1]!.low) ? m.i - 1 : m.i - 2;
        if (endingAt(rd, prepAt - 1) && prepAt - 1 >= 0) {
          k = prepAt - 1;
          break;
        }
        break;
      }
      // An age or a figure set off by commas or a preposition: "Wanjiru, 24, denied", "L'athlète de 24 ans a nié".
      if (isPunct(rd, k, ',') && tokens[k - 1]?.kind === 'num' && isPunct(rd, k - 2, ',')) {
        k -= 3;
        continue;
      }
      if (tokens[k - 1]?.kind === 'num' && p.prepositions.has(tokens[k - 2]?.low ?? '') && tokens[k]!.kind === 'word') {
        k -= 3;
        continue;
      }
      // "a de son côté dénoncé", "for its part": an adverbial phrase ending here.
      let par: number | undefined;
      for (let n = 2; n <= 4 && par === undefined; n++) {
        const s = k - n + 1;
        if (s >= 0 && p.parentheticals.match(tokens, s)?.end === k + 1) par = s;
      }
      if (par !== undefined) {
        k = par - 1;
        continue;
      }
      if (isPunct(rd, k, ',')) {
        const c = insertionStart(rd, k);
        if (c !== null && c > 0 && p.aux.has(tokens[c - 1]!.low)) {
          k = c - 1;
          continue;
        }
      }
      if (!skippable(rd, k)) break;
      const low = tokens[k]!.low;
      if (p.negations.has(low) || low.endsWith("n't")) negated = true;
      if (p.anterior.has(low)) anterior = true;
      if (p.aux.has(low) || adverb(rd, k)) vs = k;
      k--;
    }
    if (h.kind !== 'passive') {
      const m = k >= 0 ? endingAt(rd, k) : undefined;
      // "a-t-il dit": the pronoun sits between the auxiliary and the verb; the clause starts at the auxiliary.
      if (m && m.type === 'pronoun' && tokens[m.i]!.inverted && m.i > 0) vs = Math.min(vs, m.i - 1);
      if (m && (!m.afterPreposition || m.type === 'pronoun') && !(m.type === 'known' && m.knownKey?.startsWith('place:'))) {
        speaker = m;
        // Apposition: "Jane Doe, the bank's governor, said" — the named person speaks.
        if ((m.type === 'role' || m.type === 'group') && isPunct(rd, m.i - 1, ',')) {
          const named = endingAt(rd, m.i - 2);
          if (named && named.type === 'name' && isPunct(rd, m.j, ',') === false) speaker = named;
        }
      } else if (k >= 0 && p.relatives.has(tokens[k]!.low)) {
        const k2 = isPunct(rd, k - 1, ',') ? k - 2 : k - 1;
        const ante = endingAt(rd, k2);
        if (ante) {
          speaker = ante;
          relative = true;
        }
      } else if (k >= 0 && isPunct(rd, k, ',') && endingAt(rd, k - 1)?.apposition) {
        // "Son entraîneur, Peter Otieno, a confirmé", "The transport minister, Ingrid Dahl, urged":
        // the subject is set off by commas.
        speaker = endingAt(rd, k - 1)!;
        appositionStart = clauseStart(rd, speaker.i);
      } else if (k >= 0 && isPunct(rd, k, ',') && endingAt(rd, k - 1) && isPunct(rd, endingAt(rd, k - 1)!.i - 1, ',')) {
        // Apposition: "A lawyer, Daniel Ortiz, accused", "Mike Pompeo, the secretary of state, said":
        // the named one of the two speaks; the claim starts with the first.
        const second = endingAt(rd, k - 1)!;
        const first = endingAt(rd, second.i - 2);
        if (first) {
          speaker = second.type === 'name' ? second : first.type === 'name' || first.type === 'known' ? first : second;
          appositionStart = first.i;
        } else if (second.type === 'name') {
          // "A lawyer for several owners, Daniel Ortiz, accused…": the description has no entity of its own.
          speaker = second;
          appositionStart = clauseStartBefore(rd, second.i - 1);
        }
      }
      if (!speaker && k >= 0 && isPunct(rd, k, ',')) {
        // "Anika Rao, an epidemiologist at Lund University, warned", "Sean O'Brien, the union's
        // president, said": a description set off by commas stands between the subject and its verb.
        const subject = insertedSubject(rd, k);
        if (subject) {
          speaker = subject;
          appositionStart = subject.i;
        }
      }
    }
    // Speaker on the right: "“…,” said X", "…, a déclaré X".
    let inverted = false;
    let borrowed = false;
    if (!speaker && h.kind !== 'passive' && (vs === 0 || tokens[vs - 1]!.kind === 'punct')) {
      let r = h.j;
      while (r < sentenceEndTok && (adverb(rd, r) || inDate(rd, tokens[r]!))) r++;
      let stop = r;
      while (stop < sentenceEndTok && !p.complementizers.has(tokens[stop]!.low)) stop++;
      const cands = mentions.filter((m) => m.i >= r && m.i <= r + 8 && m.j <= stop && (!m.afterPreposition || m.type === 'pronoun'));
      const first = cands[0];
      if (first) {
        speaker = first;
        inverted = true;
        if (first.type !== 'name') {
          const named = mentions.find((m) => m.i > first.i && m.type === 'name' && isPunct(rd, m.i - 1, ',') && (m.j >= sentenceEndTok || isPunct(rd, m.j, ',.;') || tokens[m.j]?.raw === '.'));
          if (named) speaker = named;
        }
      }
    }
    // "A spokeswoman for the ministry said", "un porte-parole du ministère a indiqué": the body
    // the spokesperson speaks for is the speaker; the claim still starts with the spokesperson.
    if (speaker) {
      const issuer = issuerOf(rd, speaker);
      if (issuer) {
        if (!inverted) appositionStart ??= speaker.i;
        speaker = issuer;
      }
    }
    // No subject of its own: a verb coordinated with the previous one ("said … and accused"), or a
    // participle after a comma ("…, blaming a supplement") shares the subject of its sentence.
    if (!speaker && h.kind !== 'passive') {
      const before = tokens[vs - 1];
      const participle = !!before && (isPunct(rd, vs - 1, ',') || p.gerunds.has(tokens[h.i - 1]?.low ?? '')) && isParticiple(rd, tokens[h.i]!);
      const coordinated = !!before && p.splitters.has(before.low);
      if (participle || coordinated) {
        const prevAttr = out[out.length - 1];
        const head = mentions[0] && mentions[0].i <= 1 && !mentions[0].afterPreposition ? mentions[0] : undefined;
        speaker = prevAttr?.speaker ?? head ?? null;
        if (speaker) {
          borrowed = true;
          if (coordinated) {
            vs = vs - 1;
            // "rejected the result and accused the government…": the first statement stops at "and".
            if (prevAttr && prevAttr.content.end > tokens[vs]!.s && prevAttr.content.start < tokens[vs]!.s) {
              prevAttr.content = trimSpan(rd, { start: prevAttr.content.start, end: tokens[vs]!.s });
              prevAttr.span = trimSpan(rd, { start: prevAttr.span.start, end: Math.min(prevAttr.span.end, tokens[vs]!.s) });
            }
          }
        }
      }
    }
    if (!speaker && h.kind !== 'passive') return;

    // Content.
    let content: Span;
    let quoted = false;
    let quote: Quote | undefined;
    let complement = false;
    let spanStart: number;
    if (borrowed) inverted = false;
    const invertedPronoun = !borrowed && !!speaker && speaker.type === 'pronoun' && !!tokens[speaker.i]!.inverted;
    if (invertedPronoun) inverted = true;
    const subjectFirst = speaker && !inverted && !borrowed ? speaker.i : vs;
    // "“…,” union leader Kari Holm told reporters": words of the subject may stand between the quotation and the name.
    let subjectClause = Math.min(subjectFirst, vs);
    if (speaker && !inverted && !borrowed && !relative) {
      const cs = clauseStart(rd, speaker.i);
      const between = tokens.slice(cs, speaker.i);
      // A capitalised word may be a place standing as modifier ("Marsk mayor Ilona Petek").
      if (between.length <= 3 && between.every((t) => t.kind === 'word' && !p.aux.has(t.low) && !p.verbs.match([t], 0))) subjectClause = cs;
    }
    const quoteBefore = quoteEndingBefore(rd, tokens[subjectClause]!.s);
    let contentEndTok = sentenceEndTok;
    let statementZone: Span;
    if (quoteBefore && !borrowed && (inverted || (speaker && subjectClause > 0 && tokens[subjectClause - 1]!.kind === 'punct'))) {
      quote = quoteBefore;
      quoted = true;
      content = { start: Math.max(quote.start, sentence.start), end: Math.min(quote.end, sentence.end) };
      spanStart = -1;
      statementZone = { start: tokens[vs]!.s, end: sentence.end };
    } else if (inverted) {
      // "La réunion était bonne, a dit X": the content is what precedes the verb.
      let e = vs;
      while (e > 0 && tokens[e - 1]!.kind === 'punct') e--;
      content = trimSpan(rd, spanOf(rd, 0, e));
      quoted = isQuoted(content, quotes);
      spanStart = 0;
      statementZone = { start: tokens[vs]!.s, end: sentence.end };
    } else {
      let c = h.j;
      while (c < sentenceEndTok && (adverb(rd, c) || inDate(rd, tokens[c]!))) c++;
      // A parenthetical between the verb and its complement: "warned, alongside X, that…".
      if (isPunct(rd, c, ',')) {
        const close = nextComma(rd, c + 1);
        if (close < sentenceEndTok && close - c <= 10 && p.complementizers.has(tokens[close + 1]?.low ?? '')) c = close + 1;
      }
      if (isPunct(rd, c, ':')) c++;
      const q = tokens[c] ? quoteStartingAt(rd, tokens[c]!.s) : undefined;
      if (p.complementizers.has(tokens[h.j - 1]!.low)) {
        // A verb form that carries its clause ("rappelé que", "recalled that").
        complement = true;
      } else if (tokens[c] && p.complementizers.has(tokens[c]!.low)) {
        complement = true;
        c++;
      } else if (q) {
        complement = true;
      } else if (tokens[c] && p.infinitive.has(tokens[c]!.low) && h.kind !== 'passive') {
        complement = true;
      } else if (h.neutral && startsClause(rd, c)) {
        // "said it could not comment", "said she would": a clause without "that".
        complement = true;
      } else if (h.kind === 'passive' || tokens[c]?.kind === 'word') {
        // An object or an infinitive: the clause runs to the next comma, unless the object
        // carries a clause of its own ("puts forward a thesis that…").
        contentEndTok = nextComma(rd, c);
        let that = -1;
        for (let x = c; x < contentEndTok && that < 0; x++) if (p.complementizers.has(tokens[x]!.low)) that = x;
        if (that >= 0) {
          complement = true;
          contentEndTok = sentenceEndTok;
          // "told Reuters that…", "said in a statement that…", "a déclaré au Monde que…": the
          // addressee or the medium before the clause is not what was said.
          if (that - c <= 6 && that > c && (p.prepositions.has(tokens[c]!.low) || ((addresseeAt(rd, c)?.j === that || addresseeThenAdjunct(rd, c, that)) && !tokens.slice(c, that).some((t) => p.nouns.match([t], 0))))) c = that + 1;
        }
        if (lex.code && tokens[c] && /^\p{Ll}/u.test(tokens[c]!.raw) && looksInfinitive(rd, tokens, c)) {
          complement = true;
          contentEndTok = sentenceEndTok;
        }
      }
      statementZone = spanOf(rd, speaker && !borrowed ? speaker.j : vs, c);
      // "blaming a contaminated supplement" names a cause; "blamed the airline" accuses someone.
      if (h.agentObject && !complement && !isSomeone(rd, c)) stance = 'assert';
      content = trimSpan(rd, spanOf(rd, c, contentEndTok));
      // "…, the company said on Thursday": nothing but adjuncts after the verb, and a comma before
      // the speaker: what was said is the clause before that comma.
      let first = appositionStart ?? speaker?.i ?? vs;
      // "the UK Health Security Agency said": a country standing before the name belongs to the subject.
      const lead = endingAt(rd, first - 1);
      if (lead && (lead.type === 'known' || lead.type === 'nationality') && !lead.afterPreposition) first = lead.i;
      if (first > 0 && p.determiners.has(tokens[first - 1]!.low)) first--;
      // "…, an accusation the company denied": a speech noun standing for the clause before the comma.
      const answered = first > 2 && p.nouns.match(tokens, first - 1)?.end === first && p.determiners.has(tokens[first - 2]!.low) && isPunct(rd, first - 3, ',');
      if (answered) first -= 2;
      // Only the verb's own clause counts: ", as she warned that…" after it is another clause.
      const ownEnd = nextComma(rd, c);
      const rest = tokens.slice(c, ownEnd).filter((t) => t.kind !== 'punct');
      const after = tokens[ownEnd + 1];
      const subordinate = !!after && (p.splitters.has(after.low) || (!!startingAt(rd, ownEnd + 2) && !p.complementizers.has(after.low)));
      const adjunctsOnly = !rest.length || (p.prepositions.has(rest[0]!.low) && !tokens.slice(c, ownEnd).some((t) => p.complementizers.has(t.low)) && (ownEnd >= sentenceEndTok - 1 || subordinate));
      // A dash may close the statement as a comma does: "Sales fell 8% — the worst since 2009 — Voss said".
      if (!borrowed && speaker && adjunctsOnly && first > 1 && isPunct(rd, first - 1, ',—–')) {
        content = trimSpan(rd, spanOf(rd, clauseStartBefore(rd, first - 1), first - 1));
        quoted = isQuoted(content, quotes);
        statementZone = { start: tokens[first]!.s, end: sentence.end };
        spanStart = -1;
        complement = false;
        if (complements.length) void 0;
        out.push(attribution({
          kind: 'verb', speaker, stance, neutral: h.neutral, concept: h.concept, negated, anterior,
          // The answer's own words close its span: "…, an accusation the company denied".
          verb: spanOf(rd, h.i, h.j), content, span: answered ? { start: content.start, end: tokens[h.j - 1]!.e } : content, quoted, complement: true, statementZone,
        }));
        for (let x = h.i; x < h.j; x++) taken.add(x);
        return;
      }
      if (q && q.start <= content.start + 1 && q.end >= content.end - 1) {
        quoted = true;
        quote = q;
      }
      spanStart = borrowed ? vs : appositionStart ?? (speaker && !inverted ? speaker.i : h.kind === 'passive' ? clauseStart(rd, vs) : vs);
    }
    if (complement) complements.push({ from: h.j, to: contentEndTok, owner: out.length });
    // "X rejected the criticism on Thursday": with an object, not a clause, a date in it dates the act.
    if (!complement && !quoted && !inverted && spanStart >= 0) statementZone = { start: statementZone.start, end: content.end };
    // A quotation followed by its speaker is a claim in the speaker's words: the quotation alone.
    const span = spanStart < 0
      ? content
      : trimSpan(rd, { start: Math.min(tokens[spanStart]!.s, content.start), end: Math.max(content.end, tokens[h.j - 1]!.e) });
    out.push(attribution({
      kind: relative ? 'relative' : h.kind === 'passive' ? 'passive' : 'verb',
      speaker: h.kind === 'passive' ? agentOf(rd, h.j) : speaker,
      stance, neutral: h.neutral, concept: h.concept, negated, anterior,
      verb: spanOf(rd, h.i, h.j), content, span, quoted, complement: complement || quoted || inverted, quote, statementZone,
    }));
    for (let x = h.i; x < h.j; x++) taken.add(x);
  };
  for (const h of hits) attributeHit(h);


  // Verbs inside another attribution's complement report what the first speaker said, unless a
  // relative clause gives them a speaker of their own ("… Lavrov, who denied").
  const kept: Attribution[] = [];
  out.forEach((a, idx) => {
    const owner = complements.find((c) => c.owner !== idx && a.verb && a.verb.start >= (tokens[c.from]?.s ?? Infinity) && a.verb.start < (tokens[c.to - 1]?.e ?? -1) && c.owner < idx);
    if (!owner) return kept.push(a);
    const o = out[owner.owner]!;
    const vt = tokens.findIndex((t) => t.s === a.verb!.start);
    let b = vt - 1;
    while (b >= 0 && adverb(rd, b)) b--;
    if (a.kind === 'verb' && a.speaker === o.speaker && b >= 0 && p.splitters.has(tokens[b]!.low)) {
      // "said that … and accused the bank of …": a second statement of the same speaker.
      const cut = tokens[b]!.s;
      o.content = trimSpan(rd, { start: o.content.start, end: Math.min(o.content.end, cut) });
      o.span = trimSpan(rd, { start: o.span.start, end: Math.min(o.span.end, cut) });
      a.span = trimSpan(rd, { start: cut, end: a.span.end });
      kept.push(a);
      return;
    }
    // "X said Orbis had broken the law, an accusation the company denied": the second speaker
    // answers the first one's statement, which stops at the comma.
    if (a.kind === 'verb' && a.speaker && a.speaker !== o.speaker && a.verb && a.content.end <= a.verb.start && a.span.end <= a.verb.end) {
      const cut = a.content.end;
      o.content = { start: o.content.start, end: Math.min(o.content.end, cut) };
      o.span = { start: o.span.start, end: Math.min(o.span.end, cut) };
      a.content = { start: Math.max(o.content.start, a.content.start), end: cut };
      a.span = { start: a.content.start, end: Math.max(a.span.end, cut) };
      kept.push(a);
      return;
    }
    if (a.kind === 'relative' && a.speaker) {
      const cut = a.speaker.end;
      if (cut > o.content.start) {
        o.content = { start: o.content.start, end: Math.min(o.content.end, cut) };
        o.span = { start: o.span.start, end: Math.min(o.span.end, cut) };
      }
      kept.push(a);
    }
  });

  // Coordinated second statements: "X insisted on A, and on the fact that B" / "…, without deciding on C".
  for (const a of [...kept]) {
    if (a.kind === 'according' || !a.speaker || a.quoted) continue;
    const endTok = tokens.findIndex((t) => t.s >= a.content.end);
    if (endTok < 0 || !isPunct(rd, endTok, ',;')) continue;
    const s = endTok + 1;
    if (!tokens[s] || !p.splitters.has(tokens[s]!.low)) continue;
    // ", while the unions called it reckless": a clause with a subject of its own is not this speaker's.
    if (startingAt(rd, s + 1) || (p.determiners.has(tokens[s + 1]?.low ?? '') && startingAt(rd, s + 2))) continue;
    const e = nextComma(rd, s + 1);
    const from = tokens[s]!.s;
    if (kept.some((b) => b !== a && b.span.start >= from && b.span.start < (tokens[e - 1]?.e ?? 0))) continue;
    if (e - s < 4) continue;
    const content = trimSpan(rd, spanOf(rd, s, e));
    kept.push(attribution({ ...a, kind: 'continuation', content, span: content, quoted: isQuoted(content, quotes), quote: undefined }));
  }

  // Speech-act nouns with an agent and a propositional complement: "the Russian proposal to renew…".
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (taken.has(i) || quoteOf(rd, t)) continue;
    const n = p.nouns.match(tokens, i);
    if (!n) continue;
    let country: string | undefined;
    let agent: Mention | undefined;
    let after = n.end;
    let first = i;
    const before = p.nationality.match(tokens, i - 1);
    if (before && before.end === i) {
      country = before.value;
      first = i - 1;
    } else {
      const nat = p.nationality.match(tokens, n.end);
      if (nat) {
        country = nat.value;
        after = nat.end;
      } else {
        const poss = /^['’]s?$/u.test(tokens[i - 1]?.raw ?? '');
        const m = poss ? endingAt(rd, i - 2) : undefined;
        if (m) {
          agent = m;
          first = m.i;
        }
      }
    }
    if (!country && !agent) continue;
    const marker = tokens[after];
    const markerOk = marker && (p.complementizers.has(marker.low) || (p.infinitive.has(marker.low) && tokens[after + 1] && !p.determiners.has(tokens[after + 1]!.low)));
    if (!markerOk) continue;
    if (first > 0 && p.determiners.has(tokens[first - 1]!.low)) first--;
    const e = nextComma(rd, after);
    const span = trimSpan(rd, spanOf(rd, first, e));
    kept.push(attribution({
      kind: 'noun', speaker: agent ?? null, speakerCountry: country, stance: n.value, neutral: n.value === 'assert', concept: n.value,
      negated: false, anterior: false, verb: spanOf(rd, i, n.end), content: trimSpan(rd, spanOf(rd, after + 1, e)), span, quoted: false, complement: true, statementZone: spanOf(rd, i, n.end),
    }));
  }

  // Relative clauses stating a dated or numbered fact about something named: "New Start, which expires in 2021".
  for (const m of mentions) {
    if (m.type !== 'name' && m.type !== 'known') continue;
    let r = m.j;
    if (isPunct(rd, r, ',')) r++;
    const rel = tokens[r];
    if (!rel || !p.relatives.has(rel.low) || quoteOf(rd, rel)) continue;
    const e = nextComma(rd, r + 1);
    const clause = tokens.slice(r + 1, e);
    if (!clause.some((t) => t.kind === 'num' || inDate(rd, t))) continue;
    if (kept.some((a) => a.verb && a.verb.start >= rel.s && a.verb.start < (tokens[e - 1]?.e ?? 0))) continue;
    // Inside what someone is reported to have said, it is part of their statement, not a fact of the outlet's.
    if (complements.some((c) => r >= c.from && r < c.to && kept.includes(out[c.owner]!))) continue;
    const span = trimSpan(rd, spanOf(rd, m.i, e));
    kept.push(attribution({
      kind: 'fact', speaker: null, stance: 'assert', neutral: true, concept: 'say', negated: false, anterior: false,
      verb: null, content: span, span, quoted: false, complement: false, statementZone: span,
    }));
  }
  return kept;
}

function isQuoted(content: Span, quotes: Quote[]): boolean {
  return quotes.some((q) => q.start <= content.start + 2 && q.end >= content.end - 2);
}
