// Mentions as W3C Web Annotations (https://www.w3.org/TR/annotation-model/): each quote of a
// claim is an annotation whose target is a span of the source's stored text, found by a
// TextQuoteSelector (exact words with their context) and a TextPositionSelector.
import type { Executor } from '../../db/client.ts';
import { listAnnotationRows, listVersionBodies } from '../../db/queries/publish.ts';
import { NotFound } from '../errors.ts';
import type { Site } from '../http/site.ts';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const ANNOTATION_TYPE = `application/ld+json; profile="${ANNOTATION_CONTEXT}"`;

type Row = Awaited<ReturnType<typeof listAnnotationRows>>[number];

/**
 * The Web Annotation model counts positions in Unicode code points; our offsets are
 * JavaScript (UTF-16) string offsets, which differ after any character outside the BMP.
 */
export function codePointOffset(body: string, offset: number): number {
  const before = body.slice(0, offset);
  return /[\uD800-\uDFFF]/.test(before) ? [...before].length : offset;
}

export function annotationOf(row: Row, body: string | undefined, site: Site) {
  const base = site.baseUrl;
  const selectors: Record<string, unknown>[] = [
    { type: 'TextQuoteSelector', exact: row.quote, prefix: row.prefix, suffix: row.suffix },
  ];
  // Offsets are only given when the stored text they point into is at hand to convert them.
  if (body !== undefined) {
    selectors.push({ type: 'TextPositionSelector', start: codePointOffset(body, row.start), end: codePointOffset(body, row.end) });
  }
  return {
    id: `${base}/api/mentions/${row.id}`,
    type: 'Annotation',
    motivation: 'identifying',
    created: row.createdAt.toISOString(),
    creator: { type: 'Organization', name: site.publisher.name, homepage: site.publisher.url },
    generator: { id: base, type: 'Software', name: 'Claimline' },
    body: [
      { type: 'SpecificResource', source: `${base}/claims/${row.claimId}`, purpose: 'identifying' },
      {
        type: 'TextualBody',
        value: row.claimText,
        format: 'text/plain',
        ...(row.claimLanguage ? { language: row.claimLanguage } : {}),
        purpose: 'describing',
      },
      { type: 'TextualBody', value: `role:${row.role}`, purpose: 'tagging' },
      { type: 'TextualBody', value: `stance:${row.stance}`, purpose: 'tagging' },
    ],
    target: {
      type: 'SpecificResource',
      // The stored text of the exact version the offsets were taken in: it never changes.
      source: {
        id: `${base}/api/sources/${row.sourceId}/text?version=${row.sourceVersion}`,
        type: 'Text',
        format: 'text/plain',
        ...((row.language ?? row.sourceLanguage) ? { language: row.language ?? row.sourceLanguage } : {}),
      },
      // The page the text was taken from, when it is known.
      ...(row.sourceUrl && /^https?:\/\//i.test(row.sourceUrl) ? { scope: row.sourceUrl } : {}),
      selector: selectors,
    },
  };
}

async function annotationsOf(ex: Executor, where: Parameters<typeof listAnnotationRows>[1], site: Site) {
  const rows = await listAnnotationRows(ex, where);
  const pairs = [...new Map(rows.map((r) => [`${r.sourceId}/${r.sourceVersion}`, { sourceId: r.sourceId, version: r.sourceVersion }])).values()];
  const bodies = new Map((await listVersionBodies(ex, pairs)).map((b) => [`${b.sourceId}/${b.version}`, b.body]));
  return rows.map((r) => annotationOf(r, bodies.get(`${r.sourceId}/${r.sourceVersion}`), site));
}

/** An AnnotationCollection with all items on its first page (a claim or an article has few). */
function collection(id: string, label: string, items: unknown[]) {
  return {
    '@context': ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first: { id: `${id}?page=0`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

export async function claimAnnotations(ex: Executor, claimId: number, claimText: string, site: Site) {
  const items = await annotationsOf(ex, { claimId }, site);
  return collection(`${site.baseUrl}/api/claims/${claimId}/annotations`, `Quotes of the claim “${claimText}”`, items);
}

export async function sourceAnnotations(ex: Executor, sourceId: number, title: string, site: Site) {
  const items = await annotationsOf(ex, { sourceId }, site);
  return collection(`${site.baseUrl}/api/sources/${sourceId}/annotations`, `Claims in “${title}”`, items);
}

export async function mentionAnnotation(ex: Executor, mentionId: number, site: Site) {
  const [annotation] = await annotationsOf(ex, { mentionId }, site);
  if (!annotation) throw new NotFound(`There is no mention ${mentionId}.`);
  return { '@context': ANNOTATION_CONTEXT, ...annotation };
}
