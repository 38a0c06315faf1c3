import { chiSquareQuantile } from './chi-square-quantile.ts';
import { funnelAxis } from './funnel-axis.ts';

export interface FunnelRatioPoint {
  /** Observed events, a finite number ≥ 0. */
  readonly observed: number;
  /** Expected events, a finite number > 0. */
  readonly expected: number;
}

/** 'ratio': O/E; 'count': O/E − 1 (PHE's ratio_type "count"); 'isr': O/E × 100 (PHE's "isr"). */
export type FunnelRatioScale = 'ratio' | 'count' | 'isr';

export interface FunnelRatioRow {
  /** x-axis observed events. */
  readonly observed: number;
  /** Expected count at which `observed` sits exactly on each limit. */
  readonly lower95Expected: number;
  readonly upper95Expected: number;
  readonly lower998Expected: number;
  readonly upper998Expected: number;
  /** Limits on the chosen scale: 95 % (one-sided tail 0.025) and 99.8 % (tail 0.001). */
  readonly lower95: number;
  readonly upper95: number;
  readonly lower998: number;
  readonly upper998: number;
}

export interface FunnelRatioLimits {
  /** The null ratio 1 on the chosen scale (1, 0 or 100). */
  readonly baseline: number;
  readonly rows: readonly FunnelRatioRow[];
}

/**
 * Control-limit table for a funnel plot of ratios of observed to expected counts, e.g. SMRs or ISRs
 * (PHE Technical Guide; PHEindicatormethods `calculate_funnel_limits(statistic = "ratio")`).
 *
 * For O observed events on the x axis (spread over the range of the expected counts) the expected count
 * E at which O sits exactly on a one-sided Poisson tail α is found by inverting the Poisson distribution:
 * P(X ≤ O | E) = α gives the lower limit, E = ½·χ²-quantile(1 − α; 2O + 2), and P(X ≥ O | E) = α the
 * upper, E = ½·χ²-quantile(α; 2O) (exact, where the package bisects to about 1e-7); the limit is O/E.
 * @param points the plotted units, at least one
 * @param options scale of the limits, default 'ratio'
 * @example funnelRatioLimits([{ observed: 5, expected: 4 }], { scale: 'isr' }).rows[0] // { observed: 3, lower95: 34.218…, upper95: 484.909…, … }
 */
export function funnelRatioLimits(points: readonly FunnelRatioPoint[], options: { readonly scale?: FunnelRatioScale } = {}): FunnelRatioLimits {
  const { scale = 'ratio' } = options;
  if (scale !== 'ratio' && scale !== 'count' && scale !== 'isr') throw new RangeError(`scale must be 'ratio', 'count' or 'isr' (got ${String(scale)})`);
  if (points.length === 0) throw new RangeError('points must not be empty');
  points.forEach((p, i) => {
    if (!Number.isFinite(p.observed) || p.observed < 0) throw new RangeError(`point ${i + 1}: observed must be a finite number ≥ 0 (got ${p.observed})`);
    if (!Number.isFinite(p.expected) || p.expected <= 0) throw new RangeError(`point ${i + 1}: expected must be a finite number > 0 (got ${p.expected})`);
  });
  const onScale = (ratio: number): number => (scale === 'count' ? ratio - 1 : scale === 'isr' ? ratio * 100 : ratio);
  const axis = funnelAxis({
    statistic: 'ratio',
    minDenominator: points.reduce((m, p) => Math.min(m, p.expected), Infinity),
    maxDenominator: points.reduce((m, p) => Math.max(m, p.expected), 0),
  });
  return {
    baseline: onScale(1),
    rows: axis.map((o) => {
      const lower95Expected = chiSquareQuantile(0.975, 2 * o + 2) / 2;
      const upper95Expected = chiSquareQuantile(0.025, 2 * o) / 2;
      const lower998Expected = chiSquareQuantile(0.999, 2 * o + 2) / 2;
      const upper998Expected = chiSquareQuantile(0.001, 2 * o) / 2;
      return {
        observed: o,
        lower95Expected,
        upper95Expected,
        lower998Expected,
        upper998Expected,
        lower95: onScale(o / lower95Expected),
        upper95: onScale(o / upper95Expected),
        lower998: onScale(o / lower998Expected),
        upper998: onScale(o / upper998Expected),
      };
    }),
  };
}
