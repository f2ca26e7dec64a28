import { Conflict, Invalid } from '../errors.ts';

export type Attempt<T> = { ok: true; value: T } | { ok: false; error: Invalid | Conflict };

/**
 * Runs a save whose refusal is an expected outcome for a form: bad input (Invalid) or a stale
 * version (Conflict) come back as values, so the route renders the form again with the
 * editor's text; every other error goes on to the error middleware.
 */
export async function attempt<T>(work: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof Invalid || error instanceof Conflict) return { ok: false, error };
    throw error;
  }
}

/** The form's body as plain string fields (what templates put back into inputs). */
export function bodyOf(body: unknown): Record<string, string | string[]> {
  return body && typeof body === 'object' ? (body as Record<string, string | string[]>) : {};
}
