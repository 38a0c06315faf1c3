import type { SpcResult } from './spc-xmr.ts';

/** Making Data Count variation icon: what kind of variation the latest point shows. */
export type SpcVariation = 'common-cause' | 'improvement' | 'concern' | 'neutral-high' | 'neutral-low';

const VARIATION = {
  common_cause: 'common-cause',
  special_cause_improvement: 'improvement',
  special_cause_concern: 'concern',
  special_cause_neutral_high: 'neutral-high',
  special_cause_neutral_low: 'neutral-low',
} as const satisfies Record<SpcResult['points'][number]['pointType'], SpcVariation>;

/**
 * Variation icon of an SPC chart: the point type of its latest point, as NHSRplotthedots
 * `geom_ptd_icon` and the Making Data Count guidance choose it. Whether the improvement/concern arrow
 * points up or down follows from the chart's improvement direction (`increase`: improvement high,
 * concern low; `decrease`: the reverse).
 * @param result output of `spcXmr`
 * @throws RangeError when the result has no points
 * @example spcVariation(spcXmr([1, 2, 1, 2, 1, 2, 10])) // 'improvement'
 */
export function spcVariation(result: SpcResult): SpcVariation {
  const latest = result.points[result.points.length - 1];
  if (!latest) throw new RangeError('spcVariation needs a result with at least one point');
  return VARIATION[latest.pointType];
}
