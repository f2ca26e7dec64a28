import { NotFound } from '../errors.ts';

/** A positive integer id from the URL; anything else is a page that does not exist. */
export function idParam(value: unknown): number {
  const id = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFound();
  return id;
}

export function slugParam(value: unknown): string {
  if (typeof value !== 'string' || !/^[a-z0-9][a-z0-9-]{0,120}$/.test(value)) throw new NotFound();
  return value;
}
