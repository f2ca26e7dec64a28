// The editors' panel for merging, splitting and retracting a claim: what it shows (what a merge
// would move, which mentions can be split out, which merges can be undone) and how the forms
// are read and refusals worded. The rules themselves are in merge.ts.
import { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import {
  countReviewsOfClaims,
  listClaimHeads,
  listLiveLinksOfClaims,
  listMentionsWithSource,
} from '../../db/queries/merge-panel.ts';
import { findMention } from '../../db/queries/mentions.ts';
import { listMergesTouchingClaim } from '../../db/queries/merges.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';
import { MergeInput, RetractInput, SplitInput } from './merge.ts';
import { search, SearchQuery } from './search.ts';

const CANDIDATES = 8;

export type PanelNotice = { key: string; params?: Record<string, string | number>; error?: boolean };

export type MergePanelForm = { q: string; target: string; reason: string; retractReason: string };

const PanelQuery = z.object({
  q: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().trim().max(300)).catch(''),
  target: z.coerce.number().int().positive().optional().catch(undefined),
});

/**
 * What the panel shows for a claim. `query` may name a target (`target`) or words to find one
 * (`q`; a number, with or without "#", is a claim's number).
 */
export async function getMergePanel(ex: Executor, claimId: number, query: unknown = {}) {
  const { q, target: asked } = PanelQuery.parse(query ?? {});
  const byNumber = /^#?\s*(\d{1,9})$/.exec(q);
  const targetId = asked ?? (byNumber ? Number(byNumber[1]) : undefined);
  const [[claim], merges] = await Promise.all([listClaimHeads(ex, [claimId]), listMergesTouchingClaim(ex, claimId)]);
  if (!claim) throw new NotFound(`There is no claim ${claimId}.`);

  const otherIds = [...new Set([targetId, claim.mergedIntoId].filter((id): id is number => Boolean(id) && id !== claimId))];
  const involved = [claimId, ...(targetId && targetId !== claimId ? [targetId] : [])];
  const [others, mentionRows, links, reviewCounts, found] = await Promise.all([
    listClaimHeads(ex, otherIds),
    listMentionsWithSource(ex, involved),
    listLiveLinksOfClaims(ex, involved),
    countReviewsOfClaims(ex, involved),
    q && !targetId ? search(ex, SearchQuery.parse({ q }), { limit: CANDIDATES + 1 }) : Promise.resolve(null),
  ]);
  const head = (id: number | null | undefined) => others.find((o) => o.id === id) ?? null;

  const own = mentionRows.filter((m) => m.claimId === claimId);
  const activeInto = merges.filter((m) => m.targetClaimId === claimId && !m.undoneAt);
  // A mention that came with a merge goes back to the claim it came from when split out.
  const cameWith = new Map<number, { mergeId: number; claimId: number }>();
  for (const m of [...activeInto].reverse()) {
    for (const id of m.moved.mentionIds) cameWith.set(id, { mergeId: m.id, claimId: m.sourceClaimId });
  }
  const shown = own.filter((m) => m.anchorState !== 'retired');
  const mentions = shown.map((m) => {
    const back = cameWith.get(m.id) ?? null;
    return { id: m.id, quote: m.quote, language: m.language, sourceId: m.sourceId, sourceTitle: m.sourceTitle, backTo: back?.claimId ?? null, canSplit: Boolean(back) || own.length >= 2 };
  });

  const mergedBy = claim.mergedIntoId
    ? (merges.find((m) => m.sourceClaimId === claimId && m.targetClaimId === claim.mergedIntoId && !m.undoneAt) ?? null)
    : null;
  const mergedInto = head(claim.mergedIntoId);
  const target = targetId ? head(targetId) : null;

  return {
    claimId,
    version: claim.version,
    text: claim.text,
    mergedInto: mergedInto && { id: mergedInto.id, text: mergedInto.text, version: mergedInto.version },
    mergedBy: mergedBy && { id: mergedBy.id, reason: mergedBy.reason, byName: mergedBy.byName, createdAt: mergedBy.createdAt },
    deprecatedAt: claim.deprecatedAt,
    deprecatedReason: claim.deprecatedReason,
    counts: {
      mentions: own.length,
      links: links.filter((l) => l.fromClaimId === claimId || l.toClaimId === claimId).length,
      reviews: reviewCounts.get(claimId) ?? 0,
    },
    mentions,
    mergesInto: activeInto.map((m) => ({
      id: m.id,
      sourceClaimId: m.sourceClaimId,
      sourceText: m.sourceText,
      reason: m.reason,
      byName: m.byName,
      createdAt: m.createdAt,
      mentionsHere: m.moved.mentionIds.filter((id) => own.some((o) => o.id === id)).length,
    })),
    pastMerges: merges
      .filter((m) => m.undoneAt || m.sourceClaimId === claimId)
      .filter((m) => m.id !== mergedBy?.id)
      .map((m) => ({ id: m.id, sourceClaimId: m.sourceClaimId, targetClaimId: m.targetClaimId, createdAt: m.createdAt, undoneAt: m.undoneAt, byName: m.byName })),
    q,
    candidates: (found?.claims ?? [])
      .filter((c) => c.id !== claimId)
      .slice(0, CANDIDATES)
      .map((c) => ({ id: c.id, text: c.text, claimantName: c.claimantName, status: c.status, statusLabel: c.statusLabel, statusLabelFr: c.statusLabelFr })),
    searched: Boolean(found),
    targetMissing: Boolean(targetId) && !target && targetId !== claimId,
    targetIsSelf: targetId === claimId,
    target: target && previewMerge(claimId, target, mentionRows, links, reviewCounts),
    form: { q, target: targetId ? String(targetId) : '', reason: '', retractReason: '' } as MergePanelForm,
    fields: {} as Record<string, string>,
    notice: null as PanelNotice | null,
    conflict: false,
  };
}

