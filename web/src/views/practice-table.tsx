import { useId } from 'react';
import type { Icb, Indicator } from '@pathfinder/metrics';
import type { FunnelData, ValuesData } from '../api/api-types.ts';
import { funnelComparison, type FunnelSignificance } from '@pathfinder/metrics';
import { significanceLabel } from '../charts/funnel-significance.ts';
import { DataTable, tableCsv, type Column } from '../components/data-table.tsx';
import { downloadBlob, slug } from '../components/download.ts';
import { PanelError } from '../components/panel-error.tsx';
import { COMPARISON_STYLE } from '../theme/comparison-colours.ts';
import { formatCount } from '../format/format-number.ts';

interface PracticeRow {
  readonly code: string;
  readonly name: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value: number | null;
  readonly lower95: number | null;
  readonly upper95: number | null;
  readonly suppressed: boolean;
  readonly significance: FunnelSignificance | null;
}

/** Every practice of the ICB with counts, value, 95% CI and its place on the funnel plot; sortable by any column. */
export function PracticeTable({ indicator, icb, funnel, values, valuesError, onRetryValues }: {
  indicator: Indicator;
  icb: Icb;
  funnel: FunnelData;
  values: ValuesData | undefined;
  valuesError: Error | null;
  onRetryValues: () => void;
}) {
  const headingId = useId();
  const rows = practiceRows(funnel, values);
  const columns = practiceColumns(indicator);
  const title = `Practices in ${icb.shortName}: ${indicator.shortName}, ${funnel.period ?? ''}`;
  const withoutValue = rows.filter((r) => r.significance === null).length;
  return (
    <section className="panel practice-table" aria-labelledby={headingId}>
      <div className="chart-panel__head">
        <h2 id={headingId}>{title}</h2>
        <div className="chart-panel__actions">
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => downloadBlob(new Blob([tableCsv(columns, rows)], { type: 'text/csv' }), `${slug(title)}.csv`)}>Download CSV</button>
        </div>
      </div>
      <p className="chart-panel__description">
        Select a column heading to sort. Confidence intervals are Wilson score intervals.
        {withoutValue > 0 && ` ${formatCount(withoutValue)} ${withoutValue === 1 ? 'practice has' : 'practices have'} no value for this period and ${withoutValue === 1 ? 'is' : 'are'} not on the funnel plot.`}
      </p>
      {valuesError && <PanelError error={valuesError} onRetry={onRetryValues} />}
      <DataTable caption={title} captionHidden columns={columns} rows={rows} rowKey={(r) => r.code} initialSort={{ key: 'name' }} />
    </section>
  );
}

function practiceRows(funnel: FunnelData, values: ValuesData | undefined): PracticeRow[] {
  const plotted = new Map(funnel.points.map((p) => [p.areaCode, p]));
  const fromValues: PracticeRow[] = (values?.rows ?? []).map((r) => ({
    code: r.areaCode,
    name: r.areaName,
    numerator: r.numerator,
    denominator: r.denominator,
    value: r.value,
    lower95: r.lower95,
    upper95: r.upper95,
    suppressed: r.suppressed,
    significance: plotted.get(r.areaCode)?.significance ?? null,
  }));
  const listed = new Set(fromValues.map((r) => r.code));
  const onlyPlotted = funnel.points.filter((p) => !listed.has(p.areaCode)).map((p): PracticeRow => ({
    code: p.areaCode, name: p.areaName, numerator: p.numerator, denominator: p.denominator, value: p.value, lower95: null, upper95: null, suppressed: false, significance: p.significance,
  }));
  return [...fromValues, ...onlyPlotted];
}

function practiceColumns(indicator: Indicator): Column<PracticeRow>[] {
  const count = (v: number | null, suppressed: boolean) => (suppressed ? '*' : formatCount(v));
  return [
    { key: 'code', header: 'Code', value: (r) => r.code },
    { key: 'name', header: 'Practice', value: (r) => r.name },
    { key: 'numerator', header: 'Numerator', value: (r) => r.numerator, numeric: true, render: (r) => count(r.numerator, r.suppressed) },
    { key: 'denominator', header: 'Denominator', value: (r) => r.denominator, numeric: true, render: (r) => count(r.denominator, r.suppressed) },
    { key: 'value', header: `Value (${indicator.unit})`, value: (r) => r.value, numeric: true },
    { key: 'lower95', header: 'Lower 95% CI', value: (r) => r.lower95, numeric: true },
    { key: 'upper95', header: 'Upper 95% CI', value: (r) => r.upper95, numeric: true },
    {
      key: 'significance',
      header: 'Funnel plot',
      value: (r) => (r.significance ? significanceLabel(r.significance, indicator.polarity) : r.suppressed ? 'Suppressed' : 'No value'),
      render: (r) => {
        if (!r.significance) return r.suppressed ? 'Suppressed' : 'No value';
        const style = COMPARISON_STYLE[funnelComparison(r.significance, indicator.polarity)];
        return (
          <>
            <span className="legend__swatch" style={{ background: style.fill, color: style.text }} aria-hidden="true">{style.symbol}</span>
            {significanceLabel(r.significance, indicator.polarity)}
          </>
        );
      },
    },
  ];
}
