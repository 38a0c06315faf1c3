import { describe, expect, it } from 'vitest';
import { discloseCumulativeSeries, roundCumulativeCount } from './disclose-cumulative-series.ts';

/** Every running count that publishes as `shown` (the rule stated in SECURITY.md, written out by hand). */
function window(shown: number | null): number[] {
  if (shown === null) return [1, 2, 3, 4, 5, 6, 7];
  if (shown === 0) return [0];
  if (shown === 10) return [8, 9, 10, 11, 12, 13, 14];
  return Array.from({ length: 10 }, (_, i) => shown - 5 + i);
}

describe('roundCumulativeCount', () => {
  it.each([[0, 0], [1, null], [7, null], [8, 10], [14, 10], [15, 20], [24, 20], [25, 30], [1234, 1230]])('%i publishes as %s', (count, shown) => {
    expect(roundCumulativeCount(count)).toBe(shown);
  });

  it('leaves every step between two published running counts at least 7 possible values (rounding to 5 would leave 5)', () => {
    let narrowest = Infinity;
    for (let before = 0; before <= 80; before++) {
      for (let step = 1; step <= 7; step++) {
        const [a, b] = [roundCumulativeCount(before), roundCumulativeCount(before + step)];
        expect(window(a)).toContain(before);
        const possible = new Set(window(a).flatMap((x) => window(b).filter((y) => y >= x).map((y) => y - x)));
        narrowest = Math.min(narrowest, possible.size);
      }
    }
    expect(narrowest).toBe(7);
  });
});

describe('discloseCumulativeSeries', () => {
  it('hides a second borough with a small one, step by step, and rounds running counts to 10 and totals to 5', () => {
    // Worked by hand: at step 2 A is 3 (hidden), so B, the smallest other borough above 0, is hidden too.
    const out = discloseCumulativeSeries([
      { id: 'A', families: ['icb'], total: 52, cumulative: [0, 3, 12] },
      { id: 'B', families: ['icb'], total: 301, cumulative: [20, 40, 60] },
      { id: 'C', families: ['icb'], total: 903, cumulative: [100, 150, 200] },
      { id: 'ICB', families: [null], total: 1256, cumulative: [120, 193, 272] },
    ]);
    expect(out).toEqual([
      { id: 'A', total: 50, cumulative: [0, null, 10] },
      { id: 'B', total: 300, cumulative: [20, null, 60] },
      { id: 'C', total: 905, cumulative: [100, 150, 200] },
      { id: 'ICB', total: 1255, cumulative: [120, 190, 270] },
    ]);
  });

  it('protects both directions: groups within an area and one group across areas', () => {
    // X-a is 5 at step 1; along areas X-b goes with it; along groups Y-a (the smaller a) goes too, then Y-b.
    const cell = (area: string, group: string, n: number) => ({ id: `${area}|${group}`, families: [`area ${area}`, `group ${group}`], total: 1000, cumulative: [n] });
    const out = discloseCumulativeSeries([cell('X', 'a', 5), cell('X', 'b', 100), cell('Y', 'a', 40), cell('Y', 'b', 60)]);
    expect(out.map((s) => s.cumulative[0])).toEqual([null, null, null, null]);
  });

  it('refuses series of different lengths', () => {
    expect(() => discloseCumulativeSeries([{ id: 'a', families: [null], total: 1, cumulative: [0] }, { id: 'b', families: [null], total: 1, cumulative: [] }])).toThrow('same number');
  });
});
