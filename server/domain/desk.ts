// The editors' side of claims: the status desk on the claim page, the review queue, and
// assignment. Readers never reach these (routes require the editor role).
import { z } from 'zod';
import type { Db, Executor } from '../../db/client.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { findClaim, findClaimState, setClaimAssignee } from '../../db/queries/claims.ts';
import { listQueue, listQueueFacets, type QueueFilters, type QueueRow } from '../../db/queries/queue.ts';
import { findPendingReview, listEvidenceSources, listPendingReviews } from '../../db/queries/reviews.ts';
import { listStatuses } from '../../db/queries/statuses.ts';
import { findUserById, listActiveUsers } from '../../db/queries/users.ts';
import { Invalid, NotFound } from '../errors.ts';
import type { StatusChangeForm } from './reviews.ts';
import type { SessionUser } from './sessions.ts';
import { getWorkflowSettings } from './settings.ts';

export type DeskForm = { status: string; rationale: string; evidenceUrls: string; evidenceSourceIds: string[]; version?: unknown };

/**
 * What an editor sees around a claim's status: the working status, the pending verdict if any,
 * the status form with its choices, and who the claim is assigned to.
 */
export async function getClaimDesk(ex: Executor, claimId: number, user: SessionUser) {
  const [claim, statusRows, pending, evidenceSources, editors, settings] = await Promise.all([
    findClaimState(ex, claimId),
    listStatuses(ex),
    findPendingReview(ex, claimId),
    listEvidenceSources(ex, claimId),
    listActiveUsers(ex),
    getWorkflowSettings(ex),
  ]);
  if (!claim) throw new NotFound(`There is no claim ${claimId}.`);
  const working = statusRows.find((s) => s.key === claim.status);
  return {
    claimId,
    version: claim.version,
    status: claim.status,
    statusLabel: working?.label ?? claim.status,
    statusLabelFr: working?.labelFr ?? null,
    publishedStatus: claim.publishedStatus,
    isMerged: Boolean(claim.mergedIntoId),
    statuses: statusRows.filter((s) => s.active || s.key === claim.status),
    pending: pending ? { ...pending, canApprove: pending.createdById !== user.id } : null,
    evidenceSources,
    editors,
    assigneeId: claim.assigneeId,
    assigneeName: editors.find((e) => e.id === claim.assigneeId)?.name ?? null,
    fourEyes: settings.fourEyes,
    form: { status: '', rationale: '', evidenceUrls: '', evidenceSourceIds: [] } as DeskForm,
    fields: {} as Record<string, string>,
    notice: null as null | { key: string; params?: Record<string, string> },
    conflict: false,
  };
}

export type ClaimDesk = Awaited<ReturnType<typeof getClaimDesk>>;

/** The desk again after a refused or conflicting save, keeping what the editor typed. */
export function deskWithForm(desk: ClaimDesk, form: StatusChangeForm): ClaimDesk {
  const ids = form.evidenceSourceIds;
  return {
    ...desk,
    form: {
      status: String(form.status ?? ''),
      rationale: String(form.rationale ?? ''),
      evidenceUrls: String(form.evidenceUrls ?? ''),
      evidenceSourceIds: ids === undefined ? [] : Array.isArray(ids) ? ids.map(String) : [String(ids)],
      version: form.version,
    },
  };
}

const QueueQuery = z.object({
  story: z.coerce.number().int().positive().optional().catch(undefined),
  claimant: z.coerce.number().int().positive().optional().catch(undefined),
  language: z.string().regex(/^[a-z]{2,3}$/).optional().catch(undefined),
  assignee: z.union([z.literal('none'), z.literal('me'), z.coerce.number().int().positive()]).optional().catch(undefined),
  state: z.enum(['open', 'unreviewed', 'in_review', 'awaiting', 'all']).default('open').catch('open'),
  sort: z.enum(['worthiness', 'recent']).default('worthiness').catch('worthiness'),
});

