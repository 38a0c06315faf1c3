import { describe, expect, it } from 'vitest';
import { periodContaining, periodsBetween, periodsInRange } from './periods-in-range.ts';

const labels = (ps: { label: string }[]) => ps.map((p) => p.label);

/** Independent ISO week of a date via JavaScript's Date: the week belongs to the year of its Thursday. */
function isoWeekByDate(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  const thursday = new Date(d.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

describe('periodContaining', () => {
  it.each([
    { kind: 'iso-week', date: '2022-10-13', label: '2022-W41' }, // London polio booster take-up reported 13 October 2022
    { kind: 'iso-week', date: '2021-01-03', label: '2020-W53' },
    { kind: 'iso-week', date: '2021-01-04', label: '2021-W01' },
    { kind: 'iso-week', date: '2024-12-30', label: '2025-W01' },
    { kind: 'iso-week', date: '2027-01-01', label: '2026-W53' },
    { kind: 'month', date: '2024-02-29', label: '2024-02' },
    { kind: 'fy-quarter', date: '2024-03-31', label: '2023/24 Q4' },
    { kind: 'fy-quarter', date: '2024-04-01', label: '2024/25 Q1' },
    { kind: 'fy-quarter', date: '2023-09-30', label: '2023/24 Q2' },
    { kind: 'fy-quarter', date: '2023-10-01', label: '2023/24 Q3' },
    { kind: 'fy-quarter', date: '2023-12-31', label: '2023/24 Q3' },
    { kind: 'financial-year', date: '2024-03-31', label: '2023/24' },
    { kind: 'financial-year', date: '2024-04-01', label: '2024/25' },
    { kind: 'calendar-year', date: '2024-12-31', label: '2024' },
  ] as const)('$date is in $kind $label', ({ kind, date, label }) => {
    expect(periodContaining(kind, date).label).toBe(label);
  });

  it('agrees with an independent Date-based ISO week for every day of 2000–2030', () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(2000, 0, 1); t <= Date.UTC(2030, 11, 31); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      const week = periodContaining('iso-week', iso);
      if (week.label !== isoWeekByDate(iso) || iso < week.start || iso > week.end) mismatches.push(iso);
    }
    expect(mismatches).toEqual([]);
  });

  it.each(['2023-02-29', '2024-13-01', '2024-3-1', '2024-03-01T00:00'])('rejects the date %j, naming it', (date) => {
    expect(() => periodContaining('month', date)).toThrow(`not an ISO date like "2024-03-31": ${JSON.stringify(date)}`);
  });

  it('rejects a kind that does not tile the calendar', () => {
    expect(() => periodContaining('fy-range' as 'month', '2024-01-01')).toThrow(/not a period kind that tiles the calendar: "fy-range"/);
  });
});

describe('periodsInRange', () => {
  it('lists the four quarters of a financial year', () => {
    expect(labels(periodsInRange('2023/24', 'fy-quarter'))).toEqual(['2023/24 Q1', '2023/24 Q2', '2023/24 Q3', '2023/24 Q4']);
  });

  it('lists the months of a quarter, across the calendar year end', () => {
    expect(labels(periodsInRange('2023/24 Q4', 'month'))).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(labels(periodsInRange('2023/24 Q3', 'month'))).toEqual(['2023-10', '2023-11', '2023-12']);
  });

  it('lists the financial years of a pooled range and the years of a calendar range', () => {
    expect(labels(periodsInRange('2021/22 - 2023/24', 'financial-year'))).toEqual(['2021/22', '2022/23', '2023/24']);
    expect(labels(periodsInRange('2021 - 2023', 'calendar-year'))).toEqual(['2021', '2022', '2023']);
    expect(periodsInRange('2021/22 - 2023/24', 'fy-quarter')).toHaveLength(12);
  });

  it('tiles a financial year exactly with its months: no gap, no overlap', () => {
    const months = periodsInRange('2023/24', 'month');
    expect(months).toHaveLength(12);
    expect(months[0]?.start).toBe('2023-04-01');
    expect(months.at(-1)?.end).toBe('2024-03-31');
    expect(months.reduce((days, m) => days + (Date.parse(m.end) - Date.parse(m.start)) / 86_400_000 + 1, 0)).toBe(366); // includes 29 February 2024
  });

  it('keeps only the weeks wholly inside a month', () => {
    // 2024-W05 runs 29 January to 4 February, 2024-W09 26 February to 3 March
    expect(labels(periodsInRange('2024-02', 'iso-week'))).toEqual(['2024-W06', '2024-W07', '2024-W08']);
  });

  it('leaves out of a calendar year the weeks that straddle its ends', () => {
    const weeks = labels(periodsInRange('2020', 'iso-week'));
    expect(weeks[0]).toBe('2020-W02'); // 2020-W01 starts 30 December 2019
    expect(weeks.at(-1)).toBe('2020-W52'); // 2020-W53 ends 3 January 2021
    expect(weeks).toHaveLength(51);
  });

  it('gives nothing when no finer period fits', () => {
    expect(periodsInRange('2024-03', 'fy-quarter')).toEqual([]);
  });

  it('types the result by kind', () => {
    const quarters = periodsInRange('2023/24', 'fy-quarter');
    expect(quarters.map((q) => q.quarter)).toEqual([1, 2, 3, 4]);
  });
});

describe('periodsBetween', () => {
  it('steps ISO weeks over a 53-week year end', () => {
    expect(labels(periodsBetween('2020-W52', '2021-W02'))).toEqual(['2020-W52', '2020-W53', '2021-W01', '2021-W02']);
    expect(labels(periodsBetween('2021-W52', '2022-W01'))).toEqual(['2021-W52', '2022-W01']);
  });

  it('steps quarters over a financial year end', () => {
    expect(labels(periodsBetween('2022/23 Q4', '2023/24 Q2'))).toEqual(['2022/23 Q4', '2023/24 Q1', '2023/24 Q2']);
  });

  it('gives one period when first and last are the same', () => {
    expect(labels(periodsBetween('2024-03', '2024-03'))).toEqual(['2024-03']);
  });

  it.each([
    { first: '2024-03', last: '2024-W10', reason: /different kinds \(month, iso-week\)/ },
    { first: '2024-03', last: '2024-01', reason: /"2024-01" comes before "2024-03"/ },
    { first: '2019 - 21', last: '2020 - 22', reason: /cannot step through ranges like "2019 - 2021"/ },
  ])('rejects $first to $last', ({ first, last, reason }) => {
    expect(() => periodsBetween(first, last)).toThrow(reason);
  });
});
