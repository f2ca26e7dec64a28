import { z } from 'zod';
import type { Db, Executor } from '../../db/client.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { findClaimState, updateClaimIfVersion } from '../../db/queries/claims.ts';
import {
  approveReview,
  existingSourceIds,
  findPendingReview,
  findReview,
  insertEvidence,
  insertReview,
  rejectReview,
} from '../../db/queries/reviews.ts';
import { findStatus } from '../../db/queries/statuses.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../errors.ts';
import type { SessionUser } from './sessions.ts';
import { getWorkflowSettings } from './settings.ts';

export type ClaimState = NonNullable<Awaited<ReturnType<typeof findClaimState>>>;

const ids = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => x !== ''));

export const StatusChangeInput = z.object({
  version: z.coerce.number({ message: 'review.versionMissing' }).int().positive('review.versionMissing'),
  status: z.string({ message: 'review.statusMissing' }).trim().min(1, 'review.statusMissing').max(60),
  rationale: z.string().trim().max(10_000, 'review.rationaleTooLong').default(''),
  evidenceUrls: z.string().max(20_000, 'review.evidenceTooLong').default(''),
  evidenceSourceIds: ids,
});
/** A submitted form: whatever the browser sent, checked here. */
export type StatusChangeForm = Record<string, unknown>;

/** Parses evidence links, one per line; only web addresses are accepted. */
export function parseEvidenceUrls(text: string): { urls: string[]; bad: string[] } {
  const urls: string[] = [];
  const bad: string[] = [];
  for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    let ok = false;
    try {
      const url = new URL(line);
      ok = (url.protocol === 'http:' || url.protocol === 'https:') && Boolean(url.hostname) && line.length <= 2000;
    } catch {
      ok = false;
    }
    (ok ? urls : bad).push(line);
  }
  return { urls: [...new Set(urls)], bad };
}

/** Why a save did not apply: the claim is gone, or it moved on since the form was loaded. */
async function refuseStale(ex: Executor, claimId: number): Promise<never> {
  const current = await findClaimState(ex, claimId);
  if (!current) throw new NotFound(`There is no claim ${claimId}.`);
  throw new Conflict('review.conflict', current);
}

export type StatusChangeResult = { reviewId: number; status: string; published: boolean; awaitingApproval: boolean };

/**
 * Records a status decision on a claim. A verdict needs a rationale and at least one piece of
 * evidence. With the four-eyes rule on, a verdict waits for a second editor before readers
 * see it; workflow states (unreviewed, in review) and everything without the rule reach
 * readers at once. The claim's version is bumped in the same statement that checks it.
 */
export async function changeStatus(db: Db, actor: SessionUser, claimId: number, form: StatusChangeForm): Promise<StatusChangeResult> {
  const parsed = StatusChangeInput.safeParse(form);
  if (!parsed.success) throw new Invalid('review.refused', fieldMessages(parsed.error));
  const input = parsed.data;
  const status = await findStatus(db, input.status);
  if (!status || (!status.active && status.isVerdict)) throw new Invalid('review.refused', { status: 'review.statusUnknown' });

  const { urls, bad } = parseEvidenceUrls(input.evidenceUrls);
  const sourceIds = [...new Set(input.evidenceSourceIds.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0))];
  const found = await existingSourceIds(db, sourceIds);
  const fields: Record<string, string> = {};
  if (bad.length) fields.evidenceUrls = 'review.evidenceUrlInvalid';
  if (found.length !== sourceIds.length) fields.evidenceSourceIds = 'review.evidenceSourceUnknown';
  if (status.isVerdict) {
    if (!input.rationale) fields.rationale = 'review.rationaleMissing';
    if (!urls.length && !found.length && !fields.evidenceUrls && !fields.evidenceSourceIds) fields.evidence = 'review.evidenceMissing';
  }
  if (Object.keys(fields).length) throw new Invalid('review.refused', fields);

  const { fourEyes } = await getWorkflowSettings(db);
  const publishNow = !status.isVerdict || !fourEyes;
  return db.transaction(async (tx) => {
    const before = await findClaimState(tx, claimId);
    if (!before) throw new NotFound(`There is no claim ${claimId}.`);
    if (before.mergedIntoId) throw new Invalid('review.refused', { status: 'review.claimMerged' });
    const updated = await updateClaimIfVersion(tx, claimId, input.version, {
      status: status.key,
      ...(publishNow ? { publishedStatus: status.key } : {}),
    });
    if (!updated) return refuseStale(tx, claimId);
    const review = await insertReview(tx, {
      claimId,
      status: status.key,
      rationale: input.rationale || null,
      createdById: actor.id,
      approvedById: publishNow ? actor.id : null,
      approved: publishNow,
    });
    await insertEvidence(tx, review.id, [...urls.map((url) => ({ url })), ...found.map((sourceId) => ({ sourceId }))]);
    await recordAudit(tx, {
      userId: actor.id,
      action: 'claim.status_changed',
      subjectType: 'claim',
      subjectId: claimId,
      claimId,
      before: { status: before.status, publishedStatus: before.publishedStatus, version: before.version },
      after: {
        status: updated.status,
        publishedStatus: updated.publishedStatus,
        version: updated.version,
        reviewId: review.id,
        rationale: input.rationale || null,
        evidence: [...urls, ...found.map((id) => `source:${id}`)],
        ...(publishNow ? {} : { awaitingApproval: true }),
      },
    });
    return { reviewId: review.id, status: status.key, published: publishNow, awaitingApproval: !publishNow };
  });
}

