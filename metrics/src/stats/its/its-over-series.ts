import { interruptedTimeSeries, ITS_MIN_SEGMENT, type InterruptedTimeSeries } from './interrupted-time-series.ts';

/** A period of a series as a trend gives it: its label and its value (null when there is none, or it was suppressed). */
export interface ItsSeriesPoint {
  readonly period: string;
  readonly value: number | null;
}

/** Segments shorter than this still fit, but their level and slope rest on few points, so the estimates come with a warning. */
export const ITS_ADVISED_SEGMENT = 8;

export interface ItsWarning {
  readonly code: 'short_segment' | 'autocorrelated_residuals';
  readonly message: string;
}

export type ItsOverSeries =
  | {
      readonly fitted: true;
      readonly fit: InterruptedTimeSeries;
      /** The periods the model used, in order (those with a value); `fit.fitted[i]` belongs to `periods[i]`. */
      readonly periods: readonly string[];
      /** Periods left out because they have no value. */
      readonly dropped: readonly string[];
      readonly before: number;
      readonly after: number;
      readonly warnings: readonly ItsWarning[];
    }
  | { readonly fitted: false; readonly reason: string; readonly dropped: readonly string[] };

/**
 * The lag-1 autocorrelation above which the residuals are called serially correlated: 2/√n, the
 * approximate 95% limit of a white-noise series' lag-1 autocorrelation (standard error ≈ 1/√n, Box &
 * Jenkins). A fixed cut-off such as 0.5 would miss real correlation in long series and flag noise in short ones.
 * @example itsAutocorrelationLimit(25) // 0.4
 */
export const itsAutocorrelationLimit = (n: number): number => 2 / Math.sqrt(n);

/**
 * Fits the interrupted time series to a trend's periods, the intervention named by the label of
 * the first post-intervention period. Periods without a value are left out (and listed in
 * `dropped`), so t counts the periods with a value, as `compute its` does with rows left out; an
 * intervention period without a value starts the post-intervention segment at the next period with
 * one. Answers why not, instead of throwing, when the label is not a period of the series, a
 * segment has fewer than 3 values, `maxlags` does not fit the series, or the values lie exactly on
 * the fitted lines (no residual variation, so no confidence interval); warns when a segment has
 * fewer than 8 values or the residuals are autocorrelated (`itsAutocorrelationLimit`).
 * @example itsOverSeries([{ period: '2021/22 Q1', value: 90.1 }, …], '2022/23 Q2')
 */
export function itsOverSeries(points: readonly ItsSeriesPoint[], intervention: string, maxlags?: number): ItsOverSeries {
  const position = points.findIndex((p) => p.period === intervention);
  const dropped = points.filter((p) => p.value === null || !Number.isFinite(p.value)).map((p) => p.period);
  if (position < 0) return { fitted: false, reason: `${intervention} is not a period of this series`, dropped };
  const measured = points.map((p, i) => ({ ...p, i })).filter((p): p is { period: string; value: number; i: number } => p.value !== null && Number.isFinite(p.value));
  const before = measured.filter((p) => p.i < position).length;
  const after = measured.length - before;
  if (before < ITS_MIN_SEGMENT || after < ITS_MIN_SEGMENT) {
    return { fitted: false, reason: `each side of the intervention needs at least ${ITS_MIN_SEGMENT} periods with a value (${before} before ${intervention}, ${after} from it)`, dropped };
  }
  if (maxlags !== undefined && maxlags >= measured.length) {
    return { fitted: false, reason: `maxlags ${maxlags} needs more than ${maxlags} periods with a value (there are ${measured.length})`, dropped };
  }
  const values = measured.map((p) => p.value);
  const fit = interruptedTimeSeries(values, before, maxlags);
  // Values on two exact lines (a practice at 100% throughout) leave no residual to estimate the
  // uncertainty from: the HAC variance is zero or, by rounding, slightly negative (a NaN standard error).
  const scale = Math.max(1, ...values.map(Math.abs));
  const residualRms = Math.sqrt(values.reduce((s, v, i) => s + (v - fit.fitted[i]!) ** 2, 0) / values.length);
  const coefficients = [fit.baseline, fit.preSlope, fit.levelChange, fit.slopeChange];
  if (!(residualRms > 1e-9 * scale) || coefficients.some((c) => !Number.isFinite(c.standardError) || !Number.isFinite(c.lower95) || !Number.isFinite(c.upper95))) {
    return { fitted: false, reason: 'the values lie exactly on the fitted lines, so there is no variation to estimate the confidence intervals from', dropped };
  }
  const warnings: ItsWarning[] = [];
  const short = [before < ITS_ADVISED_SEGMENT ? `${before} before the intervention` : null, after < ITS_ADVISED_SEGMENT ? `${after} from it` : null].filter((s) => s !== null);
  if (short.length > 0) warnings.push({ code: 'short_segment', message: `Few periods to estimate from (${short.join(', ')}; at least ${ITS_ADVISED_SEGMENT} each side is advised): treat the estimates with caution.` });
  const limit = itsAutocorrelationLimit(fit.n);
  if (Math.abs(fit.residualLag1) > limit) {
    warnings.push({ code: 'autocorrelated_residuals', message: `The residuals are serially correlated (lag-1 autocorrelation ${fit.residualLag1.toFixed(2)}, beyond ±${limit.toFixed(2)}): the confidence intervals allow for it only in part, so they may be too narrow.` });
  }
  return { fitted: true, fit, periods: measured.map((p) => p.period), dropped, before, after, warnings };
}
