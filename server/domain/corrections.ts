// What editors see around corrections: the form to correct an article's text, the versions of
// its body with what changed, the mentions a correction left without a place, and the
// syndication of a source. View models only; the rules are in source-versions.ts and syndication.ts.
import type { Executor } from '../../db/client.ts';
import {
  countOrphanedMentionsOfSource,
  listOrphanedMentions,
  listReprintsOf,
  listRevisionsOfSource,
  listSourceVersionBodies,
} from '../../db/queries/corrections.ts';
import { findSource } from '../../db/queries/sources.ts';
import { NotFound } from '../errors.ts';
import { diffWords, type DiffPart } from './history.ts';

/** Unchanged text kept on each side of a change, so a long article shows only its edits. */
const CONTEXT_CHARS = 120;

export type TextChange = DiffPart | { op: 'gap' };

/**
 * A readable word diff of two bodies: the common start and end are cut off first (a correction
 * changes a few sentences of a long text), and long unchanged runs shrink to their edges.
 */
export function diffBodies(before: string, after: string): TextChange[] {
  const a = before.split(/(\s+)/).filter(Boolean);
  const b = after.split(/(\s+)/).filter(Boolean);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const parts: DiffPart[] = [];
  if (head) parts.push({ op: 'same', text: a.slice(0, head).join('') });
  parts.push(...diffWords(a.slice(head, a.length - tail).join(''), b.slice(head, b.length - tail).join('')));
  if (tail) parts.push({ op: 'same', text: a.slice(a.length - tail).join('') });
  const out: TextChange[] = [];
  parts.forEach((p, i) => {
    if (p.op !== 'same' || p.text.length <= CONTEXT_CHARS * 2) return void out.push(p);
    const first = i === 0;
    const last = i === parts.length - 1;
    if (!first) out.push({ op: 'same', text: cutAfter(p.text.slice(0, CONTEXT_CHARS)) });
    out.push({ op: 'gap' });
    if (!last) out.push({ op: 'same', text: cutBefore(p.text.slice(-CONTEXT_CHARS)) });
  });
  return out;
}

// Context is cut at a word boundary so no word is shown half.
const cutAfter = (s: string) => s.replace(/\S+$/, '');
const cutBefore = (s: string) => s.replace(/^\S+/, '');

export type RevisionSummary = { anchored: number; moved: number; fuzzy: number; orphaned: number; recovered: number };

function revisionSummary(after: unknown): RevisionSummary | null {
  const a = after as Partial<Record<keyof RevisionSummary | 'version', unknown>> | null;
  if (!a || typeof a.anchored !== 'number') return null;
  const n = (v: unknown) => (typeof v === 'number' ? v : 0);
  return { anchored: n(a.anchored), moved: n(a.moved), fuzzy: n(a.fuzzy), orphaned: n(a.orphaned), recovered: n(a.recovered) };
}

async function sourceOrThrow(ex: Executor, id: number) {
  const source = await findSource(ex, id);
  if (!source) throw new NotFound(`There is no source ${id}.`);
  return source;
}

const sourceHead = (s: NonNullable<Awaited<ReturnType<typeof findSource>>>) => ({
  id: s.id,
  title: s.title,
  publisher: s.publisher,
  language: s.language,
  version: s.version,
  hasBody: s.body !== null,
});

/** The correction form: the current text to edit, its version (stale forms are refused). */
export async function getCorrectionForm(ex: Executor, id: number) {
  const source = await sourceOrThrow(ex, id);
  return {
    source: sourceHead(source),
    form: { version: source.version, body: source.body ?? '', note: '' },
    orphanCount: await countOrphanedMentionsOfSource(ex, id),
  };
}

/** The versions of a body, newest first, each with what it changed from the one before. */
export async function getVersionsPage(ex: Executor, id: number) {
  const source = await sourceOrThrow(ex, id);
  const [stored, revisions] = await Promise.all([listSourceVersionBodies(ex, id), listRevisionsOfSource(ex, id)]);
  // A body never corrected has no stored versions yet: its one version is the current text.
  const bodies = stored.length
    ? stored
    : source.body !== null
      ? [{ version: source.version, body: source.body, note: null, fetchedFrom: null, createdAt: source.createdAt, byName: null }]
      : [];
  const summaries = new Map<number, RevisionSummary>();
  for (const r of revisions) {
    const version = (r.after as { version?: unknown } | null)?.version;
    const summary = revisionSummary(r.after);
    if (typeof version === 'number' && summary && !summaries.has(version)) summaries.set(version, summary);
  }
  const versions = bodies.map((v, i) => {
    const previous = i > 0 ? bodies[i - 1]! : null;
    return {
      version: v.version,
      note: v.note,
      fetchedFrom: v.fetchedFrom,
      createdAt: v.createdAt,
      byName: v.byName,
      isCurrent: v.version === source.version,
      length: v.body.length,
      summary: summaries.get(v.version) ?? null,
      changes: previous ? diffBodies(previous.body, v.body) : null,
    };
  });
  return { source: sourceHead(source), versions: versions.reverse(), orphanCount: await countOrphanedMentionsOfSource(ex, id) };
}

export type OrphanItem = Awaited<ReturnType<typeof getOrphansPage>>['orphans'][number];

/** Mentions whose quote a correction removed, for an editor to place again or retire. */
export async function getOrphansPage(ex: Executor, sourceId?: number) {
  const rows = await listOrphanedMentions(ex, { sourceId });
  const filterSource = sourceId === undefined ? null : sourceHead(await sourceOrThrow(ex, sourceId));
  return { orphans: rows.map(orphanItem), filterSource };
}

/** One orphan, for the fragment htmx swaps after a refused action. */
export async function getOrphan(ex: Executor, mentionId: number) {
  const [row] = await listOrphanedMentions(ex, { mentionId });
  return row ? orphanItem(row) : null;
}

function orphanItem(r: Awaited<ReturnType<typeof listOrphanedMentions>>[number]) {
  return {
    id: r.id,
    claimId: r.claimId,
    claimText: r.claimText,
    sourceId: r.sourceId,
    sourceTitle: r.sourceTitle,
    language: r.language,
    quote: r.quote,
    prefix: r.prefix,
    suffix: r.suffix,
    lostInVersion: r.sourceVersion,
    currentVersion: r.sourceVersionNow,
  };
}

/** A source's syndication: its agency, the report it reprints, and the outlets reprinting it. */
export async function getSyndicationPanel(ex: Executor, id: number) {
  const source = await sourceOrThrow(ex, id);
  const [origin, reprints] = await Promise.all([
    source.syndicatedFromId ? findSource(ex, source.syndicatedFromId) : Promise.resolve(undefined),
    listReprintsOf(ex, [id]),
  ]);
  return {
    source: sourceHead(source),
    syndication: {
      agency: source.agency,
      origin: origin ? { id: origin.id, title: origin.title, publisher: origin.publisher, agency: origin.agency } : null,
      setBy: source.syndicationSetBy,
      note: source.syndicationNote,
      reprints: reprints.map((r) => ({ id: r.id, title: r.title, publisher: r.publisher, language: r.language })),
    },
    form: { agency: source.agency ?? '', syndicatedFrom: source.syndicatedFromId ? String(source.syndicatedFromId) : '', note: '' },
  };
}

/** The current text of a source, for a placement given as offsets into it. */
export async function getCurrentBody(ex: Executor, id: number): Promise<string> {
  return (await sourceOrThrow(ex, id)).body ?? '';
}
