import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv, runCompute, sharedDir, type Row } from './compute-test-helpers.ts';

// Real data: UKHSA COVER quarterly coverage for the 32 London UTLAs, 2018/19 Q1 to 2024/25 Q4 (OGL v3), read in place.
const COVER = path.join(sharedDir, 'data/immunisation/cover_london_utla_quarterly_2018-19_to_2024-25.csv');
const cover = await readCsv(COVER);

// z for 95 % and 99.8 % two-sided (reference README §1); the funnel's 2σ and 3σ quantiles are the same numbers.
const Z95 = 1.959963984540054;
const Z998 = 3.090232306167813;
const INTERVALS = ['value', 'lower95', 'upper95', 'lower998', 'upper998'];

/** Wilson score limits from the closed form of the reference README §1, on the 0–1 scale. */
function wilson(x: number, n: number, z: number): [number, number] {
  const spread = z * Math.sqrt(z * z + 4 * x * (1 - x / n));
  return [(2 * x + z * z - spread) / (2 * (n + z * z)), (2 * x + z * z + spread) / (2 * (n + z * z))];
}

const hasCounts = (r: Row) => r.numerator !== '' && r.denominator !== '';

describe('compute proportion on the London COVER file', async () => {
  const run = await runCompute('proportion', COVER);

  it('keeps every input column unchanged, in order, and appends the five outputs', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.output!.header).toEqual([...cover.header, ...INTERVALS]);
    expect(run.output!.rows).toHaveLength(12_544);
    for (const [i, out] of run.output!.rows.entries()) expect(cover.header.map((h) => out[h])).toEqual(cover.header.map((h) => cover.rows[i]![h]));
  });

  it('gives empty outputs for the 238 rows without counts (196 excluded by UKHSA, 42 blank)', () => {
    const empty = run.output!.rows.filter((r) => !hasCounts(r));
    expect(empty).toHaveLength(238);
    expect(empty.filter((r) => r.value_note!.startsWith('[x]'))).toHaveLength(196);
    for (const r of empty) expect(INTERVALS.map((c) => r[c])).toEqual(['', '', '', '', '']);
  });

  it('writes numerator / denominator × 100 and Wilson limits equal to the closed form to 1e-6, in full precision', () => {
    const rows = run.output!.rows.filter(hasCounts);
    expect(rows).toHaveLength(12_306);
    for (const r of rows) {
      const x = Number(r.numerator);
      const n = Number(r.denominator);
      const [lower95, upper95] = wilson(x, n, Z95);
      const [lower998, upper998] = wilson(x, n, Z998);
      const expected = [(x / n) * 100, lower95 * 100, upper95 * 100, lower998 * 100, upper998 * 100];
      INTERVALS.forEach((c, k) => {
        expect(Math.abs(Number(r[c]) - expected[k]!), `${r.period} ${r.area_name} ${r.measure} ${c}`).toBeLessThanOrEqual(1e-6);
        expect(String(Number(r[c])), 'shortest round-trip').toBe(r[c]);
      });
    }
  });
});

/** Making Data Count point types by the rules of the reference README §1 (improvement "increase"). */
function pointTypes(values: readonly number[], mean: number, lpl: number, upl: number): string[] {
  const near = ((upl - mean) * 2) / 3;
  const side = values.map((v) => Math.sign(v - mean));
  const outside = values.map((v) => v > upl || v < lpl);
  const close = values.map((v, i) => !outside[i] && Math.abs(v - mean) > near);
  const trend = values.map(() => 0);
  const twoInThree = values.map(() => false);
  const run = values.map(() => false);
  for (let i = 0; i + 7 <= values.length; i++) {
    const steps = values.slice(i + 1, i + 7).map((v, k) => Math.sign(v - values[i + k]!));
    const direction = steps.every((s) => s === 1) ? 1 : steps.every((s) => s === -1) ? -1 : 0;
    if (direction !== 0) for (let k = i; k < i + 7; k++) trend[k] = direction;
    const sides = side.slice(i, i + 7);
    if (sides[0] !== 0 && sides.every((s) => s === sides[0])) for (let k = i; k < i + 7; k++) run[k] = true;
  }
  for (let i = 0; i + 3 <= values.length; i++) {
    const sides = side.slice(i, i + 3);
    if (sides[0] === 0 || !sides.every((s) => s === sides[0]) || close.slice(i, i + 3).filter(Boolean).length < 2) continue;
    for (let k = i; k < i + 3; k++) if (close[k]) twoInThree[k] = true;
  }
  return values.map((_, i) => {
    // Precedence: outside the limits, then a 7-point trend, then 2 in 3 near a limit, then a 7-point run.
    const high = outside[i] ? side[i]! > 0 : trend[i] !== 0 ? trend[i]! > 0 : twoInThree[i] || run[i] ? side[i]! > 0 : null;
    return high === null ? 'common_cause' : high ? 'special_cause_improvement' : 'special_cause_concern';
  });
}

/** Average moving range with screening (ranges ≥ 3.267 × the average dropped once), reference README §1. */
function averageMovingRange(values: readonly number[]): number {
  const ranges = values.slice(1).map((v, i) => Math.abs(v - values[i]!));
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const first = mean(ranges);
  return mean(ranges.filter((r) => r < 3.267 * first));
}

