import { describe, expect, it } from 'vitest';
import { funnelRatioLimits } from './funnel-ratio-limits.ts';
import { poissonCdf } from './poisson-cdf.ts';
import { num, readReferenceCsv } from '../../test/reference.ts';

/**
 * The package (and the Excel macro behind the fixture) finds each expected count μ by bisection on
 * v = μ/(1 + O + μ) that stops at a step of 2⁻²⁴ ≈ 6e-8, so its μ is off by up to about
 * 6e-8·(1 + O + μ)²/(1 + O); at O = 1 that is 5e-5 relative. We compute μ exactly and allow two such steps
 * plus the fixture's 10-digit rounding.
 */
const withinBisection = (observed: number, actual: number, expected: number) => {
  const tolerance = 2 ** -23 * ((1 + observed + actual) ** 2 / (1 + observed)) + 1e-9 * Math.abs(expected);
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance);
};
const withinBisectionRelative = (observed: number, mu: number, actual: number, expected: number) => {
  const relative = (2 ** -23 * (1 + observed + mu) ** 2) / ((1 + observed) * mu) + 1e-9;
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));
};

const inputs = readReferenceCsv('reference/phe_excel_fixtures/funnel_ratio_inputs.csv').map((r) => ({ observed: num(r.observed)!, expected: num(r.expected)! }));

describe('funnelRatioLimits against testdata_funnel_ratio_outputs (reference/phe_excel_fixtures/funnel_ratio_limits.csv)', () => {
  const expected = readReferenceCsv('reference/phe_excel_fixtures/funnel_ratio_limits.csv');
  const ratio = funnelRatioLimits(inputs);
  const count = funnelRatioLimits(inputs, { scale: 'count' });
  const isr = funnelRatioLimits(inputs, { scale: 'isr' });
  it('has the 300 inputs and tabulates the same 100 observed counts', () => {
    expect(inputs.length).toBe(300);
    expect(ratio.rows.map((r) => r.observed)).toEqual(expected.map((e) => num(e.observed_events)));
  });
  it.each(expected.map((e, i) => ({ case: `observed ${e.observed_events}`, e, i })))('$case', ({ e, i }) => {
    const row = ratio.rows[i]!;
    const o = row.observed;
    for (const [side, mu] of [['lower_2s', row.lower95Expected], ['upper_2s', row.upper95Expected], ['lower_3s', row.lower998Expected], ['upper_3s', row.upper998Expected]] as const) {
      withinBisection(o, mu, num(e[`${side}_exp_events`])!);
      // 'count' is O/E − 1: compare O/E, where the relative tolerance applies.
      withinBisectionRelative(o, mu, o / mu, num(e[`${side}_count`])! + 1);
      withinBisectionRelative(o, mu, o / mu, num(e[`${side}_isr`])! / 100);
    }
    expect(count.rows[i]!.lower95).toBeCloseTo(row.lower95 - 1, 12);
    expect(isr.rows[i]!.upper998).toBeCloseTo(row.upper998 * 100, 9);
  });
});

describe('funnelRatioLimits: each expected count puts the observed count exactly on its Poisson tail', () => {
  const table = funnelRatioLimits(inputs);
  it.each(table.rows.filter((_, i) => i % 9 === 0).map((row) => ({ case: `observed ${row.observed}`, row })))('$case', ({ row }) => {
    const o = row.observed;
    expect(poissonCdf(o, row.lower95Expected)).toBeCloseTo(0.025, 12);
    expect(poissonCdf(o, row.lower998Expected)).toBeCloseTo(0.001, 12);
    expect(1 - poissonCdf(o - 1, row.upper95Expected)).toBeCloseTo(0.025, 12);
    expect(1 - poissonCdf(o - 1, row.upper998Expected)).toBeCloseTo(0.001, 12);
  });
  it('gives the closed forms at 1 observed event (lower μ = −ln(1 − α) for the upper limit)', () => {
    const first = table.rows[0]!;
    expect(first.observed).toBe(1);
    expect(first.upper95Expected).toBeCloseTo(-Math.log(0.975), 15);
    expect(first.upper998Expected).toBeCloseTo(-Math.log(0.999), 15);
  });
});

describe('funnelRatioLimits edge cases', () => {
  it('has baseline 1, 0 and 100 on the ratio, count and isr scales', () => {
    const points = [{ observed: 5, expected: 4 }];
    expect([funnelRatioLimits(points).baseline, funnelRatioLimits(points, { scale: 'count' }).baseline, funnelRatioLimits(points, { scale: 'isr' }).baseline]).toEqual([1, 0, 100]);
  });
  it('accepts points with 0 observed events', () => expect(funnelRatioLimits([{ observed: 0, expected: 3 }, { observed: 12, expected: 10 }]).rows).toHaveLength(100));
  it('rejects no points', () => expect(() => funnelRatioLimits([])).toThrow('points must not be empty'));
  it('rejects a zero expected count', () => expect(() => funnelRatioLimits([{ observed: 1, expected: 0 }])).toThrow('point 1: expected must be a finite number > 0 (got 0)'));
  it('rejects a negative observed count', () => expect(() => funnelRatioLimits([{ observed: -2, expected: 1 }])).toThrow('point 1: observed must be a finite number ≥ 0 (got -2)'));
  it('rejects an unknown scale', () => expect(() => funnelRatioLimits([{ observed: 1, expected: 1 }], { scale: 'smr' as 'ratio' })).toThrow("scale must be 'ratio', 'count' or 'isr' (got smr)"));
});