export type MergePanel = Awaited<ReturnType<typeof getMergePanel>>;

type Head = Awaited<ReturnType<typeof listClaimHeads>>[number];
type MentionSpan = { claimId: number; sourceId: number; start: number; end: number };
type LinkEnds = { fromClaimId: number; toClaimId: number; kind: string };

/**
 * What merging `claimId` into `target` would move, counted the way mergeClaims moves it: a
 * passage the target already quotes stays behind, a link that would join the two claims or
 * repeat one of the target's is retracted rather than moved.
 */
function previewMerge(claimId: number, target: Head, mentionRows: MentionSpan[], links: LinkEnds[], reviewCounts: Map<number, number>) {
  const spans = new Set(mentionRows.filter((m) => m.claimId === target.id).map((m) => `${m.sourceId}:${m.start}:${m.end}`));
  const own = mentionRows.filter((m) => m.claimId === claimId);
  const mentionsStay = own.filter((m) => spans.has(`${m.sourceId}:${m.start}:${m.end}`)).length;
  const touches = (l: LinkEnds, id: number) => l.fromClaimId === id || l.toClaimId === id;
  const key = (from: number, to: number, kind: string) => `${from}>${to}:${kind}`;
  const taken = new Set(links.filter((l) => touches(l, target.id)).map((l) => key(l.fromClaimId, l.toClaimId, l.kind)));
  let linksMove = 0;
  let linksRetracted = 0;
  for (const l of links.filter((l) => touches(l, claimId))) {
    const from = l.fromClaimId === claimId ? target.id : l.fromClaimId;
    const to = l.toClaimId === claimId ? target.id : l.toClaimId;
    if (from === to || taken.has(key(from, to, l.kind))) linksRetracted++;
    else {
      linksMove++;
      taken.add(key(from, to, l.kind));
    }
  }
  const targetReviews = reviewCounts.get(target.id) ?? 0;
  return {
    id: target.id,
    text: target.text,
    version: target.version,
    mergedIntoId: target.mergedIntoId,
    isRetracted: Boolean(target.deprecatedAt),
    mentionsMove: own.length - mentionsStay,
    mentionsStay,
    linksMove,
    linksRetracted,
    reviews: reviewCounts.get(claimId) ?? 0,
    targetKeepsVerdict: targetReviews > 0,
  };
}

