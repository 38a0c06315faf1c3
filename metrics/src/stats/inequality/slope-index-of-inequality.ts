import { normalQuantile } from '../normal-quantile.ts';
import { wilsonInterval } from '../wilson-interval.ts';

/** One deprivation quantile (quintile or decile) of an area's population. */
export interface DeprivationGroup {
  /** 1 = most deprived … k = least deprived, as IMD quintiles and deciles are numbered. */
  readonly quantile: number;
  readonly numerator: number;
  readonly denominator: number;
  /** The quantile's weight, as a count or a share; defaults to the denominator. */
  readonly population?: number;
}

export interface SiiSimulationOptions {
  /** Two-sided confidence level, default 0.95. */
  readonly level?: number;
  /** Number of simulated data sets, at least 1,000; default 100,000 (as PHEindicatormethods). */
  readonly repetitions?: number;
  /** Seed of the pseudo-random generator, an integer; default 1. */
  readonly seed?: number;
}

export interface SiiOptions {
  /** Scale of the quantile values: value = numerator / denominator × multiplier; default 1 (100 for percent). */
  readonly multiplier?: number;
  /** Confidence limits by the PHE simulation method, for proportions only; none when omitted. */
  readonly confidence?: SiiSimulationOptions;
}

export interface SiiConfidenceLimits {
  readonly level: number;
  readonly siiLower: number;
  readonly siiUpper: number;
  readonly riiLower: number;
  readonly riiUpper: number;
}

export interface SlopeIndexOfInequality {
  /** Fitted value at the least deprived end minus the fitted value at the most deprived end, in value units. */
  readonly sii: number;
  /** SII divided by the mean value; null when the mean is 0. */
  readonly rii: number | null;
  /** Population-weighted mean of the quantile values, which is also the fitted value at rank 0.5. */
  readonly mean: number;
  /** Fitted value at rank 0 (the most deprived end). */
  readonly fittedMostDeprived: number;
  /** Fitted value at rank 1 (the least deprived end). */
  readonly fittedLeastDeprived: number;
  readonly confidence: SiiConfidenceLimits | null;
}

const MIN_REPETITIONS = 1000;

/**
 * Slope index of inequality (SII) and relative index of inequality (RII) across deprivation quantiles,
 * by the PHE/OHID method (Technical Guide "Slope index of inequality"; Low & Low, J Public Health
 * 2004;26:388–395; PHEindicatormethods `phe_sii`).
 *
 * Quantiles are ordered from most deprived (1) to least deprived (k). Each gets a relative rank: the
 * mid-point of its share of the population in the cumulative distribution (a first quintile holding
 * 12% of the population has rank 0.06). The quantile values are regressed on these ranks by least
 * squares weighted by population share (phe_sii's √a transformation); the SII is the slope, i.e. the
 * fitted value at rank 1 minus the fitted value at rank 0. **A positive SII means values are higher
 * in the less deprived quantiles**: good for coverage, bad for admissions.
 *
 * RII = SII / mean, the mean being the population-weighted mean of the quantile values, so the RII is
 * the gap as a fraction of the average. (phe_sii's `rii` is instead the ratio of the fitted ends,
 * fittedLeastDeprived / fittedMostDeprived; both fitted ends are returned for that form.)
 *
 * With `confidence`, limits come from phe_sii's simulation (value_type 2, proportions): each quantile's
 * value is drawn from a normal distribution on the logit scale, centred on logit(p) with standard error
 * (logit U − logit L) / (2 × 1.96) from its 95% Wilson limits; the SII (and RII) of every simulated data
 * set is computed and the limits are the order statistics at round(R × (1 − c)/2) and
 * round(R × (1 + c)/2) of the R sorted results. Draws come from a seeded generator, so the same
 * inputs and seed always give the same limits (they differ from R's, which uses its own generator).
 * Requires 0 < numerator < denominator in every quantile.
 * @param groups 5 to 100 quantiles, numbered 1 to k, in any order
 * @param options `multiplier` (default 1), `confidence` (default none)
 * @example
 * // five equal quintiles with 10%, 20%, 30%, 40%, 50%, most deprived first
 * slopeIndexOfInequality([1, 2, 3, 4, 5].map((q) => ({ quantile: q, numerator: 10 * q, denominator: 100 })), { multiplier: 100 })
 * // { sii: 50, rii: 1.666…, mean: 30, fittedMostDeprived: 5, fittedLeastDeprived: 55, confidence: null }
 */
