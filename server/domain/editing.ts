import { z } from 'zod';
import type { Db, Executor } from '../../db/client.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { findClaimState, updateClaimIfVersion, type ClaimChanges } from '../../db/queries/claims.ts';
import { findEntityByName, listEntityNames } from '../../db/queries/entities.ts';
import { datePrecisions } from '../../db/schema/index.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';
import { normalizeAlias } from './entities.ts';
import { fieldMessages } from './reviews.ts';
import type { SessionUser } from './sessions.ts';

export const ClaimEditInput = z.object({
  version: z.coerce.number({ message: 'review.versionMissing' }).int().positive('review.versionMissing'),
  text: z.string({ message: 'edit.textMissing' }).trim().min(1, 'edit.textMissing').max(2000, 'edit.textTooLong'),
  claimant: z.string().trim().max(200, 'edit.claimantUnknown').default(''),
  claimedOn: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))), 'edit.dateInvalid'),
  claimedOnPrecision: z.enum(datePrecisions, { message: 'edit.precisionInvalid' }).default('day'),
});
export type ClaimEditForm = Record<string, unknown>;

/** What the edit form shows: the claim as it is now, and names to pick a claimant from. */
export async function getClaimEditPage(ex: Executor, claimId: number) {
  const [claim, entityNames] = await Promise.all([findClaimState(ex, claimId), listEntityNames(ex)]);
  if (!claim) throw new NotFound(`There is no claim ${claimId}.`);
  return {
    claim,
    entityNames,
    form: {
      version: claim.version,
      text: claim.text,
      claimant: claim.claimantName ?? '',
      claimedOn: claim.claimedOn ?? '',
      claimedOnPrecision: claim.claimedOnPrecision ?? 'day',
    },
  };
}

/** A stored date at its precision, as a partial date is stored: its first day. */
function firstDay(date: string, precision: 'day' | 'month' | 'year'): string {
  return precision === 'year' ? `${date.slice(0, 4)}-01-01` : precision === 'month' ? `${date.slice(0, 7)}-01` : date;
}

/**
 * Saves an editor's changes to a claim's wording, claimant and date. The save is one
 * UPDATE … WHERE id AND version: a form based on an older version gets a Conflict carrying
 * the current claim, and nothing is overwritten.
 */
export async function editClaim(db: Db, actor: SessionUser, claimId: number, form: ClaimEditForm): Promise<{ changed: boolean; version: number }> {
  const parsed = ClaimEditInput.safeParse(form);
  const fields = parsed.success ? {} : fieldMessages(parsed.error);
  // The claimant is looked up even when another field is wrong: the editor hears of every problem at once.
  const claimantName = typeof form.claimant === 'string' ? form.claimant.trim() : '';
  const entity = claimantName && !fields.claimant ? await findEntityByName(db, claimantName, normalizeAlias(claimantName)) : null;
  if (claimantName && !entity) fields.claimant ??= 'edit.claimantUnknown';
  if (!parsed.success || Object.keys(fields).length) throw new Invalid('edit.refused', fields);
  const input = parsed.data;
  const claimedOn = input.claimedOn ? firstDay(input.claimedOn, input.claimedOnPrecision) : null;

  return db.transaction(async (tx) => {
    const before = await findClaimState(tx, claimId);
    if (!before) throw new NotFound(`There is no claim ${claimId}.`);
    if (before.version !== input.version) throw new Conflict('edit.conflict', before);
    const next = {
      text: input.text,
      claimantId: entity?.id ?? null,
      claimedOn,
      claimedOnPrecision: claimedOn ? input.claimedOnPrecision : null,
    } satisfies ClaimChanges;
    const changedKeys = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== before[k]);
    if (!changedKeys.length) return { changed: false, version: before.version };

    // The read above only shapes the audit entry; this statement alone decides who wins.
    const updated = await updateClaimIfVersion(tx, claimId, input.version, next);
    if (!updated) {
      const current = await findClaimState(tx, claimId);
      throw current ? new Conflict('edit.conflict', current) : new NotFound(`There is no claim ${claimId}.`);
    }
    const view = (state: { text: string; claimedOn: string | null; claimedOnPrecision: string | null }, claimantName: string | null) => {
      const out: Record<string, unknown> = {};
      if (changedKeys.includes('text')) out.text = state.text;
      if (changedKeys.includes('claimantId')) out.claimant = claimantName;
      if (changedKeys.includes('claimedOn') || changedKeys.includes('claimedOnPrecision')) {
        out.claimedOn = state.claimedOn;
        out.claimedOnPrecision = state.claimedOnPrecision;
      }
      return out;
    };
    await recordAudit(tx, {
      userId: actor.id,
      action: 'claim.edited',
      subjectType: 'claim',
      subjectId: claimId,
      claimId,
      before: { ...view(before, before.claimantName), version: before.version },
      after: { ...view(next, entity?.name ?? null), version: updated.version },
    });
    return { changed: true, version: updated.version };
  });
}
