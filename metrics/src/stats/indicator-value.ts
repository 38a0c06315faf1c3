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
  const m = indicator.multiplier;
  switch (indicator.method) {
    case 'wilson-proportion': {
      if (numerator > denominator) return MISSING_VALUE;
      const ci95 = wilsonInterval(numerator, denominator, 0.95);
      const ci998 = wilsonInterval(numerator, denominator, 0.998);
      return { value: (numerator / denominator) * m, lower95: ci95.lower * m, upper95: ci95.upper * m, lower998: ci998.lower * m, upper998: ci998.upper * m };
    }
    case 'byar-rate': {
      const r95 = crudeRate(numerator, denominator, { multiplier: m, level: 0.95 });
      const r998 = crudeRate(numerator, denominator, { multiplier: m, level: 0.998 });
      return { value: r95.value, lower95: r95.lower, upper95: r95.upper, lower998: r998.lower, upper998: r998.upper };
    }
    case 'ratio': {
      const scale = m / denominator;
      const ci95 = poissonCountInterval(numerator, 0.95);
      const ci998 = poissonCountInterval(numerator, 0.998);
      return { value: numerator * scale, lower95: ci95.lower * scale, upper95: ci95.upper * scale, lower998: ci998.lower * scale, upper998: ci998.upper * scale };
    }
    default:
      throw new Error(`indicator ${indicator.id}: values by method ${indicator.method} need age-band data, not one numerator and denominator`);
  }
}
