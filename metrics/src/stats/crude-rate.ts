import { poissonCountInterval, type PoissonMethod } from './poisson-count-interval.ts';

export interface CrudeRateOptions {
  /** Rate per this many of the denominator, default 100 000. */
  readonly multiplier?: number;
  /** Two-sided confidence level, 0 < level < 1, default 0.95. */
  readonly level?: number;
}

export interface CrudeRate {
  /** count / denominator × multiplier; null when the count or the denominator is missing. */
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** 'exact' below 10 events, 'byars' from 10; null when the count is missing. */
  readonly method: PoissonMethod | null;
}

/**
 * Crude rate with Poisson confidence limits, as PHEindicatormethods `phe_rate` (PHE Technical Guide):
 * exact chi-square limits for a count below 10, Byar's approximation from 10; the limits on the count are
 * divided by the denominator and multiplied by the multiplier. A count may exceed the denominator.
 * A missing (null) count or denominator gives null outputs, as the reference does.
 * @param count events, a finite number ≥ 0, or null when missing
 * @param denominator population (person-years), a finite number > 0, or null when missing
 * @param options multiplier (default 100 000) and level (default 0.95)
 * @example crudeRate(65, 100, { multiplier: 100 }) // { value: 65, lower: 50.163…, upper: 82.849…, method: 'byars' }
 */
export function crudeRate(count: number | null, denominator: number | null, options: CrudeRateOptions = {}): CrudeRate {
  const { multiplier = 100_000, level = 0.95 } = options;
  if (count !== null && (!Number.isFinite(count) || count < 0)) throw new RangeError(`count must be a finite number ≥ 0 (got ${count})`);
  if (denominator !== null && (!Number.isFinite(denominator) || denominator <= 0)) {
    throw new RangeError(`denominator must be a finite number > 0 (got ${denominator})`);
  }
  if (!Number.isFinite(multiplier) || multiplier <= 0) throw new RangeError(`multiplier must be a finite number > 0 (got ${multiplier})`);
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be between 0 and 1 (got ${level})`);
  if (count === null) return { value: null, lower: null, upper: null, method: null };
  const interval = poissonCountInterval(count, level);
  if (denominator === null) return { value: null, lower: null, upper: null, method: interval.method };
  const perDenominator = (x: number): number => (x / denominator) * multiplier;
  return { value: perDenominator(count), lower: perDenominator(interval.lower), upper: perDenominator(interval.upper), method: interval.method };
}
