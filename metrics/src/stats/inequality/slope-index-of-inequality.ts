import { normalQuantile } from '../normal-quantile.ts';
import { seededNormal } from '../seeded-normal.ts';

/** phe_sii's `value_type`: 0 normal, 1 rate (log scale for the standard errors), 2 proportion (logit scale). */
export const SII_VALUE_TYPES = ['normal', 'rate', 'proportion'] as const;
export type SiiValueType = (typeof SII_VALUE_TYPES)[number];

/** One deprivation quantile (quintile, decile, …) of one area, as phe_sii takes it. */
export interface SiiQuantile {
  /** 1 = most deprived (relative rank near 0) … k = least deprived (rank near 1), as IMD quintiles and deciles are numbered. */
  readonly quantile: number;
  /** Population of the quantile (the indicator's denominator), > 0; only its share of the total matters. */
  readonly population: number;
  /** The quantile's indicator value; for valueType 'proportion' a proportion between 0 and 1, not a percentage. */
  readonly value: number;
  /** Standard error of the value on the working scale: the value's own for 'normal', of its log for 'rate', of its logit for 'proportion'. */
  readonly se?: number | null;
  /** 95% confidence limits of the value, in the value's units; give both. Used for the standard error when `se` is not given. */
  readonly lower95?: number | null;
  readonly upper95?: number | null;
}

/** The fields of a quantile, so a caller can point at the offending input (e.g. a CSV column). */
export type SiiField = 'quantile' | 'population' | 'value' | 'se' | 'lower95' | 'upper95';

/** Invalid quantiles: `field` and `quantile` say where (quantile is null when the set as a whole is wrong). */
export class SiiInputError extends RangeError {
  constructor(
    /** The problem without the place, e.g. "must be a finite number > 0 (got 0)". */
    readonly problem: string,
    readonly field: SiiField,
    readonly quantile: number | null,
  ) {
    super(quantile === null ? problem : `${field} of quantile ${quantile} ${problem}`);
    this.name = 'SiiInputError';
  }
}

export interface SiiConfidenceOptions {
  /** Two-sided confidence level, 0.9 ≤ level < 1 (phe_sii's range); default 0.95. */
  readonly level?: number;
  /** Simulated data sets, an integer ≥ 1,000; default 100,000 (phe_sii's defaults). */
  readonly repetitions?: number;
  /** Seed of the generator, a safe integer; default 1. The same inputs and seed give the same limits. */
  readonly seed?: number;
}

export interface SiiOptions {
  /** Scales the SII (e.g. 100 for percentage points from proportions); negative flips the SII and inverts the RII. Default 1. */
  readonly multiplier?: number;
  /** How standard errors are derived and values simulated; default 'normal'. */
  readonly valueType?: SiiValueType;
  /** Confidence limits by simulation; none when omitted. */
  readonly confidence?: SiiConfidenceOptions;
}