const Decision = z.object({
  version: z.coerce.number({ message: 'review.versionMissing' }).int().positive('review.versionMissing'),
  note: z.string().trim().max(5000).default(''),
});

async function pendingReviewOf(ex: Executor, claimId: number, reviewId: number) {
  const review = await findReview(ex, reviewId);
  if (!review || review.claimId !== claimId) throw new NotFound(`There is no review ${reviewId} of claim ${claimId}.`);
  const pending = await findPendingReview(ex, claimId);
  // Only the latest verdict can be decided; an older one was replaced by a newer decision.
  if (!pending || pending.id !== reviewId) throw new Conflict('review.alreadyDecided', await findClaimState(ex, claimId));
  return pending;
}

/** A second editor approves a pending verdict: it reaches readers. Never its own author. */
export async function approveVerdict(db: Db, actor: SessionUser, claimId: number, reviewId: number, form: unknown): Promise<void> {
  const parsed = Decision.safeParse(form);
  if (!parsed.success) throw new Invalid('review.refused', fieldMessages(parsed.error));
  await db.transaction(async (tx) => {
    const pending = await pendingReviewOf(tx, claimId, reviewId);
    if (pending.createdById === actor.id) throw new Forbidden('review.ownVerdict');
    const before = await findClaimState(tx, claimId);
    const approved = await approveReview(tx, reviewId, actor.id);
    if (!approved) return refuseStale(tx, claimId);
    const updated = await updateClaimIfVersion(tx, claimId, parsed.data.version, { publishedStatus: approved.status });
    if (!updated) return refuseStale(tx, claimId);
    await recordAudit(tx, {
      userId: actor.id,
      action: 'review.approved',
      subjectType: 'review',
      subjectId: reviewId,
      claimId,
      before: { publishedStatus: before?.publishedStatus ?? null },
      after: { publishedStatus: updated.publishedStatus, reviewId, author: pending.authorName, version: updated.version },
    });
  });
}

/**
 * Sends a pending verdict back (or lets its author withdraw it): readers keep what they saw,
 * and the working status returns to the published one. A note says why.
 */
export async function rejectVerdict(db: Db, actor: SessionUser, claimId: number, reviewId: number, form: unknown): Promise<void> {
  const parsed = Decision.safeParse(form);
  if (!parsed.success) throw new Invalid('review.refused', fieldMessages(parsed.error));
  if (!parsed.data.note) throw new Invalid('review.refused', { note: 'review.noteMissing' });
  await db.transaction(async (tx) => {
    const pending = await pendingReviewOf(tx, claimId, reviewId);
    const before = await findClaimState(tx, claimId);
    const rejected = await rejectReview(tx, reviewId, actor.id, parsed.data.note);
    if (!rejected || !before) return refuseStale(tx, claimId);
    const updated = await updateClaimIfVersion(tx, claimId, parsed.data.version, { status: before.publishedStatus });
    if (!updated) return refuseStale(tx, claimId);
    await recordAudit(tx, {
      userId: actor.id,
      action: 'review.rejected',
      subjectType: 'review',
      subjectId: reviewId,
      claimId,
      before: { status: before.status },
      after: { status: updated.status, reviewId, note: parsed.data.note, author: pending.authorName, version: updated.version },
    });
  });
}

/** Field → message key, from a zod error (a message that is a key is kept as it is). */
export function fieldMessages(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    fields[key] ??= /^[a-z]+\.[A-Za-z.]+$/.test(issue.message) ? issue.message : 'review.fieldInvalid';
  }
  return fields;
}
