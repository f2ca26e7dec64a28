import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupByDay, sortTimeline, type TimelineEntry } from '../../../server/domain/timeline.ts';

const entry = (kind: TimelineEntry['kind'], date: string | null, precision: TimelineEntry['precision'] = 'day', at?: Date, name: string = kind) =>
  ({ kind, date, precision, at, label: { key: name, params: {} } }) as TimelineEntry;

describe('sortTimeline', () => {
  it('orders by date, and on one day: the event, the statement, reports, responses, then verdicts', () => {
    const { dated } = sortTimeline([
      entry('verdict', '2019-12-10', 'day', new Date('2019-12-10T18:00:00Z')),
      entry('linked', '2019-12-11'),
      entry('linked', '2019-12-10'),
      entry('reported', '2019-12-10'),
      entry('made', '2019-12-10'),
      entry('event', '2019-12-10'),
    ]);
    assert.deepEqual(
      dated.map((e) => `${e.date} ${e.kind}`),
      ['2019-12-10 event', '2019-12-10 made', '2019-12-10 reported', '2019-12-10 linked', '2019-12-10 verdict', '2019-12-11 linked'],
    );
  });

  it('keeps two verdicts of one day in the order they were published', () => {
    const { dated } = sortTimeline([
      entry('verdict', '2019-12-12', 'day', new Date('2019-12-12T16:30:00Z'), 'second'),
      entry('verdict', '2019-12-12', 'day', new Date('2019-12-12T09:00:00Z'), 'first'),
    ]);
    assert.deepEqual(
      dated.map((e) => e.label.key),
      ['first', 'second'],
    );
  });

  it('keeps the given order of responses of one day (the editor’s order of links)', () => {
    const { dated } = sortTimeline([entry('linked', '2019-12-10', 'day', undefined, 'a'), entry('linked', '2019-12-10', 'day', undefined, 'b')]);
    assert.deepEqual(
      dated.map((e) => e.label.key),
      ['a', 'b'],
    );
  });

  it('keeps undated entries apart instead of inventing a date', () => {
    const { dated, undated } = sortTimeline([entry('reported', null, null), entry('made', '2019-12-10')]);
    assert.equal(dated.length, 1);
    assert.equal(undated.length, 1);
    assert.equal(undated[0]?.date, null);
  });

  it('puts a month before the days of that month, and a year before both', () => {
    const { dated } = sortTimeline([entry('made', '2017-05-01', 'day'), entry('event', '2017-05-01', 'month'), entry('linked', '2017-01-01', 'year')]);
    assert.deepEqual(
      dated.map((e) => e.precision),
      ['year', 'month', 'day'],
    );
  });
});

describe('groupByDay', () => {
  it('gives one group per day and precision, in the sorted order', () => {
    const { dated } = sortTimeline([
      entry('linked', '2019-12-11'),
      entry('made', '2019-12-10'),
      entry('event', '2019-12-10'),
      entry('event', '2019-12-01', 'month'),
    ]);
    const days = groupByDay(dated);
    assert.deepEqual(
      days.map((d) => [d.date, d.precision, d.entries.map((e) => e.kind).join('+')]),
      [
        ['2019-12-01', 'month', 'event'],
        ['2019-12-10', 'day', 'event+made'],
        ['2019-12-11', 'day', 'linked'],
      ],
    );
  });
});
