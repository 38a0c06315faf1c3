import { regularizedGamma } from './regularized-gamma.ts';

/**
 * Poisson distribution function P(X ≤ k) for X ~ Poisson(mean).
 *
 * Through the identity P(X ≤ k) = Q(k + 1, mean), the regularised upper incomplete gamma function
 * (Abramowitz & Stegun 6.5.2 and 26.4.21), so both tails keep their relative precision; the upper
 * tail P(X > k) is `1 − poissonCdf(k, mean)` = P(k + 1, mean).
 * @param k count, an integer ≥ 0
 * @param mean expected count, a finite number ≥ 0
 * @example poissonCdf(2, 1) // 0.9196986029286058 (= 2.5·e⁻¹)
 */
export function poissonCdf(k: number, mean: number): number {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be an integer ≥ 0 (got ${k})`);
  if (!Number.isFinite(mean) || mean < 0) throw new RangeError(`mean must be a finite number ≥ 0 (got ${mean})`);
  return regularizedGamma(k + 1, mean).upper;
}
