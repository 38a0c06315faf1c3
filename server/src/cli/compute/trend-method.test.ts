import { describe, expect, it } from 'vitest';
import { runCompute } from './compute-test-helpers.ts';

const HEADER = ['series', 'period', 'numerator', 'denominator'];

type Counts = readonly (readonly [number | null, number | null])[];

const rowsOf = (series: string, counts: Counts) => counts.map(([r, n], i) => [series, `2024-0${i + 1}`, r, n]);
const per100 = (...numerators: number[]): Counts => numerators.map((r) => [r, 100] as const);

// χ² for trend by hand (t = 1…5, N = Σn, R = Σr): χ² = N(N·Σrt − R·Σnt)² / (R(N − R)(N·Σnt² − (Σnt)²)), significant above
// 9.5495 (χ², 1 df, 99.8 %).
const CASES = [
  // N = 500, R = 100, Σrt = 350, Σnt = 1500, Σnt² = 5500: χ² = 500 · 25 000² / (100 · 400 · 500 000) = 15.625.
  { series: 'rising', counts: per100(10, 15, 20, 25, 30), trend: 'increasing' },
  // The same reversed: N·Σrt − R·Σnt = −25 000, χ² = 15.625.
  { series: 'falling', counts: per100(30, 25, 20, 15, 10), trend: 'decreasing' },
  // R = 70, Σrt = 230: N·Σrt − R·Σnt = 10 000, χ² = 500 · 10⁸ / (70 · 430 · 500 000) = 3.32.
  { series: 'gentle', counts: per100(10, 12, 14, 16, 18), trend: 'no-significant-change' },
  // Only the last five periods count: the first two (0 % and 100 %) would otherwise dominate; 15.625 as above.
  { series: 'last five', counts: [[0, 100], [100, 100], ...per100(10, 15, 20, 25, 30)] as Counts, trend: 'increasing' },
  { series: 'four periods', counts: per100(10, 20, 30, 40), trend: 'cannot-be-calculated' },
  { series: 'missing count', counts: [...per100(10, 15, 20, 25), [null, 100]] as Counts, trend: 'cannot-be-calculated' },
  { series: 'all zero', counts: per100(0, 0, 0, 0, 0), trend: 'cannot-be-calculated' },
];

describe('compute trend on hand-computed series', () => {
  it('labels each series once, in order of first appearance', async () => {
    const run = await runCompute('trend', { header: HEADER, rows: CASES.flatMap((c) => rowsOf(c.series, c.counts)) });
    expect(run.code, run.stderr).toBe(0);
    expect(run.output!.header).toEqual(['series', 'trend']);
    expect(run.output!.rows).toEqual(CASES.map((c) => ({ series: c.series, trend: c.trend })));
  });

  it.each([
    { polarity: 'higher-better', rising: 'increasing-getting-better', falling: 'decreasing-getting-worse' },
    { polarity: 'lower-better', rising: 'increasing-getting-worse', falling: 'decreasing-getting-better' },
    { polarity: 'no-judgement', rising: 'increasing', falling: 'decreasing' },
  ])('judges the direction with --polarity $polarity', async ({ polarity, rising, falling }) => {
    const rows = [...rowsOf('rising', per100(10, 15, 20, 25, 30)), ...rowsOf('falling', per100(30, 25, 20, 15, 10))];
    const run = await runCompute('trend', { header: HEADER, rows }, ['--polarity', polarity]);
    expect(run.output!.rows).toEqual([{ series: 'rising', trend: rising }, { series: 'falling', trend: falling }]);
  });

  it('groups rows of a series that are not next to each other (χ² = 15.625 once the periods are together)', async () => {
    const rising = rowsOf('rising', per100(10, 15, 20, 25, 30));
    const flat = rowsOf('flat', per100(20, 20, 20, 20, 20));
    const rows = rising.flatMap((r, i) => [r, flat[i]!]);
    const run = await runCompute('trend', { header: HEADER, rows });
    expect(run.output!.rows).toEqual([{ series: 'rising', trend: 'increasing' }, { series: 'flat', trend: 'no-significant-change' }]);
  });
});
