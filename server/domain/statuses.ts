import { z } from 'zod';
import type { Db, Executor } from '../../db/client.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import { findStatus, insertStatus, listStatuses, updateStatus, type StatusRow } from '../../db/queries/statuses.ts';
import { Invalid, NotFound } from '../errors.ts';
import type { SessionUser } from './sessions.ts';
import { getWorkflowSettings } from './settings.ts';

const optionalInt = z.preprocess(
  (v) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : v),
  z.coerce.number().int('admin.ratingInvalid').min(0, 'admin.ratingInvalid').max(100, 'admin.ratingInvalid').nullable(),
);

const StatusFields = z
  .object({
    label: z.string().trim().min(1, 'admin.labelMissing').max(60, 'admin.labelTooLong'),
    labelFr: z.string().trim().max(60, 'admin.labelTooLong').default(''),
    description: z.string().trim().max(500, 'admin.descriptionTooLong').default(''),
    color: z.string().trim().regex(/^#[0-9a-fA-F]{6}$/, 'admin.colorInvalid'),
    position: z.coerce.number().int('admin.positionInvalid').min(0, 'admin.positionInvalid').max(1000, 'admin.positionInvalid'),
    ratingValue: optionalInt,
    bestRating: optionalInt,
    worstRating: optionalInt,
    alternateName: z.string().trim().max(60, 'admin.labelTooLong').default(''),
    active: z.union([z.literal('on'), z.literal('1'), z.literal('true')]).optional(),
  })
  .superRefine((s, ctx) => {
    const r = [s.ratingValue, s.bestRating, s.worstRating];
    if (r.some((x) => x !== null) && r.some((x) => x === null)) {
      ctx.addIssue({ code: 'custom', path: ['ratingValue'], message: 'admin.ratingIncomplete' });
    } else if (s.ratingValue !== null && !(s.worstRating! <= s.ratingValue && s.ratingValue <= s.bestRating! && s.worstRating! < s.bestRating!)) {
      ctx.addIssue({ code: 'custom', path: ['ratingValue'], message: 'admin.ratingOrder' });
    }
  });

const NewStatus = z.object({ key: z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, 'admin.keyInvalid') });

function fields(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[String(issue.path[0] ?? 'form')] ??= issue.message.startsWith('admin.') ? issue.message : 'admin.valueInvalid';
  return out;
}

type Values = z.infer<typeof StatusFields>;
const toRow = (v: Values) => ({
  label: v.label,
  labelFr: v.labelFr || null,
  description: v.description || null,
  color: v.color.toLowerCase(),
  position: v.position,
  ratingValue: v.ratingValue,
  bestRating: v.bestRating,
  worstRating: v.worstRating,
  alternateName: v.alternateName || null,
});
const snapshot = (s: StatusRow) => ({ ...s });

export async function getStatusesPage(ex: Executor) {
  const [statuses, settings] = await Promise.all([listStatuses(ex), getWorkflowSettings(ex)]);
  return { statuses, settings };
}

/**
 * Adds a verdict with its ClaimReview rating. The workflow states (unreviewed, in review) come
 * with Claimline and are never added or retired here.
 */
export async function createVerdict(db: Db, actor: SessionUser, form: Record<string, unknown>): Promise<StatusRow> {
  const key = NewStatus.safeParse(form);
  const values = StatusFields.safeParse(form);
  const problems = { ...(key.success ? {} : fields(key.error)), ...(values.success ? {} : fields(values.error)) };
  if (!key.success || !values.success) throw new Invalid('admin.statusRefused', problems);
  return db.transaction(async (tx) => {
    if (await findStatus(tx, key.data.key)) throw new Invalid('admin.statusRefused', { key: 'admin.keyTaken' });
    const row = await insertStatus(tx, { key: key.data.key, ...toRow(values.data), isVerdict: true, active: true });
    await recordAudit(tx, { userId: actor.id, action: 'status.created', subjectType: 'status', subjectId: null, after: snapshot(row) });
    return row;
  });
}

/** Changes a status's labels, colour, order and rating; a verdict may be retired (no longer offered). */
export async function updateStatusSettings(db: Db, actor: SessionUser, key: string, form: Record<string, unknown>): Promise<StatusRow> {
  const values = StatusFields.safeParse(form);
  if (!values.success) throw new Invalid('admin.statusRefused', fields(values.error));
  return db.transaction(async (tx) => {
    const before = await findStatus(tx, key);
    if (!before) throw new NotFound('admin.noSuchStatus');
    const active = before.isVerdict ? Boolean(values.data.active) : true;
    const after = await updateStatus(tx, key, { ...toRow(values.data), active });
    await recordAudit(tx, { userId: actor.id, action: 'status.updated', subjectType: 'status', subjectId: null, before: snapshot(before), after: after ? snapshot(after) : null });
    return after!;
  });
}
