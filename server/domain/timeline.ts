// A claim's life in time order: the event, the claim, each report, each claim that
// contradicts or confirms it, each verdict. Unknown dates are kept apart, never invented.

export type Precision = 'day' | 'month' | 'year';

export type TimelineKind = 'event' | 'made' | 'reported' | 'linked' | 'verdict';

export type TimelineEntry = {
  kind: TimelineKind;
  /** YYYY-MM-DD (first day of the month or year when less is known), or null when unknown. */
  date: string | null;
  precision: Precision | null;
  /** Time of day when known (verdicts), to order entries of one day. */
  at?: Date | null;
  /** Message key and parameters: the view words it in the reader's language. */
  label: { key: string; params: Record<string, string> };
  detail?: string | null;
  href?: string | null;
  status?: string | null;
  linkKind?: string | null;
};

// On one day, the event comes before what was said about it, and verdicts come last.
const KIND_ORDER: Record<TimelineKind, number> = { event: 0, made: 1, linked: 2, reported: 3, verdict: 4 };

export function sortTimeline(entries: TimelineEntry[]): { dated: TimelineEntry[]; undated: TimelineEntry[] } {
  const dated = entries.filter((e) => e.date);
  const undated = entries.filter((e) => !e.date);
  dated.sort(
    (a, b) =>
      a.date!.localeCompare(b.date!) ||
      // A day-precise date sorts after a vaguer one starting the same day ("May 2017" before "3 May 2017").
      precisionRank(a.precision) - precisionRank(b.precision) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      (a.at?.getTime() ?? 0) - (b.at?.getTime() ?? 0),
  );
  return { dated, undated };
}

function precisionRank(p: Precision | null): number {
  return p === 'year' ? 0 : p === 'month' ? 1 : 2;
}

/** YYYY-MM-DD of a timestamp in UTC. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}
