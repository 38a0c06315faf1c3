import { useQuery } from '@tanstack/react-query';
import { findIndicator, parseBreakdownKey, type Indicator, type InequalitiesSearch } from '@pathfinder/metrics';
import { retryUnlessRefused } from '../api/api-problem.ts';
import { useChosenRelease } from '../api/chosen-release.tsx';
import { indicatorQueries } from '../api/queries.ts';
import type { ReleaseOffer } from '../api/release-offer.ts';
import { NotInRelease } from './not-in-release.tsx';
import type { InequalityData } from '../api/api-types.ts';
import { InequalityChart, type GroupDatum } from '../charts/inequality-chart.tsx';
import { AreaPicker } from '../components/area-picker.tsx';
import { ChartPanel } from '../components/chart-panel.tsx';
import type { Column } from '../components/data-table.tsx';
import { describeRii, describeSii } from '../components/describe-inequality.ts';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { IndicatorSelect } from '../components/indicator-select.tsx';
import { areaLabel, areaLevel, isLondonArea } from '../components/london-areas.ts';
import { PanelError, Skeleton } from '../components/panel-error.tsx';
import { PeriodSelect } from '../components/period-select.tsx';
import { SelectField } from '../components/select-field.tsx';
import { getRouteApi } from '@tanstack/react-router';
import { useSearchUpdate } from '../routing/use-search-update.ts';
import { areaChoice, shownArea } from '../routing/chosen-icb.ts';
import '../theme/views.css';
import { formatCount, formatNumber, formatWithUnit } from '../format/format-number.ts';

type Breakdown = 'deprivation' | 'ethnicity' | 'sex';

const BREAKDOWNS: readonly { value: Breakdown; label: string; groups: string }[] = [
  { value: 'deprivation', label: 'Deprivation quintile', groups: 'deprivation quintile, most to least deprived' },
  { value: 'ethnicity', label: 'Ethnic group', groups: 'ethnic group' },
  { value: 'sex', label: 'Sex', groups: 'sex' },
];

/** Indicators with this breakdown in the catalogue and in the release shown. */
const withBreakdown = (offer: ReleaseOffer, by: Breakdown) => (offer.hasBreakdown(by) ? offer.indicators.filter((i) => i.breakdowns.includes(by)) : []);

const route = getRouteApi('/inequalities');

/** One indicator in one area split by deprivation, ethnic group or sex, with the slope index of inequality in words. */
export default function InequalitiesPage() {
  const { offer } = useChosenRelease();
  if (!BREAKDOWNS.some((b) => withBreakdown(offer, b.value).length > 0)) return <NotInRelease what="breakdowns by deprivation, ethnic group or sex" />;
  return <Inequalities offer={offer} />;
}

function Inequalities({ offer }: { offer: ReleaseOffer }) {
  const state = route.useSearch();
  const update = useSearchUpdate<InequalitiesSearch>();
  const eligible = withBreakdown(offer, state.by);
  const indicator = eligible.find((i) => i.id === state.indicator);
  const breakdown = BREAKDOWNS.find((b) => b.value === state.by)!;
  const area = shownArea(state);
  const areaName = areaLabel(area);
  const changeBreakdown = (by: Breakdown) => {
    const current = findIndicator(state.indicator);
    if (current?.breakdowns.includes(by)) return update({ by });
    const next = withBreakdown(offer, by).find((i) => i.domain === current?.domain) ?? withBreakdown(offer, by)[0];
    update({ by, indicator: next?.id, period: undefined });
  };
  return (
    <>
      <h1>Inequalities{indicator ? `: ${indicator.shortName}` : ''}</h1>
      <p className="lede">
        {indicator ? indicator.shortName : 'An indicator'} in {areaName} by {breakdown.groups}, with 95% confidence intervals; the dashed line is {areaName} overall.
        For deprivation, the slope index of inequality (SII) sums up the gap between the least and the most deprived as a difference, and the relative index (RII) as a ratio.
      </p>
      <div className="controls">
        <IndicatorSelect value={state.indicator} indicators={eligible} onChange={(id) => update({ indicator: id, period: undefined })} hint={`Only indicators broken down by ${breakdown.label.toLowerCase()}`} />
        <AreaPicker label="Area" value={area} onChange={(code) => update(areaChoice(code))} />
        <SelectField label="Breakdown" value={state.by} options={BREAKDOWNS.filter((b) => b.value === state.by || withBreakdown(offer, b.value).length > 0)} onChange={changeBreakdown} />
        {indicator && <PeriodSelect indicatorId={indicator.id} value={state.period} onChange={(period) => update({ period })} />}
      </div>
      {!indicator ? (
        <p className="empty-state" data-testid="not-in-release">“{findIndicator(state.indicator)?.shortName ?? state.indicator}” has no {breakdown.label.toLowerCase()} breakdown in this data source. Choose an indicator above.</p>
      ) : !isLondonArea(area) ? (
        <p className="empty-state">“{area}” is not London, a London ICB or a London borough. Choose an area above.</p>
      ) : (
        <ErrorBoundary key={`${indicator.id}|${area}|${state.by}|${state.period}`}>
          <InequalityResults indicator={indicator} area={area} by={state.by} period={state.period} breakdownLabel={breakdown.label} />
        </ErrorBoundary>
      )}
    </>
  );
}

