// Corrections: an outlet changes its article, the new text becomes a new version of the body
// (earlier versions stay in source_versions, so every old offset can still be explained), and
// every mention is found again from its quote and context. A mention that cannot be placed is
// orphaned for an editor, never dropped.
import { z } from 'zod';
import { findClutter } from '../analysis/index.ts';
import type { Db, Executor } from '../../db/client.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { findMention, findMentionForUpdate, listMentionsOfSource, updateMention } from '../../db/queries/mentions.ts';
import {
  findOtherSourceByHash,
  hasSourceVersion,
  insertSourceVersion,
  listPendingSuggestionsOfSource,
  updateSourceBody,
  updateSuggestion,
} from '../../db/queries/source-versions.ts';
import { findSource, findSourceForUpdate } from '../../db/queries/sources.ts';
import type { ClutterRange } from '../../db/schema/index.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';
import { actorId, type Actor } from './actor.ts';
import { anchorQuote, offsetMapper, quoteSelector } from './anchors.ts';
import { hashBody } from './seed.ts';
import { shingleBands, shinglesOf, withoutRanges } from './shingles.ts';

export type RevisionMeta = {
  /** What changed and why ("correction: the minister's name was misspelt"). */
  note?: string | null;
  /** The address the new text was fetched from, when it was. */
  fetchedFrom?: string | null;
  /** Page clutter of the new body; found by the analysis when not given. */
  clutter?: ClutterRange[];
};

export type RevisionCounts = {
  /** The source's version after the call (unchanged when the text was the same). */
  version: number;
  changed: boolean;
  /** Mentions found again: at their place, moved, or slightly edited (fuzzy). */
  anchored: number;
  moved: number;
  fuzzy: number;
  orphaned: number;
  /** Orphans of an earlier version that the new text holds again. */
  recovered: number;
  suggestionsMoved: number;
  suggestionsOrphaned: number;
};

/**
 * Stores a new version of a source's body and re-anchors its mentions and pending suggestions.
 * Runs in the caller's transaction (one user action: import or correction). Returns counts.
 */
