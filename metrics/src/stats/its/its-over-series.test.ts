import { describe, expect, it } from 'vitest';
import { itsAutocorrelationLimit, itsOverSeries, type ItsSeriesPoint } from './its-over-series.ts';

const series = (values: readonly (number | null)[]): ItsSeriesPoint[] => values.map((value, i) => ({ period: `P${i}`, value }));
// Small residuals with little serial correlation (lag-1 autocorrelation −0.41 over 20 periods, −0.44 over the first 12).
const NOISE = [0.3, -0.2, 0.1, 0.4, -0.5, 0.2, -0.1, -0.3, 0.5, 0, -0.4, 0.3, 0.1, -0.2, -0.3, 0.4, 0, 0.2, -0.1, -0.2];
/** 10 + t before P{k}, then a step of 6 and a slope 1 steeper from it, plus the noise. */
const broken = (n: number, k: number) => Array.from({ length: n }, (_, t) => (t < k ? 10 + t : 10 + t + 6 + (t - k)) + NOISE[t]!);

describe('itsOverSeries', () => {
  it('fits the periods with a value, the intervention named by its label', () => {
    const out = itsOverSeries(series(broken(20, 10)), 'P10');
    if (!out.fitted) throw new Error(out.reason);
    expect(out.before).toBe(10);
    expect(out.after).toBe(10);
    expect(out.fit.levelChange.estimate).toBeCloseTo(6, 0);
    expect(out.fit.slopeChange.estimate).toBeCloseTo(1, 0);
    expect(out.warnings).toEqual([]);
  });

  it('leaves out periods without a value, and starts the post segment at the next period with one', () => {
    const values: (number | null)[] = broken(20, 11);
    values[3] = null;
    values[10] = null;
    const out = itsOverSeries(series(values), 'P10');
    if (!out.fitted) throw new Error(out.reason);
    expect(out.dropped).toEqual(['P3', 'P10']);
    expect(out.periods).not.toContain('P10');
    expect(out.before).toBe(9);
    expect(out.after).toBe(9);
    expect(out.periods[out.before]).toBe('P11');
  });

  it('says why, rather than throwing, when a segment has fewer than 3 values or the label is not a period', () => {
    expect(itsOverSeries(series(broken(10, 8)), 'P8')).toEqual({ fitted: false, reason: 'each side of the intervention needs at least 3 periods with a value (8 before P8, 2 from it)', dropped: [] });
    expect(itsOverSeries(series([1, 2, null, 4, 5, 6, 7]), 'P3')).toMatchObject({ fitted: false, reason: expect.stringContaining('(2 before P3, 4 from it)'), dropped: ['P2'] });
    expect(itsOverSeries(series(broken(10, 5)), '2022/23 Q2')).toMatchObject({ fitted: false, reason: '2022/23 Q2 is not a period of this series' });
    expect(itsOverSeries(series(broken(8, 4)), 'P4', 8)).toMatchObject({ fitted: false, reason: 'maxlags 8 needs more than 8 periods with a value (there are 8)' });
  });

  it('refuses values on exact lines, which leave no variation to estimate the intervals from', () => {
    expect(itsOverSeries(series(Array.from({ length: 12 }, () => 100)), 'P6')).toMatchObject({ fitted: false, reason: 'the values lie exactly on the fitted lines, so there is no variation to estimate the confidence intervals from' });
    expect(itsOverSeries(series(Array.from({ length: 12 }, (_, t) => (t < 6 ? 50 + 0.5 * t : 40 - 0.25 * t))), 'P6')).toMatchObject({ fitted: false });
  });

  it('warns when a segment has fewer than 8 values', () => {
    const out = itsOverSeries(series(broken(12, 5)), 'P5');
    if (!out.fitted) throw new Error(out.reason);
    expect(out.warnings.map((w) => w.code)).toEqual(['short_segment']);
    expect(out.warnings[0]!.message).toContain('5 before the intervention, 7 from it');
  });

  it('warns when the residuals’ lag-1 autocorrelation is beyond 2/√n', () => {
    // Alternating residuals: r1 is close to −1, far beyond 2/√20 ≈ 0.45.
    const out = itsOverSeries(series(broken(20, 10).map((v, t) => v + (t % 2 === 0 ? 1 : -1))), 'P10');
    if (!out.fitted) throw new Error(out.reason);
    expect(out.fit.residualLag1).toBeLessThan(-itsAutocorrelationLimit(20));
    expect(out.warnings.map((w) => w.code)).toEqual(['autocorrelated_residuals']);
  });

  it('puts the autocorrelation limit at 2/√n', () => expect(itsAutocorrelationLimit(25)).toBe(0.4));
});
