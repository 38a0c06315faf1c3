import { describe, expect, it } from 'vitest';
import { quintiles } from './quintiles.ts';

const sizes = (qs: readonly (number | null)[]) => [1, 2, 3, 4, 5].map((q) => qs.filter((x) => x === q).length);

describe('quintiles', () => {
  it('puts five distinct values in quintiles 1 to 5, lowest first', () => {
    expect(quintiles([50, 10, 40, 20, 30])).toEqual([5, 1, 4, 2, 3]);
  });

  it('puts the highest values in quintile 1 when asked for highest-first', () => {
    expect(quintiles([50, 10, 40, 20, 30], { order: 'highest-first' })).toEqual([1, 5, 2, 4, 3]);
  });

  it('puts two of ten distinct values in each quintile', () => {
    // n = 10: quintile = 6 − ⌈(11 − rank)/2⌉ → ranks 1,2 → 1; 3,4 → 2; 5,6 → 3; 7,8 → 4; 9,10 → 5
    expect(quintiles([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it('gives tied values the quintile of the lowest rank they share', () => {
    // sorted 1,1,2,3,3,4,5,5,6,9; min ranks 1,1,3,4,4,6,7,7,9,10
    // 6 − ⌈(11 − r)/2⌉: r=1 → 6−5 = 1; r=3 → 6−4 = 2; r=4 → 6−⌈3.5⌉ = 2; r=6 → 6−⌈2.5⌉ = 3; r=7 → 6−2 = 4; r=9,10 → 5
    expect(quintiles([3, 1, 4, 1, 5, 9, 2, 6, 5, 3])).toEqual([2, 1, 3, 1, 4, 5, 2, 5, 4, 2]);
  });

  it('splits seven values 2, 1, 2, 1, 1', () => {
    // 6 − ⌈5(8 − r)/7⌉: r=1 → 6−5; r=2 → 6−⌈4.29⌉; r=3 → 6−⌈3.57⌉; r=4 → 6−⌈2.86⌉; r=5 → 6−⌈2.14⌉; r=6 → 6−⌈1.43⌉; r=7 → 6−⌈0.71⌉
    expect(quintiles([1, 2, 3, 4, 5, 6, 7])).toEqual([1, 1, 2, 3, 3, 4, 5]);
  });

  it('splits the 33 London boroughs 7, 7, 6, 7, 6', () => {
    // 6 − ⌈5(34 − r)/33⌉ is 5 for r ≥ 28, 4 for 21–27, 3 for 15–20, 2 for 8–14, 1 for 1–7
    const values = Array.from({ length: 33 }, (_, i) => 60 + i * 0.7);
    expect(sizes(quintiles(values))).toEqual([7, 7, 6, 7, 6]);
  });

  it('puts equal values all in quintile 1', () => {
    expect(quintiles([4, 4, 4, 4, 4, 4])).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('leaves missing values out of the ranking and gives them null', () => {
    expect(quintiles([null, 10, 20, null, 30, 40, 50])).toEqual([null, 1, 2, null, 3, 4, 5]);
  });

  it('assigns no quintiles to fewer than five values', () => {
    expect(quintiles([1, 2, 3, 4, null])).toEqual([null, null, null, null, null]);
    expect(quintiles([])).toEqual([]);
  });

  it('rejects a value that is not a finite number, naming its index', () => {
    expect(() => quintiles([1, 2, Number.NaN, 4, 5])).toThrow('values must be finite numbers or null (got NaN at index 2)');
  });

  it('rejects an unknown order', () => {
    expect(() => quintiles([1, 2, 3, 4, 5], { order: 'up' as 'lowest-first' })).toThrow('order must be lowest-first or highest-first (got up)');
  });
});
