// Sentences. Intl.Segmenter does most of the work; the repair pass fixes what it gets wrong in
// news copy: a break after an abbreviation ("M.", "Mr.", "Dec.", "U.S."), a closing » or ”
// pushed to the start of the next sentence, and a "sentence" that starts in lowercase.
import type { Lexicon } from './lexicons/types.ts';
import { isSpace, lower, type Span } from './text.ts';

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(code: string): Intl.Segmenter {
  let s = segmenters.get(code);
  if (!s) {
    s = new Intl.Segmenter(code, { granularity: 'sentence' });
    segmenters.set(code, s);
  }
  return s;
}

/** Paragraphs: runs of text between line breaks, trimmed, never empty. */
export function paragraphs(text: string, start = 0, end = text.length): Span[] {
  const out: Span[] = [];
  const re = /[^\r\n]+/g;
  re.lastIndex = start;
  const slice = text.slice(0, end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice))) {
    const span = trim(text, m.index, m.index + m[0].length);
    if (span.end > span.start) out.push(span);
  }
  return out;
}

export function trim(text: string, start: number, end: number): Span {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

const CLOSERS = /^[\s]*[»”’")\]]+/u;

/** Sentences of one paragraph, as trimmed spans of the original text. */
const abbreviations = new WeakMap<Lexicon, Set<string>>();

export function segmentParagraph(text: string, para: Span, lex: Lexicon): Span[] {
  let abbrev = abbreviations.get(lex);
  if (!abbrev) abbreviations.set(lex, (abbrev = new Set(lex.abbreviations)));
  const raw: Span[] = [];
  const body = text.slice(para.start, para.end);
  // A paragraph with no sentence end before its last characters is one sentence: no need for ICU.
  if (!/[.!?…][\s»”"’)]*\s\S/u.test(body)) return [trim(text, para.start, para.end)];
  for (const seg of segmenter(lex.code).segment(body)) {
    const s = para.start + seg.index;
    raw.push({ start: s, end: s + seg.segment.length });
  }
  const out: Span[] = [];
  for (const cur of raw) {
    const prev = out[out.length - 1];
    if (prev) {
      const prevText = text.slice(prev.start, prev.end).trimEnd();
      const curText = text.slice(cur.start, cur.end);
      // A closing quote that landed at the start of this segment belongs to the previous one.
      const closers = CLOSERS.exec(curText);
      if (closers && closesSomething(prevText, closers[0])) {
        prev.end = cur.start + closers[0].length;
        cur.start = prev.end;
        if (cur.start >= cur.end) continue;
      }
      let w = prevText.length;
      while (w > 0 && !isSpace(prevText.charCodeAt(w - 1))) w--;
      const lastWord = lower(prevText.slice(w));
      const startsLower = /^[\s"“«(]*\p{Ll}/u.test(text.slice(cur.start, cur.end));
      const afterAbbreviation = abbrev.has(lastWord) || /^\p{L}\.$/u.test(lastWord);
      if (afterAbbreviation || startsLower) {
        prev.end = cur.end;
        continue;
      }
    }
    out.push({ ...cur });
  }
  const trimmed: Span[] = [];
  for (const s of out) {
    const t = trim(text, s.start, s.end);
    if (t.end > t.start) trimmed.push(t);
  }
  return trimmed;
}

// A straight double quote at the start of a segment closes the previous sentence only when
// that sentence left one open; curly and angle closers always close.
function closesSomething(prev: string, closers: string): boolean {
  if (!closers.includes('"')) return true;
  return (prev.match(/"/g)?.length ?? 0) % 2 === 1;
}

/** Sentences of the given paragraphs. */
export function segmentSentences(text: string, paras: Span[], lex: Lexicon): Span[] {
  return paras.flatMap((p) => segmentParagraph(text, p, lex));
}

export interface Quote {
  /** Offsets of the quoted words, quotation marks excluded. */
  start: number;
  end: number;
  /** Offsets including the quotation marks (the closing one may be missing). */
  outerStart: number;
  outerEnd: number;
}

const OPEN = new Set(['“', '«', '„', '‹']);
const CLOSE = new Set(['”', '»', '›']);
// Single typographic quotes (British style) pair ‘ with a ’ that no letter follows: ’ is also the apostrophe.
const MARKS = /["“«„‹”»›‘’]/g;

// Helpers of findQuotes at module level: under tsx every named closure is named anew each call.
function sentenceEnd(sentences: Span[], para: Span, at: number): number {
  return sentences.find((s) => s.start <= at && at < s.end)?.end ?? para.end;
}
function opening(sentences: Span[], para: Span, at: number, ch: string): { at: number; ch: string; until: number } {
  return { at, ch, until: ch === '"' ? sentenceEnd(sentences, para, at) : para.end };
}
function pushQuote(text: string, out: Quote[], from: number, to: number, outerEnd: number): void {
  let start = from + 1;
  let end = to;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && /[\s,;:]/u.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end, outerStart: from, outerEnd });
}

/**
 * Quotations in a paragraph. Typographic quotes pair by direction, straight quotes by their
 * side (a quote mark after a space opens). A typographic quote may run over several sentences;
 * a straight one left open ends with its sentence, as such a mistake usually does. A second
 * opening mark of the same kind while one is open is read as the closing mark typed the wrong
 * way round.
 */
export function findQuotes(text: string, para: Span, sentences: Span[]): Quote[] {
  const out: Quote[] = [];
  // An open straight quote, and the end of the sentence it was opened in.
  let open: { at: number; ch: string; until: number } | null = null;
  // Only quotation marks change the state; a straight quote left open expires at its sentence's
  // end, which is checked at the next mark or at the paragraph's end.
  MARKS.lastIndex = para.start;
  const slice = text.slice(0, para.end);
  let m: RegExpExecArray | null;
  while ((m = MARKS.exec(slice))) {
    const i = m.index;
    const ch = m[0];
    const before = i === para.start ? ' ' : text[i - 1]!;
    const after = text[i + 1] ?? ' ';
    const looksOpening = /[\s(\[—–-]/u.test(before) && /[\p{L}\p{N}'’«“]/u.test(after);
    // A quotation of several sentences in straight quotes: the next mark in the paragraph closes it.
    const closesLater = ch === '"' && !looksOpening;
    if (open && open.ch === '"' && i >= open.until && !closesLater) {
      pushQuote(text, out, open.at, open.until, open.until);
      open = null;
    }
    if (ch === '"') {
      if (!open) {
        open = opening(sentences, para, i, ch);
      } else if (open.ch === '"' && looksOpening) {
        // Another opening mark: the open quote was never closed; it ends with its sentence.
        const end = Math.min(open.until, i);
        pushQuote(text, out, open.at, end, end);
        open = opening(sentences, para, i, ch);
      } else if (open.ch === '"') {
        pushQuote(text, out, open.at, i, i + 1);
        open = null;
      }
    } else if (ch === '‘') {
      // Only after a space or an opening bracket ("O‘Brien" misspells an apostrophe), and only
      // when a closing mark follows in the paragraph ("the ‘90s" opens nothing).
      if (!open && /[\s(\[—–-]/u.test(before) && /[\p{L}\p{N}"“]/u.test(after) && /’(?![\p{L}\p{N}])/u.test(text.slice(i + 1, para.end))) open = opening(sentences, para, i, ch);
    } else if (ch === '’') {
      if (open && open.ch === '‘' && !/[\p{L}\p{N}]/u.test(after)) {
        pushQuote(text, out, open.at, i, i + 1);
        open = null;
      }
    } else if (OPEN.has(ch)) {
      if (open && open.ch === ch) {
        pushQuote(text, out, open.at, i, i + 1);
        open = null;
      } else if (!open) {
        open = opening(sentences, para, i, ch);
      }
    } else if (CLOSE.has(ch) && open) {
      pushQuote(text, out, open.at, i, i + 1);
      open = null;
    }
  }
  // An unclosed ‘ is more likely a stray mark ("‘90s") than a quotation running to the paragraph's end.
  if (open && open.ch !== '‘') {
    const end = open.ch === '"' ? open.until : para.end;
    pushQuote(text, out, open.at, end, end);
  }
  return out;
}
