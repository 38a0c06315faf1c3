import type { Indicator } from '../catalogue/indicator-spec.ts';
import { crudeRate } from './crude-rate.ts';
import { poissonCountInterval } from './poisson-count-interval.ts';
import { wilsonInterval } from './wilson-interval.ts';

export interface IndicatorValue {
  /** Value in the indicator's unit (e.g. percent), null when it cannot be computed. */
  readonly value: number | null;
  readonly lower95: number | null;
  readonly upper95: number | null;
  readonly lower998: number | null;
  readonly upper998: number | null;
}

export const MISSING_VALUE: IndicatorValue = Object.freeze({ value: null, lower95: null, upper95: null, lower998: null, upper998: null });

/**
 * Value and 95% / 99.8% confidence limits of an indicator from its numerator and denominator,
 * by the indicator's own method, scaled by its multiplier: Wilson score for proportions, exact
 * (count < 10) or Byar's limits for crude rates, and for ratios of observed to expected the
 * same Poisson limits on the observed count (PHE Technical Guide, indirectly standardised ratios).
 * Missing counts or a zero denominator give nulls.
 * @example indicatorValue(mmr1, 820, 1000) // { value: 82, lower95: 79.49…, … }
 */
export function indicatorValue(indicator: Indicator, numerator: number | null, denominator: number | null): IndicatorValue {
  if (numerator === null || denominator === null || denominator <= 0 || !Number.isFinite(numerator) || !Number.isFinite(denominator)) return MISSING_VALUE;
  switch (indicator.method) {
    case 'wilson-proportion':
      return numerator > denominator ? MISSING_VALUE : proportionValue(numerator, denominator, indicator.multiplier);
    case 'byar-rate':
      return crudeRateValue(numerator, denominator, indicator.multiplier);
    case 'ratio':
      return ratioValue(numerator, denominator, indicator.multiplier);
    default:
      throw new Error(`indicator ${indicator.id}: values by method ${indicator.method} need age-band data, not one numerator and denominator`);
  }
}

/**
 * A proportion numerator / denominator × multiplier with Wilson score limits (PHEindicatormethods
 * `phe_proportion`); the caller checks 0 ≤ numerator ≤ denominator and denominator > 0.
 * @example proportionValue(820, 1000, 100).value // 82
 */
export function proportionValue(numerator: number, denominator: number, multiplier: number): IndicatorValue {
  const ci95 = wilsonInterval(numerator, denominator, 0.95);
  const ci998 = wilsonInterval(numerator, denominator, 0.998);
  const m = multiplier;
  return { value: (numerator / denominator) * m, lower95: ci95.lower * m, upper95: ci95.upper * m, lower998: ci998.lower * m, upper998: ci998.upper * m };
}

/** A crude rate count / denominator × multiplier with exact (count < 10) or Byar's limits (PHEindicatormethods `phe_rate`); nulls for a missing count. */
export function crudeRateValue(count: number | null, denominator: number | null, multiplier: number): IndicatorValue {
  const r95 = crudeRate(count, denominator, { multiplier, level: 0.95 });
  const r998 = crudeRate(count, denominator, { multiplier, level: 0.998 });
  return { value: r95.value, lower95: r95.lower, upper95: r95.upper, lower998: r998.lower, upper998: r998.upper };
}

/** A ratio of observed to expected × multiplier, with the Poisson limits of the observed count (PHE Technical Guide, indirectly standardised ratios). */
function ratioValue(observed: number, expected: number, multiplier: number): IndicatorValue {
  const scale = multiplier / expected;
  const ci95 = poissonCountInterval(observed, 0.95);
  const ci998 = poissonCountInterval(observed, 0.998);
  return { value: observed * scale, lower95: ci95.lower * scale, upper95: ci95.upper * scale, lower998: ci998.lower * scale, upper998: ci998.upper * scale };
}
