import { useQuery } from '@tanstack/react-query';
import { ICBS, type Icb, type Indicator, type PracticeFunnelCentre, type PracticeSearch } from '@pathfinder/metrics';
import { useRef } from 'react';
import { retryUnlessRefused } from '../api/api-problem.ts';
import { practiceRefusalOf, usePracticeAccess } from '../api/practice-access.ts';
import { useChosenRelease } from '../api/chosen-release.tsx';
import { indicatorQueries, sessionQueries } from '../api/queries.ts';
import { practicesIcb } from '../routing/chosen-icb.ts';
import { NotInRelease } from './not-in-release.tsx';
import type { FunnelData } from '../api/api-types.ts';
import { FunnelChart, FunnelKey, type FunnelPoint } from '../charts/funnel-chart.tsx';
import { sampleFunnelPoints } from '../charts/funnel-sample.ts';
import { significanceLabel } from '../charts/funnel-significance.ts';
import { ChartPanel } from '../components/chart-panel.tsx';
import type { Column } from '../components/data-table.tsx';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { IndicatorSelect } from '../components/indicator-select.tsx';
import { PanelError, Skeleton } from '../components/panel-error.tsx';
import { PeriodSelect } from '../components/period-select.tsx';
import { SelectField } from '../components/select-field.tsx';
import { getRouteApi } from '@tanstack/react-router';
import { useSearchUpdate } from '../routing/use-search-update.ts';
import { PracticeAccessNotice } from './practice-access-notice.tsx';
import { PRACTICE_INDICATORS } from './practice-indicators.ts';
import { PracticeTable } from './practice-table.tsx';
import '../theme/views.css';
import { formatCount, formatWithUnit } from '../format/format-number.ts';
import { funnelCentreOf, practiceCentre, trendComparatorOf } from './practice-centre.ts';
import { funnelSummary } from './practice-funnel-summary.ts';
import { PracticeTrendPanel } from './practice-trend-panel.tsx';
import { PracticeTrendLink } from './practice-trend-link.tsx';

const route = getRouteApi('/practices');

/** GP practices of one ICB for one indicator: funnel plot and a sortable table (needs an ICS or regional token). */
export default function PracticePage() {
  const { offer } = useChosenRelease();
  const indicators = PRACTICE_INDICATORS.filter((i) => offer.hasIndicator(i.id));
  if (!offer.practices || indicators.length === 0) return <NotInRelease what="GP practices" />;
  return <Practices indicators={indicators} />;
}

function Practices({ indicators }: { indicators: readonly Indicator[] }) {
  const state = route.useSearch();
  const update = useSearchUpdate<PracticeSearch>();
  const session = useQuery(sessionQueries.caller());
  const icb = ICBS.find((i) => i.code === practicesIcb(state.icb, session.data))!;
  const indicator = indicators.find((i) => i.id === state.indicator);
  const centre = indicator ? practiceCentre(indicator, state.centre) : state.centre;
  const target = indicator?.targets[0];
  const centreOptions = [
    { value: 'london' as const, label: 'London' },
    { value: 'icb' as const, label: `${icb.shortName} (its practices’ average)` },
    ...(target ? [{ value: 'target' as const, label: `Target (${target.value}${indicator?.unit === '%' ? '%' : ''})` }] : []),
  ];
  return (
    <>
      <h1>Practices in {icb.shortName}</h1>
      <p className="lede" data-testid="practice-lede">
        {indicator ? indicator.shortName : 'An indicator'} for each GP practice in {icb.shortName} ICB, on a funnel plot centred on {centreWords(centre, icb, indicator)}: practices outside the funnel differ from {centreShort(centre, icb, indicator)} by more than chance would explain.
        Choose a practice on the plot or in the table to see its trend.
        Practice figures are shown only with an ICS or regional access token.
      </p>
      <div className="controls">
        <SelectField label="ICB" value={icb.code} options={ICBS.map((i) => ({ value: i.code, label: i.shortName }))} onChange={(code) => update({ icb: code, practice: undefined })} />
        <IndicatorSelect value={state.indicator} indicators={indicators} onChange={(id) => update({ indicator: id, period: undefined })} />
        {indicator && <PeriodSelect indicatorId={indicator.id} value={state.period} onChange={(period) => update({ period })} />}
        {indicator && <SelectField label="Funnel centred on" value={centre} options={centreOptions} onChange={(c: PracticeFunnelCentre) => update({ centre: c })} />}
      </div>
      {indicator ? (
        <PracticeResults key={`${indicator.id}|${icb.code}|${state.period}`} indicator={indicator} icb={icb} period={state.period} centre={centre} practice={state.practice} onSelect={(practice) => update({ practice })} />
      ) : (
        <p className="empty-state">“{state.indicator}” has no practice-level funnel plot (they are drawn for proportions published for practices). Choose an indicator above.</p>
      )}
    </>
  );
}

