import { useId } from 'react';
import type { Icb, Indicator } from '@pathfinder/metrics';
import type { FunnelData, ValuesData } from '../api/api-types.ts';
import { countToTarget, funnelComparison, type FunnelSignificance } from '@pathfinder/metrics';
import { PracticeTrendLink } from './practice-trend-link.tsx';
import { significanceLabel } from '../charts/funnel-significance.ts';
import { DataTable, tableCsv, type Column } from '../components/data-table.tsx';
import { downloadBlob, slug } from '../components/download.ts';
import { PanelError } from '../components/panel-error.tsx';
import { COMPARISON_STYLE } from '../theme/comparison-colours.ts';
import { formatCount } from '../format/format-number.ts';

/** Rows shown before "Show all": an ICB has 150 to 300 practices; the first are those outreach would lift most (the table opens sorted so). */
const PRACTICE_ROWS_FIRST = 25;

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
  /** More of its eligible people to be counted for the practice to reach the target; null without a target or counts. */
  readonly stillNeeded: number | null;
}

/**
 * Every practice of the ICB with counts, value, 95% CI, the people still needed to reach the target
 * and its place on the funnel plot; sortable by any column, most still needed first. A practice's name links to its trend.
 */
export function PracticeTable({ indicator, icb, funnel, values, valuesError, onRetryValues }: {
  indicator: Indicator;
  icb: Icb;
  funnel: FunnelData;
  values: ValuesData | undefined;
  valuesError: Error | null;
  onRetryValues: () => void;
}) {
  const headingId = useId();
  const target = funnel.target;
  const rows = practiceRows(funnel, values, target);
  const columns = practiceColumns(indicator, target);
  const people = indicator.domain === 'immunisation' ? 'children' : 'people';
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
        Select a column heading to sort, and a practice’s name to see its trend. Confidence intervals are Wilson score intervals.
        {target !== null && ` “${people.charAt(0).toUpperCase()}${people.slice(1)} still needed for ${target}%”: how many more of the practice’s eligible ${people} must ${indicator.domain === 'immunisation' ? 'be vaccinated' : 'be counted'} for it to reach the ${target}% target (not all those not yet ${indicator.domain === 'immunisation' ? 'vaccinated' : 'counted'}): where outreach would lift it to the target.`}
        {withoutValue > 0 && ` ${formatCount(withoutValue)} ${withoutValue === 1 ? 'practice has' : 'practices have'} no value for this period and ${withoutValue === 1 ? 'is' : 'are'} not on the funnel plot.`}
      </p>
      {valuesError && <PanelError error={valuesError} onRetry={onRetryValues} />}
      <DataTable caption={title} captionHidden columns={columns} rows={rows} rowKey={(r) => r.code} initialSort={target === null ? { key: 'name' } : { key: 'stillNeeded', descending: true }} firstRows={PRACTICE_ROWS_FIRST} />
    </section>
  );
}

function practiceRows(funnel: FunnelData, values: ValuesData | undefined, target: number | null): PracticeRow[] {
  const stillNeeded = (numerator: number | null, denominator: number | null, suppressed: boolean) => (target === null || suppressed ? null : countToTarget(numerator, denominator, target));
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
    stillNeeded: stillNeeded(r.numerator, r.denominator, r.suppressed),
  }));
  const listed = new Set(fromValues.map((r) => r.code));
  const onlyPlotted = funnel.points.filter((p) => !listed.has(p.areaCode)).map((p): PracticeRow => ({
    code: p.areaCode, name: p.areaName, numerator: p.numerator, denominator: p.denominator, value: p.value, lower95: null, upper95: null, suppressed: false, significance: p.significance,
    stillNeeded: stillNeeded(p.numerator, p.denominator, false),
  }));
  return [...fromValues, ...onlyPlotted];
}

function practiceColumns(indicator: Indicator, target: number | null): Column<PracticeRow>[] {
  const count = (v: number | null, suppressed: boolean) => (suppressed ? '*' : formatCount(v));
  const people = indicator.domain === 'immunisation' ? 'Children' : 'People';
  const stillNeeded: Column<PracticeRow>[] = target === null ? [] : [
    { key: 'stillNeeded', header: `${people} still needed for ${target}%`, value: (r) => r.stillNeeded, numeric: true, render: (r) => count(r.stillNeeded, r.suppressed) },
  ];
  return [
    { key: 'code', header: 'Code', value: (r) => r.code },
    { key: 'name', header: 'Practice', value: (r) => r.name, render: (r) => <PracticeTrendLink code={r.code} name={r.name} /> },
    { key: 'numerator', header: 'Numerator', value: (r) => r.numerator, numeric: true, render: (r) => count(r.numerator, r.suppressed) },
    { key: 'denominator', header: 'Denominator', value: (r) => r.denominator, numeric: true, render: (r) => count(r.denominator, r.suppressed) },
    { key: 'value', header: `Value (${indicator.unit})`, value: (r) => r.value, numeric: true },
    { key: 'lower95', header: 'Lower 95% CI', value: (r) => r.lower95, numeric: true },
    { key: 'upper95', header: 'Upper 95% CI', value: (r) => r.upper95, numeric: true },
    ...stillNeeded,
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