export async function reviseSourceBody(
  tx: Executor,
  user: Actor,
  sourceId: number,
  newBody: string,
  meta: RevisionMeta = {},
): Promise<RevisionCounts> {
  const source = await findSource(tx, sourceId);
  if (!source) throw new NotFound(`There is no source ${sourceId}.`);
  const counts: RevisionCounts = {
    version: source.version,
    changed: false,
    anchored: 0,
    moved: 0,
    fuzzy: 0,
    orphaned: 0,
    recovered: 0,
    suggestionsMoved: 0,
    suggestionsOrphaned: 0,
  };
  if (!newBody.trim()) throw new Invalid('The new text is empty.', { body: 'Paste the corrected text of the article.' });
  const bodyHash = hashBody(newBody);
  if (source.body === newBody) return counts;
  const clash = await findOtherSourceByHash(tx, sourceId, bodyHash);
  if (clash) {
    throw new Invalid(`This text is already stored as another source: “${clash.title}” (#${clash.id}).`, {
      body: `This text is already source #${clash.id}.`,
    });
  }
  const oldBody = source.body ?? '';
  const version = source.version + 1;
  // A body imported before versions were kept gets its first version written now, so the
  // offsets of orphaned mentions keep pointing at a stored text.
  if (source.body !== null && !(await hasSourceVersion(tx, sourceId, source.version))) {
    await insertSourceVersion(tx, {
      sourceId,
      version: source.version,
      body: oldBody,
      bodyHash: source.bodyHash ?? hashBody(oldBody),
      clutter: source.clutter,
      note: null,
      fetchedFrom: null,
      createdById: null,
    });
  }
  const clutter = meta.clutter ?? findClutter(newBody, source.language ?? 'en');
  await insertSourceVersion(tx, {
    sourceId,
    version,
    body: newBody,
    bodyHash,
    clutter,
    note: meta.note ?? null,
    fetchedFrom: meta.fetchedFrom ?? null,
    createdById: actorId(user),
  });
  await updateSourceBody(tx, sourceId, {
    body: newBody,
    bodyHash,
    version,
    clutter,
    shingleBands: shingleBands(shinglesOf(withoutRanges(newBody, clutter))),
  });
  counts.version = version;
  counts.changed = true;

  const map = offsetMapper(oldBody, newBody);
  // One mention per claim and span: a second mention of one claim landing on the same words is
  // left for an editor rather than silently merged.
  const taken = new Set<string>();
  const orphanedIds: number[] = [];
  const edited: { id: number; before: string; after: string }[] = [];
  for (const m of await listMentionsOfSource(tx, sourceId)) {
    if (m.anchorState === 'retired') continue;
    const wasOrphan = m.anchorState === 'orphaned';
    const found = anchorQuote(newBody, m, wasOrphan ? undefined : map(m.start));
    const spanKey = found && `${m.claimId}:${found.start}:${found.end}`;
    if (!found || taken.has(spanKey!)) {
      if (!wasOrphan) {
        await updateMention(tx, m.id, { anchorState: 'orphaned' });
        orphanedIds.push(m.id);
        await recordAudit(tx, {
          userId: actorId(user),
          action: 'mention.orphan',
          subjectType: 'mention',
          subjectId: m.id,
          claimId: m.claimId,
          before: { sourceVersion: m.sourceVersion, start: m.start, end: m.end, quote: m.quote },
          after: { sourceVersion: version, anchorState: 'orphaned' },
        });
      }
      counts.orphaned++;
      continue;
    }
    taken.add(spanKey!);
    await updateMention(tx, m.id, {
      ...quoteSelector(newBody, found.start, found.end),
      start: found.start,
      end: found.end,
      sourceVersion: version,
      anchorState: 'anchored',
    });
    counts.anchored++;
    if (wasOrphan) counts.recovered++;
    if (found.start !== m.start) counts.moved++;
    if (found.method === 'fuzzy') {
      counts.fuzzy++;
      edited.push({ id: m.id, before: m.quote, after: newBody.slice(found.start, found.end) });
      await recordAudit(tx, {
        userId: actorId(user),
        action: 'mention.reanchor',
        subjectType: 'mention',
        subjectId: m.id,
        claimId: m.claimId,
        before: { quote: m.quote, start: m.start, end: m.end, sourceVersion: m.sourceVersion },
        after: { quote: newBody.slice(found.start, found.end), start: found.start, end: found.end, sourceVersion: version },
      });
    }
  }

  // Pending suggestions only keep their quote: found again by it, or dismissed as gone (kept,
  // with the reason, so the editor's list never points at words the article no longer has).
  for (const s of await listPendingSuggestionsOfSource(tx, sourceId)) {
    const found = anchorQuote(newBody, { quote: s.quote, prefix: '', suffix: '' }, map(s.start));
    if (found) {
      await updateSuggestion(tx, s.id, { start: found.start, end: found.end, quote: newBody.slice(found.start, found.end), sourceVersion: version });
      counts.suggestionsMoved++;
    } else {
      await updateSuggestion(tx, s.id, {
        state: 'dismissed',
        decidedAt: new Date(),
        analysis: { ...s.analysis, dismissedBecause: 'text-removed', removedInVersion: version },
      });
      counts.suggestionsOrphaned++;
    }
  }

  await recordAudit(tx, {
    userId: actorId(user),
    action: 'source.revise',
    subjectType: 'source',
    subjectId: sourceId,
    before: { version: source.version, bodyHash: source.bodyHash },
    after: { ...counts, bodyHash, note: meta.note ?? null, fetchedFrom: meta.fetchedFrom ?? null, orphanedIds, edited },
  });
  return counts;
}

export const Correction = z.object({
  version: z.coerce.number().int().positive(),
  body: z
    .string()
    .max(2_000_000, 'The text is too long (2 MB at most).')
    .refine((v) => v.trim().length > 0, 'Paste the corrected text of the article.'),
  note: z
    .string()
    .trim()
    .max(300)
    .optional()
    .transform((v) => v || null),
});

