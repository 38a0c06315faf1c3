import { chiSquareQuantile } from './chi-square-quantile.ts';
import { funnelAxis } from './funnel-axis.ts';
import { funnelRateDenominators, type FunnelRatePoint, type FunnelRateType } from './funnel-rate-denominators.ts';

export interface FunnelRateLimitOptions {
  readonly rateType: FunnelRateType;
  /** The rates are per this many, default 100 000. */
  readonly multiplier?: number;
  /** Years the data span; populations are reported per year. */
  readonly yearsOfData: number;
}

export interface FunnelRateRow {
  /** x-axis events. */
  readonly events: number;
  /** Population per year of data at which `events` sits exactly on each limit. */
  readonly lower95Population: number;
  readonly upper95Population: number;
  readonly lower998Population: number;
  readonly upper998Population: number;
  /** Limits as rates per multiplier: 95 % (one-sided tail 0.025) and 99.8 % (tail 0.001). */
  readonly lower95: number;
  readonly upper95: number;
  readonly lower998: number;
  readonly upper998: number;
}

export interface FunnelRateLimits {
  /** Σ events / Σ derived denominators × multiplier. */
  readonly baseline: number;
  readonly rows: readonly FunnelRateRow[];
}

/**
 * Control-limit table for a funnel plot of crude rates or DSRs (PHE Technical Guide; PHEindicatormethods
 * `calculate_funnel_limits(statistic = "rate")`).
 *
 * Denominators are derived as in {@link funnelRateDenominators}; the baseline rate r̄ is Σ events / Σ
 * derived denominators. For O events on the x axis the expected count μ at which O sits exactly on a
 * one-sided Poisson tail α is found by inverting the Poisson distribution: P(X ≤ O | μ) = α gives the
 * lower limit, μ = ½·χ²-quantile(1 − α; 2O + 2), and P(X ≥ O | μ) = α the upper, μ = ½·χ²-quantile(α; 2O)
 * (exact, where the package bisects to about 1e-7). The limit is O/(μ/r̄) × multiplier, reported with
 * the population μ/r̄ per year of data.
 * @param points the plotted units, at least one
 * @param options rate type, multiplier (default 100 000) and years of data
 * @example funnelRateLimits([{ events: 414, rate: 184 }, { events: 13, rate: 70 }], { rateType: 'dsr', yearsOfData: 3 }).baseline // 175.30…
 */
export function funnelRateLimits(points: readonly FunnelRatePoint[], options: FunnelRateLimitOptions): FunnelRateLimits {
  const { rateType, multiplier = 100_000, yearsOfData } = options;
  if (!Number.isFinite(yearsOfData) || yearsOfData <= 0) throw new RangeError(`years of data must be a finite number > 0 (got ${yearsOfData})`);
  const derived = funnelRateDenominators(points, { rateType, multiplier }).filter((d): d is number => d !== null);
  if (derived.length === 0) throw new RangeError('at least one point must have events (or, for crude rates, a denominator)');
  const events = points.reduce((sum, p) => sum + p.events, 0);
  const baseline = events / derived.reduce((sum, d) => sum + d, 0);
  if (baseline <= 0) throw new RangeError('the points must have at least one event between them');
  const axis = funnelAxis({
    statistic: 'rate',
    minDenominator: derived.reduce((a, b) => Math.min(a, b)),
    maxDenominator: derived.reduce((a, b) => Math.max(a, b)),
    yearsOfData,
    baseline,
  });
  return {
    baseline: baseline * multiplier,
    rows: axis.map((o) => {
      const population = (expected: number): number => expected / baseline;
      const lower95 = population(chiSquareQuantile(0.975, 2 * o + 2) / 2);
      const upper95 = population(chiSquareQuantile(0.025, 2 * o) / 2);
      const lower998 = population(chiSquareQuantile(0.999, 2 * o + 2) / 2);
      const upper998 = population(chiSquareQuantile(0.001, 2 * o) / 2);
      return {
        events: o,
        lower95Population: lower95 / yearsOfData,
        upper95Population: upper95 / yearsOfData,
        lower998Population: lower998 / yearsOfData,
        upper998Population: upper998 / yearsOfData,
        lower95: (o / lower95) * multiplier,
        upper95: (o / upper95) * multiplier,
        lower998: (o / lower998) * multiplier,
        upper998: (o / upper998) * multiplier,
      };
    }),
  };
}
