// Merging two claims found to be one, splitting a mention out again, retracting a claim.
// Nothing is destroyed: a merged claim stays readable and points at the claim it became; what
// a merge moved is recorded (claim_merges) so splitting its mentions back out undoes it.
import { z } from 'zod';
import type { Db, Tx } from '../../db/client.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import {
  addSubjects,
  addToStories,
  countMentionsStillMoved,
  findClaimRow,
  findMerge,
  findMergeThatMoved,
  insertClaim,
  insertMerge,
  listAllLinksOfClaim,
  listMentionRowsOfClaim,
  listReviewIdsOfClaim,
  listStoryMemberships,
  listSubjectIds,
  listSuggestionIdsOfClaim,
  markMergeUndone,
  moveMentions,
  moveReviews,
  moveSuggestions,
  removeFromStories,
  removeSubjects,
  saveClaimIfCurrent,
  setLinkDeprecation,
  setLinkEnds,
  type ClaimRow,
  type MergeRow,
} from '../../db/queries/merges.ts';
import { findMention } from '../../db/queries/mentions.ts';
import type { MergeRecord } from '../../db/schema/index.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';
import { actorId, type Actor } from './actor.ts';

const Version = z.coerce.number().int().positive();

const STALE = 'Someone changed this claim since you loaded the page. Reload it and try again.';

async function claimAt(tx: Tx, id: number, version: number, field: string): Promise<ClaimRow> {
  const claim = await findClaimRow(tx, id);
  if (!claim) throw new Invalid(`There is no claim ${id}.`, { [field]: `There is no claim ${id}.` });
  if (claim.version !== version) throw new Conflict(STALE, { id, version: claim.version });
  return claim;
}

async function save(tx: Tx, claim: ClaimRow, patch: Partial<ClaimRow> = {}): Promise<ClaimRow> {
  const saved = await saveClaimIfCurrent(tx, claim.id, claim.version, patch);
  if (!saved) throw new Conflict(STALE, { id: claim.id });
  return saved;
}

export const MergeInput = z.object({
  // The claim that disappears into the target.
  sourceClaimId: z.coerce.number().int().positive({ message: 'Pick the claim to merge.' }),
  sourceVersion: Version,
  targetClaimId: z.coerce.number().int().positive({ message: 'Pick the claim to merge into.' }),
  targetVersion: Version,
  reason: z
    .string()
    .trim()
    .max(500)
    .optional()
    .transform((v) => v || null),
});

const MERGED_LINK = 'merged: the two claims became one';
const DUPLICATE_LINK = 'merged: the target already has this link';

/**
 * Merges one claim into another: its mentions, links, reviews, subjects, story memberships and
 * suggestions move to the target; the merged claim stays readable with mergedIntoId. Both
 * claims must be at the versions the editor saw (a stale merge is a Conflict).
 */
