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
