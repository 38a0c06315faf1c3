import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ICBS, LONDON, findIndicator, itsOverSeries, type Icb, type Indicator, type IndicatorSearch } from '@pathfinder/metrics';
import { useChosenRelease } from '../api/chosen-release.tsx';
import { indicatorQueries } from '../api/queries.ts';
import { FineAreaGate } from './fine-area-gate.tsx';
import { NotInRelease } from './not-in-release.tsx';
import type { ValueRow, ValuesData } from '../api/api-types.ts';
import type { BarDatum } from '../charts/compare-bar-chart.tsx';
import { CompareBarChart, TrendChart } from '../charts/lazy-charts.tsx';
import { notesByPeriod } from '../charts/notes-by-period.ts';
import { annotationQueries } from '../api/annotation-queries.ts';
import { campaignQueries } from '../api/campaign-queries.ts';
import { interventionPresets } from '../charts/intervention-presets.ts';
import { itsChartLines } from '../charts/its-chart-lines.ts';
import { InterventionPicker } from '../components/intervention-picker.tsx';
import { ItsByArea } from '../components/its-by-area.tsx';
import { ItsSummary } from '../components/its-summary.tsx';
import { AddNoteForm } from '../components/add-note-form.tsx';
import { SignalCallout, trendHighlight } from '../charts/signal-callout.tsx';
import { ChartPanel } from '../components/chart-panel.tsx';
import { ComparisonLegend } from '../components/comparison-legend.tsx';
import type { Column } from '../components/data-table.tsx';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { PanelError, Skeleton } from '../components/panel-error.tsx';
import { SelectField } from '../components/select-field.tsx';
import { SpcSummary } from '../components/spc-summary.tsx';
import { IndicatorDefinition } from '../components/indicator-definition.tsx';
import { IndicatorPicker } from '../components/indicator-picker.tsx';
import { AreaMap, usePreloadAreaMap, type MapDatum } from '../maps/area-map.tsx';
import { Link, getRouteApi } from '@tanstack/react-router';
import { areaLabel, isLondonArea } from '../components/london-areas.ts';
import { useSearchUpdate } from '../routing/use-search-update.ts';
import { COMPARISON_STYLE } from '../theme/comparison-colours.ts';
import { formatCount, formatNumber, formatWithUnit } from '../format/format-number.ts';
import { areasBelow } from '../components/icb-focus.ts';
import { IcbPractices } from './icb-practices.tsx';

const icbName = new Map(ICBS.map((i) => [i.code, i.shortName]));

/**
 * Period choices: latest, every period with data, and the period in the URL even before (or
 * without) the list arriving, so a shared link shows what it asks for from the first paint.
 */
function periodOptions(current: string, available: readonly string[]) {
  const options = [{ value: 'latest', label: `Latest${available[0] ? ` (${available[0]})` : ''}` }, ...available.map((p) => ({ value: p, label: p }))];
  return current === 'latest' || available.includes(current) ? options : [...options, { value: current, label: current }];
}

/** Heights the panels take once drawn, so placeholders hold the space and nothing jumps (layout shift). */
const PANEL_HEIGHT = { map: 640, bars: (areas: number) => Math.max(240, areas * 20 + 84) + 150, trend: 560 };

const valueColumns = (unit: string): Column<ValueRow>[] => [
  { key: 'area', header: 'Area', value: (r) => r.areaName },
  { key: 'icb', header: 'ICB', value: (r) => (r.parentCode ? icbName.get(r.parentCode) ?? r.parentCode : null) },
  { key: 'value', header: `Value (${unit})`, value: (r) => r.value, numeric: true },
  { key: 'lower95', header: 'Lower 95% CI', value: (r) => r.lower95, numeric: true },
  { key: 'upper95', header: 'Upper 95% CI', value: (r) => r.upper95, numeric: true },
  { key: 'numerator', header: 'Numerator', value: (r) => r.numerator, numeric: true, render: (r) => (r.suppressed ? '*' : formatCount(r.numerator)) },
  { key: 'denominator', header: 'Denominator', value: (r) => r.denominator, numeric: true, render: (r) => (r.suppressed ? '*' : formatCount(r.denominator)) },
  { key: 'comparison', header: 'Compared with benchmark', value: (r) => (r.suppressed ? 'Suppressed' : COMPARISON_STYLE[r.comparison].label) },
  // Says what a figure counts when it is not just the area's own (Hackney's includes the City of London for the public).
  { key: 'note', header: 'Note', value: (r) => r.valueNote },
];

