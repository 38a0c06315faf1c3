import { Bar, BarChart, CartesianGrid, ErrorBar, LabelList, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useElementSize } from '../maps/use-element-size.ts';
import { SERIES_COLOURS } from '../theme/comparison-colours.ts';
import { formatValueWithInterval } from '../format/format-interval.ts';
import { formatWithUnit } from '../format/format-number.ts';
import { CHART_COLOURS } from '../theme/palette.ts';
import { useChartSurface } from '../components/chart-name.ts';

export interface GroupDatum {
  readonly group: string;
  readonly label: string;
  readonly value: number | null;
  readonly lower95: number | null;
  readonly upper95: number | null;
  readonly suppressed: boolean;
}

/**
 * One horizontal bar per group (in the order given) from zero, with 95% CI whiskers, the value
 * written at the bar's base, and the area's overall value as a reference line. Groups without a
 * value keep their row, labelled "suppressed" or "no value", so a gap is never silent.
 */
export function InequalityChart({ groups, unit, overall }: { groups: readonly GroupDatum[]; unit: string; overall: { label: string; value: number } | null }) {
  const [ref, { width }] = useElementSize<HTMLDivElement>();
  const narrow = width > 0 && width < 560;
  const suffix = unit === '%' ? '%' : '';
  const rows = groups.map((g) => ({
    ...g,
    name: g.value === null ? `${g.label} (${g.suppressed ? 'suppressed' : 'no value'})` : g.label,
    plotted: g.value,
    ci: g.value !== null && g.lower95 !== null && g.upper95 !== null ? [g.value - g.lower95, g.upper95 - g.value] : [0, 0],
    text: g.value === null ? '' : formatWithUnit(g.value, suffix),
  }));
  const top = Math.max(...groups.flatMap((g) => [g.upper95, g.value]).filter((v): v is number => v !== null), overall?.value ?? 0);
  const ticks = unit === '%' && top > 80 ? [0, 25, 50, 75, 100] : niceTicks(top);
  const chartSurface = useChartSurface();
  return (
    <div ref={ref}>
      <ResponsiveContainer width="100%" height={Math.max(220, rows.length * 48 + 80)}>
        <BarChart data={rows} layout="vertical" margin={{ top: 28, right: narrow ? 36 : 24, bottom: 8, left: 0 }} {...chartSurface}>
          <CartesianGrid horizontal={false} stroke={CHART_COLOURS.grid} />
          <XAxis type="number" domain={[0, ticks[ticks.length - 1]!]} ticks={ticks} tickFormatter={(v: number) => `${v}${suffix}`} />
          <YAxis type="category" dataKey="name" width={narrow ? 118 : 170} interval={0} tick={{ fontSize: narrow ? 12 : 13, fill: CHART_COLOURS.ink }} />
          <Tooltip formatter={(_v, _n, item) => {
            const d = item.payload as GroupDatum;
            return d.value === null ? ['no value', d.label] : [formatValueWithInterval(d.value, d.lower95, d.upper95, { unit: suffix }), d.label];
          }} />
          <Bar dataKey="plotted" fill={SERIES_COLOURS.ci} stroke={SERIES_COLOURS.value} strokeWidth={1.5} isAnimationActive={false} barSize={26}>
            <ErrorBar dataKey="ci" width={6} stroke={CHART_COLOURS.ink} strokeWidth={1.5} direction="x" isAnimationActive={false} />
            <LabelList dataKey="text" position="insideLeft" offset={8} fill={CHART_COLOURS.ink} fontSize={12} fontWeight={700} />
          </Bar>
          {overall && (
            <ReferenceLine x={overall.value} stroke={CHART_COLOURS.ink} strokeWidth={2} strokeDasharray="8 4"
              label={{ value: narrow ? `Overall ${formatWithUnit(overall.value, suffix)}` : `${overall.label} ${formatWithUnit(overall.value, suffix)}`, position: 'top', fill: CHART_COLOURS.ink, fontSize: 12 }} />
          )}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Ticks from zero in steps of 1, 2, 2.5 or 5 × 10ⁿ, about four of them, the last above `max`. */
function niceTicks(max: number): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  return Array.from({ length: Math.floor(max / step) + 2 }, (_, i) => Number((i * step).toPrecision(12)));
}
