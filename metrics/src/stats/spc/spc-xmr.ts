import { spcSpecialCauses, type SpcRule } from './spc-special-causes.ts';

/** Which direction of change is an improvement; `neutral` makes no judgement. */
export type SpcImprovement = 'increase' | 'decrease' | 'neutral';

/** Point classification as in NHSRplotthedots `point_type`. */
export type SpcPointType =
  | 'common_cause'
  | 'special_cause_improvement'
  | 'special_cause_concern'
  | 'special_cause_neutral_high'
  | 'special_cause_neutral_low';

export interface SpcOptions {
  /** Default `'increase'`. */
  readonly improvement?: SpcImprovement;
  /** Drop moving ranges ≥ 3.267 × the average moving range, then average again (once). Default true. */
  readonly screenOutliers?: boolean;
  /** Compute each phase's mean and limits from its first N points only (N ≥ 2). Default: all points. */
  readonly baselineLength?: number;
  /** Indices (strictly increasing, 1 … n − 1) at which a new phase with its own limits starts. Default none. */
  readonly rebaseAt?: readonly number[];
}

export interface SpcPoint {
  readonly index: number;
  readonly value: number;
  /** 0 for the first phase, then 1, 2, … after each rebase. */
  readonly phase: number;
  /** Whether the point is among those its phase's limits were computed from. */
  readonly inBaseline: boolean;
  /** |value − previous value| within the phase; null for a phase's first point. */
  readonly movingRange: number | null;
  /** Average moving range of the phase baseline, after outlier screening. */
  readonly averageMovingRange: number;
  /** Centre line. */
  readonly mean: number;
  /** Lower process limit, mean − 2.66 × average moving range. */
  readonly lpl: number;
  /** Upper process limit, mean + 2.66 × average moving range. */
  readonly upl: number;
  /** Inner edge of the lower near-limit band, mean − (2/3)·2.66 × average moving range. */
  readonly nearLower: number;
  /** Inner edge of the upper near-limit band, mean + (2/3)·2.66 × average moving range. */
  readonly nearUpper: number;
  readonly relativeToMean: -1 | 0 | 1;
  readonly outsideLimits: boolean;
  /** Beyond a near-limit edge but not outside the limits. */
  readonly nearLimit: boolean;
  /** Special-cause rule that flagged the point (see `spcSpecialCauses`), null for common cause. */
  readonly rule: SpcRule | null;
  readonly pointType: SpcPointType;
}

export interface SpcResult {
  readonly improvement: SpcImprovement;
  readonly points: readonly SpcPoint[];
}

const LIMIT = 2.66;
const NEAR_LIMIT = 2 * (LIMIT / 3);
const OUTLIER_MOVING_RANGE = 3.267;
const IMPROVEMENTS: readonly SpcImprovement[] = ['increase', 'decrease', 'neutral'];

/**
 * XmR (individuals) statistical process control chart, NHS England "Making Data Count" method, as
 * implemented by NHSRplotthedots 0.2.2 `ptd_spc` and matched to its outputs.
 *
 * Per phase: centre line = mean of the baseline values; moving ranges |yᵢ − yᵢ₋₁|; average moving range A
 * (with `screenOutliers`, ranges ≥ 3.267·A are dropped and A is recomputed once); process limits
 * mean ± 2.66·A; near-limit band beyond mean ± (2/3)·2.66·A. Each point gets the special-cause rule of
 * `spcSpecialCauses` (outside limits > 7-point trend > 2 of 3 near a limit > 7-point run) and a point type:
 * with `increase`, above/increasing is an improvement and below/decreasing a concern; `decrease` swaps
 * them; `neutral` gives `special_cause_neutral_high` / `_low`.
 *
 * `baselineLength` applies within each phase (like `fix_after_n_points`). One deliberate difference from
 * the R package: when every baseline moving range is 0 (a flat baseline) screening is skipped, so the
 * limits equal the mean instead of being NaN.
 * @param values measurements in time order, in the indicator's unit; at least 2, all finite
 * @param options improvement direction (default 'increase'), screenOutliers (default true), baselineLength, rebaseAt
 * @throws RangeError for fewer than 2 values, a non-finite value (naming its index), or an invalid option
 * @example
 * spcXmr([1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]).points[4]
 * // { value: 10, mean: 1.944…, lpl: -0.7155…, upl: 4.6044…, rule: 'above-upper-limit', pointType: 'special_cause_improvement', … }
 */
