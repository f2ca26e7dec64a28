// The claim graph on the claim page: the claim in the middle, what contradicts it on one side,
// what confirms or supports it on the other, other relations below. Laid out here, on the
// server, so the SVG needs no script and the same numbers can be tested.

export type GraphClaim = {
  id: number;
  text: string;
  claimantName: string | null;
  status: string;
  statusLabel: string;
  statusLabelFr: string | null;
  language?: string | null;
};

export type GraphRelation = GraphClaim & { kind: string; direction: 'in' | 'out' };

export type GraphNode = GraphClaim & {
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
  /** null for the claim the page is about. */
  relation: { kind: string; direction: 'in' | 'out' } | null;
};

export type GraphEdge = {
  kind: string;
  direction: 'in' | 'out';
  /** SVG path from the link's source claim to its target, ending at the target's border. */
  path: string;
};

export type ClaimGraph = {
  width: number;
  height: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Relations left out to keep the drawing readable, by kind (the lists beside it have them all). */
  hidden: number;
};

const MARGIN = 8;
const COLUMN_GAP = 60;
const NODE_WIDTH = 210;
const CENTER_WIDTH = 250;
// About 7 px a character at the drawing's 13 px type, inside the boxes' padding.
const CHARS_PER_LINE = 27;
const MAX_LINES = 3;
const LINE_HEIGHT = 16;
const PADDING = 10;
const GAP = 14;
const PER_COLUMN = 5;
const BELOW = 3;

/** The statement cut into at most MAX_LINES lines of about CHARS_PER_LINE characters, on word boundaries. */
export function wrapText(text: string, chars = CHARS_PER_LINE, maxLines = MAX_LINES): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= chars || !line) {
      line = next.length > chars ? next.slice(0, chars - 1) + '…' : next;
      continue;
    }
    lines.push(line);
    line = word.length > chars ? word.slice(0, chars - 1) + '…' : word;
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines && line) lines.push(line);
  else if (lines.length === maxLines) {
    const last = lines[maxLines - 1]!;
    lines[maxLines - 1] = (last.length >= chars - 1 ? last.slice(0, chars - 2) : last) + '…';
  }
  return lines;
}

// Height: the relation (related claims only), the claimant, the statement's lines, the status.
const heightOf = (lines: string[], related = true) => PADDING * 2 + LINE_HEIGHT * (lines.length + (related ? 3 : 2)) + 4;

const side = (r: GraphRelation): 'left' | 'right' | 'below' =>
  r.kind === 'contradicts' ? 'left' : r.kind === 'confirms' || r.kind === 'supports' || r.kind === 'same_as' ? 'right' : 'below';

/** Lays out the claim and its related claims; a claim related in several ways appears once per relation. */
export function layoutClaimGraph(center: GraphClaim, related: GraphRelation[]): ClaimGraph {
  const columns = { left: [] as GraphRelation[], right: [] as GraphRelation[], below: [] as GraphRelation[] };
  for (const r of related) columns[side(r)].push(r);
  const shown = {
    left: columns.left.slice(0, PER_COLUMN),
    right: columns.right.slice(0, PER_COLUMN),
    below: columns.below.slice(0, BELOW),
  };
  const hidden = related.length - shown.left.length - shown.right.length - shown.below.length;

  const stackHeight = (rs: GraphRelation[]) =>
    rs.reduce((sum, r) => sum + heightOf(wrapText(r.text)), 0) + Math.max(0, rs.length - 1) * GAP;
  const centerLines = wrapText(center.text, 29, 5);
  const centerHeight = heightOf(centerLines, false);
  const upper = Math.max(stackHeight(shown.left), stackHeight(shown.right), centerHeight);
  const top = 12;
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  // Only the columns in use take room, so a claim with contradictions only is not drawn off-centre.
  const leftWidth = shown.left.length ? NODE_WIDTH + COLUMN_GAP : 0;
  const rightWidth = shown.right.length ? NODE_WIDTH + COLUMN_GAP : 0;
  const belowWidth = shown.below.length * NODE_WIDTH + Math.max(0, shown.below.length - 1) * GAP;
  const width = Math.max(MARGIN * 2 + leftWidth + CENTER_WIDTH + rightWidth, MARGIN * 2 + belowWidth);
  const centerX = MARGIN + leftWidth + (width - MARGIN * 2 - leftWidth - rightWidth - CENTER_WIDTH) / 2;

  const centerNode: GraphNode = {
    ...center,
    x: centerX,
    y: top + (upper - centerHeight) / 2,
    width: CENTER_WIDTH,
    height: centerHeight,
    lines: centerLines,
    relation: null,
  };
  nodes.push(centerNode);

  const place = (rs: GraphRelation[], x: number, startY: number, at: 'left' | 'right') => {
    let y = startY;
    rs.forEach((r, i) => {
      const lines = wrapText(r.text);
      const node: GraphNode = { ...r, x, y, width: NODE_WIDTH, height: heightOf(lines), lines, relation: { kind: r.kind, direction: r.direction } };
      nodes.push(node);
      // Edges fan out from the centre's side, one anchor each, so none crosses a box.
      const anchorY = centerNode.y + (centerNode.height * (i + 1)) / (rs.length + 1);
      const nodePoint: Point = [at === 'left' ? x + NODE_WIDTH : x, y + node.height / 2];
      const centerPoint: Point = [at === 'left' ? centerNode.x : centerNode.x + CENTER_WIDTH, anchorY];
      edges.push(edge(nodePoint, centerPoint, r));
      y += node.height + GAP;
    });
  };
  place(shown.left, MARGIN, top + (upper - stackHeight(shown.left)) / 2, 'left');
  place(shown.right, width - MARGIN - NODE_WIDTH, top + (upper - stackHeight(shown.right)) / 2, 'right');

  let height = top + upper + 12;
  if (shown.below.length) {
    const belowY = top + upper + 56;
    let x = (width - belowWidth) / 2;
    let tallest = 0;
    shown.below.forEach((r, i) => {
      const lines = wrapText(r.text);
      const node: GraphNode = { ...r, x, y: belowY, width: NODE_WIDTH, height: heightOf(lines), lines, relation: { kind: r.kind, direction: r.direction } };
      nodes.push(node);
      const anchorX = centerNode.x + (CENTER_WIDTH * (i + 1)) / (shown.below.length + 1);
      edges.push(edge([x + NODE_WIDTH / 2, belowY], [anchorX, centerNode.y + centerNode.height], r));
      x += NODE_WIDTH + GAP;
      tallest = Math.max(tallest, node.height);
    });
    height = belowY + tallest + 12;
  }
  return { width: Math.ceil(width), height: Math.ceil(height), nodes, edges, hidden };
}