export async function mergeClaims(db: Db, user: Actor, input: z.infer<typeof MergeInput>): Promise<MergeRow> {
  if (input.sourceClaimId === input.targetClaimId) {
    throw new Invalid('A claim cannot be merged into itself.', { targetClaimId: 'Pick another claim.' });
  }
  return db.transaction(async (tx) => {
    const source = await claimAt(tx, input.sourceClaimId, input.sourceVersion, 'sourceClaimId');
    const target = await claimAt(tx, input.targetClaimId, input.targetVersion, 'targetClaimId');
    for (const [claim, field] of [[source, 'sourceClaimId'], [target, 'targetClaimId']] as const) {
      if (claim.mergedIntoId) {
        throw new Invalid(`Claim #${claim.id} was already merged into #${claim.mergedIntoId}.`, {
          [field]: `Claim #${claim.id} was already merged into #${claim.mergedIntoId}.`,
        });
      }
    }

    // Mentions: a span the target already carries stays with the merged claim (one mention per span).
    const targetSpans = new Set((await listMentionRowsOfClaim(tx, target.id)).map((m) => `${m.sourceId}:${m.start}:${m.end}`));
    const sourceMentions = await listMentionRowsOfClaim(tx, source.id);
    const mentionIds = sourceMentions.filter((m) => !targetSpans.has(`${m.sourceId}:${m.start}:${m.end}`)).map((m) => m.id);
    await moveMentions(tx, mentionIds, target.id);

    const targetReviews = await listReviewIdsOfClaim(tx, target.id);
    const reviewIds = await listReviewIdsOfClaim(tx, source.id);
    await moveReviews(tx, reviewIds, source.id, target.id);

    const links: MergeRecord['links'] = [];
    const deprecatedLinkIds: number[] = [];
    const targetLinks = await listAllLinksOfClaim(tx, target.id);
    const key = (from: number, to: number, kind: string) => `${from}>${to}:${kind}`;
    const taken = new Set(targetLinks.map((l) => key(l.fromClaimId, l.toClaimId, l.kind)));
    for (const link of await listAllLinksOfClaim(tx, source.id)) {
      const from = link.fromClaimId === source.id ? target.id : link.fromClaimId;
      const to = link.toClaimId === source.id ? target.id : link.toClaimId;
      if (from === to || taken.has(key(from, to, link.kind))) {
        if (!link.deprecatedAt) {
          await setLinkDeprecation(tx, link.id, {
            deprecatedAt: new Date(),
            deprecatedReason: from === to ? MERGED_LINK : DUPLICATE_LINK,
            deprecatedById: actorId(user),
          });
          deprecatedLinkIds.push(link.id);
        }
        continue;
      }
      await setLinkEnds(tx, link.id, from, to);
      taken.add(key(from, to, link.kind));
      links.push({ id: link.id, fromClaimId: link.fromClaimId, toClaimId: link.toClaimId });
    }

    const subjectEntityIds = await addSubjects(tx, target.id, await listSubjectIds(tx, source.id));
    const memberships = await listStoryMemberships(tx, source.id);
    const storyIds = await addToStories(tx, target.id, memberships);
    await removeFromStories(
      tx,
      source.id,
      memberships.map((m) => m.storyId),
    );
    const suggestionIds = await listSuggestionIdsOfClaim(tx, source.id);
    await moveSuggestions(tx, suggestionIds, source.id, target.id);

    // The target keeps its verdict; a target nobody reviewed yet takes the merged claim's.
    const adopt = targetReviews.length === 0 && reviewIds.length > 0;
    const moved: MergeRecord = {
      mentionIds,
      reviewIds,
      links,
      deprecatedLinkIds,
      subjectEntityIds,
      storyIds,
      storyMemberships: memberships,
      suggestionIds,
      source: { status: source.status, publishedStatus: source.publishedStatus },
      target: { status: target.status, publishedStatus: target.publishedStatus },
    };
    await save(tx, source, { mergedIntoId: target.id });
    await save(tx, target, adopt ? { status: source.status, publishedStatus: source.publishedStatus } : {});
    const merge = await insertMerge(tx, {
      sourceClaimId: source.id,
      targetClaimId: target.id,
      moved,
      reason: input.reason,
      createdById: actorId(user),
    });
    const event = {
      userId: actorId(user),
      action: 'claim.merge',
      subjectType: 'claim_merge',
      subjectId: merge.id,
      before: { sourceClaimId: source.id, targetClaimId: target.id, target: moved.target, source: moved.source },
      after: { ...moved, reason: input.reason },
    };
    await recordAudit(tx, { ...event, claimId: target.id });
    // On the merged claim the event is a change of the claim itself (mergedIntoId), so a past view
    // of it (?asof=, which restores claim fields from later claim events) is not shown merged.
    await recordAudit(tx, {
      ...event,
      subjectType: 'claim',
      subjectId: source.id,
      claimId: source.id,
      before: { ...event.before, mergedIntoId: null },
      after: { ...event.after, mergedIntoId: target.id },
    });
    return merge;
  });
}

/**
 * Takes back what a merge moved and brings the merged claim back to life (its mentions are
 * moved back by the caller). Parts moved on by later changes are left where they are.
 */
