import type { Indicator } from '../catalogue/indicator-spec.ts';
import { wilsonInterval } from './wilson-interval.ts';

export interface IndicatorValue {
  /** Value in the indicator's unit (e.g. percent), null when it cannot be computed. */
  readonly value: number | null;
  readonly lower95: number | null;
  readonly upper95: number | null;
  readonly lower998: number | null;
  readonly upper998: number | null;
}

const MISSING: IndicatorValue = Object.freeze({ value: null, lower95: null, upper95: null, lower998: null, upper998: null });

/**
 * Value and 95% / 99.8% confidence limits of an indicator from its numerator and denominator,
 * by the indicator's own method, scaled by its multiplier. Missing or zero denominators give nulls.
 * @example indicatorValue(mmr1, 820, 1000) // { value: 82, lower95: 79.49…, … }
 */
export function indicatorValue(indicator: Indicator, numerator: number | null, denominator: number | null): IndicatorValue {
  if (numerator === null || denominator === null || denominator <= 0) return MISSING;
  const m = indicator.multiplier;
  switch (indicator.method) {
    case 'wilson-proportion': {
      const ci95 = wilsonInterval(numerator, denominator, 0.95);
      const ci998 = wilsonInterval(numerator, denominator, 0.998);
      return { value: (numerator / denominator) * m, lower95: ci95.lower * m, upper95: ci95.upper * m, lower998: ci998.lower * m, upper998: ci998.upper * m };
    }
    default:
      throw new Error(`indicator ${indicator.id}: method ${indicator.method} is not implemented yet`);
  }
}