// --- Reading the forms. Refusals carry message keys (merges.ts), translated by the view. ---

const FIELD_KEYS: Record<string, string> = {
  targetClaimId: 'merges.field.target',
  targetVersion: 'merges.field.target',
  sourceVersion: 'merges.field.version',
  version: 'merges.field.version',
  reason: 'merges.field.reasonTooLong',
};

function parsed<T extends z.ZodType>(schema: T, data: unknown, overrides: Record<string, string> = {}): z.infer<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    fields[field] ??= overrides[field] ?? FIELD_KEYS[field] ?? 'merges.refused';
  }
  throw new Invalid('merges.refused', fields);
}

type Form = Record<string, unknown>;

export function readMergeForm(claimId: number, form: Form) {
  return parsed(MergeInput, {
    sourceClaimId: claimId,
    sourceVersion: form.version,
    targetClaimId: form.targetClaimId,
    targetVersion: form.targetVersion,
    reason: typeof form.reason === 'string' ? form.reason : undefined,
  });
}

export function readVersionForm(form: Form) {
  return parsed(SplitInput, { version: form.version });
}

export function readRetractForm(form: Form) {
  const reason = typeof form.reason === 'string' ? form.reason : '';
  return parsed(RetractInput, { version: form.version, reason }, { reason: reason.trim().length > 500 ? 'merges.field.reasonTooLong' : 'merges.field.reasonMissing' });
}

/** Refuses a split asked from one claim's page for a mention that has since moved to another claim. */
export async function checkMentionOfClaim(ex: Executor, claimId: number, mentionId: number): Promise<void> {
  const mention = await findMention(ex, mentionId);
  if (!mention) throw new NotFound(`There is no mention ${mentionId}.`);
  if (mention.claimId !== claimId) throw new Conflict('merges.mentionMoved');
}

/**
 * A refusal in the editor's words: our own keys pass through; the domain's English sentences
 * (merge.ts words its refusals for logs and tests) are matched to keys, numbers kept.
 */
export function wordingOf(error: Invalid | Conflict): PanelNotice {
  const message = error.message;
  if (message.startsWith('merges.')) return { key: message, error: true };
  if (error instanceof Conflict) return { key: 'merges.conflict', error: true };
  const already = /^Claim #(\d+) was already merged into #(\d+)\.$/.exec(message);
  if (already) return { key: 'merges.alreadyMerged', params: { id: already[1]!, target: already[2]! }, error: true };
  const missing = /^There is no claim (\d+)\.$/.exec(message);
  if (missing) return { key: 'merges.noSuchClaim', params: { id: missing[1]! }, error: true };
  const known: Record<string, string> = {
    'A claim cannot be merged into itself.': 'merges.intoItself',
    'Pick another claim.': 'merges.field.pickAnother',
    'This merge was already undone.': 'merges.alreadyUndone',
    'This claim is already retracted.': 'merges.alreadyRetracted',
    'This claim is not retracted.': 'merges.notRetracted',
    'This is the only mention of the claim: there is nothing to split it from.': 'merges.onlyMention',
  };
  return { key: known[message] ?? message, error: true };
}

/** Field messages of a refusal as keys (the domain's own field texts are matched like its messages). */
export function fieldsOf(error: Invalid | Conflict): Record<string, string> {
  if (!(error instanceof Invalid)) return {};
  return Object.fromEntries(
    Object.entries(error.fields).map(([field, text]) => [field, text.startsWith('merges.') ? text : wordingOf(new Invalid(text)).key]),
  );
}
