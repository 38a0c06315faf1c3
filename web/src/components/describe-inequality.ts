import type { Polarity } from '@pathfinder/metrics';
import { formatConfidenceInterval } from '../format/format-interval.ts';
import { formatNumber } from '../format/format-number.ts';

/** A 95% confidence interval, or null when the server could not simulate one. */
export type Interval = { readonly lower: number; readonly upper: number } | null;

const interval = (ci: Interval, digits: number) => (ci ? ` (${formatConfidenceInterval(ci.lower, ci.upper, (v) => formatNumber(v, digits))})` : ' (no 95% CI: it cannot be simulated when a quintile’s value is 0, or 100% for a percentage)');

/**
 * The slope index of inequality in words. The server's SII (PHEindicatormethods phe_sii) is the fitted
 * value at the least deprived end minus that at the most deprived end, so a positive SII means the
 * least deprived are higher.
 */
export function describeSii(sii: number, unit: string, polarity: Polarity, ci: Interval): string {
  const units = unit === '%' ? 'percentage points' : unit;
  const points = unit === '%' ? 'points' : unit;
  const size = formatNumber(Math.abs(sii));
  const chance = ci && ci.lower <= 0 && ci.upper >= 0 ? ' The interval includes 0, so the gap may be down to chance.' : '';
  if (Math.abs(sii) < 0.05) return `SII ${formatNumber(0)} ${units}${interval(ci, 1)}: no gap between the least and the most deprived ends of the fitted line.`;
  const direction = sii > 0 ? 'higher' : 'lower';
  const lessDeprivedBetter = (sii > 0) === (polarity === 'higher-better');
  const judgement = polarity === 'no-judgement' ? '' : lessDeprivedBetter ? ' The most deprived fare worse.' : ' The most deprived fare better.';
  return `SII ${formatNumber(sii)} ${units}${interval(ci, 1)}: on the line fitted across the five quintiles, the least deprived end is ${size} ${points} ${direction} than the most deprived end.${judgement}${chance}`;
}

/**
 * The relative index of inequality in words. The server's RII (phe_sii) is the fitted value at the least
 * deprived end divided by that at the most deprived end, so above 1 means the least deprived are higher.
 */
export function describeRii(rii: number, ci: Interval): string {
  const chance = ci && ci.lower <= 1 && ci.upper >= 1 ? ' The interval includes 1 (no difference).' : '';
  return `RII ${formatNumber(rii, 2)}${interval(ci, 2)}: the fitted value for the least deprived end is ${formatNumber(rii, 2)} times that for the most deprived end.${chance}`;
}
