import { useQuery } from '@tanstack/react-query';
import { ICBS, type Icb, type Indicator, type PracticeSearch } from '@pathfinder/metrics';
import { retryUnlessRefused } from '../api/api-problem.ts';
import { practiceRefusalOf, usePracticeAccess } from '../api/practice-access.ts';
import { useChosenRelease } from '../api/chosen-release.tsx';
import { indicatorQueries, sessionQueries } from '../api/queries.ts';
import { practicesIcb } from '../routing/chosen-icb.ts';
import { NotInRelease } from './not-in-release.tsx';
import type { FunnelData } from '../api/api-types.ts';
import { FunnelChart, FunnelKey, type FunnelPoint } from '../charts/funnel-chart.tsx';
import { sampleFunnelPoints } from '../charts/funnel-sample.ts';
import { FUNNEL_SIGNIFICANCES } from '@pathfinder/metrics';
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
import { formatCount, formatNumber } from '../format/format-number.ts';

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
  return (
    <>
      <h1>Practices in {icb.shortName}</h1>
      <p className="lede">
        {indicator ? indicator.shortName : 'An indicator'} for each GP practice in {icb.shortName} ICB, on a funnel plot: practices outside the funnel differ from the average of these practices by more than chance would explain.
        Practice figures are shown only with an ICS or regional access token.
      </p>
      <div className="controls">
        <SelectField label="ICB" value={icb.code} options={ICBS.map((i) => ({ value: i.code, label: i.shortName }))} onChange={(code) => update({ icb: code })} />
        <IndicatorSelect value={state.indicator} indicators={indicators} onChange={(id) => update({ indicator: id, period: undefined })} />
        {indicator && <PeriodSelect indicatorId={indicator.id} value={state.period} onChange={(period) => update({ period })} />}
      </div>
      {indicator ? (
        <PracticeResults key={`${indicator.id}|${icb.code}|${state.period}`} indicator={indicator} icb={icb} period={state.period} />
      ) : (
        <p className="empty-state">“{state.indicator}” has no practice-level funnel plot (they are drawn for proportions published for practices). Choose an indicator above.</p>
      )}
    </>
  );
}

/** Asks for practice figures only when the caller's session allows them for this ICB; otherwise says why not. */
function PracticeResults(props: { indicator: Indicator; icb: Icb; period: string }) {
  const access = usePracticeAccess(props.icb.code);
  if (access.state === 'pending') return <Skeleton label="Checking access…" height={440} />;
  if (access.state === 'error') return <PanelError error={access.error} onRetry={access.retry} />;
  if (access.state === 'refused') return <PracticeAccessNotice refusal={access.refusal} icb={props.icb} indicatorId={props.indicator.id} />;
  return <PermittedPracticeResults {...props} />;
}

function PermittedPracticeResults({ indicator, icb, period }: { indicator: Indicator; icb: Icb; period: string }) {
  const queries = indicatorQueries(useChosenRelease().release.id);
  const funnel = useQuery({ ...queries.funnel(indicator.id, { parent: icb.code, period }), retry: retryUnlessRefused });
  const values = useQuery({ ...queries.values(indicator.id, { areaType: 'practice', parent: icb.code, period, comparator: 'london' }), retry: retryUnlessRefused });
  if (funnel.isPending) return <Skeleton label="Loading practices…" height={440} />;
  if (funnel.isError) {
    // The token may have expired or been replaced since the session was read.
    const refusal = practiceRefusalOf(funnel.error);
    return refusal ? <PracticeAccessNotice refusal={refusal} icb={icb} indicatorId={indicator.id} /> : <PanelError error={funnel.error} onRetry={() => void funnel.refetch()} />;
  }
  if (funnel.data.points.length === 0) {
    return <p className="empty-state">No practice in {icb.shortName} has a value for {indicator.shortName} in {funnel.data.period ?? 'this period'}.</p>;
  }
  return (
    <>
      <ErrorBoundary>
        <FunnelPanel indicator={indicator} icb={icb} data={funnel.data} />
      </ErrorBoundary>
      <ErrorBoundary>
        <PracticeTable indicator={indicator} icb={icb} funnel={funnel.data} values={values.data} valuesError={values.error} onRetryValues={() => void values.refetch()} />
      </ErrorBoundary>
    </>
  );
}

const hasSharedMarks = (points: readonly FunnelPoint[]) => new Set(points.map((p) => `${p.denominator}|${p.value}`)).size < points.length;

function FunnelPanel({ indicator, icb, data }: { indicator: Indicator; icb: Icb; data: FunnelData }) {
  const { shown, sampled } = sampleFunnelPoints(data.points);
  const columns: Column<FunnelPoint>[] = [
    { key: 'code', header: 'Practice code', value: (p) => p.areaCode },
    { key: 'name', header: 'Practice', value: (p) => p.areaName },
    { key: 'numerator', header: 'Numerator', value: (p) => p.numerator, numeric: true, render: (p) => formatCount(p.numerator) },
    { key: 'denominator', header: 'Denominator', value: (p) => p.denominator, numeric: true, render: (p) => formatCount(p.denominator) },
    { key: 'value', header: `Value (${indicator.unit})`, value: (p) => p.value, numeric: true },
    { key: 'significance', header: 'Funnel plot', value: (p) => significanceLabel(p.significance, indicator.polarity) },
  ];
  const counts = FUNNEL_SIGNIFICANCES.filter((s) => s !== 'none')
    .map((s) => ({ s, n: data.points.filter((p) => p.significance === s).length }))
    .filter(({ n }) => n > 0);
  return (
    <ChartPanel title={`Funnel plot: ${indicator.shortName}, ${icb.shortName}, ${data.period ?? ''}`} source={indicator.source.name} indicators={[indicator.id]} columns={columns} rows={shown} rowKey={(p) => p.areaCode}
      description={
        <>
          <p>
            Each mark is a practice: the size of its eligible population across, its value up. The dark line is the average of these {formatCount(data.points.length)} practices
            {data.baseline !== null && ` (${formatNumber(data.baseline)}${indicator.unit === '%' ? '%' : ''})`}; the funnel narrows as practices get larger, because larger practices’ values vary less by chance.{' '}
            {counts.length === 0 ? 'Every practice is within the 95% limits.' : `${counts.map(({ s, n }) => `${formatCount(n)} ${n === 1 ? 'practice is' : 'practices are'} ${significanceLabel(s, indicator.polarity).charAt(0).toLowerCase()}${significanceLabel(s, indicator.polarity).slice(1)}`).join('; ')}.`}
          </p>
          {hasSharedMarks(shown) && <p>Practices with the same counts share a mark; the table below lists every practice.</p>}
          {sampled && (
            <p>
              <strong>Showing a sample:</strong> {formatCount(shown.length)} of {formatCount(data.points.length)} practices are plotted, every one outside the 95% limits and an evenly spaced selection of the rest. The table below lists them all.
            </p>
          )}
          <FunnelKey polarity={indicator.polarity} />
        </>
      }>
      <FunnelChart points={shown} limits={data.limits} baseline={data.baseline} baselineLabel="Average" polarity={indicator.polarity} unit={indicator.unit} />
    </ChartPanel>
  );
}
