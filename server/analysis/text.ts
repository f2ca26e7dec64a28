// Tokens and string helpers shared by the stages. Offsets are always JavaScript string
// offsets into the original article text.
import type { Lexicon } from './lexicons/types.ts';

export interface Span {
  start: number;
  end: number;
}

export interface Token {
  s: number;
  e: number;
  raw: string;
  /** Lowercase, typographic apostrophe made straight. */
  low: string;
  /** `low` without diacritics. */
  fold: string;
  kind: 'word' | 'num' | 'punct';
  /** Starts with a capital letter. */
  cap: boolean;
  /** Pronoun written after its verb with hyphens ("a-t-il"). */
  inverted?: boolean;
}

export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘`´]/g, "'");
}

export function lower(s: string): string {
  return s.toLowerCase().replace(/[’‘`´]/g, "'");
}

// Numbers keep their separators ("4.5", "2,000", "10:30"); dotted initials stay whole ("U.S.").
const TOKEN = /\p{N}+(?:[.,:/-]\p{N}+)*|(?:\p{L}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*|\S/gu;

const cache = new WeakMap<Lexicon, { abbrev: Set<string>; elisions: Set<string>; inversion: RegExp | null }>();
function prepared(lex: Lexicon) {
  let p = cache.get(lex);
  if (!p) {
    p = {
      abbrev: new Set(lex.abbreviations),
      elisions: new Set(lex.elisions),
      inversion: lex.inversion ? new RegExp(lex.inversion, 'iu') : null,
    };
    cache.set(lex, p);
  }
  return p;
}

function make(text: string, s: number, e: number, extra: Partial<Token> = {}): Token {
  const raw = text.slice(s, e);
  const low = lower(raw);
  const first = raw.codePointAt(0) ?? 0;
  const isNum = /^\p{N}/u.test(raw);
  const isWord = /^[\p{L}\p{M}\p{N}]/u.test(raw);
  return {
    s, e, raw, low, fold: fold(raw),
    kind: isNum ? 'num' : isWord ? 'word' : 'punct',
    cap: isWord && !isNum && String.fromCodePoint(first) !== String.fromCodePoint(first).toLowerCase(),
    ...extra,
  };
}

/** Tokens of text[start, end). */
export function tokenize(text: string, start: number, end: number, lex: Lexicon): Token[] {
  const { abbrev, elisions, inversion } = prepared(lex);
  const out: Token[] = [];
  TOKEN.lastIndex = start;
  const slice = text.slice(0, end);
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(slice))) {
    let s = m.index;
    let e = s + m[0].length;
    let word = m[0];
    if (/^[\p{L}]/u.test(word)) {
      // A full stop belongs to the word when the word is a known abbreviation or an initial.
      if (slice[e] === '.' && (abbrev.has(lower(word) + '.') || /^\p{Lu}$/u.test(word))) {
        e += 1;
        TOKEN.lastIndex = e;
        word = text.slice(s, e);
      }
      // Elision: "l'ingérence" is "l'" + "ingérence"; the split repeats for "qu'il".
      let apos = word.search(/['’]/);
      while (apos > 0 && elisions.has(lower(word.slice(0, apos)))) {
        out.push(make(text, s, s + apos + 1));
        s = s + apos + 1;
        word = text.slice(s, e);
        apos = word.search(/['’]/);
      }
      if (inversion && word.includes('-')) {
        const inv = inversion.exec(word);
        if (inv && inv[1] && inv[2]) {
          out.push(make(text, s, s + inv[1].length));
          out.push(make(text, e - inv[2].length, e, { inverted: true }));
          continue;
        }
      }
    }
    if (s < e) out.push(make(text, s, e));
  }
  return out;
}

/** Light stemmer: the lexicon's suffixes, longest first, keeping at least four letters. */
export function stem(word: string, lex: Lexicon): string {
  const w = fold(word);
  for (const suf of lex.stemSuffixes) {
    const f = fold(suf);
    if (w.length - f.length >= 4 && w.endsWith(f)) return w.slice(0, w.length - f.length);
  }
  return w;
}

export interface PhraseEntry<T> {
  tokens: string[];
  value: T;
}

/**
 * Multi-word phrase lookup over tokens, longest match first. `gap` lets a phrase tolerate
 * words in between its tokens ("mis personnellement en garde").
 */
export class PhraseIndex<T> {
  private byFirst = new Map<string, PhraseEntry<T>[]>();
  constructor(private key: 'low' | 'fold') {}

  add(phrase: string, value: T): void {
    const tokens = phrase.split(/\s+/).filter(Boolean).map((t) => (this.key === 'fold' ? fold(t) : lower(t)));
    const first = tokens[0];
    if (!first) return;
    const list = this.byFirst.get(first) ?? [];
    list.push({ tokens, value });
    list.sort((a, b) => b.tokens.length - a.tokens.length);
    this.byFirst.set(first, list);
  }

  /** Longest phrase starting at tokens[i]; returns the index after its last token. */
  match(tokens: Token[], i: number, gap?: (t: Token) => boolean): { end: number; value: T } | null {
    const t = tokens[i];
    if (!t) return null;
    const list = this.byFirst.get(t[this.key]);
    if (!list) return null;
    for (const entry of list) {
      let j = i + 1;
      let ok = true;
      for (let k = 1; k < entry.tokens.length; k++) {
        let skipped = 0;
        while (gap && tokens[j] && tokens[j]![this.key] !== entry.tokens[k] && gap(tokens[j]!) && skipped < 2) {
          j++;
          skipped++;
        }
        if (tokens[j]?.[this.key] !== entry.tokens[k]) {
          ok = false;
          break;
        }
        j++;
      }
      if (ok) return { end: j, value: entry.value };
    }
    return null;
  }
}

/** Tokens of a phrase list as a set of single-token strings, for quick membership tests. */
export function wordSet(words: string[], key: 'low' | 'fold' = 'low'): Set<string> {
  return new Set(words.map((w) => (key === 'fold' ? fold(w) : lower(w))));
}

export function isAdverb(t: Token, lex: Lexicon, adverbs: Set<string>): boolean {
  if (t.kind !== 'word') return false;
  if (adverbs.has(t.low)) return true;
  return !t.cap && lex.adverbSuffixes.some((suf) => t.low.length > suf.length + 3 && t.low.endsWith(suf));
}
