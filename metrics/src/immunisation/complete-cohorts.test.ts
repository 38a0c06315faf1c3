import { describe, expect, it } from 'vitest';
import { completeCohorts } from './complete-cohorts.ts';

describe('completeCohorts', () => {
  it.each([
    { case: '24 months on 31 March 2025: born 2022 reached it on 31 December 2024', asAt: '2025-03-31', age: 24, expected: [2020, 2021, 2022] },
    { case: '24 months on 30 December 2024: 2022 not yet', asAt: '2024-12-30', age: 24, expected: [2019, 2020, 2021] },
    { case: '5 years on 31 March 2025', asAt: '2025-03-31', age: 60, expected: [2017, 2018, 2019] },
    { case: '12 months, two cohorts', asAt: '2024-12-31', age: 12, count: 2, expected: [2022, 2023] },
  ])('$case', ({ asAt, age, count, expected }) => expect(completeCohorts(asAt, age, count)).toEqual(expected));

  it('rejects a fractional age', () => expect(() => completeCohorts('2025-03-31', 1.5)).toThrow('ageMonths must be a whole number ≥ 0 (got 1.5)'));
});
