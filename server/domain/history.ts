import type { Executor } from '../../db/client.ts';
import { listAuditOfClaim } from '../../db/queries/audit.ts';
import { findClaimState, listReviewsOfClaim } from '../../db/queries/claims.ts';
import { listStatuses } from '../../db/queries/statuses.ts';
import { NotFound } from '../errors.ts';

/** A label: a message key when we know the thing, plain text when another area wrote it. */
export type Label = { key: string; params?: Record<string, string> } | { text: string };

export type ChangeValue =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'status'; key: string; label: string; labelFr: string | null }
  | { kind: 'list'; items: string[] }
  | { kind: 'diff'; parts: DiffPart[] };

export type Change = { field: string; label: Label; before: ChangeValue; after: ChangeValue };

const KNOWN_ACTIONS = new Set([
  'claim.edited',
  'claim.status_changed',
  'claim.assigned',
  'review.approved',
  'review.rejected',
  // Written by the linking and source-version code: named here so editors read plain words.
  'link.suggest',
  'link.create',
  'claim.merge',
  'claim.unmerge',
  'claim.retract',
  'claim.restore',
  'mention.split',
  'mention.orphan',
  'mention.reanchor',
  'mention.place',
  'mention.retire',
  'source.revise',
]);
const KNOWN_FIELDS = new Set([
  'text',
  'claimant',
  'claimedOn',
  'claimedOnPrecision',
  'status',
  'publishedStatus',
  'assignee',
  'rationale',
  'evidence',
  'note',
  'author',
  'awaitingApproval',
]);
// Bookkeeping that means nothing to an editor reading the history.
const HIDDEN_FIELDS = new Set(['version', 'reviewId']);
const STATUS_FIELDS = new Set(['status', 'publishedStatus']);

/** "claim_link.created" → "Claim link created": an event of another area, told sensibly. */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[._-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type DiffPart = { op: 'same' | 'del' | 'ins'; text: string };

/** A word-level diff (longest common subsequence), for a claim's wording before and after. */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = before.split(/(\s+)/).filter(Boolean);
  const b = after.split(/(\s+)/).filter(Boolean);
  // Long texts are shown whole rather than diffed: the table would grow with the square.
  if (a.length * b.length > 250_000) return [{ op: 'del', text: before }, { op: 'ins', text: after }];
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffPart['op'], text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push('del', a[i++]!);
    else push('ins', b[j++]!);
  }
  while (i < a.length) push('del', a[i++]!);
  while (j < b.length) push('ins', b[j++]!);
  return parts;
}

type StatusInfo = { key: string; label: string; labelFr: string | null };

function valueOf(field: string, value: unknown, statuses: Map<string, StatusInfo>): ChangeValue {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (STATUS_FIELDS.has(field) && typeof value === 'string') {
    const s = statuses.get(value);
    return { kind: 'status', key: value, label: s?.label ?? value, labelFr: s?.labelFr ?? null };
  }
  if (Array.isArray(value)) return { kind: 'list', items: value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? '✓' : '✗' };
  if (typeof value === 'object') return { kind: 'text', text: JSON.stringify(value) };
  return { kind: 'text', text: String(value) };
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : value == null ? {} : { value };
}

/** One audit event as the history page shows it: who, when, what, and each field before and after. */
export function describeEvent(
  event: { action: string; before: unknown; after: unknown },
  statuses: Map<string, StatusInfo>,
): { title: Label; changes: Change[] } {
  const before = asRecord(event.before);
  const after = asRecord(event.after);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !HIDDEN_FIELDS.has(f));
  const changes: Change[] = fields.map((field) => {
    const b = before[field];
    const a = after[field];
    const label: Label = KNOWN_FIELDS.has(field) ? { key: `history.field.${field}` } : { text: humanize(field) };
    if (field === 'text' && typeof b === 'string' && typeof a === 'string') {
      return { field, label, before: { kind: 'text', text: b }, after: { kind: 'diff', parts: diffWords(b, a) } };
    }
    return { field, label, before: valueOf(field, b, statuses), after: valueOf(field, a, statuses) };
  });
  const title: Label = KNOWN_ACTIONS.has(event.action) ? { key: `history.action.${event.action}` } : { text: humanize(event.action) };
  return { title, changes };
}

/** Everything that happened to a claim, newest first. */
export async function getClaimHistory(ex: Executor, claimId: number) {
  const claim = await findClaimState(ex, claimId);
  if (!claim) throw new NotFound(`There is no claim ${claimId}.`);
  const [audit, statusRows, reviews] = await Promise.all([
    listAuditOfClaim(ex, claimId, 500),
    listStatuses(ex),
    listReviewsOfClaim(ex, claimId, { includeUnapproved: true }),
  ]);
  const statuses = new Map(statusRows.map((s) => [s.key, s]));
  // Reviews written without an audit event (imported or loaded with the demo) still belong
  // in the history: they are told as the status changes they were.
  const audited = new Set(audit.map((e) => (e.after as { reviewId?: unknown } | null)?.reviewId).filter((id) => typeof id === 'number'));
  const imported = reviews
    .filter((r) => !audited.has(r.id))
    .map((r) => ({
      id: -r.id,
      at: r.createdAt,
      action: 'claim.status_changed',
      subjectType: 'review',
      subjectId: r.id,
      userName: r.authorName,
      before: null,
      after: {
        status: r.status,
        rationale: r.rationale,
        evidence: r.evidence.map((e) => e.url ?? e.sourceTitle ?? `source:${e.sourceId}`),
      },
    }));
  const events = [...audit, ...imported].sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime() || b.id - a.id);
  return {
    claim,
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      action: e.action,
      userName: e.userName,
      subjectType: e.subjectType,
      ...describeEvent(e, statuses),
    })),
  };
}
