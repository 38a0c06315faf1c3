import { describe, expect, it } from 'vitest';
import { notesByPeriod } from './notes-by-period.ts';

const points = [
  { period: '2023/24 Q3', periodStart: '2023-10-01' },
  { period: '2023/24 Q4', periodStart: '2024-01-01' },
  { period: '2024/25 Q1', periodStart: '2024-04-01' },
];

describe('notesByPeriod', () => {
  it('puts each note in the period its date falls in, first and last days included', () => {
    const notes = [
      { date: '2023-10-01', text: 'first day' },
      { date: '2023-12-31', text: 'last day of Q3' },
      { date: '2024-01-01', text: 'first day of Q4' },
      { date: '2024-05-20', text: 'in Q1' },
      { date: '2025-02-01', text: 'after the series' },
      { date: '2023-09-30', text: 'before the series' },
    ];
    expect([...notesByPeriod(points, notes)].map(([period, list]) => [period, list.map((n) => n.text)])).toEqual([
      ['2023/24 Q3', ['first day', 'last day of Q3']],
      ['2023/24 Q4', ['first day of Q4']],
      ['2024/25 Q1', ['in Q1', 'after the series']],
    ]);
  });

  it('has nothing for an empty series or no notes', () => {
    expect(notesByPeriod([], [{ date: '2024-01-01', text: 'x' }]).size).toBe(0);
    expect(notesByPeriod(points, []).size).toBe(0);
  });
});
