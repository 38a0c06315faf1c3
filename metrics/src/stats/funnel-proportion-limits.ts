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
  /** The centre line × multiplier: the pooled proportion Σ numerators / Σ denominators, or the `centre` given. */
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
 *
 * `centre` replaces p̄ by a fixed proportion (a comparator's value or a target): the package's own
 * limit function (`funnel_point(p, population, average_proportion)`) takes the centre as an argument,
 * and the limits around it are the same inversion of the Wilson interval. The x axis still follows
 * the points' denominators.
 * @param points the plotted units, at least one
 * @param options multiplier, default 100 (percentages); centre, a proportion on the 0–1 scale, default the pooled proportion
 * @example funnelProportionLimits([{ numerator: 30, denominator: 100 }, { numerator: 10, denominator: 1000 }]).baseline // 3.6363…
 */
export function funnelProportionLimits(points: readonly FunnelProportionPoint[], options: { readonly multiplier?: number; readonly centre?: number } = {}): FunnelProportionLimits {
  const { multiplier = 100 } = options;
  if (!Number.isFinite(multiplier) || multiplier <= 0) throw new RangeError(`multiplier must be a finite number > 0 (got ${multiplier})`);
  const pooled = funnelProportionBaseline(points);
  const proportion = options.centre === undefined ? pooled : checkedCentre(options.centre);
  const denominators = points.map((p) => p.denominator);
  const axis = funnelAxis({
    statistic: 'proportion',
    minDenominator: denominators.reduce((a, b) => Math.min(a, b)),
    maxDenominator: denominators.reduce((a, b) => Math.max(a, b)),
  });
  const cut = (x: number): number => Math.min(100, Math.max(0, x * multiplier));
  return {
    baseline: proportion * multiplier,
    rows: axis.map((population) => {
      const at = funnelProportionLimitsAt(proportion, population);
      return { population, lower95: cut(at.lower95), upper95: cut(at.upper95), lower998: cut(at.lower998), upper998: cut(at.upper998) };
    }),
  };
}

/**
 * The four control limits at one denominator around a centre, on the 0–1 scale and not cut: the
 * proportions whose 95 % and 99.8 % Wilson score intervals out of `population` just reach `centre`.
 * @param centre the centre line, a proportion in 0–1
 * @param population the denominator, > 0
 * @example funnelProportionLimitsAt(0.5, 100).lower95 // 0.40200…
 */
export function funnelProportionLimitsAt(centre: number, population: number): Omit<FunnelProportionRow, 'population'> {
  checkedCentre(centre);
  if (!Number.isFinite(population) || population <= 0) throw new RangeError(`population must be a finite number > 0 (got ${population})`);
  const se = Math.sqrt(centre * (1 - centre)) / Math.sqrt(population);
  return { lower95: centre - Q95 * se, upper95: centre + Q95 * se, lower998: centre - Q998 * se, upper998: centre + Q998 * se };
}

const Q95 = normalQuantile(0.975);
const Q998 = normalQuantile(0.999);

/** A funnel's fixed centre: a proportion on the 0–1 scale. */
function checkedCentre(centre: number): number {
  if (!Number.isFinite(centre) || centre < 0 || centre > 1) throw new RangeError(`centre must be a proportion in 0–1 (got ${centre})`);
  return centre;
}
