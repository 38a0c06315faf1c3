import { useMemo } from 'react';
import { ICBS } from '@pathfinder/metrics';
import type { CampaignDefinition, CampaignProgressData } from '../api/api-types.ts';
import { dateValue, paddedDomain } from '../charts/time-axis.ts';
import { LineSample } from '../charts/line-sample.tsx';
import { CURRENT_STYLE, CURVE_STYLE, TARGET_STYLE, TRAJECTORY_STYLE, type CurveKind, type CurveLine, type TrajectorySegment } from '../charts/uptake-curve-styles.ts';
import { UptakeCurvesChart } from '../charts/lazy-charts.tsx';
import { ChartPanel } from '../components/chart-panel.tsx';
import type { Column } from '../components/data-table.tsx';
import { intervalLabel } from './campaign-format.ts';
import { formatDate } from '../format/format-date.ts';
import { plottedIntervals } from './series-intervals.ts';
import { formatCount, formatPercent } from '../format/format-number.ts';

/** Most points drawn across all lines: 33 boroughs and London over a weekly campaign fit. */
const POINT_BUDGET = 1500;
const icbShortName = new Map(ICBS.map((i) => [i.code, i.shortName]));

interface CurveRow {
  readonly code: string;
  readonly name: string;
  readonly kind: CurveKind;
  readonly date: string;
  readonly cumulative: number | null;
  readonly eligible: number | null;
  readonly uptake: number | null;
}

/**
 * Cumulative uptake by area and London against the trajectories and target, with the campaign's
 * key dates numbered on the chart and listed beside it.
 */
