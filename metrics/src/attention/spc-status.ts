import type { SpcRule } from '../stats/spc/spc-special-causes.ts';
import { spcVariation } from '../stats/spc/spc-variation.ts';
import type { SpcResult } from '../stats/spc/spc-xmr.ts';
import type { SpcStatus } from './status-inputs.ts';

/**
 * Reads what an SPC chart says about its latest period, for the attention status.
 *
 * Whether a special cause is new needs the chart as it stood a period earlier, not the earlier points
 * of this chart: a 7-point trend or run is only recognised at its 7th point, and then flags all seven
 * (as does NHSRplotthedots), so the previous point of this chart is no guide.
 * @param current `spcXmr` over the series up to the period
 * @param previous `spcXmr` over the same series without its latest period; null when there was no chart
 * @throws RangeError for a chart without points
 * @example
 * const values = [82, 84, 81, 83, 82, 84, 81, 83, 82, 83.6, 83.2, 82.7, 82.1, 81.4, 80.6, 79.7];
 * spcStatus(spcXmr(values), spcXmr(values.slice(0, -1)))
 * // { variation: 'concern', rules: ['trend-decreasing'], periods: 7, newThisPeriod: true }
 */
export function spcStatus(current: SpcResult, previous: SpcResult | null): SpcStatus {
  const variation = spcVariation(current);
  const points = current.points;
  if (variation === 'common-cause') return { variation, rules: [], periods: 0, newThisPeriod: false };

  const latest = points.length - 1;
  let start = latest;
  while (start > 0 && points[start - 1]!.pointType === points[latest]!.pointType && points[start - 1]!.phase === points[latest]!.phase) start--;
  const stretch = points.slice(start);
  const rules = [...new Set(stretch.map((p) => p.rule).reverse())].filter((r): r is SpcRule => r !== null);

  let periods = stretch.length;
  if (rules.some((r) => r === 'trend-increasing' || r === 'trend-decreasing')) {
    const direction = Math.sign(points[latest]!.value - points[latest - 1]!.value);
    let first = latest;
    while (first > start && Math.sign(points[first]!.value - points[first - 1]!.value) === direction) first--;
    periods = latest - first + 1;
  }
  const newThisPeriod = previous === null || previous.points.length === 0 || spcVariation(previous) !== variation;
  return { variation, rules, periods, newThisPeriod };
}
