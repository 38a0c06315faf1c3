import type { Indicator } from '../../catalogue/indicator-spec.ts';
import { slopeIndexOfInequality, type SiiConfidenceOptions, type SiiValueType, type SlopeIndexOfInequality } from './slope-index-of-inequality.ts';

/** One deprivation quantile of an indicator: value and 95% limits in the indicator's unit (e.g. percent), and the denominator. */
export interface IndicatorSiiGroup {
  /** 1 = most deprived … k = least deprived. */
  readonly quantile: number;
  readonly denominator: number;
  readonly value: number;
  readonly lower95: number | null;
  readonly upper95: number | null;
}

/** phe_sii's value_type for each way of computing an indicator: proportions on the logit scale, rates and ratios on the log scale. */
const VALUE_TYPES: Readonly<Record<Indicator['method'], SiiValueType>> = {
  'wilson-proportion': 'proportion',
  'byar-rate': 'rate',
  'dobson-dsr': 'rate',
  ratio: 'rate',
  mean: 'normal',
};

/**
 * SII and RII of an indicator across deprivation quantiles, with simulated limits from each quantile's
 * 95% limits, by `slopeIndexOfInequality` (phe_sii). The value type follows the indicator's method;
 * values and limits are divided by the multiplier (phe_sii takes proportions between 0 and 1) and the
 * SII multiplied back, so the SII is in the indicator's unit (percentage points for a percentage) and
 * the intercept per 1. Population weights are the denominators.
 * @param confidence simulation options, default 95%, 100,000 repetitions, seed 1
 * @example
 * // five quintiles of 1,000 children at 80%, 82.5%, 85%, 87.5% and 90%, most deprived first
 * const quintiles = [800, 825, 850, 875, 900].map((x, i) => ({ quantile: i + 1, denominator: 1000, value: x / 10, lower95: null, upper95: null }));
 * indicatorSii(mmr1, quintiles) // { sii: 12.5 (percentage points), rii: 1.1587 (91.25 / 78.75), intercept: 0.7875, confidence: null (no limits given) }
 */
export function indicatorSii(indicator: Pick<Indicator, 'method' | 'multiplier'>, groups: readonly IndicatorSiiGroup[], confidence: SiiConfidenceOptions = {}): SlopeIndexOfInequality {
  const m = indicator.multiplier;
  const perOne = (x: number | null) => (x === null ? null : x / m);
  return slopeIndexOfInequality(
    groups.map((g) => ({ quantile: g.quantile, population: g.denominator, value: g.value / m, lower95: perOne(g.lower95), upper95: perOne(g.upper95) })),
    { multiplier: m, valueType: VALUE_TYPES[indicator.method], confidence },
  );
}
