// Language-neutral facts about the concept ids the lexicons share (their words live in each
// lexicon's `concepts`). Predicate concepts name what a claim says happened; they decide the
// "same predicate" reason when claims are matched.
export const predicateConcepts = new Set([
  'warn', 'deny', 'confirm', 'accuse', 'discuss', 'meet', 'receive', 'interference', 'pressure', 'sanction',
  'investigation', 'ruling', 'appeal', 'sentence', 'arrest', 'attack', 'increase', 'decrease', 'unchanged', 'recall',
  'ban', 'resign', 'support', 'refuse', 'agree', 'disagree', 'resolve', 'respect', 'proposal', 'extend', 'expire',
  'include', 'victory', 'dismissal', 'test',
]);

/** Concepts that say an act did not happen or is rejected: they count as negative polarity. */
export const negativeConcepts = new Set(['deny', 'refuse', 'disagree']);