/** The centre in the lede's words: what the line is and what the practices are compared with. */
function centreWords(centre: PracticeFunnelCentre, icb: Icb, indicator: Indicator | undefined): string {
  if (centre === 'london') return 'London’s value';
  if (centre === 'icb') return `the average of ${icb.shortName}’s practices`;
  return `the ${indicator?.targets[0]?.label ?? 'target'}`;
}

function centreShort(centre: PracticeFunnelCentre, icb: Icb, indicator: Indicator | undefined): string {
  if (centre === 'london') return 'London';
  if (centre === 'icb') return `${icb.shortName}’s average`;
  return `the ${indicator?.targets[0]?.value ?? ''}${indicator?.unit === '%' ? '%' : ''} target`;
}

interface ResultsProps {
  indicator: Indicator;
  icb: Icb;
  period: string;
  centre: PracticeFunnelCentre;
  practice: string | undefined;
  onSelect: (practice: string | undefined) => void;
}

/** Asks for practice figures only when the caller's session allows them for this ICB; otherwise says why not. */
function PracticeResults(props: ResultsProps) {
  const access = usePracticeAccess(props.icb.code);
  if (access.state === 'pending') return <Skeleton label="Checking access…" height={440} />;
  if (access.state === 'error') return <PanelError error={access.error} onRetry={access.retry} />;
  if (access.state === 'refused') return <PracticeAccessNotice refusal={access.refusal} icb={props.icb} indicatorId={props.indicator.id} />;
  return <PermittedPracticeResults {...props} />;
}

function PermittedPracticeResults({ indicator, icb, period, centre, practice, onSelect }: ResultsProps) {
  const queries = indicatorQueries(useChosenRelease().release.id);
  const funnel = useQuery({ ...queries.funnel(indicator.id, { parent: icb.code, period, centre: funnelCentreOf(centre) }), retry: retryUnlessRefused, placeholderData: (previous) => previous });
  const values = useQuery({ ...queries.values(indicator.id, { areaType: 'practice', parent: icb.code, period, comparator: 'london' }), retry: retryUnlessRefused });
  // The trend takes the focus only when the practice was chosen here, not when the page opened with one.
  const opened = useRef(practice);
  if (funnel.isPending) return <Skeleton label="Loading practices…" height={440} />;
  if (funnel.isError) {
    // The token may have expired or been replaced since the session was read.
    const refusal = practiceRefusalOf(funnel.error);
    return refusal ? <PracticeAccessNotice refusal={refusal} icb={icb} indicatorId={indicator.id} /> : <PanelError error={funnel.error} onRetry={() => void funnel.refetch()} />;
  }
  if (funnel.data.points.length === 0) {
    return <p className="empty-state">No practice in {icb.shortName} has a value for {indicator.shortName} in {funnel.data.period ?? 'this period'}.</p>;
  }
  const listed = new Set([...funnel.data.points.map((p) => p.areaCode), ...(values.data?.rows.map((r) => r.areaCode) ?? [])]);
  return (
    <>
      <ErrorBoundary>
        <FunnelPanel indicator={indicator} icb={icb} data={funnel.data} selected={practice} onSelect={onSelect} />
      </ErrorBoundary>
      {practice && (listed.has(practice) ? (
        <ErrorBoundary>
          <PracticeTrendPanel key={practice} indicator={indicator} practice={practice} comparator={trendComparatorOf(centre, icb.code)} moveFocus={opened.current !== practice} onClose={() => onSelect(undefined)} />
        </ErrorBoundary>
      ) : (
        <p className="empty-state">Practice {practice} is not one of {icb.shortName}’s practices with figures for {indicator.shortName}. Choose a practice on the plot or in the table.</p>
      ))}
      <ErrorBoundary>
        <PracticeTable indicator={indicator} icb={icb} funnel={funnel.data} values={values.data} valuesError={values.error} onRetryValues={() => void values.refetch()} />
      </ErrorBoundary>
    </>
  );
}

