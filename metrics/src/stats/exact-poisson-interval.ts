import { chiSquareQuantile } from './chi-square-quantile.ts';
import type { Interval } from './wilson-interval.ts';

/**
 * Exact (Garwood) Poisson confidence limits of an observed count, on the count scale.
 *
 * lower = ½·χ²-quantile((1 − c)/2; 2x), upper = ½·χ²-quantile((1 + c)/2; 2x + 2), lower = 0 when
 * x = 0 (PHE Technical Guide; PHEindicatormethods `phe_rate` for counts below 10).
 * @param count observed events, a finite number ≥ 0 (need not be an integer)
 * @param level two-sided confidence level, 0 < level < 1, default 0.95
 * @example exactPoissonInterval(1) // { lower: 0.025317807984289897, upper: 5.571643390938898 }
 */
export function exactPoissonInterval(count: number, level = 0.95): Interval {
  if (!Number.isFinite(count) || count < 0) throw new RangeError(`count must be a finite number ≥ 0 (got ${count})`);
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be between 0 and 1 (got ${level})`);
  const tail = (1 - level) / 2;
  return {
    lower: count === 0 ? 0 : chiSquareQuantile(tail, 2 * count) / 2,
    upper: chiSquareQuantile(1 - tail, 2 * count + 2) / 2,
  };
}
