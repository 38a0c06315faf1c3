import { useQuery } from '@tanstack/react-query';
import { useChosenRelease } from '../api/chosen-release.tsx';
import type { CampaignBreakdown } from '@pathfinder/metrics';
import { retryUnlessRefused } from '../api/api-problem.ts';
import type { CampaignDefinition, CampaignProgressData } from '../api/api-types.ts';
import { campaignQueries, type CampaignProgressFilter } from '../api/campaign-queries.ts';
import type { GroupLine } from '../charts/group-uptake-chart.tsx';
import { GroupUptakeChart } from '../charts/lazy-charts.tsx';
import { dateValue, paddedDomain } from '../charts/time-axis.ts';
import { ChartPanel } from '../components/chart-panel.tsx';
import type { Column } from '../components/data-table.tsx';
import { PanelError, Skeleton } from '../components/panel-error.tsx';
import { intervalLabel, intervalPhrase } from './campaign-format.ts';
import { groupGap, type GroupGap } from './group-gap.ts';
import { intervalIndex, plottedIntervals } from './series-intervals.ts';
import { formatNumber, formatPercent } from '../format/format-number.ts';

const POINT_BUDGET = 600;
const TITLE: Record<CampaignBreakdown, string> = { deprivation: 'deprivation quintile', ethnicity: 'ethnic group' };

/**
 * Uptake over time by deprivation quintile or ethnic group in one area, with the gap between the
 * ends. Groups are published for London only; below it they need a token that sees the area's
 * exact counts (`access`), and without one the panel says so instead of asking.
 */
export function EquityPanel({ campaign, id, filter, areaCode, areaName, by, currentDate, access, printed = false }: {
  campaign: CampaignDefinition;
  id: string;
  /** With `asOf`, the groups' series end on it (a report for that date); without, they run to the latest. */
  filter: Omit<CampaignProgressFilter, 'breakdown'>;
  areaCode: string;
  areaName: string;
  by: CampaignBreakdown;
  currentDate: string | null;
  access: 'allowed' | 'pending' | 'token-needed';
  /** On a printed report, which has no header to choose a token in. */
  printed?: boolean;
}) {
  const query = useQuery({ ...campaignQueries(useChosenRelease().release.id).progress(id, { ...filter, breakdown: by }), retry: retryUnlessRefused, enabled: access === 'allowed' });
  const title = `Uptake by ${TITLE[by]}: ${areaName}`;
  if (access === 'token-needed') {
    return (
      <section className="panel" aria-label={title}>
        <h2>{title}</h2>
        <div className="nhsuk-inset-text campaign-notice" role="note" data-testid={`gap-${by}`}>
          <p>
            Uptake by {TITLE[by]} is published for London as a whole. For {areaName} it needs an <strong>ICS</strong> access token (its own ICB) or a <strong>regional</strong> access token,
            because counts for small groups in one area could identify children.{printed ? ' This report was made without one.' : <> Choose <strong>Use an access token</strong> in the header, or choose London as the focus area.</>}
          </p>
        </div>
      </section>
    );
  }
  if (access === 'pending' || query.isPending) return <Skeleton label={`Loading uptake by ${TITLE[by]}…`} height={420} />;
  if (query.isError) return <PanelError error={query.error} onRetry={() => void query.refetch()} />;
  const areaRows = query.data.rows.filter((r) => r.areaCode === areaCode);
  // Groups with no eligible children here (e.g. a quintile absent from a borough) have nothing to draw.
  const groups = areaRows.filter((r) => r.eligible !== 0);
  const absent = areaRows.filter((r) => r.eligible === 0).map((r) => r.groupLabel ?? '');
  if (groups.length === 0) {
    return (
      <section className="panel" aria-label={title}>
        <h2>{title}</h2>
        <p className="empty-state">There are no {TITLE[by]} figures for {areaName} in this campaign.</p>
      </section>
    );
  }
  return <EquityChartPanel campaign={campaign} data={query.data} groups={groups} absent={absent} by={by} title={title} areaName={areaName} currentDate={currentDate} />;
}

interface IntervalRow {
  readonly date: string;
  readonly uptakes: readonly (number | null)[];
  readonly gap: GroupGap | null;
}