type Point = [number, number];

const round = (n: number) => Math.round(n * 10) / 10;

/** An edge drawn in the link's own direction: 'in' runs from the related claim to the centre. */
function edge(nodePoint: Point, centerPoint: Point, r: GraphRelation): GraphEdge {
  const [[x1, y1], [x2, y2]] = r.direction === 'in' ? [nodePoint, centerPoint] : [centerPoint, nodePoint];
  return { kind: r.kind, direction: r.direction, path: `M${round(x1)},${round(y1)} L${round(x2)},${round(y2)}` };
}

const NARROW_WIDTH = 340;
const NARROW_NODE = 300;

/**
 * The same graph for a phone: one column, what contradicts the claim above it, what confirms
 * or supports it below, other relations last. Same nodes and edges, drawn top to bottom.
 */
export function layoutClaimGraphNarrow(center: GraphClaim, related: GraphRelation[]): ClaimGraph {
  const groups = { left: [] as GraphRelation[], right: [] as GraphRelation[], below: [] as GraphRelation[] };
  for (const r of related) groups[side(r)].push(r);
  const above = groups.left.slice(0, PER_COLUMN);
  const under = [...groups.right.slice(0, PER_COLUMN), ...groups.below.slice(0, BELOW)];
  const hidden = related.length - above.length - under.length;
  const x = (NARROW_WIDTH - NARROW_NODE) / 2;
  // About 37 characters fit the wider boxes.
  const chars = Math.floor((CHARS_PER_LINE * (NARROW_NODE - 20)) / (NODE_WIDTH - 20));
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  let y = 12;
  const stack = (r: GraphRelation) => {
    const lines = wrapText(r.text, chars);
    const node: GraphNode = { ...r, x, y, width: NARROW_NODE, height: heightOf(lines), lines, relation: { kind: r.kind, direction: r.direction } };
    y += node.height + GAP;
    return node;
  };
  const top = above.map(stack);
  y += 30;
  const centerLines = wrapText(center.text, chars - 2, 5);
  const centerNode: GraphNode = { ...center, x, y, width: NARROW_NODE, height: heightOf(centerLines, false), lines: centerLines, relation: null };
  y += centerNode.height + GAP + 30;
  const bottom = under.map(stack);
  const anchor = (i: number, n: number) => x + (NARROW_NODE * (i + 1)) / (n + 1);
  top.forEach((node, i) => {
    const r = node.relation!;
    edges.push(edge([anchor(i, top.length), node.y + node.height], [anchor(i, top.length), centerNode.y], { ...node, ...r }));
  });
  bottom.forEach((node, i) => {
    const r = node.relation!;
    edges.push(edge([anchor(i, bottom.length), node.y], [anchor(i, bottom.length), centerNode.y + centerNode.height], { ...node, ...r }));
  });
  nodes.push(centerNode, ...top, ...bottom);
  return { width: NARROW_WIDTH, height: Math.ceil(y - GAP + 12), nodes, edges, hidden };
}
