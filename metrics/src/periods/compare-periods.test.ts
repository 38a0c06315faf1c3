import { describe, expect, it } from 'vitest';
import { comparePeriods, containsPeriod } from './compare-periods.ts';
import { parsePeriod } from './parse-period.ts';

describe('comparePeriods', () => {
  it('orders mixed labels by first day, the shorter first when they start together', () => {
    const labels = ['2024', '2023/24', '2024-03', '2023/24 Q4', '2021/22 - 2023/24', '2022-W41', '2021 - 2023', '2023/24 Q1', '2024-01', '2023-12', '2024-W01', '2022/23'];
    expect([...labels].sort(comparePeriods)).toEqual([
      '2021 - 2023', // starts 2021-01-01
      '2021/22 - 2023/24', // 2021-04-01
      '2022/23', // 2022-04-01
      '2022-W41', // 2022-10-10
      '2023/24 Q1', // 2023-04-01, ends 2023-06-30
      '2023/24', // 2023-04-01, ends 2024-03-31
      '2023-12', // 2023-12-01
      '2024-W01', // 2024-01-01 (a Monday), ends 2024-01-07
      '2024-01', // ends 2024-01-31
      '2023/24 Q4', // ends 2024-03-31
      '2024', // ends 2024-12-31
      '2024-03', // 2024-03-01
    ]);
  });

  it.each([
    { a: '2024-01', b: '2024-W01', expected: 1 }, // both start 2024-01-01 (a Monday); the week is shorter
    { a: '2023/24 Q4', b: '2024-01', expected: 1 },
    { a: '2023/24 Q4', b: '2024', expected: -1 },
    { a: '2023/24 Q1', b: '2023/24', expected: -1 },
    { a: '2020-W53', b: '2021-W01', expected: -1 },
    { a: '2020-W53', b: '2020-12', expected: 1 },
    { a: '2022/23', b: '2022/23 Q4', expected: -1 },
    { a: '2015 - 17', b: '2015 - 2017', expected: 0 },
    { a: '2023/24', b: '2023/24', expected: 0 },
  ])('compares $a with $b as $expected', ({ a, b, expected }) => {
    expect(Math.sign(comparePeriods(a, b))).toBe(expected);
    expect(Math.sign(comparePeriods(b, a))).toBe(-expected || 0);
  });

  it('accepts parsed periods as well as labels', () => {
    expect(comparePeriods(parsePeriod('2023/24 Q3'), '2023/24 Q4')).toBeLessThan(0);
  });

  it('names a bad label', () => {
    expect(() => comparePeriods('2023/24', '2023 Q4')).toThrow(/invalid period "2023 Q4"/);
  });
});

describe('containsPeriod', () => {
  it.each([
    { outer: '2023/24', inner: '2023/24 Q4', expected: true },
    { outer: '2023/24', inner: '2024-03', expected: true },
    { outer: '2023/24', inner: '2024-04', expected: false },
    { outer: '2023/24', inner: '2023-03', expected: false },
    { outer: '2023/24', inner: '2024', expected: false },
    { outer: '2023/24 Q4', inner: '2024-02', expected: true },
    { outer: '2024-02', inner: '2024-W05', expected: false }, // 29 January to 4 February
    { outer: '2024-02', inner: '2024-W06', expected: true },
    { outer: '2020', inner: '2020-W53', expected: false }, // ends 3 January 2021
    { outer: '2021/22 - 2023/24', inner: '2022/23', expected: true },
    { outer: '2021 - 2023', inner: '2021/22', expected: true },
    { outer: '2021 - 2023', inner: '2023/24', expected: false },
    { outer: '2023/24', inner: '2023/24', expected: true },
    { outer: '2024-03', inner: '2023/24', expected: false },
  ])('$outer contains $inner: $expected', ({ outer, inner, expected }) => {
    expect(containsPeriod(outer, inner)).toBe(expected);
  });
});