function InequalityResults({ indicator, area, by, period, breakdownLabel }: { indicator: Indicator; area: string; by: Breakdown; period: string; breakdownLabel: string }) {
  const queries = indicatorQueries(useChosenRelease().release.id);
  const inequality = useQuery({ ...queries.inequality(indicator.id, { area, by, period }), retry: retryUnlessRefused });
  const level = areaLevel(area)!;
  const overall = useQuery({ ...queries.values(indicator.id, { areaType: level, period, comparator: 'london' }), enabled: indicator.areaTypes.includes(level) });
  if (inequality.isPending || (overall.isPending && overall.fetchStatus !== 'idle')) return <Skeleton label="Loading the breakdown…" height={360} />;
  if (inequality.isError) return <PanelError error={inequality.error} onRetry={() => void inequality.refetch()} />;
  const overallValue = overall.data?.rows.find((r) => r.areaCode === area)?.value ?? null;
  return <InequalityPanel indicator={indicator} data={inequality.data} breakdownLabel={breakdownLabel} overallValue={overallValue} overallFailed={overall.isError} />;
}

function InequalityPanel({ indicator, data, breakdownLabel, overallValue, overallFailed }: { indicator: Indicator; data: InequalityData; breakdownLabel: string; overallValue: number | null; overallFailed: boolean }) {
  const areaName = areaLabel(data.area.code);
  const groups: GroupDatum[] = [...data.groups].sort(groupOrder(data.by));
  const title = `${indicator.shortName} by ${breakdownLabel.toLowerCase()}: ${areaName}${data.period ? `, ${data.period}` : ''}`;
  const columns: Column<InequalityData['groups'][number]>[] = [
    { key: 'group', header: breakdownLabel, value: (g) => g.label },
    { key: 'value', header: `Value (${indicator.unit})`, value: (g) => g.value, numeric: true, render: (g) => (g.suppressed ? '*' : formatNumber(g.value)) },
    { key: 'lower95', header: 'Lower 95% CI', value: (g) => g.lower95, numeric: true },
    { key: 'upper95', header: 'Upper 95% CI', value: (g) => g.upper95, numeric: true },
    { key: 'numerator', header: 'Numerator', value: (g) => g.numerator, numeric: true, render: (g) => (g.suppressed ? '*' : formatCount(g.numerator)) },
    { key: 'denominator', header: 'Denominator', value: (g) => g.denominator, numeric: true, render: (g) => (g.suppressed ? '*' : formatCount(g.denominator)) },
    { key: 'note', header: 'Note', value: (g) => (g.suppressed ? 'Suppressed (small numbers)' : g.value === null ? 'No value' : g.valueNote) },
  ];
  if (groups.every((g) => g.value === null)) {
    return (
      <section className="panel" aria-label={title}>
        <h2>{title}</h2>
        <p className="empty-state">
          {groups.length === 0 ? `There are no ${breakdownLabel.toLowerCase()} figures for ${areaName} in this period.` : `Every ${breakdownLabel.toLowerCase()} figure for ${areaName} in this period is suppressed because the numbers are small.`} Try a larger area or another period.
        </p>
      </section>
    );
  }
  return (
    <ChartPanel title={title} source={indicator.source.name} indicators={[indicator.id]} columns={columns} rows={groups as InequalityData['groups']} rowKey={(g) => g.group}
      description={
        <>
          <InequalitySummary data={data} indicator={indicator} areaName={areaName} />
          <p>
            Bars start at zero; whiskers show 95% confidence intervals, and groups whose intervals do not overlap differ by more than chance.{' '}
            {overallValue !== null ? `The dashed line is ${areaName} overall (${formatWithUnit(overallValue, indicator.unit)}).` : overallFailed ? `${areaName}’s overall value could not be loaded, so there is no reference line.` : ''}
          </p>
        </>
      }>
      <InequalityChart groups={groups} unit={indicator.unit} overall={overallValue === null ? null : { label: `${areaName} overall`, value: overallValue }} />
    </ChartPanel>
  );
}

function InequalitySummary({ data, indicator, areaName }: { data: InequalityData; indicator: Indicator; areaName: string }) {
  if (data.by !== 'deprivation') return null;
  if (data.sii === null) {
    return <p className="inequality-summary">The slope index of inequality is not calculated here: it needs a value for all five deprivation quintiles, and some are missing or suppressed.</p>;
  }
  const interval = (lower: number | null, upper: number | null) => (lower !== null && upper !== null ? { lower, upper } : null);
  return (
    <div className="inequality-summary">
      <p>
        <strong>{describeSii(data.sii, indicator.unit, indicator.polarity, interval(data.siiLower95, data.siiUpper95))}</strong>
      </p>
      {data.rii !== null && <p>{describeRii(data.rii, interval(data.riiLower95, data.riiUpper95))}</p>}
      <p className="inequality-method">
        Both come from a line fitted through the five quintiles, each placed at the middle of its share of {areaName}’s population, from most deprived (0) to least deprived (1), as in PHEindicatormethods. Their 95% confidence intervals come from refitting the line to many sets of quintile values simulated within each quintile’s own interval.
      </p>
    </div>
  );
}

/** Deprivation from most (1) to least (5) deprived, sex female then male, ethnic groups alphabetically. */
const groupOrder = (by: Breakdown) => (a: { group: string; label: string }, b: { group: string; label: string }) =>
  by === 'deprivation' ? Number(parseBreakdownKey(a.group)?.value) - Number(parseBreakdownKey(b.group)?.value) : a.label.localeCompare(b.label);
