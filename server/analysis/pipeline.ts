// The pipeline: layout → paragraphs → sentences → quotations → mentions → attributions →
// entities → stance, dates, check-worthiness, matching features. Pure: text and options in,
// plain data out.
import { createHash } from 'node:crypto';
import { attributeSentence, isReportingVerbAt, type Attribution } from './attribution.ts';
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
import { fold, PhraseIndex, tokenize, wordSet, type Span, type Token } from './text.ts';

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
}
const cache = new WeakMap<Lexicon, Prepared>();
function prepare(lex: Lexicon): Prepared {
  let p = cache.get(lex);
  if (p) return p;
  const hedges = new PhraseIndex<true>('low');
  for (const h of lex.hedges) hedges.add(h, true);
  const nationality = new PhraseIndex<string>('fold');
  for (const [code, forms] of Object.entries(lex.nationalities)) for (const f of forms) nationality.add(f, code);
  p = { hedges, opinions: wordSet(lex.opinionWords), nationality };
  cache.set(lex, p);
  return p;
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
  const re = /[^\s.!?«“"(]\s+(\p{Lu}[\p{L}\p{M}'’-]*)/gu;
  for (const b of body) {
    const s = text.slice(b.start, b.end);
    for (const m of s.matchAll(re)) out.add(fold(m[1]!.replace(/['’]s$/u, '')));
  }
  return out;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

const STANCE_VERB: Record<Stance, string> = { assert: 'says', deny: 'denies', confirm: 'confirms', warn: 'warns', accuse: 'accuses', question: 'questions' };

export function analyzeArticle(text: string, opts: AnalyzeOptions = {}): ArticleAnalysis {
  const language = opts.language && hasLexicon(opts.language) ? opts.language : detectLanguage(text);
  const lex = getLexicon(language);
  const prep = prepare(lex);
  const published = opts.published && ISO_DAY.test(opts.published) ? opts.published : null;
  const layout = pageLayout(text, language);
  const nouns = properNouns(text, layout.body);
  const discourse = new Discourse(lex);
  const sentences: Span[] = [];
  const days: string[] = [];
  const claims: AnalysedClaim[] = [];
  let si = 0;

  const narrativeDay = () => days[days.length - 1] ?? null;
  const dayBefore = (ref: string | null) => {
    if (!ref) return null;
    for (let k = days.length - 1; k >= 0; k--) if (days[k]! < ref) return days[k]!;
    return ref;
  };

  for (const para of layout.body) {
    const sents = segmentParagraph(text, para, lex);
    const quotes = findQuotes(text, para, sents);
    const caption = layout.captions.some((c) => c.start <= para.start && para.start < c.end);
    const pending: { sentence: Span; si: number; tokens: Token[]; quote: Quote; dates: DateMention[] }[] = [];
    const paraAttributions: { a: Attribution; speaker: Entity | null; si: number }[] = [];

    for (const sentence of sents) {
      sentences.push(sentence);
      const tokens = tokenize(text, sentence.start, sentence.end, lex);
      const sentQuotes = quotes.filter((q) => q.start < sentence.end && q.end > sentence.start);
      // "Today" inside a quotation is the speaker's day, not the publication's: relative dates there are not ours to resolve.
      const dates = findDates(text, sentence, lex, published).filter((d) => !d.relative || !sentQuotes.some((q) => d.start >= q.start && d.end <= q.end));
      for (const d of dates) if (d.precision === 'day') days.push(d.value);
      const inQuote = (t: Token) => sentQuotes.some((q) => t.s >= q.start && t.e <= q.end);
      const mentions = findMentions(tokens, lex, { properNouns: nouns, inQuote, isVerb: (toks, i) => isReportingVerbAt(toks, i, lex) });
      const attributions = attributeSentence({ text, sentence, tokens, mentions, quotes: sentQuotes, dates, lex });
      const speakers = new Set(attributions.map((a) => a.speaker).filter((m): m is Mention => !!m));
      const resolved: Entity[] = [];
      for (const m of mentions) {
        const e = discourse.resolve(m, si, speakers.has(m), resolved);
        if (e) resolved.push(e);
      }

      const words = tokens.filter((t) => t.kind === 'word');
      const pureQuote = words.length > 0 && words.every(inQuote);
      const main = attributions.filter((a) => a.kind !== 'noun' && a.kind !== 'fact');
      for (const a of attributions) {
        const speaker = a.speaker?.entity ?? (a.speakerCountry ? discourse.countryEntity(a.speakerCountry) : null);
        paraAttributions.push({ a, speaker, si });
        claims.push(buildClaim(a, speaker, sentence, tokens, mentions, sentQuotes, dates, caption, a.kind));
      }
      if (!main.length) {
        if (pureQuote && sentQuotes[0]) {
          pending.push({ sentence, si, tokens, quote: sentQuotes[0], dates });
        } else if (words.length >= 4) {
          const span = { start: sentence.start, end: sentence.end };
          const outlet: Attribution = {
            kind: 'verb', speaker: null, stance: 'assert', neutral: true, concept: 'say', negated: false, anterior: false,
            verb: null, content: span, span, quoted: false, statementZone: span,
          };
          claims.push(buildClaim(outlet, null, sentence, tokens, mentions, sentQuotes, dates, caption, 'outlet'));
        }
      }
      si++;
    }

    // Sentences that are all quotation: the speaker is given at the quote's end, or was the last one named.
    for (const p of pending) {
      const owner = paraAttributions.find((x) => x.a.quote === p.quote) ?? paraAttributions.filter((x) => x.si < p.si && x.speaker).pop() ?? paraAttributions.find((x) => x.si > p.si && x.speaker);
      const span = { start: Math.max(p.quote.start, p.sentence.start), end: Math.min(p.quote.end, p.sentence.end) };
      const a: Attribution = {
        kind: 'verb', speaker: null, stance: owner?.a.stance ?? 'assert', neutral: owner?.a.neutral ?? true, concept: owner?.a.concept ?? 'say',
        negated: false, anterior: owner?.a.anterior ?? false, verb: null, content: span, span, quoted: true, quote: p.quote, statementZone: owner?.a.statementZone ?? span,
      };
      const c = buildClaim(a, owner?.speaker ?? null, p.sentence, p.tokens, [], [p.quote], p.dates, caption, 'quote');
      c.sentence = p.si;
      claims.push(c);
    }
  }

  function buildClaim(
    a: Attribution, speaker: Entity | null, sentence: Span, tokens: Token[], mentions: Mention[], quotes: Quote[],
    dates: DateMention[], caption: boolean, via: string,
  ): AnalysedClaim {
    const span = a.span;
    const spanTokens = tokens.filter((t) => t.s >= span.start && t.e <= span.end);
    const speakerTokens = a.speaker ? new Set(tokens.filter((t) => t.s >= a.speaker!.start && t.e <= a.speaker!.end)) : new Set<Token>();
    const ownTokens = spanTokens.filter((t) => !speakerTokens.has(t));
    const stance = decideStance(a, tokens, quotes, lex);
    const inside = (d: Span, z: Span) => d.start >= z.start && d.end <= z.end;
    const zoneDate = dates.find((d) => d.precision === 'day' && inside(d, a.statementZone) && !inside(d, a.content));
    const contentDate = dates.find((d) => inside(d, a.content)) ?? dates.find((d) => inside(d, span));
    const reference = zoneDate?.value ?? narrativeDay();
    const fallback = a.anterior ? dayBefore(reference) : narrativeDay();
    let statementOn: string | null = null;
    let eventOn: string | null = contentDate?.value ?? null;
    let claimedOn: string | null;
    if (speaker) {
      statementOn = zoneDate?.value ?? (a.anterior ? dayBefore(narrativeDay()) : narrativeDay());
      claimedOn = statementOn;
    } else {
      claimedOn = contentDate?.value ?? zoneDate?.value ?? fallback;
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
    const quote = text.slice(span.start, span.end);
    const speakerRef = entityRef(speaker);
    const contentText = oneLine(text.slice(a.content.start, a.content.end));
    const anaphoric = stance.polarity === 'negative' && isAnaphoric(a, tokens, lex);
    const features = claimFeatures({
      language, lex, claimant: speaker?.key ?? null, subjects: [...subjects.keys()], stance: stance.stance, polarity: stance.polarity,
      verbConcept: a.concept, neutral: a.neutral, dates: [claimedOn, eventOn].filter((d): d is string => !!d),
      spanTokens: ownTokens, contextTokens: tokens.filter((t) => (t.e <= span.start || t.s >= span.end) && !speakerTokens.has(t)), anaphoric,
    });
    const cw = checkworthiness({
      attributed: !!speaker, stance: stance.stance, entities: subjects.size + (speaker ? 1 : 0), numbers: ownTokens.filter((t) => t.kind === 'num').length,
      dates: dates.filter((d) => inside(d, span)).length, quoted: a.quoted, hedges, opinions, words: ownTokens.filter((t) => t.kind === 'word').length,
      caption, question: /\?\s*$/.test(quote),
    });
    const statement = speakerRef ? `${speakerRef.name} ${STANCE_VERB[stance.stance]}: ${contentText}` : oneLine(quote);
    const fingerprint = createHash('sha1')
      .update([language, speaker?.key ?? '', stance.stance, fold(contentText).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()].join('\u0000'))
      .digest('hex')
      .slice(0, 16);
    return {
      start: span.start, end: span.end, quote, text: statement, speaker: speakerRef, stance: stance.stance, negated: stance.negated,
      claimedOn, statementOn, eventOn,
      chain: { outlet: opts.outlet ?? null, author: speakerRef, claimant: speakerRef },
      subjects: [...subjects.values()].map((e) => entityRef(e)!), checkworthiness: cw, features, fingerprint, via, sentence: si,
    };
  }

  claims.sort((x, y) => x.start - y.start || x.end - y.end);
  // The same span found twice (e.g. by a verb and a continuation) is one claim.
  const unique = claims.filter((c, i) => !claims.slice(0, i).some((d) => d.start === c.start && d.end === c.end));
  return {
    language,
    clutter: layout.clutter,
    sentences,
    claims: unique,
  };
}

// A rebuttal that points back: a pointer word opens its content or follows its verb
// ("Ce n'est pas…", "denies it"), and it says little of its own.
function isAnaphoric(a: Attribution, tokens: Token[], lex: Lexicon): boolean {
  const pointers = wordSet(lex.pointers);
  const stop = wordSet(lex.stopwords);
  const content = tokens.filter((t) => t.s >= a.content.start && t.e <= a.content.end && t.kind === 'word');
  const head = content.slice(0, 2);
  return head.some((t) => pointers.has(t.low)) && content.filter((t) => !stop.has(t.low)).length <= 12;
}
