// Language of an article. First a cheap vote: the share of each lexicon's stopwords among the
// words of a sample; a clear winner is the answer. Otherwise franc decides, restricted to the
// languages we have lexicons for (it misreads short phrases), on a bounded sample.
import { franc } from 'franc';
import { allLexicons } from './lexicons/index.ts';
import { countWords, wordSet } from './text.ts';

const SAMPLE = 2500;
let stopwordSets: { code: string; words: Set<string> }[] | null = null;

export function detectLanguage(text: string): string {
  const lexicons = allLexicons();
  const fallback = lexicons[0]!.code;
  // Prefer long lines: page furniture ("Search", "Share") says little about the language.
  const sample = (longLines(text) ?? text).slice(0, SAMPLE);
  stopwordSets ??= lexicons.map((l) => ({ code: l.code, words: wordSet(l.stopwords) }));
  const words = wordsOf(sample.toLowerCase().replace(/’/g, "'"));
  if (words.length >= 20) {
    const votes = stopwordSets.map((s) => {
      let n = 0;
      for (const w of words) if (s.words.has(w)) n++;
      return { code: s.code, n };
    }).sort((a, b) => b.n - a.n);
    const [first, second] = votes;
    if (first && first.n >= 5 && (!second || first.n >= 2 * second.n)) return first.code;
  }
  const iso = franc(sample, { only: lexicons.map((l) => l.iso6393), minLength: 10 });
  return lexicons.find((l) => l.iso6393 === iso)?.code ?? fallback;
}

/**
 * Lines of six words or more, joined by line breaks, read only as far as the sample needs;
 * null when they make fewer than 40 characters.
 */
function longLines(text: string): string | null {
  let body = '';
  for (let at = 0; at <= text.length && body.length < SAMPLE; ) {
    const nl = text.indexOf('\n', at);
    const next = nl < 0 ? text.length + 1 : nl + 1;
    // The break is "\n" or "\r\n".
    const end = nl < 0 ? text.length : nl > at && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    if (countWords(text, at, end) >= 6) body += (body ? '\n' : '') + text.slice(at, end);
    at = next;
  }
  return body.length >= 40 ? body : null;
}

const LETTER = /^\p{L}$/u;
// Per UTF-16 unit: 0 not yet known, 1 not a letter, 2 a letter.
const letterUnit = new Uint8Array(0x10000);

/** Runs of letters and apostrophes: what splitting on /[^\p{L}']+/u keeps. */
function wordsOf(s: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    let inWord = false;
    let width = 1;
    if (i < s.length) {
      const c = s.charCodeAt(i);
      if (c < 128) inWord = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39;
      else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        inWord = LETTER.test(s.slice(i, i + 2));
        width = 2;
      } else inWord = (letterUnit[c] ||= LETTER.test(String.fromCharCode(c)) ? 2 : 1) === 2;
    }
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      out.push(s.slice(start, i));
      start = -1;
    }
    i += width - 1;
  }
  return out;
}
