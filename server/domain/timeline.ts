// A claim's life in time order: the event, the claim, each report, each claim that
// contradicts or confirms it, each verdict. Unknown dates are kept apart, never invented.

export type Precision = 'day' | 'month' | 'year';

export type TimelineKind = 'event' | 'made' | 'reported' | 'linked' | 'verdict';

/** A parameter: plain text, another message, or a status label stored in both languages. */
export type MessageParam = string | Message | { label: string; labelFr?: string | null };
/** Interface text to be worded in the reader's language by the view (res.locals.msg). */
export type Message = { key: string; params: Record<string, MessageParam> };

export type TimelineEntry = {
  kind: TimelineKind;
  /** YYYY-MM-DD (first day of the month or year when less is known), or null when unknown. */
  date: string | null;
  precision: Precision | null;
  /** Time of day when known (verdicts), to order entries of one day. */
  at?: Date | null;
  /** Message key and parameters: the view words it in the reader's language. */
  label: Message;
  detail?: string | null;
  /** Language of `detail` when it is quoted text (a claim in French on an English page). */
  detailLang?: string | null;
  href?: string | null;
  status?: string | null;
  linkKind?: string | null;
};

export type TimelineDay = { date: string; precision: Precision; entries: TimelineEntry[] };
export type Timeline = { dated: TimelineEntry[]; undated: TimelineEntry[] };

// On one day: the event, then what was said about it, then who reported it, then the
// responses (contradictions, confirmations), and the verdicts last.
const KIND_ORDER: Record<TimelineKind, number> = { event: 0, made: 1, reported: 2, linked: 3, verdict: 4 };

/** Sorts entries in time order; entries of one day keep their given order within a kind. */
export function sortTimeline(entries: TimelineEntry[]): Timeline {
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
  undated.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  return { dated, undated };
}

/** Consecutive entries of the same date and precision, for a list with one heading per day. */
export function groupByDay(dated: TimelineEntry[]): TimelineDay[] {
  const days: TimelineDay[] = [];
  for (const entry of dated) {
    const last = days.at(-1);
    const precision = entry.precision ?? 'day';
    if (last && last.date === entry.date && last.precision === precision) last.entries.push(entry);
    else days.push({ date: entry.date!, precision, entries: [entry] });
  }
  return days;
}

export function precisionRank(p: Precision | null | undefined): number {
  return p === 'year' ? 0 : p === 'month' ? 1 : 2;
}

/** YYYY-MM-DD of a timestamp in UTC. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}
