import { projectTarget } from '@pathfinder/metrics';
import type { CampaignDefinition, CampaignProgressRow } from '../api/api-types.ts';
import { formatChildren, intervalPhrase } from './campaign-format.ts';
import { formatDate } from '../format/format-date.ts';
import { CampaignStat } from './campaign-stat.tsx';
import { formatPercent } from '../format/format-number.ts';

/**
 * The report's headline numbers for its area on the date it is for: uptake against the
 * trajectory, the week's doses against the week before, what is still to do and when the current
 * rate gets there. Every figure is the API's, as the caller may see it ("hidden" where disclosure
 * control hid it).
 */
export function SitrepHeadline({ campaign, row, areaName, figuresTo }: { campaign: CampaignDefinition; row: CampaignProgressRow | undefined; areaName: string; figuresTo: string }) {
  if (!row) return <p className="empty-state">{areaName} is not part of this campaign.</p>;
  const change = row.dosesLatest !== null && row.dosesPrevious !== null ? row.dosesLatest - row.dosesPrevious : null;
  return (
    <dl className="stat-grid sitrep-headline" data-testid="sitrep-headline">
      <CampaignStat term={`Uptake, ${areaName}`} value={row.uptake === null ? 'hidden' : formatPercent(row.uptake)}
        detail={`${formatChildren(row.vaccinated)} of ${formatChildren(row.eligible)} eligible children vaccinated by ${formatDate(figuresTo)}.`} />
      <CampaignStat term="Against the trajectory" value={row.trajectory === null ? 'no trajectory' : formatPercent(row.trajectory)}
        detail={row.behindTrajectory === null ? 'Shortfall hidden (small numbers).' : row.behindTrajectory ? `${formatChildren(row.behindBy)} children behind it.` : projectTarget({ ...row, asOf: figuresTo, target: campaign.target })?.misses ? 'Ahead of it today, but the current rate misses the target date.' : 'Ahead of it, and on course for the target.'} />
      <CampaignStat term={`Children vaccinated in the ${intervalPhrase(figuresTo, 'week')}`} value={formatChildren(row.dosesLatest)}
        detail={change === null ? 'Change from the week before: hidden (small numbers).' : change === 0 ? 'The same as the week before.' : `${formatChildren(Math.abs(change))} ${change > 0 ? 'more' : 'fewer'} than the week before (${formatChildren(row.dosesPrevious)}).`} />
      <CampaignStat term={`Still to vaccinate to reach the ${formatPercent(campaign.target.uptake, 0)} target`} value={formatChildren(row.gapToTarget)}
        detail={row.runRateNeededPerWeek === null ? (row.gapToTarget === 0 ? 'The target has been reached.' : 'The target date has passed.') : `${formatChildren(row.runRateNeededPerWeek)} a week needed by ${formatDate(campaign.target.by)}; current rate ${formatChildren(row.currentRatePerWeek)} a week.`} />
      <CampaignStat term="Target reached at the current rate" value={row.projectedDate === null ? (row.gapToTarget === 0 ? 'Reached' : 'Not at the current rate') : formatDate(row.projectedDate)}
        detail={row.projectedDate === null ? null : row.projectedDate <= campaign.target.by ? 'On time for the target date.' : `After the target date (${formatDate(campaign.target.by)}).`} />
    </dl>
  );
}
