// The pipeline: layout → paragraphs → sentences → quotations → mentions → attributions →
// entities → stance, dates, check-worthiness, matching features. Pure: text and options in,
// plain data out.
import { attributeSentence, attribution, isReportingVerbAt, type Attribution } from './attribution.ts';
import { checkworthiness } from './checkworthiness.ts';
import { pageLayout, type Clutter } from './clutter.ts';
import { findDates, type DateMention } from './dates.ts';
import { Discourse, findMentions, type Entity, type Mention } from './entities.ts';
import { detectLanguage } from './language.ts';
import { getLexicon, hasLexicon } from './lexicons/index.ts';
import type { Lexicon, Stance } from './lexicons/types.ts';
import { claimFeatures, type ClaimFeatures } from './matching.ts';
import { findQuotes, segmentParagraph, type Quote } from './segment.ts';
import { decideStance } from './stance.ts';
import { fold, isSpace, PhraseIndex, tokenize, wordSet, type Span, type Token } from './text.ts';

export interface EntityRef {
  name: string;
  key: string;
  kind: 'person' | 'organisation' | 'outlet' | 'group';
  aliases: string[];
}

export interface AnalysedClaim {
  start: number;
  end: number;
  quote: string;
  /** One-line wording for the claim's statement. */
  text: string;
  speaker: EntityRef | null;
  stance: Stance;
  negated: boolean;
  /** Statement date for attributed claims, event date for the outlet's own assertions. */
  claimedOn: string | null;
  statementOn: string | null;
  eventOn: string | null;
  chain: { outlet: string | null; author: EntityRef | null; claimant: EntityRef | null };
  subjects: EntityRef[];
  checkworthiness: number;
  features: ClaimFeatures;
  fingerprint: string;
  /** Index of its sentence in `sentences`. */
  sentence: number;
  /** How the claim was found: 'verb', 'according', 'passive', 'relative', 'noun', 'fact', 'continuation', 'quote', 'outlet'. */
  via: string;
}

export interface ArticleAnalysis {
  language: string;
  clutter: Clutter[];
  sentences: Span[];
  claims: AnalysedClaim[];
}

export interface AnalyzeOptions {
  /** Publication date (YYYY-MM-DD): anchors "Tuesday", "hier". */
  published?: string | null;
  language?: string | null;
  /** Name of the outlet, for the attribution chain. */
  outlet?: string | null;
}

interface Prepared {
  hedges: PhraseIndex<true>;
  opinions: Set<string>;
  nationality: PhraseIndex<string>;
  pledges: PhraseIndex<true>;
  pointers: Set<string>;
  objectPointers: Set<string>;
  stop: Set<string>;
  speechNouns: Set<string>;
  definite: Set<string>;
  numberWords: Set<string>;
}
const cache = new WeakMap<Lexicon, Prepared>();
function prepare(lex: Lexicon): Prepared {
  let p = cache.get(lex);
  if (p) return p;
  const hedges = new PhraseIndex<true>('low');
  for (const h of lex.hedges) hedges.add(h, true);
  const nationality = new PhraseIndex<string>('fold');
  for (const [code, forms] of Object.entries(lex.nationalities)) for (const f of forms) nationality.add(f, code);
  const pledges = new PhraseIndex<true>('low');
  for (const w of lex.pledgeWords) pledges.add(w, true);
  p = {
    hedges, opinions: wordSet(lex.opinionWords), nationality, pledges,
    pointers: wordSet(lex.pointers), objectPointers: wordSet(lex.objectPointers), stop: wordSet(lex.stopwords),
    speechNouns: wordSet(lex.speechNouns.flatMap((n) => n.forms)),
    definite: wordSet(lex.definiteDeterminers),
    numberWords: wordSet(lex.numberWords),
  };
  cache.set(lex, p);
  return p;
}

// Figures, in digits or in words; "the two ministers", "les deux hommes" count people already named, not a figure.
function countFigures(tokens: Token[], p: Prepared): number {
  let n = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind === 'num' || (p.numberWords.has(t.low) && !(k > 0 && p.definite.has(tokens[k - 1]!.low)))) n++;
  }
  return n;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function entityRef(e: Entity | null | undefined): EntityRef | null {
  if (!e) return null;
  const kind = e.kind === 'country' || e.kind === 'place' ? 'organisation' : e.kind;
  return { name: e.name, key: e.key, kind, aliases: [...new Set(e.aliases)] };
}

