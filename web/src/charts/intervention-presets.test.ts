import { describe, expect, it } from 'vitest';
import { interventionPresets, periodContaining } from './intervention-presets.ts';

const QUARTERS = ['2022/23 Q1', '2022/23 Q2', '2022/23 Q3', '2022/23 Q4'];

describe('periodContaining', () => {
  it.each([
    ['2022-06-22', '2022/23 Q1'], // the polio incident, in April–June
    ['2022-07-01', '2022/23 Q2'], // a quarter's first day
    ['2022-09-30', '2022/23 Q2'], // its last day
    ['2022-10-13', '2022/23 Q3'],
    ['2023-03-31', '2022/23 Q4'],
  ])('puts %s in %s', (date, period) => expect(periodContaining(QUARTERS, date)).toBe(period));

  it('finds no period for a date outside the series', () => {
    expect(periodContaining(QUARTERS, '2022-03-31')).toBeNull();
    expect(periodContaining(QUARTERS, '2023-04-01')).toBeNull();
  });

  it('works for months and weeks', () => {
    expect(periodContaining(['2022-07', '2022-08', '2022-09'], '2022-08-16')).toBe('2022-08');
    expect(periodContaining(['2022-W32', '2022-W33', '2022-W34'], '2022-08-16')).toBe('2022-W33'); // ISO week 33: 15–21 August 2022
  });
});

describe('interventionPresets', () => {
  it('maps campaign key dates, then notes, to their periods, leaving out dates outside the series', () => {
    const campaigns = [{ name: 'Polio IPV 2022', keyDates: [{ date: '2022-06-22', label: 'National incident declared' }, { date: '2022-08-16', label: 'Campaign starts' }, { date: '2023-06-05', label: 'Catch-up' }] }];
    const notes = [{ date: '2022-11-02', text: 'Outreach clinic opened' }, { date: '2021-01-01', text: 'Before the series' }];
    expect(interventionPresets(QUARTERS, campaigns, notes)).toEqual([
      { group: 'Polio IPV 2022', date: '2022-06-22', label: 'National incident declared', period: '2022/23 Q1' },
      { group: 'Polio IPV 2022', date: '2022-08-16', label: 'Campaign starts', period: '2022/23 Q2' },
      { group: 'Notes', date: '2022-11-02', label: 'Outreach clinic opened', period: '2022/23 Q3' },
    ]);
  });
});
