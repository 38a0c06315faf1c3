import type { CampaignProgressRow, CampaignSeriesPoint } from '../api/api-types.ts';

/**
 * What the map shows for each area: uptake, or the children still to vaccinate to reach the
 * target ("where to send outreach", the same count as the summary's and the outreach list's).
 */
export type MapMeasure = 'uptake' | 'unvaccinated';

/**
 * An area's value for the map in one interval: uptake (%), or the children still to vaccinate to
 * reach the target uptake, ⌈target × eligible / 100⌉ − vaccinated and at least 0 (as the API's
 * `gapToTarget`); null when the counts behind it are hidden or missing.
 * @example mapMeasureValue({ eligible: 1000 }, { cumulative: 300, uptake: 30, suppressed: false }, 'unvaccinated', 50) // 200
 */
export function mapMeasureValue(row: Pick<CampaignProgressRow, 'eligible'>, point: Pick<CampaignSeriesPoint, 'cumulative' | 'uptake' | 'suppressed'> | undefined, measure: MapMeasure, targetUptake: number): number | null {
  if (!point || point.suppressed) return null;
  if (measure === 'uptake') return point.uptake;
  return row.eligible === null || point.cumulative === null ? null : Math.max(0, Math.ceil((targetUptake * row.eligible) / 100) - point.cumulative);
}