const hasSharedMarks = (points: readonly FunnelPoint[]) => new Set(points.map((p) => `${p.denominator}|${p.value}`)).size < points.length;

function FunnelPanel({ indicator, icb, data, selected, onSelect }: { indicator: Indicator; icb: Icb; data: FunnelData; selected: string | undefined; onSelect: (practice: string) => void }) {
  const { shown, sampled } = sampleFunnelPoints(data.points);
  const columns: Column<FunnelPoint>[] = [
    { key: 'code', header: 'Practice code', value: (p) => p.areaCode },
    { key: 'name', header: 'Practice', value: (p) => p.areaName, render: (p) => <PracticeTrendLink code={p.areaCode} name={p.areaName} /> },
    { key: 'numerator', header: 'Numerator', value: (p) => p.numerator, numeric: true, render: (p) => formatCount(p.numerator) },
    { key: 'denominator', header: 'Denominator', value: (p) => p.denominator, numeric: true, render: (p) => formatCount(p.denominator) },
    { key: 'value', header: `Value (${indicator.unit})`, value: (p) => p.value, numeric: true },
    { key: 'significance', header: 'Funnel plot', value: (p) => significanceLabel(p.significance, indicator.polarity) },
  ];
  const unit = indicator.unit === '%' ? '%' : '';
  const centre = data.centre.label;
  const summary = funnelSummary(data.points.map((p) => p.significance), indicator.polarity, data.centre.kind === 'london' ? 'London' : centre);
  return (
    <ChartPanel title={`Funnel plot: ${indicator.shortName}, ${icb.shortName}, ${data.period ?? ''}`} source={indicator.source.name} indicators={[indicator.id]} columns={columns} rows={shown} rowKey={(p) => p.areaCode}
      description={
        <>
          <p data-testid="funnel-centre">
            Each mark is a practice: the size of its eligible population across, its value up. The dark line is the centre, {centre}
            {data.baseline !== null && data.centre.kind !== 'target' && ` (${formatWithUnit(data.baseline, unit)})`}, and the 95% and 99.8% limits are drawn around it: they narrow as practices get larger, because larger practices’ values vary less by chance.
            {data.centre.kind !== 'pooled' && data.pooled !== null && ` The average of these ${formatCount(data.points.length)} practices is ${formatWithUnit(data.pooled, unit)}.`}
            {' '}Select a mark to see that practice’s trend.
          </p>
          <ul className="funnel-summary" data-testid="funnel-summary">
            {summary.map((line) => <li key={line}>{line}.</li>)}
          </ul>
          {hasSharedMarks(shown) && <p>Practices with the same counts share a mark; the table below lists every practice.</p>}
          {sampled && (
            <p>
              <strong>Showing a sample:</strong> {formatCount(shown.length)} of {formatCount(data.points.length)} practices are plotted, every one outside the 95% limits and an evenly spaced selection of the rest. The table below lists them all.
            </p>
          )}
          <FunnelKey polarity={indicator.polarity} centre={data.centre.kind === 'london' ? 'London' : centre} />
        </>
      }>
      <FunnelChart points={shown} limits={data.limits} baseline={data.baseline} baselineLabel={data.centre.kind === 'london' ? 'London' : data.centre.kind === 'target' ? 'Target' : 'Average'} polarity={indicator.polarity} unit={indicator.unit} selected={selected} onSelect={onSelect} />
    </ChartPanel>
  );
}
