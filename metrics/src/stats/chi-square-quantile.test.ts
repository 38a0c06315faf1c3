import { describe, expect, it } from 'vitest';
import { chiSquareQuantile } from './chi-square-quantile.ts';

const closeRelative = (actual: number, expected: number, tolerance = 1e-12) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));

describe('chiSquareQuantile', () => {
  it.each([
    { p: 0.025, df: 2, expected: 0.0506356159685798 }, // R qchisq(0.025, 2)
    { p: 0.975, df: 2, expected: 7.37775890822787 }, // R qchisq(0.975, 2)
  ])('R reference qchisq($p, $df)', ({ p, df, expected }) => closeRelative(chiSquareQuantile(p, df), expected, 1e-14));

  it.each([0.001, 0.025, 0.5, 0.975, 0.999])('closed form for 2 df: −2·ln(1 − p) at p = %s', (p) => {
    closeRelative(chiSquareQuantile(p, 2), -2 * Math.log1p(-p));
  });

  // mpmath 1.3.0 root of gammainc(df/2, 0, x/2, regularized=True) = p at 40 digits; scipy.stats.chi2.ppf agrees
  it.each([
    { p: 0.999, df: 20, expected: 45.314746618125859 },
    { p: 0.5, df: 1, expected: 0.45493642311957275 },
    { p: 0.001, df: 1, expected: 1.5707971492624899e-6 },
    { p: 0.025, df: 0.5, expected: 5.2732025912599936e-7 },
    { p: 0.975, df: 400, expected: 457.30548196606498 },
    { p: 0.001, df: 2000, expected: 1810.2415818699532 },
    { p: 0.5, df: 100, expected: 99.334129235988456 },
    { p: 1e-10, df: 3, expected: 5.2093976214344803e-7 },
    { p: 0.025, df: 1e5, expected: 99125.373300647352 },
    { p: 0.999, df: 10, expected: 29.588298445074419 },
  ])('mpmath reference qchisq($p, $df)', ({ p, df, expected }) => closeRelative(chiSquareQuantile(p, df), expected));

  it.each([0, 1, -0.1, Number.NaN])('rejects p = %s', (p) => expect(() => chiSquareQuantile(p, 2)).toThrow(`p must be strictly between 0 and 1 (got ${p})`));
  it.each([0, -2, Infinity])('rejects df = %s', (df) => expect(() => chiSquareQuantile(0.5, df)).toThrow(`degrees of freedom must be a finite number > 0 (got ${df})`));
});
