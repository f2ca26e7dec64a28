import { parseHTML } from 'linkedom';

/** A page's document, to assert on what a reader would see rather than on raw markup. */
export function parse(html: string) {
  return parseHTML(html).document;
}

/** Visible text of an element with whitespace collapsed. */
export function textOf(node: { textContent: string | null } | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
