// Splits a source body into runs for display: each run is plain text, page clutter, or text
// covered by one or more mentions. Offsets are the stored ones, so what is shown is exactly
// what the anchors point at.

export type HighlightMention = { id: number; claimId: number; start: number; end: number; status: string };
export type Segment = {
  text: string;
  start: number;
  isClutter: boolean;
  /** The innermost mention covering this run (the shortest), with every covering claim id. */
  mention: HighlightMention | null;
  /** Mentions whose first run this is, so the page has one anchor per mention. */
  anchorIds: number[];
  claimIds: number[];
};

export function highlightSegments(
  body: string,
  mentions: HighlightMention[],
  clutter: { start: number; end: number }[] = [],
): Segment[] {
  const valid = mentions.filter((m) => m.start >= 0 && m.end <= body.length && m.end > m.start);
  const cuts = new Set<number>([0, body.length]);
  for (const m of valid) cuts.add(m.start).add(m.end);
  for (const c of clutter) cuts.add(Math.max(0, c.start)).add(Math.min(body.length, c.end));
  const points = [...cuts].sort((a, b) => a - b);
  const started = new Set<number>();
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    const covering = valid.filter((m) => m.start <= start && m.end >= end);
    const innermost = covering.reduce<HighlightMention | null>(
      (best, m) => (!best || m.end - m.start < best.end - best.start ? m : best),
      null,
    );
    const anchorIds: number[] = [];
    for (const m of covering) {
      if (!started.has(m.id)) {
        started.add(m.id);
        anchorIds.push(m.id);
      }
    }
    segments.push({
      text: body.slice(start, end),
      start,
      isClutter: clutter.some((c) => c.start <= start && c.end >= end),
      mention: innermost,
      anchorIds,
      claimIds: [...new Set(covering.map((m) => m.claimId))],
    });
  }
  return segments;
}