async function reviveMerged(tx: Tx, merge: MergeRow, target: ClaimRow): Promise<ClaimRow> {
  const source = await findClaimRow(tx, merge.sourceClaimId);
  if (!source) throw new NotFound(`There is no claim ${merge.sourceClaimId}.`);
  if (source.mergedIntoId !== target.id) return source;
  const moved = merge.moved;
  await moveReviews(tx, moved.reviewIds, target.id, source.id);
  const linksNow = new Map((await listAllLinksOfClaim(tx, target.id)).map((l) => [l.id, l]));
  for (const l of moved.links) if (linksNow.has(l.id)) await setLinkEnds(tx, l.id, l.fromClaimId, l.toClaimId);
  for (const id of moved.deprecatedLinkIds) {
    await setLinkDeprecation(tx, id, { deprecatedAt: null, deprecatedReason: null, deprecatedById: null });
  }
  await removeSubjects(tx, target.id, moved.subjectEntityIds);
  await removeFromStories(tx, target.id, moved.storyIds);
  await addToStories(tx, source.id, moved.storyMemberships);
  await moveSuggestions(tx, moved.suggestionIds, target.id, source.id);
  const remainingReviews = await listReviewIdsOfClaim(tx, target.id);
  if (!remainingReviews.length && (target.status !== moved.target.status || target.publishedStatus !== moved.target.publishedStatus)) {
    await save(tx, target, { status: moved.target.status, publishedStatus: moved.target.publishedStatus });
  }
  return save(tx, source, { mergedIntoId: null, status: moved.source.status, publishedStatus: moved.source.publishedStatus });
}

export const SplitInput = z.object({ version: Version });

/**
 * Splits a mention out of its claim. A mention that came with a merge goes back to the claim
 * it came from, which comes back to life with what the merge took from it; any other mention
 * becomes a claim of its own (same wording, claimant and date, unreviewed, in the same stories).
 */
export async function splitMention(
  db: Db,
  user: Actor,
  mentionId: number,
  input: z.infer<typeof SplitInput>,
): Promise<{ claimId: number; revived: boolean }> {
  return db.transaction((tx) => splitOne(tx, user, mentionId, input.version));
}

async function splitOne(tx: Tx, user: Actor, mentionId: number, version: number) {
  const mention = await findMention(tx, mentionId);
  if (!mention) throw new NotFound(`There is no mention ${mentionId}.`);
  let claim = await claimAt(tx, mention.claimId, version, 'version');
  const found = await findMergeThatMoved(tx, mention.id, claim.id);
  const origin = found ? await findClaimRow(tx, found.sourceClaimId) : undefined;
  // The claim it came from went on into yet another claim: the mention starts afresh instead.
  const merge = found && origin && (!origin.mergedIntoId || origin.mergedIntoId === claim.id) ? found : undefined;
  let destination: ClaimRow;
  if (merge) {
    const wasMerged = origin!.mergedIntoId === claim.id;
    destination = await reviveMerged(tx, merge, claim);
    claim = (await findClaimRow(tx, claim.id))!;
    await moveMentions(tx, [mention.id], destination.id);
    if (!(await countMentionsStillMoved(tx, merge.moved.mentionIds, claim.id))) await markMergeUndone(tx, merge.id);
    if (wasMerged) {
      await recordAudit(tx, {
        userId: actorId(user),
        action: 'claim.unmerge',
        // A change of the revived claim itself: see the merge event.
        subjectType: 'claim',
        subjectId: destination.id,
        claimId: destination.id,
        before: { mergedIntoId: claim.id },
        after: { mergedIntoId: null },
      });
    }
  } else {
    const mentions = await listMentionRowsOfClaim(tx, claim.id);
    if (mentions.length < 2) {
      throw new Invalid('This is the only mention of the claim: there is nothing to split it from.');
    }
    destination = await insertClaim(tx, {
      text: claim.text,
      language: claim.language,
      claimantId: claim.claimantId,
      claimedOn: claim.claimedOn,
      claimedOnPrecision: claim.claimedOnPrecision,
      eventOn: claim.eventOn,
      eventOnPrecision: claim.eventOnPrecision,
      checkworthiness: claim.checkworthiness,
      createdById: actorId(user),
    });
    await addSubjects(tx, destination.id, await listSubjectIds(tx, claim.id));
    await addToStories(tx, destination.id, await listStoryMemberships(tx, claim.id));
    await moveMentions(tx, [mention.id], destination.id);
  }
  const saved = await save(tx, claim);
  const event = {
    userId: actorId(user),
    action: 'mention.split',
    subjectType: 'mention',
    subjectId: mention.id,
    before: { claimId: claim.id },
    after: { claimId: destination.id, backToMergedClaim: Boolean(merge), mergeId: merge?.id ?? null },
  };
  await recordAudit(tx, { ...event, claimId: claim.id });
  await recordAudit(tx, { ...event, claimId: destination.id });
  return { claimId: destination.id, revived: Boolean(merge), version: saved.version };
}

