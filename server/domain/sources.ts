import type { Executor } from '../../db/client.ts';
import { findSource, listMentionsInSource } from '../../db/queries/sources.ts';
import { NotFound } from '../errors.ts';
import { getReportGroup } from './corrections.ts';
import { highlightSegments } from './highlight.ts';

export type ArticlePage = Awaited<ReturnType<typeof getArticlePage>>;

export async function getArticlePage(ex: Executor, id: number) {
  const source = await findSource(ex, id);
  if (!source) throw new NotFound(`There is no source ${id}.`);
  const [mentionRows, original, report] = await Promise.all([
    listMentionsInSource(ex, id),
    source.syndicatedFromId ? findSource(ex, source.syndicatedFromId) : Promise.resolve(undefined),
    getReportGroup(ex, id),
  ]);
  const anchored = mentionRows.filter((m) => m.anchorState === 'anchored');
  const segments = source.body ? highlightSegments(source.body, anchored, source.clutter) : [];
  // One entry per claim, in reading order, for the list beside the text.
  const claimsInOrder = new Map<number, (typeof mentionRows)[number]>();
  for (const m of anchored) if (!claimsInOrder.has(m.claimId)) claimsInOrder.set(m.claimId, m);
  return {
    source: {
      id: source.id,
      title: source.title,
      url: source.url,
      publisher: source.publisher,
      author: source.author,
      language: source.language,
      publishedOn: source.publishedOn,
      agency: source.agency,
      kind: source.kind,
      hasBody: source.body !== null,
    },
    original: original ? { id: original.id, title: original.title, publisher: original.publisher } : null,
    report,
    segments,
    claims: [...claimsInOrder.values()],
    orphaned: mentionRows.filter((m) => m.anchorState === 'orphaned'),
  };
}
