// What an editor sees on an article: its text with accepted claims and pending suggestions
// highlighted apart, the suggestions listed by check-worthiness, and what was decided.
import type { Executor } from '../../db/client.ts';
import { findSource, listMentionsInSource } from '../../db/queries/sources.ts';
import { listSuggestionsOfSource } from '../../db/queries/suggestions.ts';
import { NotFound } from '../errors.ts';

export type EditorSegment = {
  text: string;
  start: number;
  isClutter: boolean;
  /** The innermost accepted claim's mention covering this run. */
  mention: { id: number; claimId: number; status: string; claimText: string } | null;
  /** The innermost pending suggestion covering it (shown only where no claim is). */
  suggestionId: number | null;
  /** Mention anchors (m-…) and suggestion anchors (q-…) that start here. */
  anchors: string[];
};

type Span = { start: number; end: number };

/** Cuts the body at every boundary of mentions, suggestions and clutter; offsets stay the stored ones. */
export function editorSegments(
  body: string,
  mentions: (Span & { id: number; claimId: number; status: string; claimText: string })[],
  suggestions: (Span & { id: number })[],
  clutter: Span[],
): EditorSegment[] {
  const inBody = <T extends Span>(xs: T[]) => xs.filter((x) => x.start >= 0 && x.end <= body.length && x.end > x.start);
  const ms = inBody(mentions);
  const ss = inBody(suggestions);
  const cuts = new Set<number>([0, body.length]);
  for (const x of [...ms, ...ss]) cuts.add(x.start).add(x.end);
  for (const c of clutter) cuts.add(Math.max(0, Math.min(body.length, c.start))).add(Math.max(0, Math.min(body.length, c.end)));
  const points = [...cuts].sort((a, b) => a - b);
  const started = new Set<string>();
  const innermost = <T extends Span>(xs: T[], start: number, end: number) =>
    xs.filter((x) => x.start <= start && x.end >= end).reduce<T | null>((best, x) => (!best || x.end - x.start < best.end - best.start ? x : best), null);
  const out: EditorSegment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    const anchors: string[] = [];
    for (const m of ms) if (m.start <= start && m.end >= end && !started.has(`m-${m.id}`)) anchors.push(`m-${m.id}`);
    for (const s of ss) if (s.start <= start && s.end >= end && !started.has(`q-${s.id}`)) anchors.push(`q-${s.id}`);
    for (const a of anchors) started.add(a);
    const m = innermost(ms, start, end);
    out.push({
      text: body.slice(start, end),
      start,
      isClutter: clutter.some((c) => c.start <= start && c.end >= end),
      mention: m ? { id: m.id, claimId: m.claimId, status: m.status, claimText: m.claimText } : null,
      suggestionId: m ? null : (innermost(ss, start, end)?.id ?? null),
      anchors,
    });
  }
  return out;
}

export type SourceWorkspace = Awaited<ReturnType<typeof getSourceWorkspace>>;

export async function getSourceWorkspace(ex: Executor, id: number) {
  const source = await findSource(ex, id);
  if (!source) throw new NotFound(`There is no source ${id}.`);
  const [mentionRows, suggestionRows] = await Promise.all([listMentionsInSource(ex, id), listSuggestionsOfSource(ex, id)]);
  const anchored = mentionRows.filter((m) => m.anchorState === 'anchored');
  const pending = suggestionRows.filter((s) => s.state === 'pending');
  const segments = source.body
    ? editorSegments(
        source.body,
        anchored.map((m) => ({ id: m.id, claimId: m.claimId, start: m.start, end: m.end, status: m.status, claimText: m.claimText })),
        pending,
        source.clutter,
      )
    : [];
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
      syndicatedFromId: source.syndicatedFromId,
      version: source.version,
      hasBody: source.body !== null,
    },
    orphanCount: mentionRows.filter((m) => m.anchorState === 'orphaned').length,
    segments,
    claims: [...claimsInOrder.values()],
    pending,
    accepted: suggestionRows.filter((s) => s.state === 'accepted'),
    dismissed: suggestionRows.filter((s) => s.state === 'dismissed'),
  };
}

/** The metadata form's values. */
export async function getSourceMetadata(ex: Executor, id: number) {
  const source = await findSource(ex, id);
  if (!source) throw new NotFound(`There is no source ${id}.`);
  return { id: source.id, title: source.title, publisher: source.publisher, author: source.author, url: source.url, publishedOn: source.publishedOn, language: source.language };
}
