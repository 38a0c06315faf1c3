import { byarsInterval } from './byars-interval.ts';
import { exactPoissonInterval } from './exact-poisson-interval.ts';

export type PoissonMethod = 'exact' | 'byars';

export interface PoissonCountInterval {
  /** Lower limit on the count scale (never null: Byar's is only used from 10 events, where it is positive). */
  readonly lower: number;
  readonly upper: number;
  readonly method: PoissonMethod;
}

/** Counts below this use exact limits, from it Byar's approximation (PHE Technical Guide). */
const BYARS_MINIMUM_COUNT = 10;

/**
 * Confidence limits of an observed count as PHE computes them for rates and funnel plots: exact
 * (chi-square) limits for x < 10 and Byar's approximation for x ≥ 10 (PHEindicatormethods `phe_rate`
 * and `assign_funnel_significance`). Count scale; divide by the denominator for a rate.
 * @param count observed events, a finite number ≥ 0
 * @param level two-sided confidence level, 0 < level < 1, default 0.95
 * @example poissonCountInterval(20) // { lower: 12.21142883487594, upper: 30.88988036919707, method: 'byars' }
 */
export function poissonCountInterval(count: number, level = 0.95): PoissonCountInterval {
  if (!Number.isFinite(count) || count < 0) throw new RangeError(`count must be a finite number ≥ 0 (got ${count})`);
  if (count < BYARS_MINIMUM_COUNT) return { ...exactPoissonInterval(count, level), method: 'exact' };
  const { lower, upper } = byarsInterval(count, level);
  // Unreachable: z ≤ 8.3 for any level < 1 in double precision, and Byar's lower limit at x = 10 stays positive up to z ≈ 9.4.
  if (lower === null) throw new RangeError(`confidence level ${level} is too close to 1 for Byar's limits at count ${count}`);
  return { lower, upper, method: 'byars' };
}
