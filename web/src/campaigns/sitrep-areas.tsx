import type { CampaignDefinition, CampaignProgressData, CampaignProgressRow } from '../api/api-types.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { formatDate } from '../format/format-date.ts';
import { formatChildren, intervalPhrase } from './campaign-format.ts';
import { rankByTrajectoryMargin, trajectoryCounts } from './trajectory-ranking.ts';
import { formatCount, formatPercent } from '../format/format-number.ts';

/** Boroughs named in the report's list of those furthest behind; the table lists every one. */
const NAMED = 5;

const count = (n: number | null) => (n === null ? '*' : formatCount(n));

/**
 * The boroughs furthest behind their trajectory, in children, in one sentence each; and those ahead
 * of it today whose current rate misses the target date, so the section says something useful on a
 * day when nobody is behind.
 */
export function SitrepFurthestBehind({ campaign, boroughs }: { campaign: CampaignDefinition; boroughs: CampaignProgressData }) {
  const { behind, aheadButMissing } = trajectoryCounts(rankByTrajectoryMargin(boroughs.rows, { asOf: boroughs.asOf, target: campaign.target }));
  const byShortfall = behind.map((r) => r.row).sort((a, b) => (b.behindBy ?? -1) - (a.behindBy ?? -1) || a.areaName.localeCompare(b.areaName));
  const target = `${formatPercent(campaign.target.uptake, 0)} by ${formatDate(campaign.target.by)}`;
  return (
    <section className="panel sitrep-section" aria-labelledby="sitrep-behind">
      <h2 id="sitrep-behind">Areas furthest behind</h2>
      <p>
        {behind.length} of {boroughs.rows.length} boroughs are behind their trajectory in the {intervalPhrase(boroughs.asOf, 'week')}
        {aheadButMissing.length > 0 ? `; ${aheadButMissing.length} more are ahead of it but, at their current rate, will miss ${target}` : behind.length === 0 ? `, and every borough’s current rate reaches ${target}` : ''}
        {behind.length > 0 ? '. Furthest behind, in children short of it:' : '.'}
      </p>
      {behind.length > 0 && (
        <ol className="sitrep-behind" data-testid="sitrep-behind">
          {byShortfall.slice(0, NAMED).map((r) => (
            <li key={r.areaCode}>
              <strong>{r.areaName}</strong>: {r.behindBy === null ? 'shortfall hidden (small numbers)' : `${formatChildren(r.behindBy)} children behind`}, uptake {r.uptake === null ? 'hidden' : formatPercent(r.uptake)} against a trajectory of {formatPercent(r.trajectory)}.
            </li>
          ))}
        </ol>
      )}
      {aheadButMissing.length > 0 && (
        <>
          <p>Ahead of the trajectory but projected to miss the target date, furthest short first:</p>
          <ol className="sitrep-behind" data-testid="sitrep-projected-miss">
            {[...aheadButMissing].sort((a, b) => b.projection!.projectedShortfall - a.projection!.projectedShortfall || a.row.areaName.localeCompare(b.row.areaName)).slice(0, NAMED).map(({ row, projection }) => (
              <li key={row.areaCode}>
                <strong>{row.areaName}</strong>: uptake {formatPercent(row.uptake)}, projected {formatPercent(projection!.projectedUptake)} on {formatDate(campaign.target.by)}, {formatChildren(projection!.projectedShortfall)} children short.
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** Every borough's week: doses in it and the week before, uptake against the trajectory; furthest behind first. */
export function SitrepWeekTable({ boroughs }: { boroughs: CampaignProgressData }) {
  const behind = boroughs.rows.filter((r) => r.behindTrajectory === true).sort((a, b) => (b.behindBy ?? -1) - (a.behindBy ?? -1) || a.areaName.localeCompare(b.areaName));
  const rest = boroughs.rows.filter((r) => !behind.includes(r)).sort((a, b) => (a.uptake ?? Infinity) - (b.uptake ?? Infinity) || a.areaName.localeCompare(b.areaName));
  const columns: Column<CampaignProgressRow>[] = [
    { key: 'area', header: 'Borough', value: (r) => r.areaName },
    { key: 'dosesLatest', header: 'Doses this week', value: (r) => r.dosesLatest, numeric: true, render: (r) => count(r.dosesLatest) },
    { key: 'dosesPrevious', header: 'Week before', value: (r) => r.dosesPrevious, numeric: true, render: (r) => count(r.dosesPrevious) },
    { key: 'vaccinated', header: 'Vaccinated so far', value: (r) => r.vaccinated, numeric: true, render: (r) => count(r.vaccinated) },
    { key: 'eligible', header: 'Eligible', value: (r) => r.eligible, numeric: true, render: (r) => count(r.eligible) },
    { key: 'uptake', header: 'Uptake (%)', value: (r) => r.uptake, numeric: true },
    { key: 'trajectory', header: 'Trajectory (%)', value: (r) => r.trajectory, numeric: true },
    { key: 'behindBy', header: 'Behind by', value: (r) => (r.behindTrajectory ? r.behindBy : 0), numeric: true, render: (r) => (r.behindTrajectory === false ? '–' : count(r.behindBy)) },
  ];
  return (
    <section className="panel sitrep-section sitrep-week" aria-labelledby="sitrep-week">
      <h2 id="sitrep-week">The week’s doses: {intervalPhrase(boroughs.asOf, 'week')}</h2>
      <p>Children first vaccinated in the week and the week before, by borough; boroughs behind their trajectory first (furthest behind first), then the rest by uptake. * hidden (small numbers).</p>
      <DataTable caption={`Doses by borough, ${intervalPhrase(boroughs.asOf, 'week')}`} columns={columns} rows={[...behind, ...rest]} rowKey={(r) => r.areaCode} />
    </section>
  );
}
