import { and, asc, desc, eq, gt } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { auditEvents, users } from '../schema/index.ts';

export type AuditInput = {
  userId: number | null;
  action: string;
  subjectType: string;
  subjectId: number | null;
  claimId?: number | null;
  before?: unknown;
  after?: unknown;
};

export async function recordAudit(ex: Executor, event: AuditInput): Promise<void> {
  await ex.insert(auditEvents).values({
    userId: event.userId,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    claimId: event.claimId ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
  });
}

export function listAuditOfClaim(ex: Executor, claimId: number, limit = 200) {
  return ex
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      before: auditEvents.before,
      after: auditEvents.after,
      userName: users.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(and(eq(auditEvents.claimId, claimId)))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit);
}

/** Changes to a claim itself after a moment, oldest first: what an "as of" view undoes. */
export function listClaimChangesAfter(ex: Executor, claimId: number, after: Date) {
  return ex
    .select({ at: auditEvents.at, action: auditEvents.action, before: auditEvents.before })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.claimId, claimId),
        eq(auditEvents.subjectType, 'claim'),
        eq(auditEvents.subjectId, claimId),
        gt(auditEvents.at, after),
      ),
    )
    .orderBy(asc(auditEvents.at), asc(auditEvents.id));
}
