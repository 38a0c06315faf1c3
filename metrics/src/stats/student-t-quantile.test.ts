import { describe, expect, it } from 'vitest';
import { studentTQuantile } from './student-t-quantile.ts';

const closeRelative = (actual: number, expected: number, tolerance = 1e-12) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));

describe('studentTQuantile', () => {
  it.each([
    { p: 0.975, df: 10, expected: 2.22813885198627 }, // R qt(0.975, 10)
    { p: 0.975, df: 1, expected: 12.7062047361747 }, // R qt(0.975, 1)
  ])('R reference qt($p, $df)', ({ p, df, expected }) => closeRelative(studentTQuantile(p, df), expected, 1e-14));

  it.each([0.6, 0.975, 0.9995])('closed form for 1 df: tan(π(p − ½)) at p = %s', (p) => closeRelative(studentTQuantile(p, 1), Math.tan(Math.PI * (p - 0.5))));
  it.each([0.6, 0.975, 0.9995])('closed form for 2 df: (2p − 1)/√(2p(1 − p)) at p = %s', (p) => {
    closeRelative(studentTQuantile(p, 2), (2 * p - 1) / Math.sqrt(2 * p * (1 - p)));
  });

  // mpmath 1.3.0 root of the t CDF (hypergeometric form) at 40 digits; scipy.stats.t.ppf agrees
  it.each([
    { p: 0.975, df: 3, expected: 3.1824463052837084 },
    { p: 0.975, df: 30, expected: 2.0422724563012379 },
    { p: 0.995, df: 5, expected: 4.0321429835552272 },
    { p: 0.999, df: 4, expected: 7.1731822197823068 },
    { p: 0.6, df: 7, expected: 0.26316686135202275 },
    { p: 0.025, df: 15, expected: -2.1314495455597757 },
    { p: 0.975, df: 1000, expected: 1.9623390808264081 },
    { p: 0.975, df: 2.5, expected: 3.5746548420036818 },
  ])('mpmath reference qt($p, $df)', ({ p, df, expected }) => closeRelative(studentTQuantile(p, df), expected));

  it('is 0 at the median and symmetric', () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    closeRelative(studentTQuantile(0.1, 7), -studentTQuantile(0.9, 7), 1e-14);
  });
  it.each([0, 1, Number.NaN])('rejects p = %s', (p) => expect(() => studentTQuantile(p, 5)).toThrow(`p must be strictly between 0 and 1 (got ${p})`));
  it('rejects df ≤ 0', () => expect(() => studentTQuantile(0.9, 0)).toThrow('degrees of freedom must be a finite number > 0 (got 0)'));
});
