import { describe, expect, it } from 'vitest';
import { exactPoissonInterval } from './exact-poisson-interval.ts';

const closeRelative = (actual: number, expected: number, tolerance = 1e-12) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));

describe('exactPoissonInterval', () => {
  // For 2 degrees of freedom ½·qchisq(p, 2) = −ln(1 − p): the lower limit of 1 event and the upper limit of 0 events.
  it.each([
    { level: 0.95, lower1: -Math.log(0.975), upper0: -Math.log(0.025) },
    { level: 0.998, lower1: -Math.log(0.999), upper0: -Math.log(0.001) },
  ])('closed forms at $level', ({ level, lower1, upper0 }) => {
    closeRelative(exactPoissonInterval(1, level).lower, lower1);
    closeRelative(exactPoissonInterval(0, level).upper, upper0);
  });

  // PHEindicatormethods testdata_Rate (reference/phe_excel_fixtures/rate_byars.csv), Area1 and Area2: limits × n / multiplier
  it.each([
    { case: 'Area1, 1 event, 95%', x: 1, level: 0.95, lower: 0.025317807984289897, upper: 5.571643390938898 },
    { case: 'Area1, 1 event, 99.8%', x: 1, level: 0.998, lower: 0.0010005003335835344, upper: 9.2334134764515845 },
    { case: 'Area2, 5 events, 95%', x: 5, level: 0.95, lower: 1.62348639011842, upper: 11.668332079322669 },
    { case: 'Area2, 5 events, 99.8%', x: 5, level: 0.998, lower: 0.739371731917839, upper: 16.454745203680105 },
  ])('rate_byars.csv $case', ({ x, level, lower, upper }) => {
    const ci = exactPoissonInterval(x, level);
    closeRelative(ci.lower, lower, 1e-9);
    closeRelative(ci.upper, upper, 1e-9);
  });

  it('has a lower limit of exactly 0 for 0 events', () => expect(exactPoissonInterval(0).lower).toBe(0));
  it('rejects a negative count', () => expect(() => exactPoissonInterval(-1)).toThrow('count must be a finite number ≥ 0 (got -1)'));
  it('rejects a level outside (0, 1)', () => expect(() => exactPoissonInterval(3, 95)).toThrow('confidence level must be between 0 and 1 (got 95)'));
});
