import { funnelAxis } from './funnel-axis.ts';
import { funnelProportionBaseline, type FunnelProportionPoint } from './funnel-proportion-baseline.ts';
import { normalQuantile } from './normal-quantile.ts';

export interface FunnelProportionRow {
  /** x-axis denominator. */
  readonly population: number;
  /** 95 % (2σ, one-sided tail 0.025) and 99.8 % (3σ, tail 0.001) control limits, × multiplier, cut to 0–100. */
  readonly lower95: number;
  readonly upper95: number;
  readonly lower998: number;
  readonly upper998: number;
}

export interface FunnelProportionLimits {
  /** Pooled proportion Σ numerators / Σ denominators × multiplier. */
  readonly baseline: number;
  /** 100 rows along the x axis (see {@link funnelAxis}). */
  readonly rows: readonly FunnelProportionRow[];
}

/**
 * Control-limit table for a funnel plot of proportions (PHE Technical Guide; PHEindicatormethods
 * `calculate_funnel_limits(statistic = "proportion")`).
 *
 * With pooled proportion p̄, the limit at denominator N is the observed proportion whose Wilson score
 * interval just reaches p̄; that inversion has the closed form p̄ ∓ q·√(p̄(1 − p̄)/N), q = Φ⁻¹(0.975)
 * or Φ⁻¹(0.999) (the package evaluates it as an expanded quadratic, equal to about 1e-14). Limits are
 * multiplied by the multiplier and then cut to 0–100 whatever the multiplier, as the package does.
 * @param points the plotted units, at least one
 * @param options multiplier, default 100 (percentages)
 * @example funnelProportionLimits([{ numerator: 30, denominator: 100 }, { numerator: 10, denominator: 1000 }]).baseline // 3.6363…
 */
export function funnelProportionLimits(points: readonly FunnelProportionPoint[], options: { readonly multiplier?: number } = {}): FunnelProportionLimits {
  const { multiplier = 100 } = options;
  if (!Number.isFinite(multiplier) || multiplier <= 0) throw new RangeError(`multiplier must be a finite number > 0 (got ${multiplier})`);
  const proportion = funnelProportionBaseline(points);
  const denominators = points.map((p) => p.denominator);
  const axis = funnelAxis({
    statistic: 'proportion',
    minDenominator: denominators.reduce((a, b) => Math.min(a, b)),
    maxDenominator: denominators.reduce((a, b) => Math.max(a, b)),
  });
  const q95 = normalQuantile(0.975);
  const q998 = normalQuantile(0.999);
  const spread = Math.sqrt(proportion * (1 - proportion));
  const cut = (x: number): number => Math.min(100, Math.max(0, x * multiplier));
  return {
    baseline: proportion * multiplier,
    rows: axis.map((population) => {
      const se = spread / Math.sqrt(population);
      return {
        population,
        lower95: cut(proportion - q95 * se),
        upper95: cut(proportion + q95 * se),
        lower998: cut(proportion - q998 * se),
        upper998: cut(proportion + q998 * se),
      };
    }),
  };
}