export function UptakeCurvesPanel({ campaign, areas, london, selected, currentDate }: {
  campaign: CampaignDefinition;
  areas: CampaignProgressData;
  london: CampaignProgressData;
  selected: string;
  currentDate: string | null;
}) {
  const priority = useMemo(() => new Set(campaign.priorityAreas.flatMap((g) => g.boroughs)), [campaign]);
  const intervals = london.rows[0]?.series.length ?? 0;
  const rowsWithKind = [
    ...areas.rows.map((r) => ({ row: r, name: areas.areaType === 'icb' ? icbShortName.get(r.areaCode) ?? r.areaName : r.areaName, kind: (r.areaCode === selected ? 'selected' : priority.has(r.areaCode) ? 'priority' : 'other') as CurveKind })),
    ...london.rows.map((r) => ({ row: r, name: 'London', kind: 'london' as CurveKind })),
  ];
  const kept = plottedIntervals(intervals, rowsWithKind.length, POINT_BUDGET);
  const thinned = kept.length < intervals;
  const lines: CurveLine[] = rowsWithKind.map(({ row, name, kind }) => ({
    code: row.areaCode, name, kind,
    points: kept.flatMap((i) => (row.series[i] ? [{ t: dateValue(row.series[i].date), uptake: row.series[i].uptake }] : [])),
  }));
  const tableRows: CurveRow[] = rowsWithKind.flatMap(({ row, name, kind }) => kept.flatMap((i) => {
    const p = row.series[i];
    return p ? [{ code: row.areaCode, name, kind, date: p.date, cumulative: p.cumulative, eligible: row.eligible, uptake: p.uptake }] : [];
  }));
  const starts = [...new Set([campaign.start, ...campaign.priorityAreas.map((g) => g.start)])].sort();
  const trajectories: TrajectorySegment[] = starts.map((start) => ({ label: start, from: dateValue(start), to: dateValue(campaign.target.by), uptake: campaign.target.uptake }));
  const keyDates = [...campaign.keyDates].sort((a, b) => a.date.localeCompare(b.date));
  const lastDate = london.asOf;
  const domain = paddedDomain([dateValue(london.campaign.opens), dateValue(lastDate), dateValue(campaign.target.by), ...keyDates.map((k) => dateValue(k.date))]);
  const level = areas.areaType === 'icb' ? 'ICB' : 'borough';
  const columns: Column<CurveRow>[] = [
    { key: 'area', header: 'Area', value: (r) => r.name },
    { key: 'date', header: areas.interval === 'week' ? 'Week ending' : 'Day', value: (r) => r.date },
    { key: 'cumulative', header: 'Vaccinated so far', value: (r) => r.cumulative, numeric: true, render: (r) => (r.cumulative === null ? '*' : formatCount(r.cumulative)) },
    { key: 'eligible', header: 'Eligible children', value: (r) => r.eligible, numeric: true, render: (r) => (r.eligible === null ? '*' : formatCount(r.eligible)) },
    { key: 'uptake', header: 'Uptake (%)', value: (r) => r.uptake, numeric: true },
    { key: 'kind', header: 'Line', value: (r) => KIND_LABEL[r.kind] },
  ];
  const selectedName = rowsWithKind.find((r) => r.kind === 'selected')?.name;
  return (
    <ChartPanel title={`Cumulative uptake by ${level}: ${campaign.name}`} source="Synthetic event data (doses per child)" columns={columns} rows={tableRows} rowKey={(r) => `${r.code}|${r.date}`}
      description={
        <>
          <p>
            Each line is one {level}’s share of eligible children vaccinated so far; London is the thick black line{selectedName ? `, ${selectedName} the thick blue one` : ''}.
            {priority.size > 0 && areas.areaType === 'borough' && ` Purple lines are the priority boroughs (${campaign.priorityAreas.map((g) => lowerFirst(g.label ?? 'priority group')).join('; ')}), offered the vaccine first.`}
            {' '}Green dashed lines are the trajectories: a straight line from 0% on each start date to the target of {formatPercent(campaign.target.uptake, 0)} on {formatDate(campaign.target.by)}.
            {thinned && ` To keep the chart readable, lines are drawn through every ${ordinal(kept[1]! - kept[0]!)} ${areas.interval}; the data table lists the points drawn.`}
          </p>
          <CurveLegend hasPriority={priority.size > 0 && areas.areaType === 'borough'} levelPlural={areas.areaType === 'icb' ? 'ICBs' : 'Boroughs'} selectedName={selectedName} currentLabel={currentDate ? intervalLabel(currentDate, areas.interval) : null} />
        </>
      }>
      <UptakeCurvesChart lines={lines} keyDates={keyDates.map((k, i) => ({ t: dateValue(k.date), n: i + 1 }))} trajectories={trajectories} target={campaign.target}
        current={currentDate ? dateValue(currentDate) : null} domain={domain} />
      {keyDates.length > 0 && (
        <div className="key-dates">
          <h3>Key dates</h3>
          <ol>
            {keyDates.map((k) => <li key={`${k.date}${k.label}`}><time dateTime={k.date}>{formatDate(k.date)}</time>: {k.label}</li>)}
          </ol>
        </div>
      )}
    </ChartPanel>
  );
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

const KIND_LABEL: Record<CurveKind, string> = { london: 'London', selected: 'Selected area', priority: 'Priority borough', other: 'Other area' };

function CurveLegend({ hasPriority, levelPlural, selectedName, currentLabel }: { hasPriority: boolean; levelPlural: string; selectedName: string | undefined; currentLabel: string | null }) {
  return (
    <ul className="legend" aria-label="Lines on the chart">
      <li><LineSample stroke={CURVE_STYLE.london.stroke} width={CURVE_STYLE.london.width} />London</li>
      {selectedName && <li><LineSample stroke={CURVE_STYLE.selected.stroke} width={CURVE_STYLE.selected.width} />{selectedName} (selected)</li>}
      {hasPriority && <li><LineSample stroke={CURVE_STYLE.priority.stroke} width={CURVE_STYLE.priority.width} />Priority boroughs</li>}
      <li><LineSample stroke={CURVE_STYLE.other.stroke} width={CURVE_STYLE.other.width} />{hasPriority ? 'Other boroughs' : levelPlural}</li>
      <li><LineSample stroke={TRAJECTORY_STYLE.stroke} dash={TRAJECTORY_STYLE.dash} width={TRAJECTORY_STYLE.width} />Trajectory</li>
      <li><LineSample stroke={TARGET_STYLE.stroke} dash={TARGET_STYLE.dash} width={TARGET_STYLE.width} />Target</li>
      {currentLabel && <li><LineSample stroke={CURRENT_STYLE.stroke} dash={CURRENT_STYLE.dash} width={CURRENT_STYLE.width} />Shown: {currentLabel}</li>}
      <li><span className="key-date-badge" aria-hidden="true">1</span>Key date (numbered below the chart)</li>
    </ul>
  );
}