/** Words capitalised somewhere other than at a sentence start: the article's proper nouns. */
function properNouns(text: string, body: Span[]): Set<string> {
  const out = new Set<string>();
  // A capitalised word after spaces that follow anything but a sentence end or an opening mark;
  // also one behind a short particle ("al-Khatib"), which opens a sentence capitalised.
  const re = /\s+((?:\p{Ll}{1,3}-)?\p{Lu}[\p{L}\p{M}'’-]*)/gu;
  for (const b of body) {
    const s = text.slice(b.start, b.end);
    for (const m of s.matchAll(re)) {
      if (m.index > 0 && !AFTER_BREAK.includes(s[m.index - 1]!)) out.add(fold(m[1]!.replace(/['’]s$/u, '')));
    }
  }
  return out;
}
const AFTER_BREAK = '.!?«“"(:';

/** The text on one line: runs of whitespace made one space, none at either end. */
// Helpers at module level rather than closures in draft(): under tsx every named closure is
// named anew each time it is created.
function inside(d: Span, z: Span): boolean {
  return d.start >= z.start && d.end <= z.end;
}
function within(t: Token, z: Span | null): boolean {
  return !!z && t.s >= z.start && t.e <= z.end;
}

/** A suggested claim's wording in the article's language: "X denies: …", "X dément : …". */
function claimWording(lex: Lexicon, speaker: string, stance: Stance, content: string): string {
  const { pattern, verbs } = lex.claimWording;
  return pattern.replace(/\{(\w+)\}/g, (_, k: string) => (k === 'speaker' ? speaker : k === 'verb' ? verbs[stance] : content));
}

function oneLine(s: string): string {
  let out = '';
  let from = 0;
  let space = false;
  // Copies the stretches between whitespace runs whole, so the common case is a few slices.
  for (let i = 0; i < s.length; i++) {
    if (!isSpace(s.charCodeAt(i))) continue;
    if (i > from) {
      out += (space && out ? ' ' : '') + s.slice(from, i);
      space = false;
    }
    space = true;
    from = i + 1;
  }
  if (s.length > from) out += (space && out ? ' ' : '') + s.slice(from);
  return out;
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
// Per UTF-16 unit: 0 not yet known, 1 neither, 2 a letter or number.
const letterOrNumberUnit = new Uint8Array(0x10000);

/** Letters and numbers of a string, each run separated by one space: what replacing /[^\p{L}\p{N}]+/gu by a space and trimming gives. */
function wordsOnly(s: string): string {
  let out = '';
  let gap = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let width = 1;
    let keep: boolean;
    if (c < 128) keep = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      keep = LETTER_OR_NUMBER.test(s.slice(i, i + 2));
      width = 2;
    } else keep = (letterOrNumberUnit[c] ||= LETTER_OR_NUMBER.test(String.fromCharCode(c)) ? 2 : 1) === 2;
    if (keep) {
      if (gap && out) out += ' ';
      gap = false;
      out += width === 1 ? s[i]! : s.slice(i, i + 2);
    } else gap = true;
    i += width - 1;
  }
  return out;
}

export function analyzeArticle(text: string, opts: AnalyzeOptions = {}): ArticleAnalysis {
  const language = opts.language && hasLexicon(opts.language) ? opts.language : detectLanguage(text);
  const lex = getLexicon(language);
  const prep = prepare(lex);
  const published = opts.published && ISO_DAY.test(opts.published) ? opts.published : null;
  const layout = pageLayout(text, language);
  const nouns = properNouns(text, layout.body);
  const discourse = new Discourse(lex);
  const isVerb = (toks: Token[], i: number) => isReportingVerbAt(toks, i, lex);
  const sentences: Span[] = [];
  // Days the narrative has reached, in reading order, and the last day each speaker spoke.
  const days: string[] = [];
  const spokeOn = new Map<Entity, string>();
  const drafts: Draft[] = [];
  let si = 0;

  const narrativeDay = () => days[days.length - 1] ?? null;
  const dayBefore = (ref: string | null) => {
    if (!ref) return null;
    for (let k = days.length - 1; k >= 0; k--) if (days[k]! < ref) return days[k]!;
    return ref;
  };

  // The last statement of the paragraph before, for a paragraph that is all quotation.
  let previousSpeech = null as { a: Attribution; speaker: Entity } | null;
  for (const para of layout.body) {
    const sents = segmentParagraph(text, para, lex);
    const quotes = findQuotes(text, para, sents);
    const caption = layout.captions.some((c) => c.start <= para.start && para.start < c.end);
    const pending: { sentence: Span; si: number; tokens: Token[]; quote: Quote; dates: DateMention[] }[] = [];
    const paraAttributions: { a: Attribution; speaker: Entity | null; si: number }[] = [];
    const paraDrafts: Draft[] = [];

    // Each sentence in a function of its own: the engine compiles it apart from the article loop,
    // which keeps each optimised piece small enough to compile quickly.
    const readSentence = (sentence: Span): void => {
      sentences.push(sentence);
      const tokens = tokenize(text, sentence.start, sentence.end, lex);
      const sentQuotes = quotes.filter((q) => q.start < sentence.end && q.end > sentence.start);
      const inQuote = (t: Token) => sentQuotes.some((q) => t.s >= q.start && t.e <= q.end);
      // "Today" inside a quotation is the speaker's day, not the publication's: relative dates there are not ours to resolve.
      const dates = findDates(text, sentence, lex, published).filter((d) => !d.relative || !sentQuotes.some((q) => d.start >= q.start && d.end <= q.end));
      const mentions = findMentions(tokens, lex, { properNouns: nouns, inQuote, isVerb });
      const attributions = attributeSentence({ text, sentence, tokens, mentions, quotes: sentQuotes, dates, lex });
      // Plain loops here and below: this function is large, and array built-ins inlined into it
      // meet arrays of new kinds long after it was optimised, which throws the optimisation away.
      const speakers = new Set<Mention>();
      for (let k = 0; k < attributions.length; k++) {
        const m = attributions[k]!.speaker;
        if (m) speakers.add(m);
      }
      const resolved: Entity[] = [];
      for (const m of mentions) {
        const e = discourse.resolve(m, si, speakers.has(m), resolved);
        if (e) resolved.push(e);
      }
      // Dates the narrative moves to: the outlet's own, and those of statements; not the dates of
      // events a speaker reports ("the sample was taken on 2 July").
      for (let k = 0; k < dates.length; k++) {
        const d = dates[k]!;
        if (d.precision !== 'day' || d.future) continue;
        let isReported = false;
        for (let x = 0; x < attributions.length && !isReported; x++) {
          const a = attributions[x]!;
          isReported = !!(a.speaker || a.speakerCountry) && a.complement && d.start >= a.content.start && d.end <= a.content.end;
        }
        if (!isReported) days.push(d.value);
      }

      const words = tokens.filter((t) => t.kind === 'word');
      const pureQuote = words.length > 0 && words.every(inQuote);
      // "…, selon un avis consulté par l'AFP": the outlet naming its source is the attribution chain,
      // not a claim of its own, when the sentence already says who stated what.
      for (let k = attributions.length - 1; k >= 0; k--) {
        const a = attributions[k]!;
        if (a.kind === 'according' && a.speaker?.entity?.kind === 'outlet' && attributions.some((b) => b !== a && b.kind !== 'noun' && b.kind !== 'fact')) attributions.splice(k, 1);
      }
      const main = attributions.filter((a) => a.kind !== 'noun' && a.kind !== 'fact');
      for (const a of attributions) {
        const speaker = a.speaker?.entity ?? (a.speakerCountry ? discourse.countryEntity(a.speakerCountry) : null);
        paraAttributions.push({ a, speaker, si });
        paraDrafts.push(draft(a, speaker, sentence, tokens, mentions, sentQuotes, dates, caption, a.kind));
      }
      if (!main.length) {
        if (pureQuote && sentQuotes[0]) {
          pending.push({ sentence, si, tokens, quote: sentQuotes[0], dates });
        } else if (words.length >= 4) {
          paraDrafts.push(draft(outletAttribution({ start: sentence.start, end: sentence.end }), null, sentence, tokens, mentions, sentQuotes, dates, caption, 'outlet'));
        }
      } else {
        // The outlet's own clause before the first statement: "The bank held rates on Wednesday, and its governor warned…".
        const first = Math.min(...main.map((a) => a.span.start));
        const lead = tokens.filter((t) => t.e <= first && t.kind === 'word' && !inQuote(t));
        if (lead.length >= 8 && !main.some((a) => a.content.start <= sentence.start + 1)) {
          let end = first;
          while (end > sentence.start && /[\s,;:]/u.test(text[end - 1]!)) end--;
          const tail = tokens.filter((t) => t.e <= end);
          const lastWord = tail[tail.length - 1];
          if (lastWord && lex.clauseSplitters.includes(lastWord.low)) end = lastWord.s;
          while (end > sentence.start && /[\s,;:]/u.test(text[end - 1]!)) end--;
          const span = { start: sentence.start, end };
          paraDrafts.push(draft(outletAttribution(span), null, sentence, tokens, mentions, sentQuotes, dates, caption, 'outlet'));
        }
      }
      si++;
    };
    for (const sentence of sents) readSentence(sentence);

    // Sentences that are all quotation: the speaker is given at the quote's end, or was the last one named.
    // A paragraph that is all quotation, with no speaker of its own, goes on with the speaker who
    // closed the paragraph before ("Mayor X said the bridge would reopen. ¶ “We fixed every crack.”").
    const carried: { a: Attribution; speaker: Entity } | null = !paraAttributions.some((x) => x.speaker) ? previousSpeech : null;
    for (const p of pending) {
      const owner = paraAttributions.find((x) => x.a.quote === p.quote) ?? paraAttributions.filter((x) => x.si < p.si && x.speaker).pop() ?? paraAttributions.find((x) => x.si > p.si && x.speaker);
      const span = { start: Math.max(p.quote.start, p.sentence.start), end: Math.min(p.quote.end, p.sentence.end) };
      const a: Attribution = attribution({
        kind: 'verb', speaker: null, stance: owner?.a.stance ?? 'assert', neutral: owner?.a.neutral ?? true, concept: owner?.a.concept ?? 'say',
        negated: false, anterior: owner?.a.anterior ?? false, verb: null, content: span, span, quoted: true, complement: true, quote: p.quote, statementZone: owner?.a.statementZone ?? span,
      });
      const d = draft(a, owner?.speaker ?? carried?.speaker ?? null, p.sentence, p.tokens, [], [p.quote], p.dates, caption, 'quote');
      d.claim.sentence = p.si;
      paraDrafts.push(d);
    }

    // Statements of one speaker in one paragraph hang together: a quotation that only says "he
    // said" carries on the speaker's previous act ("X denied … ‘We never …,’ he said"), and a
    // statement without a day takes the day of the speaker's next statement that has one.
    paraDrafts.sort((x, y) => x.claim.start - y.claim.start);
    paraDrafts.forEach((d, i) => {
      let prev: Draft | undefined;
      for (let k = i - 1; k >= 0 && d.speaker && !prev; k--) {
        const x = paraDrafts[k]!;
        if (x.speaker && discourse.canonical(x.speaker) === discourse.canonical(d.speaker)) prev = x;
      }
      if (prev && d.inheritsStance && prev.claim.stance !== 'assert' && prev.claim.stance !== 'question') {
        d.claim.stance = prev.claim.stance;
        d.claim.features.stance = prev.claim.stance;
        if (prev.claim.stance === 'deny') d.claim.features.polarity = 'negative';
      }
      if (d.speaker && !d.explicitDay) {
        let next: Draft | undefined;
        for (let k = i + 1; k < paraDrafts.length && !next; k++) {
          const x = paraDrafts[k]!;
          if (x.speaker && discourse.canonical(x.speaker) === discourse.canonical(d.speaker) && x.explicitDay) next = x;
        }
        if (next && next.claim.claimedOn) {
          d.claim.claimedOn = d.claim.statementOn = next.claim.claimedOn;
          d.claim.features.dates = [...new Set([next.claim.claimedOn, ...d.claim.features.dates.slice(1)])];
        }
      }
    });
    drafts.push(...paraDrafts);
    let last: { a: Attribution; speaker: Entity } | null = null;
    for (const x of paraAttributions) if (x.speaker && x.a.kind !== 'noun' && x.a.kind !== 'fact' && (!last || x.a.span.start >= last.a.span.start)) last = { a: x.a, speaker: x.speaker };
    // A paragraph of the outlet's own words ends the chain; one of carried quotations keeps it.
    previousSpeech = last ?? (carried && pending.length && paraDrafts.every((d) => d.claim.via === 'quote') ? carried : null);
  }

  function outletAttribution(span: Span): Attribution {
    return attribution({
      kind: 'verb', speaker: null, stance: 'assert', neutral: true, concept: 'say', negated: false, anterior: false,
      verb: null, content: span, span, quoted: false, complement: false, statementZone: span,
    });
  }

  function draft(
    a: Attribution, speaker: Entity | null, sentence: Span, tokens: Token[], mentions: Mention[], quotes: Quote[],
    dates: DateMention[], caption: boolean, via: string,
  ): Draft {
    const span = a.span;
    const spanTokens = tokens.filter((t) => t.s >= span.start && t.e <= span.end);
    const who = a.speaker;
    const ownTokens = spanTokens.filter((t) => !within(t, who));
    const stance = decideStance(a, tokens, quotes, lex);
    // The statement's own day: next to its verb, or in its object ("rejected the criticism on
    // Thursday"); failing that, a relative day in what was reported ("suspended on Tuesday, the
    // agency said"): news reports the day's announcements.
    const zoneDate =
      dates.find((d) => d.precision === 'day' && !d.future && inside(d, a.statementZone) && (!inside(d, a.content) || !a.complement)) ??
      (speaker && !spokeOn.has(discourse.canonical(speaker)) ? dates.find((d) => d.precision === 'day' && d.relative && !d.future && inside(d, a.content)) : undefined);
    const contentDate = dates.find((d) => inside(d, a.content)) ?? dates.find((d) => inside(d, span));
    let statementOn: string | null = null;
    let eventOn: string | null = contentDate?.value ?? null;
    let claimedOn: string | null;
    if (speaker) {
      // A speaker's statement without a day: the day that speaker last spoke, else the narrative's.
      const own = spokeOn.get(discourse.canonical(speaker));
      const base = own ?? narrativeDay();
      statementOn = zoneDate?.value ?? (a.anterior ? dayBefore(base) : base);
      claimedOn = statementOn;
      if (zoneDate) {
        spokeOn.set(discourse.canonical(speaker), zoneDate.value);
        if (days[days.length - 1] !== zoneDate.value) days.push(zoneDate.value);
      }
      else if (statementOn && !own) spokeOn.set(discourse.canonical(speaker), statementOn);
    } else {
      claimedOn = contentDate?.value ?? zoneDate?.value ?? (a.anterior ? dayBefore(narrativeDay()) : narrativeDay());
      eventOn = claimedOn;
    }
    const subjects = new Map<string, Entity>();
    for (const m of mentions) {
      if (m.entity && m.start >= span.start && m.end <= span.end && m.entity !== speaker) subjects.set(m.entity.key, m.entity);
    }
    for (let i = 0; i < ownTokens.length; i++) {
      const nat = prep.nationality.match(ownTokens, i);
      if (nat) {
        const e = discourse.countryEntity(nat.value);
        if (e !== speaker) subjects.set(e.key, e);
      }
    }
    const hedges = ownTokens.filter((_, i) => prep.hedges.match(ownTokens, i)).length;
    const opinions = ownTokens.filter((t) => prep.opinions.has(t.low)).length;
    const pledges = ownTokens.filter((t, i) => prep.pledges.match(ownTokens, i) || lex.pledgeSuffixes.some((suf) => t.kind === 'word' && t.low.length > suf.length + 3 && t.low.endsWith(suf))).length;
    const quote = text.slice(span.start, span.end);
    const anaphoric = stance.polarity === 'negative' && isAnaphoric(a, tokens, prep);
    const features = claimFeatures({
      language, lex, claimant: speaker?.key ?? null, subjects: [...subjects.keys()], stance: stance.stance, polarity: stance.polarity,
      verbConcept: a.concept, neutral: a.neutral, dates: [claimedOn, eventOn].filter((d): d is string => !!d),
      spanTokens: ownTokens, contextTokens: tokens.filter((t) => (t.e <= span.start || t.s >= span.end) && !within(t, who)), anaphoric,
    });
    const cw = checkworthiness({
      attributed: !!speaker, stance: stance.stance, entities: subjects.size + (speaker ? 1 : 0), numbers: countFigures(ownTokens, prep),
      dates: dates.filter((d) => inside(d, span)).length, quoted: a.quoted, hedges, opinions, pledges, words: ownTokens.filter((t) => t.kind === 'word').length,
      caption, question: /\?\s*$/.test(quote),
    });
    const claim: AnalysedClaim = {
      start: span.start, end: span.end, quote, text: '', speaker: null, stance: stance.stance, negated: stance.negated,
      claimedOn, statementOn, eventOn,
      chain: { outlet: opts.outlet ?? null, author: null, claimant: null },
      subjects: [], checkworthiness: cw, features, fingerprint: '', via, sentence: si,
    };
    return {
      claim, speaker, subjects: [...subjects.values()], content: oneLine(text.slice(a.content.start, a.content.end)),
      explicitDay: !!zoneDate, inheritsStance: a.neutral && a.quoted && stance.stance === 'assert' && !a.negated,
    };
  }

  // Entities are final only once the whole article is read ("its governor" turns out to be Adam Wrona).
  const claims: AnalysedClaim[] = [];
  for (const d of drafts) {
    const c = d.claim;
    const speaker = d.speaker ? discourse.canonical(d.speaker) : null;
    const ref = entityRef(speaker);
    c.speaker = ref;
    c.chain = { outlet: opts.outlet ?? null, author: ref, claimant: ref };
    const subjects = new Map<string, Entity>();
    for (let k = 0; k < d.subjects.length; k++) {
      const e = discourse.canonical(d.subjects[k]!);
      if (e !== speaker) subjects.set(e.key, e);
    }
    c.subjects = [];
    for (const e of subjects.values()) c.subjects.push(entityRef(e)!);
    c.features.claimant = speaker?.key ?? null;
    c.features.subjects = [];
    for (let k = 0; k < c.subjects.length; k++) c.features.subjects.push(c.subjects[k]!.key);
    c.text = ref ? claimWording(lex, ref.name, c.stance, d.content) : oneLine(c.quote);
    c.fingerprint = fingerprint([language, speaker?.key ?? '', c.stance, wordsOnly(fold(d.content))].join('\u0000'));
    claims.push(c);
  }
  if (claims.length > 1) claims.sort((x, y) => x.start - y.start || x.end - y.end);
  // The same span found twice (e.g. by a verb and a continuation) is one claim; sorted, its
  // copies stand next to each other.
  const unique: AnalysedClaim[] = [];
  for (let i = 0; i < claims.length; i++) {
    const c = claims[i]!;
    if (i === 0 || claims[i - 1]!.start !== c.start || claims[i - 1]!.end !== c.end) unique.push(c);
  }
  return { language, clutter: layout.clutter, sentences, claims: unique };
}

/**
 * A stable 64-bit hash (hex) of the claim's language, claimant, stance and normalised
 * wording: the same claim found again after the text moved gets the same fingerprint.
 */
function fingerprint(s: string): string {
  // Two independent 32-bit FNV-1a lanes (different offsets) make 64 bits without BigInt.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

interface Draft {
  claim: AnalysedClaim;
  speaker: Entity | null;
  subjects: Entity[];
  content: string;
  /** The statement's day is written next to its verb. */
  explicitDay: boolean;
  /** A quotation introduced by a mere "he said": it may carry on the speaker's previous act. */
  inheritsStance: boolean;
}

// A rebuttal that points back: a demonstrative opens it ("Ce n'est pas…", "This is not true") or
// an object pronoun follows its verb ("denies it"), and it says little of its own.
function isAnaphoric(a: Attribution, tokens: Token[], p: Prepared): boolean {
  const content = tokens.filter((t) => t.s >= a.content.start && t.e <= a.content.end && t.kind === 'word');
  const own = content.filter((t) => !p.stop.has(t.low));
  const opens = !!content[0] && p.pointers.has(content[0].low);
  // An object pronoun closing the clause or followed by an adverb: "denies it", "denies it forcefully".
  const at = a.verb ? tokens.findIndex((t) => t.s >= a.verb!.end) : -1;
  const next = at >= 0 ? tokens[at + 1] : undefined;
  const object = at >= 0 && p.objectPointers.has(tokens[at]!.low) && (!next || next.kind === 'punct' || /(?:ly|ment)$/u.test(next.low));
  // "rejected the accusation", "a rejeté ces critiques", "rejected the result": a definite object
  // and nothing more names what was said before.
  const answersStatement = a.stance === 'deny' && a.neutral === false && own.length <= 3 && (own.some((t) => p.speechNouns.has(t.low)) || (!!content[0] && p.definite.has(content[0].low) && own.length <= 2));
  return ((opens || object) && own.length <= 12) || answersStatement;
}