const route = getRouteApi('/indicators/$id');

const BOROUGH_CHOICES = [{ value: 'borough', label: 'Boroughs: all London' }, ...ICBS.map((i) => ({ value: i.code, label: `Boroughs: ${i.shortName}` }))];

/** One indicator for one period: map, compare-areas chart, trend with SPC for the selected area, definition. */
export default function IndicatorPage() {
  const { id } = route.useParams();
  const indicator = findIndicator(id);
  const { offer } = useChosenRelease();
  if (!indicator) return <><h1>Indicator not found</h1><p>There is no indicator with id “{id}”.</p></>;
  if (!offer.hasIndicator(id)) return <NotInRelease what={indicator.name} />;
  return <IndicatorView key={id} indicator={indicator} />;
}

function IndicatorView({ indicator }: { indicator: Indicator }) {
  const state = route.useSearch();
  const update = useSearchUpdate<IndicatorSearch>();
  const { release, offer } = useChosenRelease();
  const areaType = indicator.areaTypes.includes(state.areaType) && offer.hasAreaType(state.areaType) ? state.areaType : 'borough';
  const queries = indicatorQueries(release.id);
  const values = useQuery(queries.values(indicator.id, { areaType, period: state.period, comparator: state.comparator }));
  const periods = useQuery(queries.periods(indicator.id));
  usePreloadAreaMap(areaType);
  // The chosen ICB narrows the boroughs to its own and is the trend's area until the user picks another.
  const icb = ICBS.find((i) => i.code === state.icb);
  const selectedArea = state.area ?? icb?.code ?? LONDON.code;
  const comparatorName = state.comparator === 'england' ? 'England' : state.comparator === 'parent' ? 'parent area' : 'London';
  const data = useMemo(() => (values.data && icb && areaType === 'borough' ? { ...values.data, rows: values.data.rows.filter((r) => r.parentCode === icb.code) } : values.data), [values.data, icb, areaType]);
  return (
    <>
      <IndicatorPicker current={indicator.id} />
      <h1>{indicator.name}</h1>
      <p className="lede">{data?.period ? `${data.period}. ` : ''}{indicator.definition.numerator}. Compared with {comparatorName} at 95% and 99.8% confidence.</p>
      <div className="controls">
        <SelectField label="Period" value={state.period} options={periodOptions(state.period, periods.data?.periods.map((p) => p.label) ?? [])} onChange={(period) => update({ period })} />
        {/* As on the Overview: every borough, one ICB's boroughs, or the ICBs. */}
        <SelectField label="Areas" value={areaType === 'icb' ? 'icb' : (icb?.code ?? 'borough')} options={[...BOROUGH_CHOICES, ...(offer.hasAreaType('icb') ? [{ value: 'icb', label: 'ICBs' }] : [])]} onChange={(choice) => update(choice === 'icb' ? { areaType: 'icb', icb: undefined } : { areaType: 'borough', icb: choice === 'borough' ? undefined : choice })} />
        <SelectField label="Compare with" value={state.comparator} options={[{ value: 'london', label: 'London' }, { value: 'england', label: 'England' }, { value: 'parent', label: 'Own ICB (boroughs)' }]} onChange={(comparator) => update({ comparator })} />
        <SelectField label="Colour map by" value={state.colour} options={[{ value: 'comparison', label: 'Comparison' }, { value: 'value', label: 'Value' }]} onChange={(colour) => update({ colour }, { replace: true })} />
        <SelectField label="Sort chart by" value={state.sort} options={[{ value: 'value', label: 'Value' }, { value: 'name', label: 'Name' }, { value: 'icb', label: 'ICB, then value' }]} onChange={(sort) => update({ sort }, { replace: true })} />
      </div>
      <ComparisonLegend />
      {values.isError ? (
        <PanelError error={values.error} onRetry={() => void values.refetch()} />
      ) : !data ? (
        <div className="indicator-layout"><Skeleton label="Loading map…" height={PANEL_HEIGHT.map} /><Skeleton label="Loading chart…" height={PANEL_HEIGHT.bars(areaType === 'icb' ? 5 : icb ? 8 : 33)} /></div>
      ) : (
        <div className="indicator-layout">
          <ErrorBoundary>
            <MapPanel indicator={indicator} data={data} colourBy={state.colour} selected={state.area} onSelect={(area) => update({ area })} />
          </ErrorBoundary>
          <ErrorBoundary>
            <ComparePanel indicator={indicator} data={data} icb={areaType === 'borough' ? icb : undefined} sort={state.sort} selected={state.area} onSelect={(area) => update({ area })} />
          </ErrorBoundary>
        </div>
      )}
      {isLondonArea(selectedArea) && <p><Link className="standalone-link" to="/areas/$code" params={{ code: selectedArea }}>{areaLabel(selectedArea)}: every indicator in its area profile</Link></p>}
      <ErrorBoundary>
        <FineAreaGate area={selectedArea}>
          <TrendPanel indicator={indicator} area={selectedArea} icb={icb} comparator={state.comparator} signal={state.signal ?? null} period={state.period} intervention={state.its} onIntervention={(its) => update({ its })} />
        </FineAreaGate>
      </ErrorBoundary>
      {icb && (
        <ErrorBoundary>
          <IcbPractices indicator={indicator} icb={icb} period={state.period} targets={values.data?.targets ?? []} />
        </ErrorBoundary>
      )}
      {state.its && (
        <ErrorBoundary>
          <ItsByArea indicator={indicator} areaType={areaType} intervention={state.its} />
        </ErrorBoundary>
      )}
      <IndicatorDefinition indicator={indicator} />
    </>
  );
}