describe('compute spc on MMR1 at 24 months, London and each borough, quarterly', async () => {
  const mmr1 = cover.rows.filter((r) => r.measure === '24m_MMR1' && hasCounts(r));
  const periods = [...new Set(mmr1.map((r) => r.period!))].sort();
  const london = periods.map((period) => {
    const rows = mmr1.filter((r) => r.period === period);
    const sum = (c: string) => rows.reduce((s, r) => s + Number(r[c]), 0);
    return ['London', period, (100 * sum('numerator')) / sum('denominator'), 'E12000007', rows.length];
  });
  const boroughs = mmr1.map((r) => [r.area_name!, r.period!, (100 * Number(r.numerator)) / Number(r.denominator), r.area_code!, 1]);
  const input = { header: ['series', 'period', 'value', 'area_code', 'boroughs_summed'], rows: [...london, ...boroughs] };
  const run = await runCompute('spc', input);

  it('has 28 London quarters (2024/25 Q3 summing the 18 boroughs with data) and 33 series', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(london).toHaveLength(28);
    expect(london.find((r) => r[1] === '2024/25 Q3')![4]).toBe(18);
    expect(new Set(input.rows.map((r) => r[0])).size).toBe(33);
  });

  it('keeps the input columns and rows and adds mean, lpl, upl and point_type', () => {
    expect(run.output!.header).toEqual([...input.header, 'mean', 'lpl', 'upl', 'point_type']);
    expect(run.output!.rows.map((r) => [r.series, r.period, Number(r.value), r.area_code, Number(r.boroughs_summed)])).toEqual(input.rows);
  });

  it('has one mean and limits per series, equal to the mean ± 2.66 × screened average moving range to 1e-6, and point types by the rules', () => {
    const bySeries = new Map<string, Row[]>();
    for (const r of run.output!.rows) bySeries.set(r.series!, [...(bySeries.get(r.series!) ?? []), r]);
    for (const [series, rows] of bySeries) {
      const values = rows.map((r) => Number(r.value));
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const spread = 2.66 * averageMovingRange(values);
      for (const r of rows) {
        expect(Math.abs(Number(r.mean) - mean), `${series} mean`).toBeLessThanOrEqual(1e-6);
        expect(Math.abs(Number(r.lpl) - (mean - spread)), `${series} lpl`).toBeLessThanOrEqual(1e-6);
        expect(Math.abs(Number(r.upl) - (mean + spread)), `${series} upl`).toBeLessThanOrEqual(1e-6);
      }
      expect(rows.map((r) => r.point_type), series).toEqual(pointTypes(values, Number(rows[0]!.mean), Number(rows[0]!.lpl), Number(rows[0]!.upl)));
    }
    const london = bySeries.get('London')!.map((r) => r.point_type);
    expect(london.some((t) => t !== 'common_cause'), 'London MMR1 fell over the period: some special cause').toBe(true);
  });
});

/** Funnel labels from the pooled proportion and the normal approximation of the reference README §1. */
function funnelLabels(points: readonly { numerator: number; denominator: number }[]): string[] {
  const pooled = points.reduce((s, p) => s + p.numerator, 0) / points.reduce((s, p) => s + p.denominator, 0);
  return points.map(({ numerator, denominator }) => {
    const p = numerator / denominator;
    const se = Math.sqrt((pooled * (1 - pooled)) / denominator);
    if (p < pooled - Z998 * se) return 'low-99.8';
    if (p < pooled - Z95 * se) return 'low-95';
    if (p > pooled + Z998 * se) return 'high-99.8';
    if (p > pooled + Z95 * se) return 'high-95';
    return 'none';
  });
}

describe('compute funnel on the 32 boroughs of one quarter', () => {
  it.each([
    { period: '2024/25 Q4', measure: '24m_MMR1', excluded: 0 },
    { period: '2024/25 Q4', measure: '12m_DTaPIPVHib3', excluded: 0 },
    { period: '2024/25 Q3', measure: '24m_MMR1', excluded: 14 },
  ])('$period $measure: labels agree with the pooled-proportion limits and boroughs without data get none', async ({ period, measure, excluded }) => {
    const rows = cover.rows.filter((r) => r.period === period && r.measure === measure);
    expect(rows).toHaveLength(32);
    const input = { header: ['area_code', 'group', 'numerator', 'denominator'], rows: rows.map((r) => [r.area_code!, r.area_name!, r.numerator!, r.denominator!]) };
    const run = await runCompute('funnel', input);
    expect(run.code, run.stderr).toBe(0);
    expect(run.output!.header).toEqual([...input.header, 'funnel_significance']);
    expect(run.output!.rows.map((r) => [r.area_code, r.group, r.numerator, r.denominator])).toEqual(input.rows);

    const withCounts = rows.filter(hasCounts);
    expect(32 - withCounts.length).toBe(excluded);
    const expected = new Map(withCounts.map((r, i) => [r.area_code, funnelLabels(withCounts.map((w) => ({ numerator: Number(w.numerator), denominator: Number(w.denominator) })))[i]]));
    expect(run.output!.rows.map((r) => r.funnel_significance)).toEqual(rows.map((r) => expected.get(r.area_code) ?? ''));
    expect(new Set(expected.values()).size, 'London boroughs differ: more than one label').toBeGreaterThan(1);
  });
});
