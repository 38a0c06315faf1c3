import { describe, expect, it } from 'vitest';
import { discloseBreakdownStars, type BreakdownCell } from './disclose-breakdown-stars.ts';

const star = (name: string, total: number, groups: Record<string, readonly number[]>): BreakdownCell[] => [
  { star: name, breakdown: 'total', count: total },
  ...Object.entries(groups).flatMap(([breakdown, counts]) => counts.map((count) => ({ star: name, breakdown, count }))),
];

// Expected counts are worked by hand: 1–7 hidden, others rounded to the nearest 5, complements the smallest count above 0.
describe('discloseBreakdownStars', () => {
  it('hides the smallest other group as the complement of a lone hidden one, and rounds the rest', () => {
    // 60 = 3 + 12 + 20 + 25: 60 − 20 − 25 − 12 would give the 3 away; 12 is the cheapest complement.
    expect(discloseBreakdownStars(star('Hackney 2024-01', 60, { ethnicity: [3, 12, 20, 25] }))).toEqual([60, null, null, 20, 25]);
  });

  it('protects each breakdown of a star against the same total', () => {
    // Sex 4 + 48 = 52: both hidden (48 is the only complement). Quintiles 30 + 22: nothing to hide.
    expect(discloseBreakdownStars(star('s', 52, { sex: [4, 48], deprivation: [30, 22] }))).toEqual([50, null, null, 30, 20]);
  });

  it('hides a third group when two hidden ones would be narrowed to 5 values or fewer', () => {
    // 20 = 2 + 2 + 8 + 8: with only the 2s hidden each is 1 to 22 − 8 − 8 − 1 = 5; one 8 goes too (the first listed).
    expect(discloseBreakdownStars(star('s', 20, { deprivation: [2, 2, 8, 8] }))).toEqual([20, null, null, null, 10]);
  });

  it('needs no complement in a star whose total is 1–7: all its cells are hidden', () => {
    expect(discloseBreakdownStars(star('s', 6, { sex: [4, 2], ethnicity: [6] }))).toEqual([null, null, null, null]);
  });

  it('keeps stars apart: a hidden cell in one changes nothing in another', () => {
    const cells = [...star('a', 40, { sex: [20, 20] }), ...star('b', 40, { sex: [35, 5] })];
    expect(discloseBreakdownStars(cells)).toEqual([40, 20, 20, 40, null, null]);
  });

  it('refuses a star with hidden cells and no total', () => {
    expect(() => discloseBreakdownStars([{ star: 'x', breakdown: 'sex', count: 3 }])).toThrow('star x needs one total cell (got 0)');
  });
});