function MapPanel({ indicator, data, colourBy, selected, onSelect }: { indicator: Indicator; data: ValuesData; colourBy: 'value' | 'comparison'; selected: string | undefined; onSelect: (code: string) => void }) {
  const areaType = data.areaType === 'icb' ? 'icb' : 'borough';
  const mapData = useMemo(() => new Map<string, MapDatum>(data.rows.map((r) => [r.areaCode, {
    value: r.value, lower95: r.lower95, upper95: r.upper95, comparison: r.comparison, suppressed: r.suppressed, note: r.valueNote,
    label: areaType === 'icb' ? `${icbName.get(r.areaCode) ?? r.areaName} ICB` : r.areaName,
  }])), [data.rows, areaType]);
  return (
    <ChartPanel title={`Map: ${indicator.shortName}`} source={indicator.source.name} indicators={[indicator.id]} columns={valueColumns(indicator.unit)} rows={data.rows} rowKey={(r) => r.areaCode}>
      <AreaMap areaType={areaType} data={mapData} unit={indicator.unit} colourBy={colourBy} selected={selected} onSelect={onSelect} />
    </ChartPanel>
  );
}

function ComparePanel({ indicator, data, icb, sort, selected, onSelect }: { indicator: Indicator; data: ValuesData; icb: Icb | undefined; sort: 'value' | 'name' | 'icb'; selected: string | undefined; onSelect: (code: string) => void }) {
  const sorted = useMemo(() => {
    const byValue = (a: ValueRow, b: ValueRow) => (b.value ?? -Infinity) - (a.value ?? -Infinity);
    const rows = [...data.rows];
    if (sort === 'name') return rows.sort((a, b) => a.areaName.localeCompare(b.areaName));
    if (sort === 'icb') return rows.sort((a, b) => (a.parentCode ?? '').localeCompare(b.parentCode ?? '') || byValue(a, b));
    return rows.sort(byValue);
  }, [data.rows, sort]);
  const bars: BarDatum[] = sorted.map((r) => ({ code: r.areaCode, name: data.areaType === 'icb' ? icbName.get(r.areaCode) ?? r.areaName : r.areaName, value: r.suppressed ? null : r.value, lower95: r.lower95, upper95: r.upper95, comparison: r.comparison, suppressed: r.suppressed, note: r.valueNote }));
  const references = [
    ...(data.comparator?.value != null ? [{ value: data.comparator.value, label: data.comparator.name, kind: 'comparator' as const }] : []),
    ...data.targets.map((t) => ({ value: t, label: 'Target', kind: 'target' as const })),
  ];
  return (
    <ChartPanel title={`Compare areas: ${indicator.shortName}${icb ? `, ${icb.shortName}` : ''}`} source={indicator.source.name} indicators={[indicator.id]} columns={valueColumns(indicator.unit)} rows={sorted} rowKey={(r) => r.areaCode}
      description={<>
        <p>Bars show values with 95% confidence intervals; {data.comparator ? `${data.comparator.name} ${formatNumber(data.comparator.value)}` : 'each borough’s own ICB'} is the benchmark.</p>
        {icb && data.comparator && <BelowBenchmark indicator={indicator} rows={data.rows} benchmark={data.comparator} icb={icb} />}
      </>}>
      <CompareBarChart data={bars} unit={indicator.unit} references={references} selected={selected} onSelect={onSelect} />
    </ChartPanel>
  );
}

