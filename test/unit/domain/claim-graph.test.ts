import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layoutClaimGraph, layoutClaimGraphNarrow, wrapText, type GraphRelation } from '../../../server/domain/claim-graph.ts';

const claim = (id: number, text = `Claim number ${id} says something checkable about the budget`) => ({
  id,
  text,
  claimantName: `Person ${id}`,
  status: 'unreviewed',
  statusLabel: 'Unreviewed',
  statusLabelFr: null,
});
const rel = (id: number, kind: string, direction: 'in' | 'out' = 'in'): GraphRelation => ({ ...claim(id), kind, direction });

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('claim graph layout', () => {
  it('puts contradictions left of the claim, confirmations and support right, answers below', () => {
    const g = layoutClaimGraph(claim(1), [rel(2, 'contradicts'), rel(3, 'confirms'), rel(4, 'supports', 'out'), rel(5, 'responds_to')]);
    const [center, ...others] = g.nodes;
    assert.equal(center!.relation, null);
    const byId = new Map(others.map((n) => [n.id, n]));
    assert.ok(byId.get(2)!.x + byId.get(2)!.width <= center!.x);
    assert.ok(byId.get(3)!.x >= center!.x + center!.width);
    assert.ok(byId.get(4)!.x >= center!.x + center!.width);
    assert.ok(byId.get(5)!.y >= center!.y + center!.height);
    for (const a of g.nodes) for (const b of g.nodes) if (a !== b) assert.ok(!overlaps(a, b), `${a.id} and ${b.id} overlap`);
    for (const n of g.nodes) assert.ok(n.x >= 0 && n.y >= 0 && n.x + n.width <= g.width && n.y + n.height <= g.height, `${n.id} inside`);
    assert.equal(g.edges.length, 4);
    assert.equal(g.hidden, 0);
  });

  it('draws each edge in the link direction: an incoming link ends on the claim, an outgoing one starts there', () => {
    const g = layoutClaimGraph(claim(1), [rel(2, 'contradicts', 'in'), rel(3, 'contradicts', 'out')]);
    const center = g.nodes[0]!;
    const ends = g.edges.map((e) => e.path.match(/M([\d.]+),([\d.]+) L([\d.]+),([\d.]+)/)!.slice(1).map(Number));
    assert.equal(ends[0]![2], center.x, 'incoming edge ends at the claim');
    assert.equal(ends[1]![0], center.x, 'outgoing edge starts at the claim');
  });

  it('keeps a claim with no relation alone and compact, and counts what it leaves out', () => {
    assert.equal(layoutClaimGraph(claim(1), []).nodes.length, 1);
    const many = layoutClaimGraph(claim(1), Array.from({ length: 9 }, (_, i) => rel(i + 2, 'contradicts')));
    assert.equal(many.nodes.length, 6);
    assert.equal(many.hidden, 4);
    assert.ok(many.width < 600, 'no empty column of room on the right');
  });

  it('wraps statements on words, within the line length, with an ellipsis when cut', () => {
    const lines = wrapText('Trump warned Lavrov against any Russian attempt to interfere in US elections and more words still', 27, 3);
    assert.equal(lines.length, 3);
    for (const l of lines) assert.ok(l.length <= 27, l);
    assert.ok(lines[2]!.endsWith('…'));
    assert.deepEqual(wrapText('Short claim'), ['Short claim']);
    assert.ok(wrapText('Supercalifragilisticexpialidocious-and-more-characters', 20, 2)[0]!.length <= 20);
  });
});

describe('claim graph layout for a phone', () => {
  it('stacks contradictions above the claim and confirmations below, in one column without overlaps', () => {
    const g = layoutClaimGraphNarrow(claim(1), [rel(2, 'contradicts'), rel(3, 'confirms'), rel(4, 'contradicts', 'out'), rel(5, 'responds_to')]);
    const [center, ...others] = g.nodes;
    const byId = new Map(others.map((n) => [n.id, n]));
    assert.ok(byId.get(2)!.y + byId.get(2)!.height <= center!.y);
    assert.ok(byId.get(4)!.y + byId.get(4)!.height <= center!.y);
    assert.ok(byId.get(3)!.y >= center!.y + center!.height);
    assert.ok(byId.get(5)!.y >= center!.y + center!.height);
    assert.ok(g.width <= 360, 'fits a phone');
    for (const a of g.nodes) for (const b of g.nodes) if (a !== b) assert.ok(!overlaps(a, b), `${a.id} and ${b.id} overlap`);
    for (const n of g.nodes) assert.ok(n.y + n.height <= g.height);
    assert.equal(g.edges.length, 4);
  });
});
