import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Eta } from 'eta';
import { viewsDir } from '../../../server/http/render.ts';
import { CHART, layoutChart, type ChartItem } from '../../../server/domain/timeline-chart.ts';
import { formatDateParts, translator } from '../../../server/i18n/index.ts';
import { parse, textOf } from '../../support/html.ts';

const item = (id: string, lane: string, date: string | null, extra: Partial<ChartItem> = {}): ChartItem => ({
  id,
  lane,
  date,
  precision: date ? 'day' : null,
  shape: 'circle',
  label: { key: 'readers.chart.claim', params: { who: 'Someone' } },
  ...extra,
});

const lanes = [
  { key: 'a', label: { text: 'Sergey Lavrov' } },
  { key: 'b', label: { text: 'White House' } },
  { key: 'empty', label: { text: 'Nobody' } },
];

describe('layoutChart', () => {
  it('gives one column per known date in time order, then one for unknown dates', () => {
    const chart = layoutChart({
      lanes,
      items: [item('x', 'a', '2019-12-11'), item('y', 'b', null), item('z', 'b', '2019-12-10'), item('w', 'a', '2017-05-01', { precision: 'month' })],
    });
    assert.deepEqual(
      chart.columns.map((c) => c.date),
      ['2017-05-01', '2019-12-10', '2019-12-11', null],
    );
    assert.deepEqual(
      chart.columns.map((c) => c.isBreakBefore),
      [false, true, false, true],
      'a break where time jumps, and before the unknown column',
    );
    const x = (id: string) => chart.marks.find((m) => m.id === id)!.cx;
    assert.ok(x('w') < x('z') && x('z') < x('x') && x('x') < x('y'));
  });

  it('draws only the lanes that have marks, each mark in its lane', () => {
    const chart = layoutChart({ lanes, items: [item('x', 'a', '2019-12-10'), item('y', 'b', '2019-12-10')] });
    assert.deepEqual(
      chart.lanes.map((l) => l.key),
      ['a', 'b'],
    );
    for (const m of chart.marks) {
      const lane = chart.lanes.find((l) => l.key === m.lane)!;
      assert.ok(m.cy > lane.y && m.cy < lane.y + lane.height, `${m.id} inside its lane`);
    }
  });

  it('wraps a crowded day onto more rows of its lane instead of overflowing the column', () => {
    const many = Array.from({ length: 9 }, (_, i) => item(`m${i}`, 'a', '2019-12-10'));
    const chart = layoutChart({ lanes, items: many });
    const column = chart.columns[0]!;
    for (const m of chart.marks) assert.ok(m.cx - m.r >= column.x && m.cx + m.r <= column.x + column.width, `${m.id} within its column`);
    assert.ok(new Set(chart.marks.map((m) => m.cy)).size > 1);
    assert.ok(chart.lanes[0]!.height > 2 * CHART.lanePadding + CHART.markSpacing);
  });

  it('joins linked marks and skips links to marks not drawn', () => {
    const chart = layoutChart({
      lanes,
      items: [item('x', 'a', '2019-12-10'), item('y', 'b', '2019-12-11')],
      edges: [
        { from: 'x', to: 'y', kind: 'contradicts' },
        { from: 'x', to: 'gone', kind: 'confirms' },
      ],
    });
    assert.equal(chart.edges.length, 1);
    assert.match(chart.edges[0]!.path, /^M[\d.]+ [\d.]+ Q[\d.-]+ [\d.-]+ [\d.]+ [\d.]+$/);
  });
});

describe('the timeline chart view', () => {
  const eta = new Eta({ views: viewsDir, autoEscape: true, autoTrim: [false, 'nl'] });
  const t = translator('en');
  const render = (chart: ReturnType<typeof layoutChart>) =>
    eta.render('/partials/timeline-chart', {
      chart,
      chartLabel: 'Timeline chart',
      chartCaption: 'Caption',
      t,
      msg: (m: { key: string; params: Record<string, string> }) => t(m.key, m.params),
      dateParts: (iso: string, precision: 'day' | 'month' | 'year') => formatDateParts(iso, 'en', precision),
    });

  it('renders an SVG with a labelled column per date, a lane label per lane and a linked mark per item', () => {
    const chart = layoutChart({
      lanes,
      items: [
        item('x', 'a', '2019-12-10', { href: '/claims/3', status: 'false', detail: 'Lavrov did not receive a warning' }),
        item('y', 'b', null, { href: '/claims/1', shape: 'square' }),
      ],
    });
    const doc = parse(`<div>${render(chart)}</div>`);
    const svg = doc.querySelector('svg')!;
    assert.equal(svg.getAttribute('aria-hidden'), 'true', 'the list beside it is the accessible version');
    assert.equal(svg.getAttribute('viewBox'), `0 0 ${chart.width} ${chart.height}`);
    assert.deepEqual(
      [...doc.querySelectorAll('.col-label')].map((l) => [...l.querySelectorAll('tspan')].map(textOf).join(' ')),
      ['Tue 10 Dec 2019', 'Date unknown'],
    );
    assert.deepEqual(
      [...doc.querySelectorAll('.lane-label')].map(textOf),
      ['Sergey Lavrov', 'White House'],
    );
    const links = [...doc.querySelectorAll('svg a')];
    assert.deepEqual(
      links.map((a) => a.getAttribute('href')),
      ['/claims/3', '/claims/1'],
    );
    for (const a of links) assert.equal(a.getAttribute('tabindex'), '-1');
    assert.equal(links[0]!.querySelector('circle')!.getAttribute('class'), 'mark shape-circle status-false');
    assert.ok(links[1]!.querySelector('rect.mark'));
    assert.equal(textOf(links[0]!.querySelector('title')), 'Claim by Someone — Lavrov did not receive a warning');
  });

  it('escapes every text it draws', () => {
    const chart = layoutChart({
      lanes: [{ key: 'a', label: { text: '<script>alert(1)</script>' } }],
      items: [item('x', 'a', '2019-12-10', { detail: '</title><script>alert(2)</script>' })],
    });
    const html = render(chart);
    assert.doesNotMatch(html, /<script>/);
    assert.match(html, /&lt;script&gt;/);
  });

  it('draws nothing when there is nothing dated or undated to show', () => {
    assert.equal(render(layoutChart({ lanes, items: [] })).trim(), '');
  });
});