/** An editor pastes the corrected text of an article: one transaction, stale versions refused. */
export async function correctSourceText(db: Db, user: Actor, sourceId: number, input: z.infer<typeof Correction>) {
  // Browsers send CRLF from text areas; stored bodies use LF.
  const body = input.body.replace(/\r\n?/g, '\n');
  return db.transaction(async (tx) => {
    // Locked, so a second correction of the same version waits and is then refused as stale,
    // rather than both passing the check and one failing on the versions' unique key.
    const source = await findSourceForUpdate(tx, sourceId);
    if (!source) throw new NotFound(`There is no source ${sourceId}.`);
    if (source.body === null) throw new Invalid('This source has no text to correct.');
    if (source.version !== input.version) {
      throw new Conflict('The text was corrected by someone else since you loaded the page. Reload it and try again.');
    }
    return reviseSourceBody(tx, user, sourceId, body, { note: input.note });
  });
}

export const Placement = z.object({
  quote: z.string().min(1, 'Paste the words of the article the mention stands for.').max(5000),
  // Set by the page script from the reader's selection; without it the words are searched for.
  start: z.coerce.number().int().min(0).optional(),
});

/** An editor places an orphaned mention again on words of the current text. */
export async function placeMention(db: Db, user: Actor, mentionId: number, input: z.infer<typeof Placement>) {
  return db.transaction(async (tx) => {
    // Locked: two editors acting on one orphan at once act one after the other, and the second
    // finds it no longer orphaned.
    const mention = await findMentionForUpdate(tx, mentionId);
    if (!mention) throw new NotFound(`There is no mention ${mentionId}.`);
    if (mention.anchorState !== 'orphaned') throw new Invalid('Only a mention whose quote was lost can be placed again.');
    const source = await findSource(tx, mention.sourceId);
    if (!source?.body) throw new Invalid('This source has no text to place the mention in.');
    const body = source.body;
    let quote = input.quote.replace(/\r\n?/g, '\n');
    let start: number;
    if (input.start !== undefined && body.startsWith(quote, input.start)) start = input.start;
    else {
      quote = quote.trim();
      const found = quote ? anchorQuote(body, { quote, prefix: mention.prefix, suffix: mention.suffix }, mention.start) : null;
      if (!found || found.method === 'fuzzy') {
        throw new Invalid('These words are not in the current text of the article.', {
          quote: 'Copy the words exactly as the article has them.',
        });
      }
      start = found.start;
    }
    return finishPlacement(tx, user, mention, body, start, start + quote.length, source.version);
  });
}

async function finishPlacement(
  tx: Executor,
  user: Actor,
  mention: NonNullable<Awaited<ReturnType<typeof findMention>>>,
  body: string,
  start: number,
  end: number,
  version: number,
) {
  const saved = await updateMention(tx, mention.id, {
    ...quoteSelector(body, start, end),
    start,
    end,
    sourceVersion: version,
    anchorState: 'anchored',
  });
  await recordAudit(tx, {
    userId: actorId(user),
    action: 'mention.place',
    subjectType: 'mention',
    subjectId: mention.id,
    claimId: mention.claimId,
    before: { anchorState: mention.anchorState, quote: mention.quote, start: mention.start, end: mention.end, sourceVersion: mention.sourceVersion },
    after: { anchorState: 'anchored', quote: body.slice(start, end), start, end, sourceVersion: version },
  });
  return saved!;
}

export const Retirement = z.object({ reason: z.string().trim().min(3, 'Say why the mention is retired.').max(300) });

/** An editor decides an orphaned mention has no place in the corrected text: kept, retired. */
export async function retireMention(db: Db, user: Actor, mentionId: number, input: z.infer<typeof Retirement>) {
  return db.transaction(async (tx) => {
    const mention = await findMentionForUpdate(tx, mentionId);
    if (!mention) throw new NotFound(`There is no mention ${mentionId}.`);
    if (mention.anchorState !== 'orphaned') throw new Invalid('Only a mention whose quote was lost can be retired.');
    const saved = await updateMention(tx, mention.id, { anchorState: 'retired' });
    await recordAudit(tx, {
      userId: actorId(user),
      action: 'mention.retire',
      subjectType: 'mention',
      subjectId: mention.id,
      claimId: mention.claimId,
      before: { anchorState: mention.anchorState },
      after: { anchorState: 'retired', reason: input.reason },
    });
    return saved!;
  });
}
