import { zForLevel } from '../normal-quantile.ts';

/** One coefficient of the segmented regression with its Newey–West standard error and 95% limits. */
export interface ItsCoefficient {
  readonly estimate: number;
  readonly standardError: number;
  readonly lower95: number;
  readonly upper95: number;
}

export interface InterruptedTimeSeries {
  readonly n: number;
  /** Index (0-based, in period order) of the first period after the intervention. */
  readonly intervention: number;
  readonly maxlags: number;
  /** b0: the level at t = 0. */
  readonly baseline: ItsCoefficient;
  /** b1: change per period before the intervention. */
  readonly preSlope: ItsCoefficient;
  /** b2: the step at the intervention. */
  readonly levelChange: ItsCoefficient;
  /** b3: change in slope from the intervention on. */
  readonly slopeChange: ItsCoefficient;
  /** Fitted values, one per period. */
  readonly fitted: readonly number[];
  /** The pre-intervention line continued over every period: what would have happened without it. */
  readonly counterfactual: readonly number[];
  /** Lag-1 autocorrelation of the residuals, Σ e_t e_{t−1} / Σ e_t² (high: the errors are serially correlated). */
  readonly residualLag1: number;
}

/** Fewest periods each segment needs for the model to be estimable with residual degrees of freedom. */
export const ITS_MIN_SEGMENT = 3;

/**
 * Newey–West's default lag truncation for n observations, floor(4·(n/100)^(2/9)).
 * @example itsDefaultMaxlags(28) // 3
 */
export function itsDefaultMaxlags(n: number): number {
  return Math.floor(4 * (n / 100) ** (2 / 9));
}

/**
 * Interrupted time series by segmented regression, y = b0 + b1·t + b2·D + b3·(t − t0)·D with t = 0…n−1
 * in period order and D = 1 from the intervention period t0 on, fitted by OLS with Newey–West (HAC)
 * standard errors: Bartlett kernel weights 1 − l/(L+1), no small-sample correction, 95% limits from
 * the normal distribution. This is statsmodels' `OLS(y, X).fit(cov_type="HAC",
 * cov_kwds={"maxlags": L, "use_correction": False}, use_t=False)`, which the tests match to 1e-9.
 * @param values the series in period order, every value finite
 * @param intervention index of the first post-intervention period
 * @param maxlags lag truncation L; default `itsDefaultMaxlags(n)`
 * @throws RangeError when a segment has fewer than 3 points, a value is not finite, L is not a whole
 *   number in 0…n−1, or the design is singular
 * @example interruptedTimeSeries([88.1, 87.9, 88, 87.7, 85.2, 85.4, 85.1, 85.6], 4).levelChange.estimate
 */
export function interruptedTimeSeries(values: readonly number[], intervention: number, maxlags?: number): InterruptedTimeSeries {
  const n = values.length;
  if (!Number.isInteger(intervention) || intervention < ITS_MIN_SEGMENT || n - intervention < ITS_MIN_SEGMENT) {
    throw new RangeError(`each segment needs at least ${ITS_MIN_SEGMENT} points (got ${Math.max(0, Math.min(intervention, n))} before the intervention and ${Math.max(0, n - intervention)} from it)`);
  }
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new RangeError(`value ${bad + 1} is not a finite number (${values[bad]})`);
  const lags = maxlags ?? itsDefaultMaxlags(n);
  if (!Number.isInteger(lags) || lags < 0 || lags >= n) throw new RangeError(`maxlags must be a whole number from 0 to ${n - 1} (got ${lags})`);

  const rows = values.map((_, t) => {
    const d = t >= intervention ? 1 : 0;
    return [1, t, d, (t - intervention) * d];
  });
  const xtxInverse = invert(crossProduct(rows, rows.map((r) => r)));
  const xty = [0, 1, 2, 3].map((j) => rows.reduce((s, r, t) => s + r[j]! * values[t]!, 0));
  const beta = multiply(xtxInverse, xty);
  const fitted = rows.map((r) => dot(r, beta));
  const residuals = values.map((v, t) => v - fitted[t]!);

  // Newey–West "meat": Σ_t e_t² x_t x_tᵀ + Σ_l w_l Σ_t e_t e_{t−l} (x_t x_{t−l}ᵀ + x_{t−l} x_tᵀ).
  const scores = rows.map((r, t) => r.map((x) => x * residuals[t]!));
  const meat = crossProduct(scores, scores);
  for (let l = 1; l <= lags; l++) {
    const weight = 1 - l / (lags + 1);
    const lagged = crossProduct(scores.slice(l), scores.slice(0, n - l));
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) meat[i]![j]! += weight * (lagged[i]![j]! + lagged[j]![i]!);
  }
  const covariance = sandwich(xtxInverse, meat);
  const z = zForLevel(0.95);
  const coefficient = (j: number): ItsCoefficient => {
    const standardError = Math.sqrt(covariance[j]![j]!);
    return { estimate: beta[j]!, standardError, lower95: beta[j]! - z * standardError, upper95: beta[j]! + z * standardError };
  };
  const sumSquares = residuals.reduce((s, e) => s + e * e, 0);
  const lag1 = residuals.slice(1).reduce((s, e, i) => s + e * residuals[i]!, 0);
  return {
    n,
    intervention,
    maxlags: lags,
    baseline: coefficient(0),
    preSlope: coefficient(1),
    levelChange: coefficient(2),
    slopeChange: coefficient(3),
    fitted,
    counterfactual: values.map((_, t) => beta[0]! + beta[1]! * t),
    residualLag1: sumSquares === 0 ? 0 : lag1 / sumSquares,
  };
}

type Matrix = number[][];

/** Aᵀ B for row-major A and B of the same number of rows (4 columns each). */
function crossProduct(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): Matrix {
  const out = Array.from({ length: 4 }, () => [0, 0, 0, 0]);
  for (let t = 0; t < a.length; t++) for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) out[i]![j]! += a[t]![i]! * b[t]![j]!;
  return out;
}

const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const multiply = (m: Matrix, v: readonly number[]) => m.map((row) => dot(row, v));

/** A⁻¹ M A⁻¹ for symmetric A⁻¹. */
function sandwich(bread: Matrix, meat: Matrix): Matrix {
  const left = bread.map((row) => [0, 1, 2, 3].map((j) => row.reduce((s, x, k) => s + x * meat[k]![j]!, 0)));
  return left.map((row) => [0, 1, 2, 3].map((j) => row.reduce((s, x, k) => s + x * bread[k]![j]!, 0)));
}

/** Inverse by Gauss–Jordan elimination with partial pivoting. */
function invert(m: Matrix): Matrix {
  const size = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: size }, (_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let r = col + 1; r < size; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) < 1e-12) throw new RangeError('the design matrix is singular: the segments cannot be told apart');
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const p = a[col]![col]!;
    for (let j = 0; j < 2 * size; j++) a[col]![j]! /= p;
    for (let r = 0; r < size; r++) {
      if (r === col) continue;
      const f = a[r]![col]!;
      if (f !== 0) for (let j = 0; j < 2 * size; j++) a[r]![j]! -= f * a[col]![j]!;
    }
  }
  return a.map((row) => row.slice(size));
}
