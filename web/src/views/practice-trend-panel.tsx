import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Indicator } from '@pathfinder/metrics';
import { retryUnlessRefused } from '../api/api-problem.ts';
import type { TrendData } from '../api/api-types.ts';
import { useChosenRelease } from '../api/chosen-release.tsx';
import { indicatorQueries } from '../api/queries.ts';
import { TrendChart } from '../charts/lazy-charts.tsx';
import { ChartPanel } from '../components/chart-panel.tsx';
import type { Column } from '../components/data-table.tsx';
import { PanelError, Skeleton } from '../components/panel-error.tsx';
import { SpcSummary } from '../components/spc-summary.tsx';
import { formatCount } from '../format/format-number.ts';

/**
 * One practice's series for the indicator, every period, with its data table and CSV: what a click on
 * the funnel or a practice's link in the table opens. When `moveFocus`, its heading takes the focus
 * (and the view), so a keyboard or screen-reader user who chose it from the table lands on it.
 */
export function PracticeTrendPanel({ indicator, practice, comparator, moveFocus, onClose }: { indicator: Indicator; practice: string; comparator: string; moveFocus: boolean; onClose: () => void }) {
  const trend = useQuery({ ...indicatorQueries(useChosenRelease().release.id).trend(indicator.id, { area: practice, comparator }), retry: retryUnlessRefused });
  const wrapper = useRef<HTMLDivElement>(null);
  const ready = trend.isSuccess;
  useEffect(() => {
    if (!moveFocus || !ready) return;
    const heading = wrapper.current?.querySelector('h2');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
  }, [moveFocus, ready]);
  return (
    <div ref={wrapper} data-testid="practice-trend">
      {trend.isPending ? <Skeleton label="Loading the practice’s trend…" height={480} />
        : trend.isError ? <PanelError error={trend.error} onRetry={() => void trend.refetch()} />
        : <TrendBody indicator={indicator} trend={trend.data} onClose={onClose} />}
    </div>
  );
}

function TrendBody({ indicator, trend: t, onClose }: { indicator: Indicator; trend: TrendData; onClose: () => void }) {
  const comparatorName = t.comparator?.name ?? null;
  const columns: Column<TrendData['points'][number]>[] = [
    { key: 'period', header: 'Period', value: (p) => p.period },
    { key: 'numerator', header: 'Numerator', value: (p) => p.numerator, numeric: true, render: (p) => (p.suppressed ? '*' : formatCount(p.numerator)) },
    { key: 'denominator', header: 'Denominator', value: (p) => p.denominator, numeric: true, render: (p) => (p.suppressed ? '*' : formatCount(p.denominator)) },
    { key: 'value', header: `Value (${indicator.unit})`, value: (p) => p.value, numeric: true },
    { key: 'lower95', header: 'Lower 95% CI', value: (p) => p.lower95, numeric: true },
    { key: 'upper95', header: 'Upper 95% CI', value: (p) => p.upper95, numeric: true },
    { key: 'comparator', header: comparatorName ?? 'Comparator', value: (p) => p.comparatorValue, numeric: true },
    { key: 'spc', header: 'SPC signal', value: (p) => p.spcPointType?.replaceAll('_', ' ') ?? null },
    { key: 'note', header: 'Note', value: (p) => p.valueNote },
  ];
  return (
    <>
    <p className="practice-trend__close">
      <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={onClose}>Close the trend of {t.area.name}</button>
    </p>
    <ChartPanel title={`Trend: ${t.area.name} (${t.area.code}), ${indicator.shortName}`} source={indicator.source.name} indicators={[indicator.id]} columns={columns} rows={t.points} rowKey={(p) => p.period}
      description={
        <>
          <p>
            The practice’s value in each period with its 95% confidence interval{comparatorName ? `, beside ${comparatorName}` : ''}{t.targets.length > 0 ? ', and the target' : ''}.
            Choose another practice on the funnel plot or in the table below.
          </p>
          <SpcSummary trend={t} />
        </>
      }>
      <TrendChart points={t.points} unit={indicator.unit} comparatorName={comparatorName} targets={t.targets} />
    </ChartPanel>
    </>
  );
}
