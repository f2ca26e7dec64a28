// "As of" views: a page as it stood at the end of a past day, rebuilt from what carries its
// own time (reviews' approval, links' acceptance and retraction, when rows were recorded) and,
// for a claim's own wording and dates, from the audit log's `before` values.

/** A past day, and the last instant of it (UTC) that counts as "then". */
export type AsOf = { date: string; until: Date };

export function asOfDay(date: string): AsOf {
  return { date, until: new Date(`${date}T23:59:59.999Z`) };
}

/** Whether something recorded at `at` was there at `asOf` (always, for the current view). */
export function isKnownAt(at: Date | null | undefined, asOf: AsOf | null | undefined): boolean {
  if (!asOf) return true;
  return at !== null && at !== undefined && at.getTime() <= asOf.until.getTime();
}

/** Whether something retracted at `at` was still standing at `asOf`. */
export function isStandingAt(retractedAt: Date | null | undefined, asOf: AsOf | null | undefined): boolean {
  if (!retractedAt) return true;
  return asOf ? retractedAt.getTime() > asOf.until.getTime() : false;
}

export type ReaderLink = {
  origin: string;
  createdAt: Date;
  acceptedAt: Date | null;
  deprecatedAt: Date | null;
};

/**
 * When readers could first see a link: an editor's link when it was made, a suggested one
 * only once an editor accepted it (null: never accepted, never shown).
 */
export function linkShownSince(link: ReaderLink): Date | null {
  return link.acceptedAt ?? (link.origin === 'editor' ? link.createdAt : null);
}

export function isLinkVisible(link: ReaderLink, asOf?: AsOf | null): boolean {
  const since = linkShownSince(link);
  if (!since) return false;
  return isKnownAt(since, asOf ?? null) && isStandingAt(link.deprecatedAt, asOf ?? null);
}

export type ApprovedReview = { claimId: number; status: string; approvedAt: Date | null; id: number };

/**
 * The status readers saw at `asOf`: the latest review approved by then, else 'unreviewed'.
 * Approval time decides, because a verdict reaches readers when a second editor approves it.
 */
export function publishedStatusAt(reviews: ApprovedReview[], asOf: AsOf): string {
  let best: ApprovedReview | null = null;
  for (const r of reviews) {
    if (!r.approvedAt || r.approvedAt.getTime() > asOf.until.getTime()) continue;
    if (!best || r.approvedAt > best.approvedAt! || (r.approvedAt.getTime() === best.approvedAt!.getTime() && r.id > best.id)) best = r;
  }
  return best?.status ?? 'unreviewed';
}

/** The claim fields an "as of" view restores from the audit log when they changed later. */
export const restorableClaimFields = [
  'text',
  'claimedOn',
  'claimedOnPrecision',
  'eventOn',
  'eventOnPrecision',
  'mergedIntoId',
] as const;
type Restorable = (typeof restorableClaimFields)[number];

/**
 * A claim's fields as they were at `asOf`: for each field, the `before` value of the first
 * audited change after that moment (that change replaced what readers then saw). Events must
 * be in time order; only plain objects' known keys are read.
 */
export function claimFieldsAt<T extends Partial<Record<Restorable, unknown>>>(
  current: T,
  laterChanges: { at: Date; before: unknown }[],
): T {
  const restored: Record<string, unknown> = { ...current };
  const seen = new Set<string>();
  for (const change of laterChanges) {
    const before = change.before;
    if (!before || typeof before !== 'object' || Array.isArray(before)) continue;
    for (const field of restorableClaimFields) {
      if (seen.has(field) || !(field in before)) continue;
      seen.add(field);
      restored[field] = (before as Record<string, unknown>)[field];
    }
  }
  return restored as T;
}
