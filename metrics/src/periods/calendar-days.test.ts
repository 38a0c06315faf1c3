import { describe, expect, it } from 'vitest';
import { dayNumber, daysInMonth, isoDateOf, isoWeeksInYear, parseIsoDate, weekdayIndex } from './calendar-days.ts';

describe('calendar day arithmetic', () => {
  it('matches JavaScript Date (UTC) for every day of 1900–2100', () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) {
      const d = new Date(t);
      const iso = d.toISOString().slice(0, 10);
      const n = dayNumber(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
      if (n !== t / 86_400_000 || isoDateOf(n) !== iso || parseIsoDate(iso) !== n || weekdayIndex(n) !== (d.getUTCDay() + 6) % 7) mismatches.push(iso);
    }
    expect(mismatches).toEqual([]);
  });

  // Years with 53 ISO weeks: those starting on a Thursday, or leap years starting on a Wednesday.
  it('finds the 53-week ISO years of 2000–2040', () => {
    const long = Array.from({ length: 41 }, (_, i) => 2000 + i).filter((y) => isoWeeksInYear(y) === 53);
    expect(long).toEqual([2004, 2009, 2015, 2020, 2026, 2032, 2037]);
  });

  it.each([
    { year: 2024, month: 2, days: 29 },
    { year: 2023, month: 2, days: 28 },
    { year: 2000, month: 2, days: 29 },
    { year: 2100, month: 2, days: 28 },
    { year: 2024, month: 4, days: 30 },
    { year: 2024, month: 12, days: 31 },
  ])('$year-$month has $days days', ({ year, month, days }) => expect(daysInMonth(year, month)).toBe(days));

  it.each(['2023-02-29', '2024-04-31', '2024-00-10', '24-01-01', ''])('rejects %j, naming it', (bad) => {
    expect(() => parseIsoDate(bad)).toThrow(`not an ISO date like "2024-03-31": ${JSON.stringify(bad)}`);
  });
});
