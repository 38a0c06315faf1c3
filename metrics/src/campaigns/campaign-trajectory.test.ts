import { describe, expect, it } from 'vitest';
import { trajectoryUptake } from './campaign-trajectory.ts';

const target = { uptake: 50, by: '2023-03-31' };

describe('trajectoryUptake', () => {
  // 2022-09-12 to 2023-03-31 is 200 days (18 + 31 + 30 + 31 + 31 + 28 + 31).
  it.each([
    { case: 'before the start', start: '2022-09-12', date: '2022-09-01', expected: 0 },
    { case: 'on the start', start: '2022-09-12', date: '2022-09-12', expected: 0 },
    { case: '31 of 200 days', start: '2022-09-12', date: '2022-10-13', expected: 7.75 },
    { case: 'priority start, 58 of 227 days', start: '2022-08-16', date: '2022-10-13', expected: (50 * 58) / 227 },
    { case: 'on the target date', start: '2022-09-12', date: '2023-03-31', expected: 50 },
    { case: 'after the target date', start: '2022-09-12', date: '2023-06-01', expected: 50 },
  ])('$case', ({ start, date, expected }) => expect(trajectoryUptake(target, start, date)).toBeCloseTo(expected, 12));
});
