// What editors see around corrections: the form to correct an article's text, the versions of
// its body with what changed, the mentions a correction left without a place, and the
// syndication of a source. View models only; the rules are in source-versions.ts and syndication.ts.
import type { Executor } from '../../db/client.ts';
import {
  countOrphanedMentionsOfSource,
  listCurrentBodies,
  listOrphanedMentions,
  listReprintsOf,
  listRevisionsOfSource,
  listSourceVersionBodies,
  listVersionBodies,
} from '../../db/queries/corrections.ts';
import { findMention } from '../../db/queries/mentions.ts';
import { findSource } from '../../db/queries/sources.ts';
import { listSourcesForGrouping, listSyndicationChain } from '../../db/queries/syndication.ts';
import { NotFound } from '../errors.ts';
import { offsetMapper } from './anchors.ts';
import { groupBySyndication } from './syndication.ts';
import { diffWords, type DiffPart } from './history.ts';

/** Unchanged text kept on each side of a change, so a long article shows only its edits. */
const CONTEXT_CHARS = 120;

export type TextChange = DiffPart | { op: 'gap' };

/**
 * A readable diff of two bodies: paragraphs are matched first (a correction touches a few of
 * them, and a word table over a whole article would be too large), then the words of each
 * changed stretch; long unchanged runs shrink to their edges.
 */
export function diffBodies(before: string, after: string): TextChange[] {
  const a = before.split(/(\n+)/).filter(Boolean);
  const b = after.split(/(\n+)/).filter(Boolean);
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  let removed = '';
  let added = '';
  const flush = () => {
    for (const p of diffWords(removed, added)) push(p.op, p.text);
    removed = added = '';
  };
  for (const op of sequenceDiff(a, b)) {
    if (op.op === 'same') {
      flush();
      push('same', op.text);
    } else if (op.op === 'del') removed += op.text;
    else added += op.text;
  }
  flush();
  const out: TextChange[] = [];
  parts.forEach((p, i) => {
    if (p.op !== 'same' || p.text.length <= CONTEXT_CHARS * 2) return void out.push(p);
    if (i > 0) out.push({ op: 'same', text: cutAfter(p.text.slice(0, CONTEXT_CHARS)) });
    out.push({ op: 'gap' });
    if (i < parts.length - 1) out.push({ op: 'same', text: cutBefore(p.text.slice(-CONTEXT_CHARS)) });
  });
  return out;
}

/** Longest-common-subsequence diff of two lists of pieces (paragraphs here), common ends cut first. */
function sequenceDiff(a: string[], b: string[]): DiffPart[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const out: DiffPart[] = a.slice(0, head).map((text) => ({ op: 'same' as const, text }));
  if (x.length * y.length > 1_000_000) {
    out.push(...x.map((text) => ({ op: 'del' as const, text })), ...y.map((text) => ({ op: 'ins' as const, text })));
  } else {
    const lcs = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
    for (let i = x.length - 1; i >= 0; i--) {
      for (let j = y.length - 1; j >= 0; j--) lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
    let i = 0;
    let j = 0;
    while (i < x.length && j < y.length) {
      if (x[i] === y[j]) {
        out.push({ op: 'same', text: x[i]! });
        i++;
        j++;
      } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ op: 'del', text: x[i++]! });
      else out.push({ op: 'ins', text: y[j++]! });
    }
    while (i < x.length) out.push({ op: 'del', text: x[i++]! });
    while (j < y.length) out.push({ op: 'ins', text: y[j++]! });
  }
  out.push(...a.slice(a.length - tail).map((text) => ({ op: 'same' as const, text })));
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

export type OrphanItem = ReturnType<typeof orphanItem>;

/** Mentions whose quote a correction removed, for an editor to place again or retire. */
export async function getOrphansPage(ex: Executor, sourceId?: number) {
  const rows = await listOrphanedMentions(ex, { sourceId });
  const filterSource = sourceId === undefined ? null : sourceHead(await sourceOrThrow(ex, sourceId));
  return { orphans: await withSurroundings(ex, rows), filterSource };
}

/** One orphan, for the fragment htmx swaps after a refused action. */
export async function getOrphan(ex: Executor, mentionId: number) {
  const [row] = await withSurroundings(ex, await listOrphanedMentions(ex, { mentionId }));
  return row ?? null;
}

// Current text shown on each side of where a lost quote stood.
const SURROUNDING_CHARS = 160;

type OrphanRow = Awaited<ReturnType<typeof listOrphanedMentions>>[number];

/**
 * Each orphan with the words of the current text where its quote stood (its offset in the
 * version it points into, carried over the edits since): usually the corrected passage, so
 * the editor can copy the words that now carry the claim. Two queries for the whole list.
 */
async function withSurroundings(ex: Executor, rows: OrphanRow[]) {
  const ids = [...new Set(rows.map((r) => r.sourceId))];
  const [versions, current] = await Promise.all([listVersionBodies(ex, ids), listCurrentBodies(ex, ids)]);
  return rows.map((r) => {
    const oldBody = versions.find((v) => v.sourceId === r.sourceId && v.version === r.sourceVersion)?.body;
    const body = current.find((c) => c.id === r.sourceId)?.body ?? null;
    let surroundings: string | null = null;
    if (oldBody && body) {
      const at = offsetMapper(oldBody, body)(r.start);
      const from = Math.max(0, at - SURROUNDING_CHARS);
      const to = Math.min(body.length, at + r.quote.length + SURROUNDING_CHARS);
      surroundings = `${from > 0 ? '…' : ''}${body.slice(from, to).trim()}${to < body.length ? '…' : ''}`;
    }
    return orphanItem(r, surroundings);
  });
}

function orphanItem(r: OrphanRow, surroundings: string | null) {
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
    surroundings,
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

/**
 * The one underlying report a source belongs to, for readers: who it comes from (the agency,
 * else the original outlet) and the outlets reprinting it. null for a source nobody reprints.
 */
export async function getReportGroup(ex: Executor, sourceId: number) {
  const chain = await listSyndicationChain(ex, sourceId);
  const rootId = chain.length ? chain[chain.length - 1]!.id : sourceId;
  // Detection points every reprint at the root; an editor may point at a reprint, so two levels.
  const direct = await listReprintsOf(ex, [rootId]);
  const deeper = await listReprintsOf(ex, direct.map((r) => r.id));
  if (!direct.length) return null;
  const members = await listSourcesForGrouping(ex, [rootId, ...direct.map((r) => r.id), ...deeper.map((r) => r.id)]);
  const group = groupBySyndication(members).find((g) => g.rootId === rootId);
  if (!group) return null;
  return {
    label: group.label,
    reprints: group.reprints,
    members: group.members
      .map((m) => ({ id: m.id, title: m.title, publisher: m.publisher, isOriginal: m.id === rootId, isThis: m.id === sourceId }))
      .sort((a, b) => Number(b.isOriginal) - Number(a.isOriginal) || a.id - b.id),
  };
}

/** Refuses a mention that does not exist (a page not found, not a form to correct). */
export async function requireMention(ex: Executor, id: number): Promise<void> {
  if (!(await findMention(ex, id))) throw new NotFound(`There is no mention ${id}.`);
}
