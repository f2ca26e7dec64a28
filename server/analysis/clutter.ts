// Page clutter: what a saved web page carries besides the article. It is never deleted (offsets
// must keep pointing into the stored text); its ranges are left out of the analysis.
import { allLexicons, getLexicon } from './lexicons/index.ts';
import type { ClutterKind, Lexicon } from './lexicons/types.ts';
import { paragraphs } from './segment.ts';
import type { Span } from './text.ts';

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
const NAME = "[\\p{Lu}][\\p{L}\\p{M}'’.\\-]*";
const CREDIT_TAIL = new RegExp(`(?:^|[\\s.])((?:${NAME}\\s?){1,4}(?:\\s?/\\s?(?:${NAME}\\s?){1,3}){1,3})\\s*$`, 'u');
// A credit in brackets or after a copyright sign: "(Photo AFP)", "© Reuters".
const CREDIT_MARK = /(?:^|\s)((?:©|\(©?\s*(?:photo|crédit|credit)?\s*)[^()\n]{2,60}\)?)\s*$/iu;
const TERMINAL = /[.!?…"»”:)]$/u;

function compiled(lexicons: Lexicon[]): { kind: ClutterKind; re: RegExp }[] {
  return lexicons.flatMap((l) => l.clutter.map((c) => ({ kind: c.kind, re: new RegExp(c.line, 'iu') })));
}
let patterns: { kind: ClutterKind; re: RegExp }[] | null = null;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

export function pageLayout(text: string, language: string): PageLayout {
  // Page furniture of one site is often in another language than its article: all lexicons' patterns apply.
  patterns ??= compiled(allLexicons());
  const lex = getLexicon(language);
  const paras = paragraphs(text);
  const clutter: Clutter[] = [];
  const captions: Span[] = [];
  const body: Span[] = [];
  const firstLong = paras.findIndex((p) => TERMINAL.test(text.slice(p.start, p.end)) && words(text, p) >= 12);
  paras.forEach((p, i) => {
    const line = text.slice(p.start, p.end);
    const n = words(text, p);
    const pattern = n <= 8 ? patterns!.find((c) => c.re.test(line)) : undefined;
    if (pattern) {
      clutter.push({ ...p, kind: pattern.kind });
      return;
    }
    const earlier = paras.slice(0, i).find((q) => isTeaserOf(text, p, q));
    if (earlier && i >= paras.length - 3) {
      clutter.push({ ...p, kind: 'teaser' });
      return;
    }
    if (!TERMINAL.test(line) && n <= 16) {
      // Short lines without a full stop: a section label above the headline, otherwise a headline or sub-head.
      const kind: ClutterKind = n <= 3 && (firstLong < 0 || i < firstLong) && /^\p{Lu}/u.test(line) && i <= 2 ? 'section' : 'heading';
      clutter.push({ ...p, kind });
      return;
    }
    const credit = CREDIT_TAIL.exec(line) ?? CREDIT_MARK.exec(line);
    if (credit && credit[1] && (credit[1].includes('/') || credit[1].includes('©') || credit[1].includes('('))) {
      const at = p.start + line.lastIndexOf(credit[1]);
      clutter.push({ start: at, end: p.end, kind: 'credit' });
      captions.push({ start: p.start, end: at });
      body.push({ start: p.start, end: trimEnd(text, p.start, at) });
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
  return text.slice(p.start, p.end).split(/\s+/).filter(Boolean).length;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return end;
}

// A lead repeated as a teaser: same opening words as an earlier paragraph, and either cut
// short ("…") or not longer than what it repeats.
function isTeaserOf(text: string, p: Span, q: Span): boolean {
  const a = squash(text.slice(p.start, p.end));
  const b = squash(text.slice(q.start, q.end));
  const n = Math.min(80, b.length);
  if (n < 40 || a.length < n) return false;
  return a.slice(0, n) === b.slice(0, n);
}
