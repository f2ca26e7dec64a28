import approxSearch from 'approx-string-match';

// W3C Web Annotation selectors for a span of a source body. The prefix and suffix let a
// mention be found again if the body changes (Hypothesis keeps 32 characters each side).
const CONTEXT = 32;

export type QuoteSelector = { quote: string; prefix: string; suffix: string };

export function quoteSelector(body: string, start: number, end: number): QuoteSelector {
  return {
    quote: body.slice(start, end),
    prefix: body.slice(Math.max(0, start - CONTEXT), start),
    suffix: body.slice(end, end + CONTEXT),
  };
}

/**
 * Where `quote` stands in `body`: at `hint` when it is still there, else the occurrence
 * whose surrounding text best matches prefix/suffix. null when the quote is gone.
 */
export function locateQuote(
  body: string,
  selector: QuoteSelector,
  hint?: number,
): { start: number; end: number } | null {
  const { quote } = selector;
  if (!quote) return null;
  if (hint !== undefined && body.startsWith(quote, hint)) return { start: hint, end: hint + quote.length };
  let best: { start: number; score: number } | null = null;
  for (let i = body.indexOf(quote); i >= 0; i = body.indexOf(quote, i + 1)) {
    const score =
      commonSuffixLength(body.slice(Math.max(0, i - selector.prefix.length), i), selector.prefix) +
      commonPrefixLength(body.slice(i + quote.length, i + quote.length + selector.suffix.length), selector.suffix);
    if (!best || score > best.score) best = { start: i, score };
  }
  return best ? { start: best.start, end: best.start + quote.length } : null;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

export type Anchor = {
  start: number;
  end: number;
  /** position: still at the expected offset; exact: the same words elsewhere; fuzzy: slightly edited words. */
  method: 'position' | 'exact' | 'fuzzy';
  /** Edits between the stored quote and the text found (0 unless fuzzy). */
  errors: number;
};

// Hypothesis's weights (client/src/annotator/anchoring/match-quote.ts): the quote counts most,
// then its context, and the expected position only breaks ties between equal candidates.
const QUOTE_WEIGHT = 50;
const CONTEXT_WEIGHT = 20;
const POSITION_WEIGHT = 2;
// Hypothesis accepts any best match within quote.length / 2 edits; a newsroom would rather see
// an orphan than a quote silently moved to unrelated words, so fuzzy matches must be close,
// and a looser one is taken only when its surroundings agree too.
const CLOSE_ERROR_RATE = 0.12;
const LOOSE_ERROR_RATE = 0.3;
const LOOSE_CONTEXT_SCORE = 0.5;
const MAX_EXACT_CANDIDATES = 200;

/**
 * Finds a stored quote again in a (possibly corrected) body, as Hypothesis does: the same
 * words at the expected offset, else the same words elsewhere chosen by their surroundings
 * and nearness, else approximately matching words (Myers' bit-parallel search). null: the
 * quote cannot be placed and the mention becomes an orphan for an editor.
 */
export function anchorQuote(body: string, selector: QuoteSelector, hint?: number): Anchor | null {
  const { quote } = selector;
  if (!quote) return null;
  if (hint !== undefined && hint >= 0 && body.startsWith(quote, hint)) {
    return { start: hint, end: hint + quote.length, method: 'position', errors: 0 };
  }
  const exact: { start: number; end: number; errors: number }[] = [];
  for (let i = body.indexOf(quote); i >= 0 && exact.length < MAX_EXACT_CANDIDATES; i = body.indexOf(quote, i + 1)) {
    exact.push({ start: i, end: i + quote.length, errors: 0 });
  }
  if (exact.length) {
    const best = bestCandidate(body, selector, exact, hint);
    return { start: best.start, end: best.end, method: 'exact', errors: 0 };
  }
  const fuzzy = approxSearch(body, quote, Math.floor(quote.length * LOOSE_ERROR_RATE));
  if (!fuzzy.length) return null;
  const best = bestCandidate(body, selector, fuzzy, hint);
  const rate = best.errors / quote.length;
  if (rate > CLOSE_ERROR_RATE && best.context < LOOSE_CONTEXT_SCORE) return null;
  return { start: best.start, end: best.end, method: 'fuzzy', errors: best.errors };
}

function bestCandidate(
  body: string,
  selector: QuoteSelector,
  candidates: { start: number; end: number; errors: number }[],
  hint: number | undefined,
) {
  const scored = candidates.map((c) => {
    const prefix = selector.prefix
      ? similarity(body.slice(Math.max(0, c.start - selector.prefix.length), c.start), selector.prefix)
      : 1;
    const suffix = selector.suffix ? similarity(body.slice(c.end, c.end + selector.suffix.length), selector.suffix) : 1;
    const context = (prefix + suffix) / 2;
    const position = hint === undefined ? 1 : 1 - Math.abs(c.start - hint) / Math.max(1, body.length);
    const score =
      QUOTE_WEIGHT * (1 - c.errors / selector.quote.length) + CONTEXT_WEIGHT * (prefix + suffix) + POSITION_WEIGHT * position;
    return { ...c, context, score };
  });
  return scored.reduce((a, b) => (b.score > a.score ? b : a));
}

/** 1 for identical strings, 0 for nothing in common (edit distance over the expected length). */
function similarity(found: string, expected: string): number {
  if (!expected.length || !found.length) return 0;
  const [match] = approxSearch(found, expected, expected.length);
  return match ? 1 - match.errors / expected.length : 0;
}

/**
 * Where an offset of the old body is expected in the new one: unchanged before the first
 * edit, shifted by the length difference after the last, scaled in between. Only a hint:
 * the quote and its context decide.
 */
export function offsetMapper(oldBody: string, newBody: string): (offset: number) => number {
  const max = Math.min(oldBody.length, newBody.length);
  let head = 0;
  while (head < max && oldBody.charCodeAt(head) === newBody.charCodeAt(head)) head++;
  let tail = 0;
  while (
    tail < max - head &&
    oldBody.charCodeAt(oldBody.length - 1 - tail) === newBody.charCodeAt(newBody.length - 1 - tail)
  ) {
    tail++;
  }
  const oldChanged = oldBody.length - head - tail;
  const newChanged = newBody.length - head - tail;
  return (offset) => {
    if (offset <= head) return offset;
    if (offset >= oldBody.length - tail) return offset + newBody.length - oldBody.length;
    return head + Math.round(((offset - head) * newChanged) / Math.max(1, oldChanged));
  };
}
