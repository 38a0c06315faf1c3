import { describe, expect, it } from 'vitest';
import { poissonCdf } from './poisson-cdf.ts';

const closeRelative = (actual: number, expected: number, tolerance = 1e-13) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));

describe('poissonCdf', () => {
  it.each([
    { case: 'P(X ≤ 0 | 1) = e⁻¹', k: 0, mean: 1, expected: Math.exp(-1) },
    { case: 'P(X ≤ 2 | 1) = 2.5·e⁻¹', k: 2, mean: 1, expected: 2.5 * Math.exp(-1) },
  ])('closed form $case', ({ k, mean, expected }) => closeRelative(poissonCdf(k, mean), expected));

  // mpmath 1.3.0: Σ e^−μ μ^i / i! at 40 digits
  it.each([
    { k: 9, mean: 3.5, expected: 0.99668505573536764 },
    { k: 100, mean: 80, expected: 0.98683114512406615 },
    { k: 5, mean: 20, expected: 7.1908840528428926e-5 },
  ])('mpmath reference P(X ≤ $k | $mean)', ({ k, mean, expected }) => closeRelative(poissonCdf(k, mean), expected));

  it('is 1 for a mean of 0', () => expect(poissonCdf(0, 0)).toBe(1));
  it('rejects a non-integer count', () => expect(() => poissonCdf(1.5, 2)).toThrow('k must be an integer ≥ 0 (got 1.5)'));
  it('rejects a negative mean', () => expect(() => poissonCdf(1, -2)).toThrow('mean must be a finite number ≥ 0 (got -2)'));
});
