// phe_sii's simulated confidence limits: values drawn on the working scale (log for rates, logit for
// proportions) from a seeded generator, so a run is reproducible.
import { normalQuantile } from '../normal-quantile.ts';
import { seededNormal } from '../seeded-normal.ts';
import type { SiiQuantile, SiiValueType } from './sii-input.ts';
import type { WeightedLine } from './weighted-rank-line.ts';

const MIN_REPETITIONS = 1000;
const Z95 = normalQuantile(0.975);

export interface SiiConfidenceOptions {
  /** Two-sided confidence level, 0.9 ≤ level < 1 (phe_sii's range); default 0.95. */
  readonly level?: number;
  /** Simulated data sets, an integer ≥ 1,000; default 100,000 (phe_sii's defaults). */
  readonly repetitions?: number;
  /** Seed of the generator, a safe integer; default 1. The same inputs and seed give the same limits. */
  readonly seed?: number;
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

export interface Simulation {
  readonly level: number;
  readonly repetitions: number;
  readonly seed: number;
}

export function checkSimulation(options: SiiConfidenceOptions): Simulation {
  const level = options.level ?? 0.95;
  const repetitions = options.repetitions ?? 100_000;
  const seed = options.seed ?? 1;
  if (!(level >= 0.9 && level < 1)) throw new RangeError(`confidence level must be at least 0.9 and below 1, as in phe_sii (got ${level})`);
  if (!(Number.isInteger(repetitions) && repetitions >= MIN_REPETITIONS)) throw new RangeError(`repetitions must be an integer ≥ ${MIN_REPETITIONS} (got ${repetitions})`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer (got ${seed})`);
  return { level, repetitions, seed };
}

const TRANSFORMS: Record<SiiValueType, { to: (x: number) => number; back: (t: number) => number }> = {
  normal: { to: (x) => x, back: (t) => t },
  rate: { to: Math.log, back: Math.exp },
  proportion: { to: (p) => Math.log(p / (1 - p)), back: (t) => 1 / (1 + Math.exp(-t)) },
};

/** Centres and standard errors on the working scale, or null when a quantile has no finite pair. */
export function workingScale(ordered: readonly SiiQuantile[], valueType: SiiValueType): { centres: Float64Array; errors: Float64Array } | null {
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

export function simulateLimits(
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
