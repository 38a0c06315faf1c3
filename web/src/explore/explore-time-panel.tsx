import { useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ExploreTimeRow } from '@pathfinder/metrics';
import { ChartPanel } from '../components/chart-panel.tsx';
import type { Column } from '../components/data-table.tsx';
import { SelectField } from '../components/select-field.tsx';
import { SERIES_COLOURS } from '../theme/comparison-colours.ts';
import { monthsBetween } from './month-range.ts';
import { formatMonth } from '../format/format-date.ts';
import { formatCount } from '../format/format-number.ts';
import { CHART_COLOURS, NHS_COLOURS } from '../theme/palette.ts';

interface MonthRow {
  readonly month: string;
  readonly doses: number;
  readonly selected: boolean;
}

const columns: Column<MonthRow>[] = [
  { key: 'month', header: 'Month', value: (r) => r.month, render: (r) => formatMonth(r.month) },
  { key: 'doses', header: 'Doses', value: (r) => r.doses, numeric: true, render: (r) => formatCount(r.doses) },
  { key: 'selected', header: 'In the selected period', value: (r) => (r.selected ? 'yes' : 'no') },
];

/**
 * Doses per month over the whole extract (filtered by everything but the period); drag across the
 * chart to choose a period, or use the From and To lists.
 */
export function ExploreTimePanel({ extent, doses, months, doseLabel, onPeriod }: {
  extent: { first: string; last: string };
  doses: readonly ExploreTimeRow[];
  months: { from: string; to: string };
  doseLabel: string;
  onPeriod: (from: string | undefined, to: string | undefined) => void;
}) {
  const [drag, setDrag] = useState<{ start: string; end: string } | null>(null);
  const all = useMemo(() => monthsBetween(extent.first, extent.last), [extent.first, extent.last]);
  const rows = useMemo<MonthRow[]>(() => {
    const byMonth = new Map(doses.map((r) => [r.period.slice(0, 7), r.doses]));
    return all.map((month) => ({ month, doses: byMonth.get(month) ?? 0, selected: month >= months.from && month <= months.to }));
  }, [all, doses, months.from, months.to]);
  const finish = () => {
    if (!drag) return;
    const [from, to] = drag.start <= drag.end ? [drag.start, drag.end] : [drag.end, drag.start];
    setDrag(null);
    onPeriod(from, to);
  };
  const shown = drag ? (drag.start <= drag.end ? [drag.start, drag.end] : [drag.end, drag.start]) : [months.from, months.to];
  const options = all.map((m) => ({ value: m, label: formatMonth(m) }));
  const years = all.filter((m) => m.endsWith('-01'));
  const total = rows.filter((r) => r.selected).reduce((s, r) => s + r.doses, 0);
  return (
    <ChartPanel title={`Doses per month: ${doseLabel}`} source="Immunisation borough cube (borough × month)" columns={columns} rows={rows} rowKey={(r) => r.month}
      description={<p className="explore-time__summary" aria-live="polite">Selected period {formatMonth(months.from)} to {formatMonth(months.to)}: {formatCount(total)} doses. Drag across the chart to choose another period.</p>}>
      <div className="controls explore-time__controls">
        <SelectField label="From" value={months.from} options={options} onChange={(from) => onPeriod(from, from > months.to ? from : months.to)} />
        <SelectField label="To" value={months.to} options={options} onChange={(to) => onPeriod(to < months.from ? to : months.from, to)} />
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => onPeriod(undefined, undefined)}>Last 12 months</button>
      </div>
      <div className="explore-time__chart" data-testid="explore-time-chart">
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} barCategoryGap={0}
            onMouseDown={(state) => state.activeLabel !== undefined && setDrag({ start: String(state.activeLabel), end: String(state.activeLabel) })}
            onMouseMove={(state) => drag && state.activeLabel !== undefined && setDrag({ ...drag, end: String(state.activeLabel) })}
            onMouseUp={finish} onMouseLeave={finish}>
            <CartesianGrid vertical={false} stroke={CHART_COLOURS.grid} />
            <XAxis dataKey="month" ticks={years} interval="preserveStartEnd" minTickGap={8} tickFormatter={(m: string) => m.slice(0, 4)} />
            <YAxis tickFormatter={(v: number) => formatCount(v)} width={64} />
            <Tooltip labelFormatter={(m) => formatMonth(String(m))} formatter={(v) => [formatCount(Number(v)), 'Doses']} />
            <ReferenceArea x1={shown[0]} x2={shown[1]} fill={SERIES_COLOURS.ci} fillOpacity={0.35} ifOverflow="extendDomain" />
            <Bar dataKey="doses" isAnimationActive={false}>
              {rows.map((r) => <Cell key={r.month} fill={r.selected ? SERIES_COLOURS.value : NHS_COLOURS.grey2} />)}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartPanel>
  );
}
