import type { CampaignProgressData, CampaignProgressRow } from '../api/api-types.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { behindTrajectory } from './behind-trajectory.ts';
import { formatChildren, intervalPhrase } from './campaign-format.ts';
import { formatCount, formatPercent } from '../format/format-number.ts';

/** Boroughs named in the report's list of those furthest behind; the table lists every one. */
const NAMED = 5;

const count = (n: number | null) => (n === null ? '*' : formatCount(n));

/** The boroughs furthest behind their trajectory, in children, in one sentence each. */
export function SitrepFurthestBehind({ boroughs }: { boroughs: CampaignProgressData }) {
  const behind = behindTrajectory(boroughs.rows);
  return (
    <section className="panel sitrep-section" aria-labelledby="sitrep-behind">
      <h2 id="sitrep-behind">Areas furthest behind</h2>
      <p>{behind.length} of {boroughs.rows.length} boroughs are behind their trajectory in the {intervalPhrase(boroughs.asOf, 'week')}{behind.length > 0 ? '; furthest behind, in children short of it:' : '.'}</p>
      {behind.length > 0 && (
        <ol className="sitrep-behind" data-testid="sitrep-behind">
          {behind.slice(0, NAMED).map((r) => (
            <li key={r.areaCode}>
              <strong>{r.areaName}</strong>: {r.behindBy === null ? 'shortfall hidden (small numbers)' : `${formatChildren(r.behindBy)} children behind`}, uptake {r.uptake === null ? 'hidden' : formatPercent(r.uptake)} against a trajectory of {formatPercent(r.trajectory)}.
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Every borough's week: doses in it and the week before, uptake against the trajectory; furthest behind first. */
export function SitrepWeekTable({ boroughs }: { boroughs: CampaignProgressData }) {
  const behind = behindTrajectory(boroughs.rows);
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
