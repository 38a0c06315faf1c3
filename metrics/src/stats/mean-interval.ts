import { studentTQuantile } from './student-t-quantile.ts';

export interface MeanInterval {
  readonly count: number;
  readonly mean: number;
  /** Sample standard deviation (n − 1 divisor); null for a single value. */
  readonly standardDeviation: number | null;
  /** mean ∓ t(n − 1)·s/√n; null for a single value, where no spread can be estimated. */
  readonly lower: number | null;
  readonly upper: number | null;
}

/**
 * Mean of a sample with a Student-t confidence interval: mean ∓ t_{(1+c)/2, n−1}·s/√n, s the sample
 * standard deviation (PHE Technical Guide; PHEindicatormethods `phe_mean`). Same unit as the values.
 * @param values the observations, at least one, each a finite number
 * @param level two-sided confidence level, 0 < level < 1, default 0.95
 * @example meanInterval([1, 2, 3, 4, 5]) // { count: 5, mean: 3, standardDeviation: 1.5811…, lower: 1.0367…, upper: 4.9632… }
 */
export function meanInterval(values: readonly number[], level = 0.95): MeanInterval {
  if (values.length === 0) throw new RangeError('values must contain at least one number');
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be between 0 and 1 (got ${level})`);
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new RangeError(`values must be finite numbers (got ${v} at index ${i})`);
  });
  const count = values.length;
  const mean = values.reduce((sum, v) => sum + v, 0) / count;
  if (count === 1) return { count, mean, standardDeviation: null, lower: null, upper: null };
  const standardDeviation = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (count - 1));
  const halfWidth = (studentTQuantile((1 + level) / 2, count - 1) * standardDeviation) / Math.sqrt(count);
  return { count, mean, standardDeviation, lower: mean - halfWidth, upper: mean + halfWidth };
}
