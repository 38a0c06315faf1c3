import { describe, expect, it } from 'vitest';
import { campaignIntervals } from './campaign-intervals.ts';

describe('campaignIntervals', () => {
  it('ends intervals on asOf and every 7 days before it; only the first is short', () => {
    expect(campaignIntervals('2022-08-16', '2022-08-31', 7)).toEqual([
      { from: '2022-08-16', date: '2022-08-17' },
      { from: '2022-08-18', date: '2022-08-24' },
      { from: '2022-08-25', date: '2022-08-31' },
    ]);
  });

  it('gives one interval per day, and one interval when asOf is the opening day', () => {
    expect(campaignIntervals('2022-12-30', '2023-01-01', 1).map((i) => i.date)).toEqual(['2022-12-30', '2022-12-31', '2023-01-01']);
    expect(campaignIntervals('2022-08-16', '2022-08-16', 7)).toEqual([{ from: '2022-08-16', date: '2022-08-16' }]);
  });

  it('rejects asOf before the opening and a bad interval', () => {
    expect(() => campaignIntervals('2022-08-16', '2022-08-15', 7)).toThrow('asOf (2022-08-15) is before the campaign opens (2022-08-16)');
    expect(() => campaignIntervals('2022-08-16', '2022-08-30', 0)).toThrow('intervalDays must be a positive integer (got 0)');
  });
});
