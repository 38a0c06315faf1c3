import { describe, expect, it } from 'vitest';
import { firstWeekEnd, lastWeekEnd } from './campaign-week-grid.ts';

describe('campaign week grid', () => {
  // Weekdays from a calendar: 13 October 2022 was a Thursday, 9 October a Sunday, 16 August a Tuesday.
  it.each([
    { date: '2022-10-13', weekday: 'sunday', last: '2022-10-09', first: '2022-10-16' },
    { date: '2022-10-09', weekday: 'sunday', last: '2022-10-09', first: '2022-10-09' },
    { date: '2022-10-13', weekday: 'thursday', last: '2022-10-13', first: '2022-10-13' },
    { date: '2022-10-13', weekday: 'friday', last: '2022-10-07', first: '2022-10-14' },
    { date: '2022-08-16', weekday: 'monday', last: '2022-08-15', first: '2022-08-22' },
    { date: '2024-03-01', weekday: 'wednesday', last: '2024-02-28', first: '2024-03-06' },
  ] as const)('$date with weeks ending on $weekday', ({ date, weekday, last, first }) => {
    expect(lastWeekEnd(date, weekday)).toBe(last);
    expect(firstWeekEnd(date, weekday)).toBe(first);
  });
});