export type QueueRowView = QueueRow & { pending: Awaited<ReturnType<typeof listPendingReviews>>[number] | null; canApprove: boolean };

/** The review queue: claims needing review, filtered as asked (bad filter values are ignored). */
export async function getReviewQueue(ex: Executor, user: SessionUser, query: unknown) {
  const q = QueueQuery.parse(query ?? {});
  const filters: QueueFilters = {
    storyId: q.story,
    claimantId: q.claimant,
    language: q.language,
    assignee: q.assignee === 'me' ? user.id : q.assignee,
    state: q.state,
    sort: q.sort,
  };
  const [rows, facets, editors] = await Promise.all([listQueue(ex, filters), listQueueFacets(ex), listActiveUsers(ex)]);
  const pending = new Map((await listPendingReviews(ex, rows.filter((r) => r.awaitingApproval).map((r) => r.id))).map((p) => [p.claimId, p]));
  const items: QueueRowView[] = rows.map((r) => {
    const p = pending.get(r.id) ?? null;
    return { ...r, pending: p, canApprove: Boolean(p && p.createdById !== user.id) };
  });
  return { items, facets, editors, query: { ...q, assignee: q.assignee === undefined ? '' : String(q.assignee) } };
}

/** One queue row again (after an inline action), with the editors it offers for assignment. */
export async function getQueueRow(ex: Executor, user: SessionUser, claimId: number) {
  const [[row], editors] = await Promise.all([listQueue(ex, { state: 'all', sort: 'worthiness', claimId }, 1), listActiveUsers(ex)]);
  if (!row) return { row: undefined, editors };
  const [p] = row.awaitingApproval ? await listPendingReviews(ex, [claimId]) : [];
  const view: QueueRowView = { ...row, pending: p ?? null, canApprove: Boolean(p && p.createdById !== user.id) };
  return { row: view, editors };
}

const Assignment = z.object({
  assignee: z.union([z.literal(''), z.literal('me'), z.coerce.number().int().positive()]),
});

/** Assigns a claim to an editor (or to nobody). Recorded in the claim's history. */
export async function assignClaim(db: Db, actor: SessionUser, claimId: number, form: unknown): Promise<void> {
  const parsed = Assignment.safeParse(form);
  if (!parsed.success) throw new Invalid('queue.assignRefused', { assignee: 'queue.assigneeUnknown' });
  const assigneeId = parsed.data.assignee === '' ? null : parsed.data.assignee === 'me' ? actor.id : parsed.data.assignee;
  await db.transaction(async (tx) => {
    const claim = await findClaimState(tx, claimId);
    if (!claim) throw new NotFound(`There is no claim ${claimId}.`);
    // One after the other: a transaction is one connection, which runs one query at a time.
    const before = claim.assigneeId ? await findUserById(tx, claim.assigneeId) : undefined;
    const after = assigneeId ? await findUserById(tx, assigneeId) : undefined;
    if (assigneeId && (!after || after.disabledAt)) throw new Invalid('queue.assignRefused', { assignee: 'queue.assigneeUnknown' });
    if (claim.assigneeId === assigneeId) return;
    await setClaimAssignee(tx, claimId, assigneeId);
    await recordAudit(tx, {
      userId: actor.id,
      action: 'claim.assigned',
      subjectType: 'claim',
      subjectId: claimId,
      claimId,
      before: { assignee: before?.name ?? null },
      after: { assignee: after?.name ?? null },
    });
  });
}

/** The status fragment of the claim page for an editor: the published claim and the desk. */
export async function getStatusFragment(ex: Executor, claimId: number, user: SessionUser) {
  const [claim, desk] = await Promise.all([findClaim(ex, claimId), getClaimDesk(ex, claimId, user)]);
  if (!claim) throw new NotFound(`There is no claim ${claimId}.`);
  return { claim, desk };
}
