/** Who does something: the signed-in editor, or null for the system (seeding, detection). */
export type Actor = { id: number; name?: string; role?: string } | null;

export const actorId = (actor: Actor): number | null => actor?.id ?? null;
