// Links between claims rather than between single reports of them. The app and the analyze
// command both use this: each report (mention) of a claim is a LinkableClaim tagged with the
// claim it belongs to, and the links found between reports become links between claims.
import { SAME_CLAIM_THRESHOLD, scoreSameClaim, suggestLinks, type ClaimFeatures, type LinkableClaim } from './matching.ts';

export type ClaimReport<C extends string | number = string | number> = LinkableClaim & { claimId: C };

export type ClaimLink<C extends string | number = string | number> = {
  from: C;
  to: C;
  kind: 'contradicts' | 'supports' | 'confirms';
  reason: string;
  /** The two reports the link was read from. */
  fromReport: string;
  toReport: string;
};

/** How close two claims' propositions are, whoever made them (claimants set aside). */
function sameProposition(a: ClaimFeatures, b: ClaimFeatures) {
  return scoreSameClaim(a, { ...b, claimant: a.claimant });
}

// Claimants differ, so saying "the same" needs a little more than one claimant repeating itself.
const SUPPORT_THRESHOLD = SAME_CLAIM_THRESHOLD + 0.05;

/**
 * Links between claims from their reports: a denial by the party a claim concerns contradicts
 * it, a confirmation by a third party confirms it, the same statement by the party concerned
 * supports it. A claim concerns everyone any of its reports names (one outlet writes "warned
 * him", another "warned Lavrov"), so each report is read with the subjects of all. With
 * `focus`, only links touching that claim. One link per pair of claims, the first found.
 */
export function linkClaims<C extends string | number>(reports: ClaimReport<C>[], focus?: C): ClaimLink<C>[] {
  const subjects = new Map<C, Set<string>>();
  for (const r of reports) {
    let set = subjects.get(r.claimId);
    if (!set) subjects.set(r.claimId, (set = new Set()));
    for (const s of r.features.subjects) set.add(s);
  }
  const read = reports.map((r) => ({
    ...r,
    features: { ...r.features, subjects: [...subjects.get(r.claimId)!].filter((s) => s !== r.features.claimant) },
  }));
  const byId = new Map(read.map((r) => [r.id, r]));
  const touches = (a: C, b: C) => focus === undefined || a === focus || b === focus;

  const out: ClaimLink<C>[] = [];
  const seen = new Set<string>();
  const add = (a: ClaimReport<C>, b: ClaimReport<C>, kind: ClaimLink<C>['kind'], reason: string) => {
    if (a.claimId === b.claimId || !touches(a.claimId, b.claimId)) return;
    const key = [String(a.claimId), String(b.claimId)].sort().join('|');
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ from: a.claimId, to: b.claimId, kind, reason, fromReport: a.id, toReport: b.id });
  };
  for (const s of suggestLinks(read)) {
    const [from, to] = [byId.get(s.from)!, byId.get(s.to)!];
    // A confirmation confirms one proposition: the analysis offers every claim sharing a few
    // concepts, so keep those stating what the confirmation states.
    if (s.kind === 'confirms' && sameProposition(from.features, to.features).score < SAME_CLAIM_THRESHOLD) continue;
    add(from, to, s.kind, s.reason);
  }
  for (const s of supportingPairs(read, focus)) add(s.from, s.to, 'supports', s.reason);
  return out;
}

/**
 * The same statement made by a party the other claim concerns (the president confirming
 * what his office said of him): the later one supports the earlier. The mirror of a denial by
 * the party concerned, which contradicts.
 */
function supportingPairs<C extends string | number>(reports: ClaimReport<C>[], focus?: C) {
  const out: { from: ClaimReport<C>; to: ClaimReport<C>; reason: string }[] = [];
  const concerns = (x: ClaimFeatures, y: ClaimFeatures) => Boolean(x.claimant) && y.subjects.includes(x.claimant!);
  for (const a of reports.filter((l) => focus === undefined || l.claimId === focus)) {
    for (const b of reports) {
      const [fa, fb] = [a.features, b.features];
      if (b.claimId === a.claimId || !fa.claimant || !fb.claimant || fa.claimant === fb.claimant) continue;
      if (fa.polarity !== 'positive' || fb.polarity !== 'positive') continue;
      if (!concerns(fa, fb) && !concerns(fb, fa)) continue;
      const { score, reasons } = sameProposition(fa, fb);
      if (score < SUPPORT_THRESHOLD) continue;
      const [from, to] = laterFirst(a, b);
      const why = reasons.filter((r) => !r.startsWith('same claimant') && !r.startsWith('different claimants'));
      out.push({ from, to, reason: `says the same (${why.join('; ')})` });
    }
  }
  return out;
}

function laterFirst<T extends LinkableClaim & { claimId: string | number }>(a: T, b: T): [T, T] {
  const da = a.features.dates[0] ?? '';
  const db = b.features.dates[0] ?? '';
  if (da !== db) return da > db ? [a, b] : [b, a];
  const later = typeof a.claimId === 'number' && typeof b.claimId === 'number' ? a.claimId > b.claimId : String(a.claimId) > String(b.claimId);
  return later ? [a, b] : [b, a];
}
