import type { Polarity } from '../catalogue/indicator-spec.ts';
import type { BenchmarkComparison } from './benchmark/compare-with-benchmark.ts';
import { DSR_MINIMUM_COUNT } from './dobson-dsr.ts';
import { funnelProportionBaseline, type FunnelProportionPoint } from './funnel-proportion-baseline.ts';
import { funnelProportionLimitsAt } from './funnel-proportion-limits.ts';
import { funnelRateDenominators, type FunnelRatePoint, type FunnelRateType } from './funnel-rate-denominators.ts';
import type { FunnelRatioPoint } from './funnel-ratio-limits.ts';
import { poissonCountInterval } from './poisson-count-interval.ts';

/** Where a point lies against the funnel's 95 % and 99.8 % control limits. */
export type FunnelSignificance = 'high-99.8' | 'high-95' | 'none' | 'low-95' | 'low-99.8';

/** Every position, from above the upper 99.8 % limit to below the lower one. */
export const FUNNEL_SIGNIFICANCES: readonly FunnelSignificance[] = Object.freeze(['high-99.8', 'high-95', 'none', 'low-95', 'low-99.8']);

const FUNNEL_JUDGEMENT: Readonly<Record<Polarity, Readonly<Record<FunnelSignificance, BenchmarkComparison>>>> = Object.freeze({
  'higher-better': { 'high-99.8': 'much-better', 'high-95': 'better', none: 'similar', 'low-95': 'worse', 'low-99.8': 'much-worse' },
  'lower-better': { 'high-99.8': 'much-worse', 'high-95': 'worse', none: 'similar', 'low-95': 'better', 'low-99.8': 'much-better' },
  'no-judgement': { 'high-99.8': 'much-higher', 'high-95': 'higher', none: 'similar', 'low-95': 'lower', 'low-99.8': 'much-lower' },
});

/**
 * What a funnel position means for an indicator's polarity, in the comparison vocabulary
 * (`BenchmarkComparison`): above the upper 95 % limit of a higher-is-better indicator is "better".
 */
export const funnelComparison = (significance: FunnelSignificance, polarity: Polarity): BenchmarkComparison => FUNNEL_JUDGEMENT[polarity][significance];

/** The PHEindicatormethods label of each of our significance values (one to one). */
export const FUNNEL_SIGNIFICANCE_PHE_LABELS: Readonly<Record<FunnelSignificance, string>> = Object.freeze({
  'high-99.8': 'High (0.001)',
  'high-95': 'High (0.025)',
  none: 'Not significant',
  'low-95': 'Low (0.025)',
  'low-99.8': 'Low (0.001)',
});

export type FunnelSignificanceInput =
  | {
      readonly statistic: 'proportion';
      readonly points: readonly FunnelProportionPoint[];
      /** A fixed centre (a comparator's value or a target) on the 0–1 scale; default the pooled proportion. */
      readonly centre?: number;
    }
  | { readonly statistic: 'ratio'; readonly points: readonly FunnelRatioPoint[] }
  | {
      readonly statistic: 'rate';
      readonly rateType: FunnelRateType;
      /** The rates are per this many, > 0. */
      readonly multiplier: number;
      readonly points: readonly FunnelRatePoint[];
    };

const LEVEL_95 = 0.95;
const LEVEL_998 = 0.998;

/**
 * Significance of each funnel-plot point against the pooled baseline (PHE Technical Guide;
 * PHEindicatormethods `assign_funnel_significance`), in input order. First match wins:
 * high-99.8, high-95, low-99.8, low-95, otherwise none.
 *
 * - proportion: x/N compared strictly with p̄ ∓ q√(p̄(1 − p̄)/N) at the point's own N, p̄ = Σx/ΣN
 *   (or the `centre` given, as for {@link funnelProportionLimits}), q = Φ⁻¹(0.999) or Φ⁻¹(0.975).
 * - ratio: the Poisson interval of O (exact below 10 events, Byar's from 10, lower 0 at O = 0) divided by
 *   E, compared with 1 (lower limit above 1 → high; upper limit below 1 → low).
 * - rate: denominators derived as in {@link funnelRateDenominators}; the interval of events / derived
 *   denominator is compared with Σ events / Σ derived denominators. A DSR with fewer than 10 events gets
 *   null ("Not applicable for events less than 10 for dsrs").
 * @param input statistic, its points and, for rates, the rate type and multiplier
 * @example funnelSignificance({ statistic: 'ratio', points: [{ observed: 151, expected: 106.44 }] }) // ['high-99.8']
 */
export function funnelSignificance(input: FunnelSignificanceInput): (FunnelSignificance | null)[] {
  if (input.points.length === 0) throw new RangeError('points must not be empty');
  switch (input.statistic) {
    case 'proportion':
      return proportionSignificance(input.points, input.centre);
    case 'ratio':
      return input.points.map((p, i) => {
        if (!Number.isFinite(p.observed) || p.observed < 0) throw new RangeError(`point ${i + 1}: observed must be a finite number ≥ 0 (got ${p.observed})`);
        if (!Number.isFinite(p.expected) || p.expected <= 0) throw new RangeError(`point ${i + 1}: expected must be a finite number > 0 (got ${p.expected})`);
        return poissonSignificance(p.observed, p.expected, 1);
      });
    case 'rate': {
      const { rateType, multiplier, points } = input;
      const denominators = funnelRateDenominators(points, { rateType, multiplier });
      const baseline = points.reduce((sum, p) => sum + p.events, 0) / denominators.reduce<number>((sum, d) => sum + (d ?? 0), 0);
      return points.map((p, i) => {
        if (rateType === 'dsr' && p.events < DSR_MINIMUM_COUNT) return null;
        return poissonSignificance(p.events, denominators[i]!, baseline);
      });
    }
    default:
      throw new RangeError(`statistic must be 'proportion', 'ratio' or 'rate' (got ${String((input as { statistic: unknown }).statistic)})`);
  }
}

function proportionSignificance(points: readonly FunnelProportionPoint[], centre: number | undefined): FunnelSignificance[] {
  const pooled = funnelProportionBaseline(points);
  const baseline = centre === undefined ? pooled : centre;
  return points.map(({ numerator, denominator }) => {
    const proportion = numerator / denominator;
    const limits = funnelProportionLimitsAt(baseline, denominator);
    if (proportion < limits.lower998) return 'low-99.8';
    if (proportion < limits.lower95) return 'low-95';
    if (proportion > limits.upper998) return 'high-99.8';
    if (proportion > limits.upper95) return 'high-95';
    return 'none';
  });
}

function poissonSignificance(count: number, denominator: number, baseline: number): FunnelSignificance {
  const ci998 = poissonCountInterval(count, LEVEL_998);
  const ci95 = poissonCountInterval(count, LEVEL_95);
  if (ci998.lower / denominator > baseline) return 'high-99.8';
  if (ci95.lower / denominator > baseline) return 'high-95';
  if (ci998.upper / denominator < baseline) return 'low-99.8';
  if (ci95.upper / denominator < baseline) return 'low-95';
  return 'none';
}
