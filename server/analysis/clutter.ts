// Page clutter: what a saved web page carries besides the article. It is never deleted (offsets
// must keep pointing into the stored text); its ranges are left out of the analysis.
import { allLexicons, getLexicon } from './lexicons/index.ts';
import type { ClutterKind, Lexicon } from './lexicons/types.ts';
import { paragraphs } from './segment.ts';
import { countWords, isSpace, type Span } from './text.ts';

export interface Clutter extends Span {
  kind: ClutterKind;
}

export interface PageLayout {
  clutter: Clutter[];
  /** Paragraphs that carried a photo credit: captions, analysed but not article prose. */
  captions: Span[];
  /** Paragraphs to analyse, with clutter cut out. */
  body: Span[];
}

// A photographer and agencies joined by slashes at the end of a caption: "Jane Doe/Agency/AFP".
// A capitalised word or an initial ("J."), never a word ending a sentence ("Washington.").
const NAME = "[\\p{Lu}](?:\\.|[\\p{L}\\p{M}'’\\-]*)";
const CREDIT_TAIL = new RegExp(`(?:^|[\\s.])((?:${NAME}\\s?){1,4}(?:\\s?/\\s?(?:${NAME}\\s?){1,3}){1,3})\\s*$`, 'u');
// A credit in brackets or after a copyright sign: "(Photo AFP)", "© Reuters".
const CREDIT_MARK = /(?:^|\s)((?:©|\(©?\s*(?:photo|crédit|credit)?\s*)[^()\n]{2,60}\)?)\s*$/iu;
const TERMINAL = /[.!?…"»”:)]$/u;
const DATELINE = /^\p{Lu}[\p{L}\p{M} .'’-]{1,40}\s*\([\p{L} .'’-]{2,30}\)\s*[-–—]\s*/u;

function compiled(lexicons: Lexicon[]): { kind: ClutterKind; re: RegExp }[] {
  return lexicons.flatMap((l) => l.clutter.map((c) => ({ kind: c.kind, re: new RegExp(c.line, 'iu') })));
}
let patterns: { kind: ClutterKind; re: RegExp }[] | null = null;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** The first 80 characters of a paragraph's opening, dateline left out, whitespace squashed, lowercase. */
function head(opening: string): string {
  // A dateline needs its bracket.
  const s = opening.includes('(') ? opening.replace(DATELINE, '') : opening;
  // Squash only as far as 80 characters; lowercasing them alone gives the same result when no
  // character's lowercase depends on its neighbours or changes the length (Latin-1, punctuation).
  let out = '';
  let space = false;
  for (let i = 0; i < s.length && out.length < 80; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      space = out.length > 0;
      continue;
    }
    if (c >= 0x100 && !(c >= 0x2000 && c <= 0x206f)) return squash(s).slice(0, 80);
    if (space) out += ' ';
    space = false;
    out += s[i];
  }
  return out.toLowerCase().slice(0, 80);
}

export function pageLayout(text: string, language: string): PageLayout {
  // Page furniture of one site is often in another language than its article: all lexicons' patterns apply.
  patterns ??= compiled(allLexicons());
  const lex = getLexicon(language);
  const paras = paragraphs(text);
  const clutter: Clutter[] = [];
  const captions: Span[] = [];
  const body: Span[] = [];
  // Opening words of each paragraph, dateline left out, to recognise a lead repeated as a teaser.
  // Only the last paragraphs are ever compared, so they are computed on first use.
  let headCache: string[] | null = null;
  const heads = () => {
    if (!headCache) {
      headCache = [];
      for (const q of paras) headCache.push(head(text.slice(q.start, Math.min(q.end, q.start + 240))));
    }
    return headCache;
  };
  const firstLong = paras.findIndex((p) => TERMINAL.test(text.slice(p.start, p.end)) && words(text, p) >= 12);
  paras.forEach((para, i) => {
    let p = para;
    const line = text.slice(p.start, p.end);
    const n = words(text, p);
    const pattern = n <= 8 ? patterns!.find((c) => c.re.test(line)) : undefined;
    if (pattern) {
      clutter.push({ ...p, kind: pattern.kind });
      return;
    }
    let earlier = false;
    if (i >= paras.length - 3) {
      const all = heads();
      const mine = all[i]!;
      for (let k = 0; k < i && !earlier; k++) {
        const h = all[k]!;
        earlier = h.length >= 40 && mine.startsWith(h.slice(0, Math.min(80, h.length))) && mine.length >= h.length;
      }
    }
    if (earlier && i >= paras.length - 3) {
      clutter.push({ ...p, kind: 'teaser' });
      return;
    }
    // A dateline opens the first paragraphs of wire copy: "PARIS (AFP) -", "WARSAW (Reuters) —".
    const dateline = DATELINE.exec(line);
    if (dateline && i <= 6) {
      clutter.push({ start: p.start, end: p.start + dateline[0].length, kind: 'dateline' });
      p = { start: p.start + dateline[0].length, end: p.end };
    }
    // A credit holds a slash, a copyright sign or a bracket: without one, neither pattern can match.
    const rest = text.slice(p.start, p.end);
    const credit = (rest.includes('/') ? CREDIT_TAIL.exec(rest) : null) ?? (rest.includes('©') || rest.includes('(') ? CREDIT_MARK.exec(rest) : null);
    if (credit && credit[1] && (credit[1].includes('/') || credit[1].includes('©') || credit[1].includes('('))) {
      const at = p.start + text.slice(p.start, p.end).lastIndexOf(credit[1]);
      clutter.push({ start: at, end: p.end, kind: 'credit' });
      captions.push({ start: p.start, end: at });
      body.push({ start: p.start, end: trimEnd(text, p.start, at) });
      return;
    }
    if (!TERMINAL.test(text.slice(p.start, p.end)) && n <= 16) {
      // Short lines without a full stop: a section label above the headline, otherwise a headline or sub-head.
      const kind: ClutterKind = n <= 3 && (firstLong < 0 || i < firstLong) && /^\p{Lu}/u.test(text.slice(p.start, p.end)) && i <= 2 ? 'section' : 'heading';
      clutter.push({ ...p, kind });
      return;
    }
    body.push(p);
  });
  void lex;
  return { clutter, captions, body: body.filter((b) => b.end > b.start) };
}

export function findClutter(text: string, language: string): Clutter[] {
  return pageLayout(text, language).clutter;
}

function words(text: string, p: Span): number {
  return countWords(text, p.start, p.end);
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

// A lead repeated as a teaser: the same opening words as an earlier paragraph (compared on
// the first 80 characters, whitespace squashed), near the end of the page.
