// A web page to the article's text and metadata. Readability finds the main content; its DOM is
// then written out as text with paragraphs kept (a blank line between blocks, a line break for
// <br>), so the stored body reads like the page. Scripts, styles and other non-text elements are
// removed before anything else looks at the page, so they can never reach the body.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export type PageMetadata = {
  title: string | null;
  publisher: string | null;
  author: string | null;
  publishedOn: string | null;
  language: string | null;
  url: string | null;
};

export type ExtractedPage = { text: string; meta: PageMetadata; hadScripts: boolean };

const NON_TEXT = 'script, style, noscript, template, iframe, object, embed, svg, canvas, video, audio, form button, select, input, textarea, link, meta[http-equiv]';
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL', 'BODY',
]);

type El = { tagName: string; childNodes: ArrayLike<N>; getAttribute(name: string): string | null; textContent: string | null };
type N = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<N> };

/** Looks like an HTML document or fragment rather than plain text (for pasted text). */
export function looksLikeHtml(text: string): boolean {
  const head = text.trimStart().slice(0, 2000);
  return /^<(!doctype\s+html|html|head|body)\b/i.test(head) || /<(p|div|article|section|script|style|br|h[1-6])\b[^>]*>/i.test(head);
}

/** True when the markup carries scripts (refused pages tell the editor why they had no text). */
function countScripts(doc: Document): number {
  return doc.querySelectorAll('script, noscript').length;
}

export function extractPage(html: string, pageUrl?: string | null): ExtractedPage {
  const { document } = parseHTML(html.includes('<html') || /^\s*<!doctype/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
  const meta = readMetadata(document as unknown as Document, pageUrl ?? null);
  const hadScripts = countScripts(document as unknown as Document) > 0;
  for (const el of [...document.querySelectorAll(NON_TEXT)]) el.remove();
  // Comments can hold conditional markup; they are never article text.
  removeComments(document.documentElement as unknown as N & { removeChild?: unknown });

  let root: N | null = null;
  let readabilityTitle: string | null = null;
  try {
    const clone = parseHTML(document.toString()).document;
    const article = new Readability<N>(clone as unknown as Document, { serializer: (node) => node as unknown as N, charThreshold: 200 }).parse();
    if (article?.content && textOfTree(article.content).trim().length >= 200) root = article.content;
    readabilityTitle = article?.title?.trim() || null;
  } catch {
    // Readability gives up on odd markup: the whole body is then the best we have.
  }
  if (!root) {
    for (const el of [...document.querySelectorAll('nav, header > nav, footer, aside[role="complementary"]')]) el.remove();
    root = (document.body as unknown as N) ?? null;
  }
  const text = root ? textOfTree(root) : '';
  return { text, meta: { ...meta, title: meta.title ?? readabilityTitle }, hadScripts };
}

function removeComments(node: N): void {
  const kids = Array.from(node.childNodes);
  for (const kid of kids) {
    if (kid.nodeType === 8) (kid as unknown as { remove(): void }).remove();
    else if (kid.childNodes?.length) removeComments(kid);
  }
}

/** Writes a DOM tree out as text: blocks become paragraphs, <br> a line break, spaces collapse. */
export function textOfTree(root: N): string {
  const out: string[] = [];
  let line = '';
  // Only markup whitespace collapses: a no-break space is text (French puts one before « : ; ? »).
  const tidy = (l: string) => l.replace(/[ \t\n\r\f]+/g, ' ').replace(/^ +/, '').replace(/ +$/, '');
  const breakLine = (blank: boolean) => {
    const trimmed = tidy(line);
    if (trimmed) out.push(trimmed);
    if (blank && out.length && out[out.length - 1] !== '') out.push('');
    line = '';
  };
  const walk = (node: N, pre: boolean) => {
    if (node.nodeType === 3) {
      const t = node.textContent ?? '';
      line += pre ? t : t.replace(/[ \t\n\r\f]+/g, ' ');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeName.toUpperCase();
    if (tag === 'BR') {
      out.push(tidy(line));
      line = '';
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) breakLine(true);
    const isPre = pre || tag === 'PRE';
    if (isPre && tag === 'PRE') {
      for (const l of (node.textContent ?? '').replace(/\r\n?/g, '\n').split('\n')) out.push(l.replace(/\s+$/, ''));
      out.push('');
      return;
    }
    for (const kid of Array.from(node.childNodes)) walk(kid, isPre);
    if (block) breakLine(true);
  };
  walk(root, false);
  breakLine(false);
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})/;

function dayOf(value: string | null | undefined): string | null {
  if (!value) return null;
  const iso = ISO_DAY.exec(value.trim());
  if (iso) return iso[1]!;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString().slice(0, 10);
}

function clean(value: string | null | undefined): string | null {
  const v = value?.replace(/\s+/g, ' ').trim();
  return v ? v.slice(0, 500) : null;
}

type JsonLd = Record<string, unknown>;

/** NewsArticle-like objects from the page's JSON-LD, @graph included. */
function jsonLdArticles(doc: Document): JsonLd[] {
  const found: JsonLd[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const obj = value as JsonLd;
    const types = ([] as unknown[]).concat(obj['@type'] ?? []).map(String);
    if (types.some((t) => /(^|:)(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|Report|OpinionNewsArticle)$/.test(t))) found.push(obj);
    if (obj['@graph']) visit(obj['@graph']);
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // Broken JSON-LD is common; the other metadata still counts.
    }
  }
  return found;
}

function nameOf(value: unknown): string | null {
  if (!value) return null;
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => !!n);
    return names.length ? names.join(', ') : null;
  }
  if (typeof value === 'object') return clean(String((value as JsonLd).name ?? ''));
  return null;
}

export function readMetadata(doc: Document, pageUrl: string | null): PageMetadata {
  const metaContent = (...selectors: string[]) => {
    for (const s of selectors) {
      const v = clean(doc.querySelector(s)?.getAttribute('content'));
      if (v) return v;
    }
    return null;
  };
  const ld = jsonLdArticles(doc)[0];
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? metaContent('meta[property="og:url"]');
  let url: string | null = pageUrl;
  if (canonical) {
    try {
      const resolved = new URL(canonical, pageUrl ?? undefined);
      if (/^https?:$/.test(resolved.protocol)) url = resolved.toString();
    } catch {
      // A relative canonical without a page address: keep what we have.
    }
  }
  const time = doc.querySelector('article time[datetime], time[pubdate], time[datetime]')?.getAttribute('datetime');
  const lang = clean(doc.documentElement?.getAttribute('lang'))?.toLowerCase().split(/[-_]/)[0] ?? null;
  return {
    title:
      clean(typeof ld?.headline === 'string' ? ld.headline : null) ??
      metaContent('meta[property="og:title"]', 'meta[name="twitter:title"]') ??
      clean(doc.querySelector('h1')?.textContent) ??
      clean(doc.querySelector('title')?.textContent),
    publisher: nameOf(ld?.publisher) ?? metaContent('meta[property="og:site_name"]', 'meta[name="application-name"]'),
    author: nameOf(ld?.author) ?? metaContent('meta[name="author"]', 'meta[property="article:author"]', 'meta[name="byl"]'),
    publishedOn:
      dayOf(typeof ld?.datePublished === 'string' ? ld.datePublished : null) ??
      dayOf(metaContent('meta[property="article:published_time"]', 'meta[name="date"]', 'meta[name="pubdate"]', 'meta[itemprop="datePublished"]')) ??
      dayOf(time),
    language: (typeof ld?.inLanguage === 'string' ? ld.inLanguage.toLowerCase().split(/[-_]/)[0] : null) ?? lang,
    url,
  };
}