export function spcXmr(values: readonly number[], options: SpcOptions = {}): SpcResult {
  const { improvement = 'increase', screenOutliers = true, baselineLength, rebaseAt = [] } = options;
  if (values.length < 2) throw new RangeError(`spcXmr needs at least 2 values (got ${values.length})`);
  values.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`values[${i}] must be a finite number (got ${String(v)})`);
  });
  if (!IMPROVEMENTS.includes(improvement)) {
    throw new RangeError(`improvement must be 'increase', 'decrease' or 'neutral' (got '${String(improvement)}')`);
  }
  if (baselineLength !== undefined && !(Number.isInteger(baselineLength) && baselineLength >= 2)) {
    throw new RangeError(`baselineLength must be an integer ≥ 2 (got ${baselineLength})`);
  }
  const starts = phaseStarts(rebaseAt, values.length);

  const points: SpcPoint[] = [];
  starts.forEach((start, phase) => {
    const end = starts[phase + 1] ?? values.length;
    const phaseValues = values.slice(start, end);
    const baseline = phaseValues.slice(0, baselineLength ?? phaseValues.length);
    const mean = average(baseline);
    const averageMovingRange = screenedAverage(movingRanges(baseline), screenOutliers);
    const lpl = mean - LIMIT * averageMovingRange;
    const upl = mean + LIMIT * averageMovingRange;
    const nearLower = mean - NEAR_LIMIT * averageMovingRange;
    const nearUpper = mean + NEAR_LIMIT * averageMovingRange;

    const phasePoints = phaseValues.map((value, i) => {
      const outsideLimits = value > upl || value < lpl;
      return {
        index: start + i,
        value,
        phase,
        inBaseline: i < baseline.length,
        movingRange: i === 0 ? null : Math.abs(value - phaseValues[i - 1]!),
        averageMovingRange,
        mean,
        lpl,
        upl,
        nearLower,
        nearUpper,
        relativeToMean: Math.sign(value - mean) as -1 | 0 | 1,
        outsideLimits,
        nearLimit: !outsideLimits && (value < nearLower || value > nearUpper),
      };
    });
    const rules = spcSpecialCauses(phasePoints);
    phasePoints.forEach((p, i) => {
      const rule = rules[i] ?? null;
      // Written out rather than spread: a spread followed by more fields is V8's slow path, and a release's status table draws some hundred thousand charts.
      points.push({
        index: p.index, value: p.value, phase: p.phase, inBaseline: p.inBaseline, movingRange: p.movingRange, averageMovingRange: p.averageMovingRange,
        mean: p.mean, lpl: p.lpl, upl: p.upl, nearLower: p.nearLower, nearUpper: p.nearUpper, relativeToMean: p.relativeToMean,
        outsideLimits: p.outsideLimits, nearLimit: p.nearLimit, rule, pointType: pointType(rule, improvement),
      });
    });
  });
  return { improvement, points };
}

function phaseStarts(rebaseAt: readonly number[], n: number): number[] {
  const starts = [0];
  rebaseAt.forEach((at, k) => {
    if (!Number.isInteger(at) || at < 1 || at > n - 1) {
      throw new RangeError(`rebaseAt[${k}] must be an integer index from 1 to ${n - 1} (got ${at})`);
    }
    const previous = starts[starts.length - 1]!;
    if (at <= previous) throw new RangeError(`rebaseAt must be strictly increasing (got ${at} after ${previous})`);
    starts.push(at);
  });
  starts.forEach((start, i) => {
    const length = (starts[i + 1] ?? n) - start;
    if (length < 2) throw new RangeError(`each phase needs at least 2 values (the phase starting at index ${start} has ${length})`);
  });
  return starts;
}

function movingRanges(values: readonly number[]): number[] {
  return values.slice(1).map((v, i) => Math.abs(v - values[i]!));
}

function screenedAverage(ranges: readonly number[], screen: boolean): number {
  const first = average(ranges);
  if (!screen || first === 0) return first;
  return average(ranges.filter((r) => r < OUTLIER_MOVING_RANGE * first));
}

/** Mean with R's second-pass correction, so centre lines agree with the reference to the last digits. */
function average(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  const rough = sum / values.length;
  let residual = 0;
  for (const v of values) residual += v - rough;
  return rough + residual / values.length;
}

function pointType(rule: SpcRule | null, improvement: SpcImprovement): SpcPointType {
  if (rule === null) return 'common_cause';
  const high = rule === 'above-upper-limit' || rule === 'trend-increasing' || rule === 'two-in-three-above' || rule === 'run-above';
  if (improvement === 'neutral') return high ? 'special_cause_neutral_high' : 'special_cause_neutral_low';
  return high === (improvement === 'increase') ? 'special_cause_improvement' : 'special_cause_concern';
}
