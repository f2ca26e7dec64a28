// Turns what an editor gives (pasted text, a file, a web address) into the body Claimline stores
// and the metadata found with it. Pure except for the fetch; nothing here touches the database.
import { detectLanguage, findClutter, supportedLanguages } from '../analysis/index.ts';
import { decodeText } from './decode.ts';
import { fetchPage, tooLarge, type FetchOptions } from './fetch.ts';
import { extractPage, looksLikeHtml, type PageMetadata } from './html.ts';
import { markdownToText } from './markdown.ts';
import { ImportProblem } from './problems.ts';

export { ImportProblem } from './problems.ts';

export type ImportInput =
  | { kind: 'text'; text: string }
  | { kind: 'file'; name: string; bytes: Uint8Array; truncated?: boolean }
  | { kind: 'url'; url: string };

export type ImportLimits = FetchOptions & {
  /** Largest upload or page accepted, in bytes. */
  maxBytes: number;
  /** Longest body stored, in characters (a long feature is about 60,000). */
  maxChars: number;
};

export type PreparedArticle = {
  body: string;
  /** Metadata found in the page or file; the editor's own values are applied after. */
  meta: PageMetadata;
  language: string;
  method: ImportInput['kind'];
};

export const FILE_TYPES = ['.txt', '.md', '.markdown', '.html', '.htm'] as const;

/**
 * The stored form of a body: line endings as \n, Unicode NFC, no byte-order mark, no blank lines
 * or spaces around it. Paste, upload and fetch of the same text give the same body (and hash).
 */
export function normalizeBody(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(/[ \t]+$/gm, '')
    .replace(/^\n+/, '')
    .trimEnd();
}

function extensionOf(name: string): string {
  const m = /\.[a-z0-9]+$/i.exec(name.trim());
  return m ? m[0].toLowerCase() : '';
}

/** The charset a page declares in its first bytes (<meta charset> or http-equiv). */
function sniffMetaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? null;
}

export async function prepareArticle(input: ImportInput, limits: ImportLimits): Promise<PreparedArticle> {
  let text: string;
  let meta: PageMetadata = { title: null, publisher: null, author: null, publishedOn: null, language: null, url: null };
  let hadScripts = false;
  let field: 'text' | 'file' | 'url' = 'text';

  if (input.kind === 'text') {
    if (input.text.length > limits.maxChars * 2) throw tooLarge(limits.maxChars * 2, 'text');
    if (looksLikeHtml(input.text)) {
      const page = extractPage(input.text);
      ({ text, meta, hadScripts } = page);
    } else {
      text = input.text;
    }
  } else if (input.kind === 'file') {
    field = 'file';
    const ext = extensionOf(input.name);
    if (!(FILE_TYPES as readonly string[]).includes(ext)) {
      throw new ImportProblem(
        'import.error.fileType',
        `Claimline imports .txt, .md and .html files; "${input.name}" is not one.`,
        { name: input.name },
        'file',
      );
    }
    if (input.truncated || input.bytes.length > limits.maxBytes) throw tooLarge(limits.maxBytes, 'file');
    const isHtml = ext === '.html' || ext === '.htm';
    const decoded = decodeText(input.bytes, isHtml ? sniffMetaCharset(input.bytes) : null);
    if (isHtml) ({ text, meta, hadScripts } = extractPage(decoded.text));
    else if (ext === '.md' || ext === '.markdown') text = markdownToText(decoded.text);
    else text = decoded.text;
  } else {
    field = 'url';
    const page = await fetchPage(input.url, limits);
    const decoded = decodeText(page.body, page.charset ?? sniffMetaCharset(page.body));
    ({ text, meta, hadScripts } = extractPage(decoded.text, page.url));
    meta.url ??= page.url;
  }

  const body = normalizeBody(text);
  if (!body) {
    if (hadScripts) {
      throw new ImportProblem(
        'import.error.noText',
        'This page has no article text of its own: it is made of scripts, which Claimline never runs. Paste the article text instead.',
        {},
        field,
      );
    }
    throw new ImportProblem('import.error.empty', 'There is no text to import.', {}, field);
  }
  if (body.length > limits.maxChars) throw tooLarge(limits.maxChars * 2, field);
  const language = meta.language && supportedLanguages().includes(meta.language) ? meta.language : detectLanguage(body);
  return { body, meta, language, method: input.kind };
}

/**
 * A title for an article that came without one: the page's headline when the analysis marked
 * one, else its first line of prose, shortened at a word.
 */
export function fallbackTitle(body: string, language: string): string {
  const clutter = findClutter(body, language);
  const heading = clutter.find((c) => c.kind === 'heading');
  const firstLine = (from: string) =>
    from
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length >= 12) ?? from.trim();
  const text = heading ? body.slice(heading.start, heading.end).trim() : firstLine(body);
  return shorten(text, 160);
}

export function shorten(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ').trim();
  if (one.length <= max) return one;
  const cut = one.slice(0, max - 1);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd() + '…';
}
