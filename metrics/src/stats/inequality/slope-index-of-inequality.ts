import { checkQuantiles, SII_VALUE_TYPES, type SiiValueType, type SiiQuantile } from './sii-input.ts';
import { checkSimulation, simulateLimits, workingScale, type SiiConfidenceLimits, type SiiConfidenceOptions } from './sii-simulation.ts';
import { weightedLine } from './weighted-rank-line.ts';

export { SII_VALUE_TYPES, SiiInputError, type SiiField, type SiiQuantile, type SiiValueType } from './sii-input.ts';
export type { SiiConfidenceLimits, SiiConfidenceOptions } from './sii-simulation.ts';

export interface SiiOptions {
  /** Scales the SII (e.g. 100 for percentage points from proportions); negative flips the SII and inverts the RII. Default 1. */
  readonly multiplier?: number;
  /** How standard errors are derived and values simulated; default 'normal'. */
  readonly valueType?: SiiValueType;
  /** Confidence limits by simulation; none when omitted. */
  readonly confidence?: SiiConfidenceOptions;
}

export interface SlopeIndexOfInequality {
  /** Slope of the fitted line × multiplier: fitted value at rank 1 (least deprived) minus that at rank 0 (most deprived). */
  readonly sii: number;
  /** Fitted value at rank 1 ÷ fitted value at rank 0, i.e. (intercept + slope) / intercept; inverted for a negative multiplier. Null when the intercept is 0. */
  readonly rii: number | null;
  /** Fitted value at rank 0, the most deprived end, in the units of `value` (not scaled by the multiplier), as phe_sii's `intercept`. */
  readonly intercept: number;
  /** Null when not asked for, or when a quantile has no finite standard error on the working scale (none given; a proportion of 0 or 1, or a rate of 0, whose logit or log is infinite). */
  readonly confidence: SiiConfidenceLimits | null;
}

/**
 * Slope index of inequality (SII) and relative index of inequality (RII) by PHEindicatormethods
 * `phe_sii` (package 2.x, `transform = FALSE`; Low & Low, J Public Health 2004;26:388–395).
 *
 * Each quantile gets a relative rank b: the mid-point of its population share in the cumulative
 * distribution, quantile 1 first (a first decile holding 12% of the population has rank 0.06). The
 * values y are regressed on the ranks with √a transformation, `lm(√a·y ~ √a + b·√a − 1)` where a is
 * the quantile's population share: least squares weighted by a. The SII is the slope × multiplier;
 * the RII is the fitted value at rank 1 over the fitted value at rank 0, (intercept + slope) / intercept.
 * With quantile 1 the most deprived, **a positive SII and an RII above 1 mean higher values in the less
 * deprived quantiles**. A negative multiplier negates the SII and inverts the RII, as phe_sii does.
 *
 * Confidence limits (`confidence`) follow phe_sii's simulation: each quantile's value is drawn from a
 * normal distribution centred on the value with its standard error (on the log scale for rates and the
 * logit scale for proportions, drawn values transformed back), the SII and RII of every simulated data
 * set are computed, and the limits are the order statistics at positions round(R·(1−c)/2) and
 * round(R·(1+c)/2) of the R sorted results. The standard error is `se` when given, otherwise
 * (upper95 − lower95) / (2 × 1.959964) on the working scale. The draws come from a seeded generator
 * (`seededNormal`), so a run is reproducible; the limits differ from R's by simulation error only.
 * Point estimates use the values as given (phe_sii transforms and back-transforms them, which changes
 * nothing except a proportion of exactly 1, where R gives NaN).
 * @param quantiles 5 to 100 quantiles numbered 1 to k, in any order
 * @param options multiplier (default 1), valueType (default 'normal'), confidence (default none)
 * @example
 * // ten equal deciles whose values rise by 1 a decile: slope 10, fitted ends 0.5 and 10.5
 * slopeIndexOfInequality(Array.from({ length: 10 }, (_, i) => ({ quantile: i + 1, population: 100, value: i + 1 })))
 * // { sii: 10, rii: 21, intercept: 0.5, confidence: null }
 */
export function slopeIndexOfInequality(quantiles: readonly SiiQuantile[], options: SiiOptions = {}): SlopeIndexOfInequality {
  const multiplier = options.multiplier ?? 1;
  const valueType = options.valueType ?? 'normal';
  if (!(Number.isFinite(multiplier) && multiplier !== 0)) throw new RangeError(`multiplier must be a finite number other than 0 (got ${multiplier})`);
  if (!SII_VALUE_TYPES.includes(valueType)) throw new RangeError(`valueType must be ${SII_VALUE_TYPES.join(', ')} (got ${String(valueType)})`);
  const simulation = options.confidence && checkSimulation(options.confidence);
  const ordered = checkQuantiles(quantiles, valueType);

  const line = weightedLine(ordered.map((q) => q.population));
  const { slope, intercept } = line.fit(ordered.map((q) => q.value));
  const working = simulation ? workingScale(ordered, valueType) : null;
  return {
    sii: slope * multiplier,
    rii: ratio(intercept, slope, multiplier),
    intercept,
    confidence: simulation && working ? simulateLimits(line, working, valueType, multiplier, simulation) : null,
  };
}

function ratio(intercept: number, slope: number, multiplier: number): number | null {
  const rii = (intercept + slope) / intercept;
  const oriented = multiplier < 0 ? 1 / rii : rii;
  return Number.isFinite(oriented) ? oriented : null;
}

