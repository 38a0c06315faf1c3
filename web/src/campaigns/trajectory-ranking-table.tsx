import { useId } from 'react';
import { BOROUGHS, type Icb } from '@pathfinder/metrics';
import type { CampaignDefinition, CampaignProgressData, CampaignProgressRow } from '../api/api-types.ts';
import { DataTable, type Column } from '../components/data-table.tsx';
import { formatDate } from '../format/format-date.ts';
import { formatCount, formatNumber, formatPercent } from '../format/format-number.ts';
import { rankByTrajectoryMargin, trajectoryCounts, type TrajectoryRank } from './trajectory-ranking.ts';

type Ranked = TrajectoryRank<CampaignProgressRow> & { readonly rank: number };

/**
 * Every borough (of the chosen ICB, when one is) ranked by its margin to the trajectory (furthest
 * behind first), with a column saying whether its current rate reaches the target by its date, so the
 * list is there on any day, including one when nobody is behind yet.
 */
export function TrajectoryRankingTable({ campaign, boroughs, onSelectArea, icb, onAllLondon }: {
  campaign: CampaignDefinition;
  boroughs: CampaignProgressData;
  onSelectArea: (code: string) => void;
  icb: Icb | undefined;
  onAllLondon: () => void;
}) {
  const rows = icb ? boroughs.rows.filter((r) => BOROUGHS.find((b) => b.code === r.areaCode)?.parent === icb.code) : boroughs.rows;
  const ranked: Ranked[] = rankByTrajectoryMargin(rows, { asOf: boroughs.asOf, target: campaign.target }).map((r, i) => ({ ...r, rank: i + 1 }));
  const { behind, aheadButMissing } = trajectoryCounts(ranked);
  const target = `${formatPercent(campaign.target.uptake, 0)} by ${formatDate(campaign.target.by)}`;
  const headingId = useId();
  const columns: Column<Ranked>[] = [
    { key: 'rank', header: 'Rank', value: (r) => r.rank, numeric: true, render: (r) => String(r.rank) },
    { key: 'area', header: 'Borough', value: (r) => r.row.areaName, render: (r) => <button type="button" className="link-button" onClick={() => onSelectArea(r.row.areaCode)}>{r.row.areaName}</button> },
    { key: 'uptake', header: 'Uptake (%)', value: (r) => r.row.uptake, numeric: true },
    { key: 'trajectory', header: 'Trajectory (%)', value: (r) => r.row.trajectory, numeric: true },
    { key: 'margin', header: 'Margin (points)', value: (r) => r.margin, numeric: true, render: (r) => (r.margin === null ? '*' : `${r.margin < 0 ? '−' : '+'}${formatNumber(Math.abs(r.margin))}`) },
    { key: 'behind', header: 'Children behind', value: (r) => r.row.behindBy, numeric: true, render: (r) => (r.row.behindTrajectory === null || r.row.behindBy === null ? '*' : r.row.behindTrajectory ? formatCount(r.row.behindBy) : 'ahead') },
    { key: 'projection', header: 'Projection', value: (r) => r.projection?.projectedUptake ?? null, render: (r) => projectionText(r, campaign.target.uptake) },
  ];
  return (
    // A panel of its own, the page's full width: its margin and projection columns are the answer to "who is behind".
    <section className="panel trajectory-ranking" data-testid="trajectory-ranking" aria-labelledby={headingId}>
      <h2 id={headingId}>Boroughs{icb ? ` of ${icb.shortName}` : ''} ranked by margin to trajectory, {formatDate(boroughs.asOf)}</h2>
      <h3>{behind.length} of {rows.length} boroughs{icb ? ` of ${icb.shortName}` : ''} behind trajectory{aheadButMissing.length > 0 ? `; ${aheadButMissing.length} more ahead of it but on course to miss ${target}` : ''}</h3>
      <p className="this-week__hint">
        {icb ? <>Every borough of {icb.shortName} ICB, the ICB chosen (<button type="button" className="link-button" onClick={onAllLondon}>rank all London’s boroughs</button>), </> : 'Every borough, '}
        furthest behind its trajectory first (uptake minus trajectory, in percentage points). The projection carries the current rate of the last two weeks on to the target date, {formatDate(campaign.target.by)}. Choose a borough to focus the page on it. * hidden (small numbers).
      </p>
      <DataTable caption={`Boroughs${icb ? ` of ${icb.shortName} ICB` : ''} ranked by margin to trajectory, ${formatDate(boroughs.asOf)}`} captionHidden columns={columns} rows={ranked} rowKey={(r) => r.row.areaCode} initialSort={{ key: 'rank' }} />
    </section>
  );
}

function projectionText({ projection }: Ranked, targetUptake: number): string {
  if (projection === null) return '*';
  if (!projection.misses) return `Reaches ${formatPercent(targetUptake, 0)}`;
  return `Misses: ${formatPercent(projection.projectedUptake)}, ${formatCount(projection.projectedShortfall)} short`;
}
