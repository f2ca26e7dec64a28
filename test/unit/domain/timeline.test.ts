import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sortTimeline, type TimelineEntry } from '../../../server/domain/timeline.ts';

const entry = (kind: TimelineEntry['kind'], date: string | null, precision: TimelineEntry['precision'] = 'day', at?: Date) =>
  ({ kind, date, precision, at, label: { key: kind, params: {} } }) as TimelineEntry;

describe('sortTimeline', () => {
  it('orders by date, and on one day puts the event first and verdicts last', () => {
    const { dated } = sortTimeline([
      entry('verdict', '2019-12-10', 'day', new Date('2019-12-10T18:00:00Z')),
      entry('linked', '2019-12-11'),
      entry('reported', '2019-12-10'),
      entry('made', '2019-12-10'),
      entry('event', '2019-12-10'),
    ]);
    assert.deepEqual(
      dated.map((e) => `${e.date} ${e.kind}`),
      ['2019-12-10 event', '2019-12-10 made', '2019-12-10 reported', '2019-12-10 verdict', '2019-12-11 linked'],
    );
  });

  it('keeps undated entries apart instead of inventing a date', () => {
    const { dated, undated } = sortTimeline([entry('reported', null, null), entry('made', '2019-12-10')]);
    assert.equal(dated.length, 1);
    assert.equal(undated.length, 1);
    assert.equal(undated[0]?.date, null);
  });

  it('puts a month before the days of that month', () => {
    const { dated } = sortTimeline([entry('made', '2017-05-01', 'day'), entry('event', '2017-05-01', 'month')]);
    assert.deepEqual(
      dated.map((e) => e.precision),
      ['month', 'day'],
    );
  });
});
