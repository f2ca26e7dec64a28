// Stance: what the speaker does with the claim. A verb that is not neutral ("deny", "mettre en
// garde") decides, unless it is negated ("n'a pas démenti" is not a denial). A neutral verb
// ("say") takes its stance from what is said: emphatic confirmation ("there is no doubt",
// "avait bien mis"), a quoted dismissal ("absurd") or negation, a conditional threat, a quoted
// accusation.
import type { Attribution } from './attribution.ts';
import type { Cue, Lexicon, Stance } from './lexicons/types.ts';
import type { Quote } from './segment.ts';
import { PhraseIndex, wordSet, type Token } from './text.ts';

export interface StanceResult {
  stance: Stance;
  /** The reporting verb is negated. */
  negated: boolean;
  /** The claim states something negative (denial or negated content): the side it takes. */
  polarity: 'positive' | 'negative';
}

interface Prepared {
  confirm: PhraseIndex<Cue>;
  deny: PhraseIndex<Cue>;
  accuse: PhraseIndex<Cue>;
  blame: PhraseIndex<Cue>;
  firstPerson: Set<string>;
  negations: Set<string>;
  conditionals: Set<string>;
  aux: Set<string>;
  modals: Set<string>;
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
  const index = (cues: Cue[]) => {
    const i = new PhraseIndex<Cue>('low');
    for (const c of cues) i.add(c.phrase, c);
    return i;
  };
  p = {
    confirm: index(lex.confirmCues),
    deny: index(lex.denyCues),
    accuse: index(lex.accuseCues),
    blame: index(lex.blameActs.map((phrase) => ({ phrase }))),
    firstPerson: wordSet(lex.firstPerson),
    negations: wordSet(lex.negations),
    conditionals: wordSet(lex.conditionals),
    aux: wordSet(lex.auxiliaries),
    modals: wordSet(lex.modals),
  };
  cache.set(lex, p);
  return p;
}

function hasCue(tokens: Token[], index: PhraseIndex<Cue>, aux: Set<string>): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const m = index.match(tokens, i);
    if (m && (!m.value.afterAuxiliary || (i > 0 && aux.has(tokens[i - 1]!.low)))) return true;
  }
  return false;
}

export function isNegation(t: Token, lex: Lexicon): boolean {
  return prepare(lex).negations.has(t.low) || t.low.endsWith("n't");
}

// A module-level function, not a closure: under tsx every named closure is named anew each call.
function chargesOthers(quoted: Token[], p: Prepared): boolean {
  let words = 0;
  for (const t of quoted) {
    if (t.kind !== 'word') continue;
    if (words < 3 && p.firstPerson.has(t.low)) return false;
    words++;
  }
  return words > 0 && hasCue(quoted, p.blame, p.aux);
}

function negative(s: Stance, negated: boolean, contentNegated: boolean, confirmed: boolean): StanceResult {
  return { stance: s, negated, polarity: s === 'deny' || (s === 'assert' && contentNegated && !confirmed) ? 'negative' : 'positive' };
}

/** Stance of a claim from its attribution and the tokens of its sentence. */
export function decideStance(a: Attribution, tokens: Token[], quotes: Quote[], lex: Lexicon): StanceResult {
  const p = prepare(lex);
  const content = tokens.filter((t) => t.s >= a.content.start && t.e <= a.content.end);
  const quoted = a.quoted ? content : content.filter((t) => quotes.some((q) => t.s >= q.start && t.e <= q.end));
  const firstClause: Token[] = [];
  for (const t of content) {
    if (t.kind === 'punct' && /[,;:]/.test(t.raw) && firstClause.length > 2) break;
    firstClause.push(t);
  }
  const contentNegated = content.some((t) => isNegation(t, lex));
  // A denial negates what happened ("we did not talk", "je n'ai jamais triché"), near the start of
  // the statement; a negated modal ("cannot", "will not hesitate") is a stance on the future.
  const words = firstClause.filter((t) => t.kind === 'word').slice(0, 6);
  const clauseNegated = words.some((t) => isNegation(t, lex)) && !words.some((t) => p.modals.has(t.low));
  const confirmed = hasCue(content, p.confirm, p.aux);

  if (!a.neutral) {
    if (a.negated) return { stance: a.stance === 'confirm' ? 'question' : 'assert', negated: true, polarity: a.stance === 'deny' ? 'positive' : 'negative' };
    return negative(a.stance, false, contentNegated, confirmed);
  }
  // "did not say": nothing was stated, so nothing is denied either.
  if (a.negated) return { stance: 'assert', negated: true, polarity: 'positive' };
  if (confirmed) return { stance: 'confirm', negated: false, polarity: 'positive' };
  if (hasCue(quoted, p.deny, p.aux)) return { stance: 'deny', negated: false, polarity: 'negative' };
  if (a.quoted && clauseNegated) return { stance: 'deny', negated: false, polarity: 'negative' };
  const first = content.find((t) => t.kind === 'word');
  if (first && p.conditionals.has(first.low) && a.quoted) return negative('warn', false, contentNegated, confirmed);
  if (hasCue(quoted, p.accuse, p.aux)) return negative('accuse', false, contentNegated, confirmed);
  // "Management has refused every compromise", "This election was stolen": wrongdoing charged to
  // others; "we refused" speaks of the speaker's own side.
  if (a.quoted && chargesOthers(quoted, p)) return negative('accuse', false, contentNegated, confirmed);
  return negative('assert', false, contentNegated, confirmed);
}
