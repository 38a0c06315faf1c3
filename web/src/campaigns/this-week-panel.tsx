import { useId } from 'react';
import type { CampaignDefinition, CampaignProgressData, CampaignProgressRow } from '../api/api-types.ts';
import { projectTarget } from '@pathfinder/metrics';
import { formatChildren, intervalLabel, intervalNoun } from './campaign-format.ts';
import { formatDate } from '../format/format-date.ts';
import { CampaignStat } from './campaign-stat.tsx';
import { formatPercent } from '../format/format-number.ts';

/**
 * Where the campaign stands in the shown interval: children vaccinated in it and the change from
 * the one before, uptake against the trajectory, the run rate needed to reach the target and the
 * date the current rate reaches it, for London or the focus area (the boroughs' ranking is its own
 * panel, `TrajectoryRankingTable`).
 */
export function ThisWeekPanel({ campaign, focus, focusName, boroughs, latest }: {
  campaign: CampaignDefinition;
  focus: CampaignProgressRow | undefined;
  focusName: string;
  boroughs: CampaignProgressData;
  latest: boolean;
}) {
  const headingId = useId();
  const noun = intervalNoun(boroughs.interval);
  const target = `${formatPercent(campaign.target.uptake, 0)} by ${formatDate(campaign.target.by)}`;
  return (
    <section className="panel this-week" aria-labelledby={headingId}>
      <h2 id={headingId}>{panelTitle(boroughs.asOf, boroughs.interval, latest)}</h2>
      {!focus ? (
        <p className="empty-state">{focusName} is not part of this campaign.</p>
      ) : (
        <dl className="stat-grid">
          <CampaignStat term={`Children vaccinated this ${noun}, ${focusName}`} value={formatChildren(focus.dosesLatest)} detail={<Change latest={focus.dosesLatest} previous={focus.dosesPrevious} noun={noun} />} />
          <CampaignStat term={`Uptake so far, ${focusName}`} value={focus.uptake === null ? 'hidden' : formatPercent(focus.uptake)}
            detail={trajectoryNote(focus, boroughs.asOf, campaign.target)} />
          <CampaignStat term={`Needed a week to reach ${formatPercent(campaign.target.uptake, 0)}`} value={runRate(focus)} detail={`Target ${target}.${focus.currentRatePerWeek === null ? '' : ` Current rate ${formatChildren(focus.currentRatePerWeek)} a week.`}`} />
          <CampaignStat term="Target reached at the current rate" value={focus.projectedDate === null ? (focus.gapToTarget === 0 ? 'Reached' : 'Not at the current rate') : formatDate(focus.projectedDate)}
            detail={projectedNote(focus, campaign.target.by)} />
        </dl>
      )}
    </section>
  );
}

function panelTitle(date: string, interval: 'week' | 'day', latest: boolean): string {
  if (interval === 'day') return `${latest ? 'Latest day' : 'Selected day'}: ${formatDate(date)}`;
  return `${latest ? 'This week' : 'Selected week'}: ${intervalLabel(date, interval).replace(/^Week/, 'week')}`;
}

function Change({ latest, previous, noun }: { latest: number | null; previous: number | null; noun: string }) {
  if (latest === null || previous === null) return <>Change from the {noun} before: hidden (small numbers)</>;
  const change = latest - previous;
  if (change === 0) return <>The same as the {noun} before</>;
  const share = previous > 0 ? ` (${change > 0 ? '+' : '−'}${formatPercent((100 * Math.abs(change)) / previous)})` : '';
  return <><span aria-hidden="true">{change > 0 ? '▲ ' : '▼ '}</span>{formatChildren(Math.abs(change))} {change > 0 ? 'more' : 'fewer'} than the {noun} before{share}</>;
}

/** The focus area against its trajectory, and whether being ahead today is enough at the current rate. */
function trajectoryNote(row: CampaignProgressRow, asOf: string, target: CampaignDefinition['target']): string | null {
  if (row.trajectory === null) return null;
  const line = `Trajectory ${formatPercent(row.trajectory)}`;
  if (row.behindTrajectory === null) return `${line}: shortfall hidden (small numbers)`;
  if (row.behindTrajectory) return `${line}: ${formatChildren(row.behindBy)} children behind`;
  const misses = projectTarget({ ...row, asOf, target })?.misses === true;
  return misses ? `${line}: ahead of it today, but at the current rate it misses the target date` : `${line}: ahead of it, and on course for the target`;
}

function runRate(row: CampaignProgressRow): string {
  if (row.gapToTarget === 0) return 'Target reached';
  if (row.runRateNeededPerWeek === null) return row.gapToTarget === null ? 'hidden' : 'Target date passed';
  return `${formatChildren(row.runRateNeededPerWeek)} children`;
}

function projectedNote(row: CampaignProgressRow, targetBy: string): string | null {
  if (row.gapToTarget === null) return null;
  if (row.gapToTarget === 0) return 'The target has been reached.';
  const gap = `${formatChildren(row.gapToTarget)} children still to vaccinate to reach the target (not all eligible children).`;
  if (row.projectedDate === null) return `${gap} No children were vaccinated in the last two intervals.`;
  return `${gap} ${row.projectedDate <= targetBy ? 'On time' : `${formatDate(row.projectedDate)} is after the target date`}.`;
}
