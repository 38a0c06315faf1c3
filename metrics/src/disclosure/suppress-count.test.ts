import { describe, expect, it } from 'vitest';
import { suppressCount } from './suppress-count.ts';

describe('suppressCount', () => {
  it('shows a zero count as 0, unflagged', () => expect(suppressCount(0)).toEqual({ shown: 0, flag: 'none' }));

  it.each([1, 2, 3, 4, 5, 6, 7])('hides a count of %i', (count) => {
    expect(suppressCount(count)).toEqual({ shown: null, flag: 'suppressed' });
  });

  it.each([
    { count: 8, shown: 10 }, // 1.6 fives → 2
    { count: 12, shown: 10 }, // 2.4 → 2
    { count: 13, shown: 15 }, // 2.6 → 3
    { count: 10, shown: 10 }, // already a multiple of 5, still flagged: the reader cannot tell
    { count: 1002, shown: 1000 },
    { count: 1003, shown: 1005 },
    { count: 111_621, shown: 111_620 }, // London 24-month cohort 2023/24
  ])('rounds $count to $shown', ({ count, shown }) => {
    expect(suppressCount(count)).toEqual({ shown, flag: 'rounded' });
  });

  it.each([
    { count: -1, text: '-1' },
    { count: 2.5, text: '2.5' },
    { count: Number.NaN, text: 'NaN' },
    { count: Number.POSITIVE_INFINITY, text: 'Infinity' },
  ])('rejects a count of $text', ({ count, text }) => {
    expect(() => suppressCount(count)).toThrow(`count must be an integer ≥ 0 (got ${text})`);
  });
});
