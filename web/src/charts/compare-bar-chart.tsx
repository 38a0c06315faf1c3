import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BenchmarkComparison } from '@pathfinder/metrics';
import { COMPARISON_STYLE, SERIES_COLOURS, SUPPRESSED_STYLE } from '../theme/comparison-colours.ts';
import { formatValueWithInterval } from '../format/format-interval.ts';
import { formatNumber } from '../format/format-number.ts';
import { CHART_COLOURS } from '../theme/palette.ts';

export interface BarDatum {
  readonly code: string;
  readonly name: string;
  readonly value: number | null;
  readonly lower95: number | null;
  readonly upper95: number | null;
  readonly comparison: BenchmarkComparison;
  readonly suppressed: boolean;
  readonly group?: string;
  /** The source's note on the value ("excluded for data quality", a merged area). */
  readonly note?: string | null;
}

/** Areas as horizontal bars with 95% CI whiskers, coloured by comparison; reference lines for London/England and targets. */
export function CompareBarChart({ data, unit, references, selected, onSelect }: {
  data: readonly BarDatum[];
  unit: string;
  references: readonly { value: number; label: string; kind: 'comparator' | 'target' }[];
  selected?: string | undefined;
  onSelect?: (code: string) => void;
}) {
  // An area without a value keeps its row with no bar and no whisker: a missing value is never drawn as a zero.
  const rows = data.map((d) => ({ ...d, plotted: d.value, ci: d.value !== null && d.lower95 !== null && d.upper95 !== null ? [d.value - d.lower95, d.upper95 - d.value] : null }));
  const values = data.flatMap((d) => [d.lower95, d.upper95, d.value]).filter((v): v is number => v !== null);
  const refValues = references.map((r) => r.value);
  const lo = Math.min(...values, ...refValues), hi = Math.max(...values, ...refValues);
  const pad = (hi - lo) * 0.08 || 1;
  const domain: [number, number] = unit === '%' ? [Math.max(0, Math.floor(lo - pad)), Math.min(100, Math.ceil(hi + pad))] : [Math.max(0, Math.floor(lo - pad)), Math.ceil(hi + pad)];
  return (
    <ResponsiveContainer width="100%" height={Math.max(240, rows.length * 20 + 60)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 24, right: 24, bottom: 24, left: 8 }} accessibilityLayer>
        <CartesianGrid horizontal={false} stroke={CHART_COLOURS.grid} />
        <XAxis type="number" domain={domain} tickFormatter={(v: number) => `${Math.round(v * 10) / 10}${unit === '%' ? '%' : ''}`} />
        <YAxis type="category" dataKey="name" width={170} interval={0} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(_v, _n, item) => {
          const d = item.payload as BarDatum;
          const note = d.note ? ` (${d.note})` : '';
          return d.value === null ? [`no value${note}`, d.name] : [`${formatValueWithInterval(d.value, d.lower95, d.upper95)}${note}`, COMPARISON_STYLE[d.comparison].label];
        }} />
        {references.map((r) => (
          <ReferenceLine key={`${r.kind}-${r.label}`} x={r.value} stroke={r.kind === 'target' ? SERIES_COLOURS.target : SERIES_COLOURS.comparator} strokeDasharray={r.kind === 'target' ? '6 3' : undefined} strokeWidth={2}
            label={{ value: `${r.label} ${formatNumber(r.value)}`, position: r.kind === 'target' ? 'bottom' : 'top', fill: CHART_COLOURS.ink, fontSize: 12 }} />
        ))}
        <Bar dataKey="plotted" isAnimationActive={false} onClick={(d) => onSelect?.((d as unknown as BarDatum).code)} cursor="pointer">
          {rows.map((d) => {
            const style = d.suppressed ? SUPPRESSED_STYLE : COMPARISON_STYLE[d.comparison];
            return <Cell key={d.code} fill={style.fill} stroke={d.code === selected ? CHART_COLOURS.ink : CHART_COLOURS.muted} strokeWidth={d.code === selected ? 3 : 0.5} />;
          })}
          <ErrorBar dataKey="ci" width={4} stroke={CHART_COLOURS.ink} direction="x" />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
