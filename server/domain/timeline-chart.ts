// Geometry of a timeline chart: one column per known date (in time order, equal widths, a
// break mark where time jumps), one lane per group (a kind of event, or a claimant), and a
// column of its own for what has no known date. Pure numbers: views/partials/timeline-chart.eta
// draws them as SVG, and the list beside it carries the same content for every reader.
import { precisionRank, type Message, type Precision } from './timeline.ts';

export type ChartShape = 'circle' | 'square' | 'diamond';

export type ChartLane = { key: string; label: Message | { text: string } };

export type ChartItem = {
  id: string;
  lane: string;
  date: string | null;
  precision: Precision | null;
  shape: ChartShape;
  /** A status key: the mark takes the status colour. */
  status?: string | null;
  /** Marks the item the page is about. */
  isFocus?: boolean;
  href?: string | null;
  label: Message;
  detail?: string | null;
};

export type ChartEdge = { from: string; to: string; kind: string };

export type ChartColumn = {
  key: string;
  date: string | null;
  precision: Precision | null;
  x: number;
  width: number;
  /** Time jumps by more than a month before this column: the axis shows a break. */
  isBreakBefore: boolean;
};

export type ChartMark = ChartItem & { cx: number; cy: number; r: number };

export type ChartLaneBox = ChartLane & { y: number; height: number };

export type ChartLayout = {
  width: number;
  height: number;
  axisY: number;
  labelWidth: number;
  columns: ChartColumn[];
  lanes: ChartLaneBox[];
  marks: ChartMark[];
  edges: (ChartEdge & { path: string })[];
};

export const CHART = {
  labelWidth: 150,
  columnWidth: 112,
  headerHeight: 54,
  markSpacing: 22,
  markRadius: 7,
  lanePadding: 12,
  footer: 8,
} as const;

const UNKNOWN = 'unknown';
const BREAK_DAYS = 31;

export function layoutChart({
  lanes,
  items,
  edges = [],
}: {
  lanes: ChartLane[];
  items: ChartItem[];
  edges?: ChartEdge[];
}): ChartLayout {
  const columnKey = (item: Pick<ChartItem, 'date' | 'precision'>) =>
    item.date ? `${item.date}/${item.precision ?? 'day'}` : UNKNOWN;

  // Columns: every distinct known date in time order, then one for unknown dates.
  const known = new Map<string, { date: string; precision: Precision }>();
  for (const item of items) {
    if (item.date) known.set(columnKey(item), { date: item.date, precision: item.precision ?? 'day' });
  }
  const ordered = [...known.entries()].sort(
    ([, a], [, b]) => a.date.localeCompare(b.date) || precisionRank(a.precision) - precisionRank(b.precision),
  );
  const hasUnknown = items.some((i) => !i.date);
  const columns: ChartColumn[] = [];
  let previous: string | null = null;
  for (const [key, { date, precision }] of ordered) {
    columns.push({
      key,
      date,
      precision,
      x: CHART.labelWidth + columns.length * CHART.columnWidth,
      width: CHART.columnWidth,
      isBreakBefore: previous !== null && daysBetween(previous, date) > BREAK_DAYS,
    });
    previous = date;
  }
  if (hasUnknown) {
    columns.push({
      key: UNKNOWN,
      date: null,
      precision: null,
      x: CHART.labelWidth + columns.length * CHART.columnWidth,
      width: CHART.columnWidth,
      isBreakBefore: columns.length > 0,
    });
  }

  // Marks of one cell (lane × column) fill rows of `perRow` from the left.
  const perRow = Math.max(1, Math.floor((CHART.columnWidth - 2 * CHART.lanePadding) / CHART.markSpacing));
  const cells = new Map<string, ChartItem[]>();
  const usedLanes = lanes.filter((lane) => items.some((i) => i.lane === lane.key));
  for (const item of items) {
    if (!usedLanes.some((l) => l.key === item.lane)) continue;
    const key = `${item.lane}|${columnKey(item)}`;
    cells.set(key, [...(cells.get(key) ?? []), item]);
  }

  const laneBoxes: ChartLaneBox[] = [];
  const marks: ChartMark[] = [];
  let y = CHART.headerHeight;
  for (const lane of usedLanes) {
    let rows = 1;
    for (const column of columns) rows = Math.max(rows, Math.ceil((cells.get(`${lane.key}|${column.key}`)?.length ?? 0) / perRow));
    const height = 2 * CHART.lanePadding + rows * CHART.markSpacing;
    laneBoxes.push({ ...lane, y, height });
    for (const column of columns) {
      const cell = cells.get(`${lane.key}|${column.key}`) ?? [];
      cell.forEach((item, i) => {
        const row = Math.floor(i / perRow);
        const inRow = Math.min(perRow, cell.length - row * perRow);
        // Centre each row of marks in its column.
        const rowWidth = (inRow - 1) * CHART.markSpacing;
        marks.push({
          ...item,
          cx: column.x + column.width / 2 - rowWidth / 2 + (i % perRow) * CHART.markSpacing,
          cy: y + CHART.lanePadding + CHART.markSpacing / 2 + row * CHART.markSpacing,
          r: item.isFocus ? CHART.markRadius + 2 : CHART.markRadius,
        });
      });
    }
    y += height;
  }

  const byId = new Map(marks.map((m) => [m.id, m]));
  const paths = edges.flatMap((edge) => {
    const a = byId.get(edge.from);
    const b = byId.get(edge.to);
    return a && b && a !== b ? [{ ...edge, path: curve(a, b) }] : [];
  });

  return {
    width: CHART.labelWidth + Math.max(1, columns.length) * CHART.columnWidth,
    height: y + CHART.footer,
    axisY: CHART.headerHeight - 6,
    labelWidth: CHART.labelWidth,
    columns,
    lanes: laneBoxes,
    marks,
    edges: paths,
  };
}

/** A gentle arc between two marks, bowing upwards so it does not run through the marks between. */
function curve(a: { cx: number; cy: number }, b: { cx: number; cy: number }): string {
  const dx = b.cx - a.cx;
  const dy = b.cy - a.cy;
  const length = Math.hypot(dx, dy) || 1;
  let nx = -dy / length;
  let ny = dx / length;
  if (ny > 0 || (ny === 0 && nx > 0)) {
    nx = -nx;
    ny = -ny;
  }
  const bow = Math.min(40, 10 + length * 0.18);
  const f = (n: number) => Math.round(n * 10) / 10;
  return `M${f(a.cx)} ${f(a.cy)} Q${f((a.cx + b.cx) / 2 + nx * bow)} ${f((a.cy + b.cy) / 2 + ny * bow)} ${f(b.cx)} ${f(b.cy)}`;
}

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}
