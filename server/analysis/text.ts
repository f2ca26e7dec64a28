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
  /** Cache for tokenStem(): the light stem, and the lexicon it was computed with. */
  stemmed?: string;
  stemmedBy?: Lexicon;
}

/** The characters of the regular expression class \s, without the cost of a regular expression. */
export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Number of whitespace-separated words in text[start, end). */
export function countWords(text: string, start: number, end: number): number {
  let n = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

function foldSlow(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘`´]/g, "'");
}

// Decomposing, dropping marks and lowercasing act on each character alone (no character outside
// the marks reorders under NFD), except the capital sigma, whose lowercase depends on its place in
// the word, and characters outside the BMP: so a table per UTF-16 unit gives the same result.
const foldedUnit: (string | undefined)[] = new Array<string | undefined>(0x10000).fill(undefined);

export function fold(s: string): string {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) < 128) i++;
  // Most words are plain ASCII: no Unicode normalisation for them.
  if (i === s.length) return s.toLowerCase();
  let out = '';
  for (i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xd800 && c <= 0xdfff) || c === 0x3a3) return foldSlow(s);
    out += foldedUnit[c] ??= foldSlow(String.fromCharCode(c));
  }
  return out;
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

const LETTER = /[\p{L}\p{M}]/u;

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/** Does the string start with a letter (\p{L})? */
function startsWithLetter(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /^\p{L}/u.test(s);
}

/** Index of the first apostrophe, straight or typographic, or -1. */
function apostrophe(s: string): number {
  const a = s.indexOf("'");
  const b = s.indexOf('’');
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

function make(text: string, s: number, e: number, kind?: Token['kind'], inverted?: boolean): Token {
  const raw = text.slice(s, e);
  const ascii = isAscii(raw);
  const low = ascii ? raw.toLowerCase() : lower(raw);
  const c = raw.charCodeAt(0);
  const first = raw[0]!;
  const isNum = c >= 48 && c <= 57 || (!ascii && /^\p{N}/u.test(raw));
  const isWord = isNum || (c < 128 ? (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : LETTER.test(first));
  const t: Token = {
    s, e, raw, low, fold: ascii ? low : fold(raw),
    kind: kind ?? (isNum ? 'num' : isWord ? 'word' : 'punct'),
    cap: isWord && !isNum && (c < 128 ? c >= 65 && c <= 90 : first !== first.toLowerCase()),
    // Always present: one object shape for every token.
    inverted: inverted ? true : undefined,
    stemmed: undefined,
    stemmedBy: undefined,
  };
  return t;
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
    if (startsWithLetter(word)) {
      // A full stop belongs to the word when the word is a known abbreviation or an initial.
      if (e < slice.length && slice[e] === '.' && (abbrev.has(lower(word) + '.') || /^\p{Lu}$/u.test(word))) {
        e += 1;
        TOKEN.lastIndex = e;
        word = text.slice(s, e);
      }
      // Elision: "l'ingérence" is "l'" + "ingérence"; the split repeats for "qu'il".
      let apos = apostrophe(word);
      while (apos > 0 && elisions.has(lower(word.slice(0, apos)))) {
        out.push(make(text, s, s + apos + 1));
        s = s + apos + 1;
        word = text.slice(s, e);
        apos = apostrophe(word);
      }
      if (inversion && word.includes('-')) {
        const inv = inversion.exec(word);
        if (inv && inv[1] && inv[2]) {
          out.push(make(text, s, s + inv[1].length));
          out.push(make(text, e - inv[2].length, e, undefined, true));
          continue;
        }
      }
    }
    // A possessive is its own token, so "Poland's" still names Poland.
    const poss = e - s > 3 && (text[e - 2] === "'" || text[e - 2] === '’') && text[e - 1] === 's' ? /^(.{2,}?)(['’]s)$/u.exec(text.slice(s, e)) : null;
    if (poss && /^\p{L}/u.test(poss[1]!)) {
      out.push(make(text, s, s + poss[1]!.length));
      out.push(make(text, s + poss[1]!.length, e, 'punct'));
      continue;
    }
    if (s < e) out.push(make(text, s, e));
  }
  return out;
}

const stemCache = new WeakMap<Lexicon, { suffixes: string[]; memo: Map<string, string> }>();

/** Light stemmer: the lexicon's suffixes, longest first, keeping at least four letters. */
export function stem(word: string, lex: Lexicon): string {
  let c = stemCache.get(lex);
  if (!c) stemCache.set(lex, (c = { suffixes: lex.stemSuffixes.map(fold), memo: new Map() }));
  const hit = c.memo.get(word);
  if (hit !== undefined) return hit;
  const w = fold(word);
  let out = w;
  for (const f of c.suffixes) {
    if (w.length - f.length >= 4 && w.endsWith(f)) {
      out = w.slice(0, w.length - f.length);
      break;
    }
  }
  // Bounded: a long-running process analyses many articles.
  if (c.memo.size > 50000) c.memo.clear();
  c.memo.set(word, out);
  return out;
}

/** stem(t.raw, lex), kept on the token: a sentence's tokens are stemmed once per claim found in it. */
export function tokenStem(t: Token, lex: Lexicon): string {
  if (t.stemmedBy !== lex) {
    t.stemmed = stem(t.raw, lex);
    t.stemmedBy = lex;
  }
  return t.stemmed!;
}

export interface PhraseEntry<T> {
  tokens: string[];
  value: T;
}

/**
 * Multi-word phrase lookup over tokens, longest match first. `gap` lets a phrase tolerate
 * words in between its tokens ("mis personnellement en garde"). A "#" in a phrase stands for
 * any number ("the # - year-old").
 */
export class PhraseIndex<T> {
  private byFirst = new Map<string, PhraseEntry<T>[]>();
  private readonly folded: boolean;
  constructor(private key: 'low' | 'fold') {
    this.folded = key === 'fold';
  }

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
    const folded = this.folded;
    const list = this.byFirst.get(folded ? t.fold : t.low);
    if (!list) return null;
    for (const entry of list) {
      let j = i + 1;
      let ok = true;
      for (let k = 1; k < entry.tokens.length; k++) {
        const want = entry.tokens[k];
        let skipped = 0;
        let next = tokens[j];
        while (gap && next && (folded ? next.fold : next.low) !== want && gap(next) && skipped < 2) {
          next = tokens[++j];
          skipped++;
        }
        if (!next || ((folded ? next.fold : next.low) !== want && !(want === '#' && next.kind === 'num'))) {
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