export function slopeIndexOfInequality(groups: readonly DeprivationGroup[], options: SiiOptions = {}): SlopeIndexOfInequality {
  const multiplier = options.multiplier ?? 1;
  if (!(Number.isFinite(multiplier) && multiplier > 0)) throw new RangeError(`multiplier must be a finite number > 0 (got ${multiplier})`);
  const ordered = checkGroups(groups);

  const total = ordered.reduce((s, g) => s + (g.population ?? g.denominator), 0);
  const shares = ordered.map((g) => (g.population ?? g.denominator) / total);
  let cumulative = 0;
  const ranks = shares.map((a) => {
    const mid = cumulative + a / 2;
    cumulative += a;
    return mid;
  });
  // The population-weighted mean of the mid-point ranks is exactly 0.5, so the weighted fit is centred there.
  const sxx = shares.reduce((s, a, i) => s + a * (ranks[i]! - 0.5) ** 2, 0);
  const slopeWeights = shares.map((a, i) => (a * (ranks[i]! - 0.5)) / sxx);
  const fit = (values: ArrayLike<number>) => {
    let sii = 0;
    let mean = 0;
    for (let i = 0; i < shares.length; i++) {
      sii += slopeWeights[i]! * values[i]!;
      mean += shares[i]! * values[i]!;
    }
    return { sii, mean };
  };

  const { sii, mean } = fit(ordered.map((g) => (g.numerator / g.denominator) * multiplier));
  return {
    sii,
    rii: mean === 0 ? null : sii / mean,
    mean,
    fittedMostDeprived: mean - sii / 2,
    fittedLeastDeprived: mean + sii / 2,
    confidence: options.confidence ? simulateLimits(ordered, multiplier, options.confidence, fit) : null,
  };
}

function checkGroups(groups: readonly DeprivationGroup[]): DeprivationGroup[] {
  const k = groups.length;
  if (k < 5 || k > 100) throw new RangeError(`the SII needs between 5 and 100 quantiles (got ${k})`);
  const ordered = [...groups].sort((a, b) => a.quantile - b.quantile);
  if (ordered.some((g, i) => g.quantile !== i + 1)) {
    throw new RangeError(`quantiles must be numbered 1 to ${k}, each once (got ${groups.map((g) => g.quantile).join(', ')})`);
  }
  for (const g of ordered) {
    const where = `of quantile ${g.quantile}`;
    if (!(Number.isFinite(g.numerator) && g.numerator >= 0)) throw new RangeError(`numerator ${where} must be a finite number ≥ 0 (got ${g.numerator})`);
    if (!(Number.isFinite(g.denominator) && g.denominator > 0)) throw new RangeError(`denominator ${where} must be a finite number > 0 (got ${g.denominator})`);
    if (g.population !== undefined && !(Number.isFinite(g.population) && g.population > 0)) {
      throw new RangeError(`population ${where} must be a finite number > 0 (got ${g.population})`);
    }
  }
  return ordered;
}

function simulateLimits(
  ordered: readonly DeprivationGroup[],
  multiplier: number,
  options: SiiSimulationOptions,
  fit: (values: ArrayLike<number>) => { sii: number; mean: number },
): SiiConfidenceLimits {
  const level = options.level ?? 0.95;
  const repetitions = options.repetitions ?? 100_000;
  const seed = options.seed ?? 1;
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be between 0 and 1 (got ${level})`);
  if (!(Number.isInteger(repetitions) && repetitions >= MIN_REPETITIONS)) {
    throw new RangeError(`repetitions must be an integer ≥ ${MIN_REPETITIONS} (got ${repetitions})`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer (got ${seed})`);
  for (const g of ordered) {
    if (!(g.numerator > 0 && g.numerator < g.denominator)) {
      throw new RangeError(
        `confidence limits by simulation need 0 < numerator < denominator in every quantile (quantile ${g.quantile}: ${g.numerator} of ${g.denominator})`,
      );
    }
  }

  const z95 = normalQuantile(0.975);
  const centres = ordered.map((g) => logit(g.numerator / g.denominator));
  const errors = ordered.map((g) => {
    const ci = wilsonInterval(g.numerator, g.denominator, 0.95);
    return (logit(ci.upper) - logit(ci.lower)) / (2 * z95);
  });

  const random = sfc32(seed);
  const values = new Float64Array(ordered.length);
  const siis = new Float64Array(repetitions);
  const riis = new Float64Array(repetitions);
  for (let r = 0; r < repetitions; r++) {
    for (let i = 0; i < values.length; i++) {
      const u = (random() + 0.5) / 2 ** 32;
      values[i] = expit(centres[i]! + errors[i]! * normalQuantile(u)) * multiplier;
    }
    const { sii, mean } = fit(values);
    siis[r] = sii;
    riis[r] = sii / mean;
  }
  siis.sort();
  riis.sort();
  const upperTail = level + (1 - level) / 2;
  const at = (sorted: Float64Array, p: number) => sorted[Math.min(repetitions, Math.max(1, Math.round(repetitions * p))) - 1]!;
  return { level, siiLower: at(siis, 1 - upperTail), siiUpper: at(siis, upperTail), riiLower: at(riis, 1 - upperTail), riiUpper: at(riis, upperTail) };
}

const logit = (p: number) => Math.log(p / (1 - p));
const expit = (x: number) => 1 / (1 + Math.exp(-x));

/** sfc32 (Chris Doty-Humphrey's PractRand "small fast counting" generator): 32-bit unsigned integers. */
function sfc32(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = (seed ^ Math.floor(seed / 2 ** 32)) >>> 0;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}