export interface SiiConfidenceLimits {
  readonly level: number;
  readonly repetitions: number;
  readonly siiLower: number;
  readonly siiUpper: number;
  /** Null only if a simulated fitted value at rank 0 was 0, so the ratio had no finite value. */
  readonly riiLower: number | null;
  readonly riiUpper: number | null;
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

const MIN_REPETITIONS = 1000;
const Z95 = normalQuantile(0.975);

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

interface WeightedLine {
  readonly fit: (values: ArrayLike<number>) => { slope: number; intercept: number };
}

/** The weighted least-squares line through (rank, value), ranks from the populations; fit is linear in the values. */
function weightedLine(populations: readonly number[]) {
  const total = populations.reduce((s, p) => s + p, 0);
  const shares = populations.map((p) => p / total);
  let cumulative = 0;
  const ranks = shares.map((a) => {
    const mid = cumulative + a / 2;
    cumulative += a;
    return mid;
  });
  const meanRank = shares.reduce((s, a, i) => s + a * ranks[i]!, 0);
  const sxx = shares.reduce((s, a, i) => s + a * (ranks[i]! - meanRank) ** 2, 0);
  const slopeWeights = Float64Array.from(shares, (a, i) => (a * (ranks[i]! - meanRank)) / sxx);
  const meanWeights = Float64Array.from(shares);
  const fit = (values: ArrayLike<number>) => {
    let slope = 0;
    let mean = 0;
    for (let i = 0; i < slopeWeights.length; i++) {
      slope += slopeWeights[i]! * values[i]!;
      mean += meanWeights[i]! * values[i]!;
    }
    return { slope, intercept: mean - slope * meanRank };
  };
  return { fit } satisfies WeightedLine;
}

function ratio(intercept: number, slope: number, multiplier: number): number | null {
  const rii = (intercept + slope) / intercept;
  const oriented = multiplier < 0 ? 1 / rii : rii;
  return Number.isFinite(oriented) ? oriented : null;
}

interface Simulation {
  readonly level: number;
  readonly repetitions: number;
  readonly seed: number;
}

function checkSimulation(options: SiiConfidenceOptions): Simulation {
  const level = options.level ?? 0.95;
  const repetitions = options.repetitions ?? 100_000;
  const seed = options.seed ?? 1;
  if (!(level >= 0.9 && level < 1)) throw new RangeError(`confidence level must be at least 0.9 and below 1, as in phe_sii (got ${level})`);
  if (!(Number.isInteger(repetitions) && repetitions >= MIN_REPETITIONS)) throw new RangeError(`repetitions must be an integer ≥ ${MIN_REPETITIONS} (got ${repetitions})`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer (got ${seed})`);
  return { level, repetitions, seed };
}

function checkQuantiles(quantiles: readonly SiiQuantile[], valueType: SiiValueType): SiiQuantile[] {
  const k = quantiles.length;
  if (k < 5 || k > 100) throw new SiiInputError(`the SII needs between 5 and 100 quantiles (got ${k})`, 'quantile', null);
  const ordered = [...quantiles].sort((a, b) => a.quantile - b.quantile);
  if (ordered.some((q, i) => q.quantile !== i + 1)) {
    throw new SiiInputError(`quantiles must be numbered 1 to ${k}, each once (got ${quantiles.map((q) => q.quantile).join(', ')})`, 'quantile', null);
  }
  const range = valueType === 'proportion' ? 'between 0 and 1 for a proportion' : valueType === 'rate' ? '≥ 0 for a rate' : null;
  const inRange = (x: number) => (valueType === 'proportion' ? x >= 0 && x <= 1 : valueType === 'rate' ? x >= 0 : true);
  for (const q of ordered) {
    const fail = (field: SiiField, problem: string) => new SiiInputError(problem, field, q.quantile);
    if (!(Number.isFinite(q.population) && q.population > 0)) throw fail('population', `must be a finite number > 0 (got ${q.population})`);
    if (!Number.isFinite(q.value)) throw fail('value', `must be a finite number (got ${q.value})`);
    if (!inRange(q.value)) throw fail('value', `must be ${range} (got ${q.value})`);
    if (q.se != null && !(Number.isFinite(q.se) && q.se >= 0)) throw fail('se', `must be a finite number ≥ 0 (got ${q.se})`);
    const lower = q.lower95 ?? null;
    const upper = q.upper95 ?? null;
    if ((lower === null) !== (upper === null)) {
      throw fail(lower === null ? 'lower95' : 'upper95', `is missing; a standard error from limits needs both lower95 and upper95`);
    }
    if (lower !== null && upper !== null) {
      for (const [field, limit] of [['lower95', lower], ['upper95', upper]] as const) {
        if (!Number.isFinite(limit)) throw fail(field, `must be a finite number (got ${limit})`);
        if (!inRange(limit)) throw fail(field, `must be ${range} (got ${limit})`);
      }
      if (lower > upper) throw fail('lower95', `must be ≤ upper95 (got ${lower} > ${upper})`);
    }
  }
  return ordered;
}

const TRANSFORMS: Record<SiiValueType, { to: (x: number) => number; back: (t: number) => number }> = {
  normal: { to: (x) => x, back: (t) => t },
  rate: { to: Math.log, back: Math.exp },
  proportion: { to: (p) => Math.log(p / (1 - p)), back: (t) => 1 / (1 + Math.exp(-t)) },
};

/** Centres and standard errors on the working scale, or null when a quantile has no finite pair. */
function workingScale(ordered: readonly SiiQuantile[], valueType: SiiValueType): { centres: Float64Array; errors: Float64Array } | null {
  const { to } = TRANSFORMS[valueType];
  const centres = new Float64Array(ordered.length);
  const errors = new Float64Array(ordered.length);
  for (const [i, q] of ordered.entries()) {
    const se = q.se ?? (q.lower95 != null && q.upper95 != null ? (to(q.upper95) - to(q.lower95)) / (2 * Z95) : null);
    centres[i] = to(q.value);
    if (se === null || !Number.isFinite(se) || !Number.isFinite(centres[i]!)) return null;
    errors[i] = se;
  }
  return { centres, errors };
}

function simulateLimits(
  line: WeightedLine,
  { centres, errors }: { centres: Float64Array; errors: Float64Array },
  valueType: SiiValueType,
  multiplier: number,
  { level, repetitions, seed }: Simulation,
): SiiConfidenceLimits {
  const { back } = TRANSFORMS[valueType];
  const draw = seededNormal(seed);
  const values = new Float64Array(centres.length);
  const siis = new Float64Array(repetitions);
  const riis = new Float64Array(repetitions);
  for (let r = 0; r < repetitions; r++) {
    for (let i = 0; i < values.length; i++) values[i] = back(centres[i]! + errors[i]! * draw());
    const { slope, intercept } = line.fit(values);
    siis[r] = slope * multiplier;
    const rii = (intercept + slope) / intercept;
    riis[r] = multiplier < 0 ? 1 / rii : rii;
  }
  siis.sort();
  riis.sort();
  const upperTail = level + (1 - level) / 2;
  // phe_sii's positions: R's round() (half to even) of R·(1 − c′) and R·c′, 1-based.
  const lowerAt = Math.min(repetitions, Math.max(1, roundHalfEven(repetitions * (1 - upperTail)))) - 1;
  const upperAt = Math.min(repetitions, Math.max(1, roundHalfEven(repetitions * upperTail))) - 1;
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  return { level, repetitions, siiLower: siis[lowerAt]!, siiUpper: siis[upperAt]!, riiLower: finite(riis[lowerAt]!), riiUpper: finite(riis[upperAt]!) };
}

function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff !== 0.5) return Math.round(x);
  return floor % 2 === 0 ? floor : floor + 1;
}
