import type { Polarity } from '@pathfinder/metrics';
import { formatNumber } from './data-table.tsx';

/**
 * The slope index of inequality in words. The server's SII is the fitted value at the least
 * deprived end minus that at the most deprived end, so a positive SII means the least deprived are higher.
 */
export function describeSii(sii: number, unit: string, polarity: Polarity): string {
  const units = unit === '%' ? 'percentage points' : unit;
  const points = unit === '%' ? 'points' : unit;
  const size = formatNumber(Math.abs(sii));
  if (Math.abs(sii) < 0.05) return `SII ${formatNumber(0)} ${units}: no gap between the least and the most deprived fifths.`;
  const direction = sii > 0 ? 'higher' : 'lower';
  const lessDeprivedBetter = (sii > 0) === (polarity === 'higher-better');
  const judgement = polarity === 'no-judgement' ? '' : lessDeprivedBetter ? ' The most deprived fare worse.' : ' The most deprived fare better.';
  return `SII ${formatNumber(sii)} ${units}: on the fitted line across the five quintiles, the least deprived fifth is ${size} ${points} ${direction} than the most deprived.${judgement}`;
}

/** The relative index of inequality in words: the SII as a share of the area's average. */
export function describeRii(rii: number, areaName: string): string {
  return `RII ${formatNumber(rii, 2)}: that gap is ${formatNumber(Math.abs(rii) * 100, 0)}% of ${areaName}’s average.`;
}
