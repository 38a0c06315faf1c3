import { describe, expect, it } from 'vitest';
import { readOwnReferenceCsv } from '../../../test/reference.ts';
import { interruptedTimeSeries, itsDefaultMaxlags } from './interrupted-time-series.ts';

const COEFFICIENTS = [
  ['baseline', 'baseline'],
  ['preSlope', 'pre_slope'],
  ['levelChange', 'level_change'],
  ['slopeChange', 'slope_change'],
] as const;

describe('interruptedTimeSeries against statsmodels OLS with HAC (Newey–West) errors', () => {
  const cases = readOwnReferenceCsv('its_statsmodels.csv');

  it('has reference cases', () => expect(cases.length).toBeGreaterThan(20));

  for (const c of cases) {
    it(`${c.case}: coefficients, standard errors and 95% limits to 1e-9`, () => {
      const values = c.values!.split(' ').map(Number);
      const fit = interruptedTimeSeries(values, Number(c.intervention), Number(c.maxlags));
      for (const [ours, theirs] of COEFFICIENTS) {
        const k = fit[ours];
        expect(k.estimate).toBeCloseTo(Number(c[theirs]), 9);
        expect(k.standardError).toBeCloseTo(Number(c[`${theirs}_se`]), 9);
        expect(k.lower95).toBeCloseTo(Number(c[`${theirs}_lower95`]), 9);
        expect(k.upper95).toBeCloseTo(Number(c[`${theirs}_upper95`]), 9);
      }
      expect(fit.residualLag1).toBeCloseTo(Number(c.residual_lag1), 9);
    });
  }

  it('continues the pre-intervention line as the counterfactual', () => {
    const values = [10, 11, 12, 13, 20, 22, 24, 26];
    const fit = interruptedTimeSeries(values, 4, 0);
    expect(fit.preSlope.estimate).toBeCloseTo(1, 12);
    expect(fit.levelChange.estimate).toBeCloseTo(20 - 14, 12);
    expect(fit.slopeChange.estimate).toBeCloseTo(1, 12);
    expect(fit.counterfactual).toEqual(values.map((_, t) => expect.closeTo(10 + t, 12)));
  });
});

describe('itsDefaultMaxlags', () => {
  it('is floor(4·(n/100)^(2/9))', () => {
    expect([6, 12, 20, 28, 60, 100, 150].map(itsDefaultMaxlags)).toEqual([2, 2, 2, 3, 3, 4, 4]);
  });
});

describe('interruptedTimeSeries refuses', () => {
  it('a segment with fewer than 3 points', () => {
    expect(() => interruptedTimeSeries([1, 2, 3, 4, 5], 2)).toThrow('each segment needs at least 3 points (got 2 before the intervention and 3 from it)');
    expect(() => interruptedTimeSeries([1, 2, 3, 4, 5], 3)).toThrow('(got 3 before the intervention and 2 from it)');
  });
  it('a value that is not finite, and a bad maxlags', () => {
    expect(() => interruptedTimeSeries([1, 2, Number.NaN, 4, 5, 6], 3)).toThrow('value 3 is not a finite number');
    expect(() => interruptedTimeSeries([1, 2, 3, 4, 5, 6], 3, 6)).toThrow('maxlags must be a whole number from 0 to 5');
    expect(() => interruptedTimeSeries([1, 2, 3, 4, 5, 6], 3, 1.5)).toThrow('maxlags');
  });
});