/** Undoes a whole merge: every mention it moved that is still on the target goes back. */
export async function undoMerge(db: Db, user: Actor, mergeId: number, input: z.infer<typeof SplitInput>) {
  return db.transaction(async (tx) => {
    const merge = await findMerge(tx, mergeId);
    if (!merge) throw new NotFound(`There is no merge ${mergeId}.`);
    if (merge.undoneAt) throw new Invalid('This merge was already undone.');
    const target = await claimAt(tx, merge.targetClaimId, input.version, 'version');
    let version = target.version;
    let moved = 0;
    for (const mentionId of merge.moved.mentionIds) {
      const mention = await findMention(tx, mentionId);
      if (!mention || mention.claimId !== target.id) continue;
      version = (await splitOne(tx, user, mentionId, version)).version;
      moved++;
    }
    if (!moved) {
      // Nothing left to split (the mentions moved on): bring the merged claim back all the same.
      await reviveMerged(tx, merge, (await findClaimRow(tx, target.id))!);
      await markMergeUndone(tx, merge.id);
      await recordAudit(tx, {
        userId: actorId(user),
        action: 'claim.unmerge',
        subjectType: 'claim',
        subjectId: merge.sourceClaimId,
        claimId: merge.sourceClaimId,
        before: { mergedIntoId: target.id },
        after: { mergedIntoId: null },
      });
    }
    return { sourceClaimId: merge.sourceClaimId, moved };
  });
}

export const RetractInput = z.object({
  version: Version,
  reason: z.string().trim().min(3, 'Say why the claim is retracted.').max(500),
});

/** Retracts a claim (a duplicate, an error, not a claim): kept and readable, ranked deprecated. */
export async function retractClaim(db: Db, user: Actor, claimId: number, input: z.infer<typeof RetractInput>) {
  return db.transaction(async (tx) => {
    const claim = await claimAt(tx, claimId, input.version, 'version');
    if (claim.deprecatedAt) throw new Invalid('This claim is already retracted.');
    const saved = await save(tx, claim, { deprecatedAt: new Date(), deprecatedReason: input.reason });
    await recordAudit(tx, {
      userId: actorId(user),
      action: 'claim.retract',
      subjectType: 'claim',
      subjectId: claimId,
      claimId,
      before: { deprecatedAt: null },
      after: { deprecatedAt: saved.deprecatedAt, deprecatedReason: input.reason },
    });
    return saved;
  });
}

/** Restores a retracted claim. */
export async function restoreClaim(db: Db, user: Actor, claimId: number, input: z.infer<typeof SplitInput>) {
  return db.transaction(async (tx) => {
    const claim = await claimAt(tx, claimId, input.version, 'version');
    if (!claim.deprecatedAt) throw new Invalid('This claim is not retracted.');
    const saved = await save(tx, claim, { deprecatedAt: null, deprecatedReason: null });
    await recordAudit(tx, {
      userId: actorId(user),
      action: 'claim.restore',
      subjectType: 'claim',
      subjectId: claimId,
      claimId,
      before: { deprecatedAt: claim.deprecatedAt, deprecatedReason: claim.deprecatedReason },
      after: { deprecatedAt: null },
    });
    return saved;
  });
}
