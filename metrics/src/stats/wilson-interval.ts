import { zForLevel } from './normal-quantile.ts';

export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

/**
 * Wilson score interval for a proportion x/n, on the 0–1 scale (multiply for percentages).
 *
 * Method as in PHE/OHID Technical Guide and PHEindicatormethods `phe_proportion`: the two roots of
 * (p̂ − π)² = z²π(1 − π)/n, i.e. (2x + z² ∓ z√(z² + 4x(1 − x/n))) / (2(n + z²)). No clamping.
 * @param x successes (may be non-integer, as in aggregated data), 0 ≤ x ≤ n
 * @param n trials, n > 0
 * @param level two-sided confidence level, default 0.95
 * @example wilsonInterval(65, 100) // { lower: 0.552544…, upper: 0.736358… }
 */
export function wilsonInterval(x: number, n: number, level = 0.95): Interval {
  if (!Number.isFinite(x) || x < 0) throw new RangeError(`numerator must be a finite number ≥ 0 (got ${x})`);
  if (!Number.isFinite(n) || n <= 0) throw new RangeError(`denominator must be a finite number > 0 (got ${n})`);
  if (x > n) throw new RangeError(`numerator must be ≤ denominator (got ${x} > ${n})`);
  const z = zForLevel(level);
  const z2 = z * z;
  const spread = z * Math.sqrt(z2 + 4 * x * (1 - x / n));
  const scale = 2 * (n + z2);
  // At x = 0 and x = n the limit is exactly 0 or 1, but floating point lands a hair either side
  // (1.0000000000000002, 0.9999999999999999), and a 95% interval could then poke out of the 99.8% one.
  return { lower: x === 0 ? 0 : Math.max(0, (2 * x + z2 - spread) / scale), upper: x === n ? 1 : Math.min(1, (2 * x + z2 + spread) / scale) };
}