function EquityChartPanel({ campaign, data, groups, absent, by, title, areaName, currentDate }: {
  campaign: CampaignDefinition;
  data: CampaignProgressData;
  groups: CampaignProgressData['rows'];
  absent: readonly string[];
  by: CampaignBreakdown;
  title: string;
  areaName: string;
  currentDate: string | null;
}) {
  const intervals = groups[0]!.series.length;
  const kept = plottedIntervals(intervals, groups.length, POINT_BUDGET);
  const gapAt = (i: number) => groupGap(groups.map((g) => ({ label: g.groupLabel ?? '', uptake: g.series[i]?.uptake ?? null, recorded: !g.group?.endsWith(':unknown') })), by);
  const rows: IntervalRow[] = kept.map((i) => ({ date: groups[0]!.series[i]!.date, uptakes: groups.map((g) => g.series[i]?.uptake ?? null), gap: gapAt(i) }));
  const lines: GroupLine[] = groups.map((g) => ({ group: g.group ?? '', label: g.groupLabel ?? '', points: kept.map((i) => ({ t: dateValue(g.series[i]!.date), uptake: g.series[i]!.uptake })) }));
  // The interval the date shown falls in: any day can be chosen, the series has one point an interval.
  const shownIndex = intervalIndex(groups[0]!.series.map((p) => p.date), currentDate ?? undefined);
  const gap = gapAt(shownIndex);
  const shownDate = groups[0]!.series[shownIndex]!.date;
  const domain = paddedDomain([dateValue(data.campaign.opens), dateValue(data.asOf)]);
  const columns: Column<IntervalRow>[] = [
    { key: 'date', header: data.interval === 'week' ? 'Week ending' : 'Day', value: (r) => r.date },
    ...groups.map((g, k): Column<IntervalRow> => ({ key: g.group ?? String(k), header: `${g.groupLabel} (%)`, value: (r) => r.uptakes[k] ?? null, numeric: true })),
    { key: 'gap', header: by === 'deprivation' ? 'Gap, least minus most deprived (points)' : 'Gap, highest minus lowest group (points)', value: (r) => r.gap?.points ?? null, numeric: true },
  ];
  return (
    <ChartPanel title={title} source="Synthetic event data (doses per child)" columns={columns} rows={rows} rowKey={(r) => r.date}
      description={
        <p className="equity-gap" data-testid={`gap-${by}`}>
          {gapSentence(gap, by, data.interval, shownDate, areaName, widest(rows))}
          {absent.length > 0 && ` No eligible children in ${areaName}: ${absent.join(', ')}.`}
        </p>
      }>
      <GroupUptakeChart lines={lines} target={campaign.target} current={currentDate ? dateValue(shownDate) : null} domain={domain} />
    </ChartPanel>
  );
}

const widest = (rows: readonly IntervalRow[]) => rows.reduce<IntervalRow | null>((best, r) => (r.gap && (!best?.gap || Math.abs(r.gap.points) > Math.abs(best.gap.points)) ? r : best), null);

function gapSentence(gap: GroupGap | null, by: CampaignBreakdown, interval: 'week' | 'day', date: string, areaName: string, widestRow: IntervalRow | null): string {
  const when = `${intervalLabel(date, interval)}, ${areaName}`;
  if (!gap) return `${when}: the gap cannot be given because a group’s figure is hidden (small numbers).`;
  const ends = by === 'deprivation'
    ? `the least deprived (${gap.high.label}, ${formatPercent(gap.high.uptake)}) and the most deprived (${gap.low.label}, ${formatPercent(gap.low.uptake)})`
    : `the highest group (${gap.high.label}, ${formatPercent(gap.high.uptake)}) and the lowest (${gap.low.label}, ${formatPercent(gap.low.uptake)})`;
  const widestText = widestRow?.gap && widestRow.date !== date
    ? ` The widest gap was ${formatNumber(Math.abs(widestRow.gap.points))} points, in the ${intervalPhrase(widestRow.date, interval)}.`
    : widestRow?.date === date ? ' This is the widest it has been.' : '';
  return `${when}: a gap of ${formatNumber(Math.abs(gap.points))} percentage points between ${ends}.${widestText}`;
}
