import type { CampaignProgressRow, CampaignSeriesPoint } from '../api/api-types.ts';

/** What the map shows for each area: uptake, or eligible children not yet vaccinated ("where to send outreach"). */
export type MapMeasure = 'uptake' | 'unvaccinated';

/**
 * An area's value for the map in one interval: uptake (%) or eligible children not yet vaccinated;
 * null when the counts behind it are hidden or missing.
 * @example mapMeasureValue({ eligible: 1000 }, { cumulative: 300, uptake: 30, suppressed: false }, 'unvaccinated') // 700
 */
export function mapMeasureValue(row: Pick<CampaignProgressRow, 'eligible'>, point: Pick<CampaignSeriesPoint, 'cumulative' | 'uptake' | 'suppressed'> | undefined, measure: MapMeasure): number | null {
  if (!point || point.suppressed) return null;
  if (measure === 'uptake') return point.uptake;
  return row.eligible === null || point.cumulative === null ? null : Math.max(0, row.eligible - point.cumulative);
}
