import { describe, expect, it } from 'vitest';
import { coverage, daysWon, madeAtOf, newestOver, stampFromTime, type HeldPeriod } from '../../shared/domain/statsPeriods';

// Which package's facts the hub holds for each day: the newest package covering it.

const held = (packageId: string, from: string, to: string, stamp: string, contactPointId = 'cp-a'): HeldPeriod => ({ packageId, contactPointId, from, to, stamp, generation: 1 });
const at = (iso: string) => stampFromTime(iso);

describe('the days a statistics package is the newest for', () => {
  const year = held('year', '2024-01-01', '2024-12-31', at('2024-05-01T00:00:00Z'));
  const h1 = held('h1', '2024-01-01', '2024-06-30', at('2024-07-01T00:00:00Z'));

  it('a package newer than everything held wins its whole period', () => {
    expect(daysWon({ from: '2024-01-01', to: '2024-12-31' }, at('2024-08-01T00:00:00Z'), [year, h1])).toEqual([{ from: '2024-01-01', to: '2024-12-31' }]);
  });

  it('a package older than one held for part of its period wins the rest only, on either side', () => {
    const mid = held('mid', '2024-03-01', '2024-03-31', at('2024-06-01T00:00:00Z'));
    expect(daysWon({ from: '2024-01-01', to: '2024-12-31' }, at('2024-05-15T00:00:00Z'), [year, mid])).toEqual([
      { from: '2024-01-01', to: '2024-02-29' },
      { from: '2024-04-01', to: '2024-12-31' },
    ]);
  });

  it('a package older for all its days wins none, and names the newest package held over them', () => {
    const q1 = { from: '2024-01-01', to: '2024-03-31' };
    expect(daysWon(q1, at('2024-04-01T00:00:00Z'), [year, h1])).toEqual([]);
    expect(newestOver(q1, at('2024-04-01T00:00:00Z'), [year, h1])?.packageId).toBe('h1');
    expect(madeAtOf(h1.stamp)).toBe('2024-07-01T00:00:00.000Z');
  });

  it('lists per contact point the ranges of days and the package they come from, within the report’s period', () => {
    const b = held('b', '2024-02-01', '2024-02-29', at('2024-03-01T00:00:00Z'), 'cp-b');
    expect(coverage([year, h1, b], { from: '2024-06-01', to: '2024-12-31' }).map((c) => [c.contactPointId, c.packageId, c.from, c.to])).toEqual([
      ['cp-a', 'h1', '2024-06-01', '2024-06-30'],
      ['cp-a', 'year', '2024-07-01', '2024-12-31'],
    ]);
    // Neighbouring periods of one package are one range; a gap stays a gap.
    const jan = held('jan', '2024-01-01', '2024-01-31', at('2024-02-01T00:00:00Z'));
    const mar = held('mar', '2024-03-01', '2024-03-31', at('2024-04-01T00:00:00Z'));
    expect(coverage([jan, mar, b], { from: '2024-01-01', to: '2024-12-31' }).map((c) => [c.contactPointId, c.from, c.to])).toEqual([
      ['cp-a', '2024-01-01', '2024-01-31'],
      ['cp-a', '2024-03-01', '2024-03-31'],
      ['cp-b', '2024-02-01', '2024-02-29'],
    ]);
  });
});