function TrendPanel({ indicator, area, icb, comparator, signal, period, intervention, onIntervention }: { indicator: Indicator; area: string; icb: Icb | undefined; comparator: string; signal: string | null; period: string; intervention: string | undefined; onIntervention: (period: string | undefined) => void }) {
  const releaseId = useChosenRelease().release.id;
  const trend = useQuery(indicatorQueries(releaseId).trend(indicator.id, { area, comparator }));
  // The chosen ICB's line beside a borough's or practice's (not beside the interrupted time series, which has lines of its own).
  const besideIcb = icb && area !== icb.code && area !== LONDON.code && !intervention ? icb : undefined;
  const icbTrend = useQuery({ ...indicatorQueries(releaseId).trend(indicator.id, { area: besideIcb?.code ?? LONDON.code, comparator }), enabled: besideIcb !== undefined });
  // Notes and campaigns are additions to the trend: without them (none, or refused) the trend still shows.
  const annotations = useQuery(annotationQueries.list(indicator.id, area));
  const campaigns = useQuery(campaignQueries(releaseId).list());
  if (trend.isPending) return <Skeleton label="Loading trend…" height={PANEL_HEIGHT.trend} />;
  if (trend.isError) return <PanelError error={trend.error} onRetry={() => void trend.refetch()} />;
  const t = trend.data;
  const notes = notesByPeriod(t.points, annotations.data?.annotations ?? []);
  const periods = t.points.map((p) => p.period);
  const presets = interventionPresets(periods, campaigns.data?.campaigns ?? [], annotations.data?.annotations ?? []);
  const its = intervention ? itsOverSeries(t.points, intervention) : null;
  const itsLines = intervention && its?.fitted ? itsChartLines(its, intervention) : null;
  const itsColumns: Column<(typeof t.points)[number]>[] = itsLines
    ? [
        { key: 'itsFitted', header: `ITS fitted (${indicator.unit})`, value: (p) => { const l = itsLines.lines.get(p.period); return l?.fittedBefore ?? l?.fittedAfter ?? null; }, numeric: true },
        { key: 'itsCounterfactual', header: `ITS counterfactual (${indicator.unit})`, value: (p) => { const l = itsLines.lines.get(p.period); return l?.fittedAfter != null ? l.counterfactual : null; }, numeric: true },
      ]
    : [];
  // An addition to the trend, like the notes: without it (loading, or failed) the area's own trend still shows.
  const icbLine = besideIcb && icbTrend.data ? { name: `${besideIcb.shortName} ICB`, values: new Map(icbTrend.data.points.map((p) => [p.period, p.value])) } : null;
  const icbColumns: Column<(typeof t.points)[number]>[] = icbLine ? [{ key: 'icb', header: `${icbLine.name} (${indicator.unit})`, value: (p) => icbLine.values.get(p.period) ?? null, numeric: true }] : [];
  const columns: Column<(typeof t.points)[number]>[] = [
    { key: 'period', header: 'Period', value: (p) => p.period },
    { key: 'value', header: `Value (${indicator.unit})`, value: (p) => p.value, numeric: true },
    { key: 'lower95', header: 'Lower 95% CI', value: (p) => p.lower95, numeric: true },
    { key: 'upper95', header: 'Upper 95% CI', value: (p) => p.upper95, numeric: true },
    ...itsColumns,
    { key: 'comparator', header: t.comparator?.name ?? 'Comparator', value: (p) => p.comparatorValue, numeric: true },
    ...icbColumns,
    { key: 'mean', header: 'SPC mean', value: (p) => p.spcMean, numeric: true },
    { key: 'lpl', header: 'Lower process limit', value: (p) => p.spcLower, numeric: true },
    { key: 'upl', header: 'Upper process limit', value: (p) => p.spcUpper, numeric: true },
    { key: 'spc', header: 'SPC signal', value: (p) => p.spcPointType?.replaceAll('_', ' ') ?? null },
    { key: 'note', header: 'Note', value: (p) => p.valueNote },
    { key: 'annotations', header: 'Annotations', value: (p) => notes.get(p.period)?.map((n) => `${n.date}: ${n.text}`).join('; ') ?? null },
  ];
  const highlight = signal ? trendHighlight(t, period) : null;
  return (
    <>
      <ChartPanel title={`Trend: ${t.area.name}`} source={indicator.source.name} indicators={[indicator.id]} columns={columns} rows={t.points} rowKey={(p) => p.period}
        description={<>
          {signal && highlight && <SignalCallout indicator={indicator} trend={t} signal={signal} highlight={highlight} />}
          <SpcSummary trend={t} />
          <InterventionPicker value={intervention} periods={periods} presets={presets} onChange={onIntervention} />
          {intervention && its && <ItsSummary indicator={indicator} intervention={intervention} its={its} />}
        </>}>
        <TrendChart points={t.points} unit={indicator.unit} comparatorName={t.comparator?.name ?? null} targets={t.targets} highlight={highlight} notes={notes} its={itsLines} icb={icbLine} />
      </ChartPanel>
      <AddNoteForm indicatorId={indicator.id} area={t.area} />
    </>
  );
}

/** The ICB's areas below the benchmark in words, furthest below first: the answer the filtered chart shows. */
function BelowBenchmark({ indicator, rows, benchmark, icb }: { indicator: Indicator; rows: readonly ValueRow[]; benchmark: { name: string; value: number | null }; icb: Icb }) {
  const below = areasBelow(rows, benchmark.value);
  return (
    <p data-testid="areas-below">
      {below.length === 0
        ? `No area of ${icb.shortName} is below ${benchmark.name} (${formatWithUnit(benchmark.value, indicator.unit)}).`
        : <>{below.length} of {rows.length} areas of {icb.shortName} are below {benchmark.name} ({formatWithUnit(benchmark.value, indicator.unit)}), furthest below first: {below.map((r, i) => <span key={r.areaCode}>{i > 0 && '; '}<strong>{r.areaName}</strong> {formatWithUnit(r.value, indicator.unit)}, {COMPARISON_STYLE[r.comparison].label.toLowerCase()}</span>)}.</>}
    </p>
  );
}
