import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { LineSample } from './line-sample.tsx';
import { monthTicks } from './time-axis.ts';
import { formatMonth } from '../format/format-date.ts';
import { TARGET_STYLE } from './uptake-curve-styles.ts';
import { GROUP_UPTAKE_HEIGHT } from './chart-sizes.ts';
import { formatPercent } from '../format/format-number.ts';
import { CHART_COLOURS, NHS_COLOURS } from '../theme/palette.ts';
import { useChartSurface } from '../components/chart-name.ts';

export interface GroupLine {
  readonly group: string;
  readonly label: string;
  readonly points: readonly { readonly t: number; readonly uptake: number | null }[];
}

/**
 * Line styles for up to six groups: colours that keep 3:1 contrast on white, each with its own
 * dash pattern, so groups differ by more than colour.
 */
const GROUP_STYLES: readonly { stroke: string; dash: string | undefined }[] = [
  { stroke: CHART_COLOURS.darkOrange, dash: undefined },
  { stroke: NHS_COLOURS.blue, dash: '10 4' },
  { stroke: NHS_COLOURS.green, dash: '3 3' },
  { stroke: CHART_COLOURS.purple, dash: '12 3 3 3' },
  { stroke: CHART_COLOURS.ink, dash: '1 4' },
  { stroke: NHS_COLOURS.grey2, dash: '6 2 1 2' },
];

/** Cumulative uptake over time, one line per group (deprivation quintile or ethnic group), against the target. */
export function GroupUptakeChart({ lines, target, current, domain }: { lines: readonly GroupLine[]; target: { uptake: number }; current: number | null; domain: readonly [number, number] }) {
  const top = Math.max(target.uptake, ...lines.flatMap((l) => l.points.map((p) => p.uptake ?? 0)));
  const yMax = Math.min(100, Math.ceil(top / 10) * 10 + (top % 10 === 0 ? 10 : 0));
  const chartSurface = useChartSurface();
  return (
    <div>
      <ResponsiveContainer width="100%" height={GROUP_UPTAKE_HEIGHT}>
        <LineChart margin={{ top: 16, right: 16, bottom: 8, left: 0 }} {...chartSurface}>
          <CartesianGrid stroke={CHART_COLOURS.grid} vertical={false} />
          <XAxis type="number" dataKey="t" domain={[domain[0], domain[1]]} ticks={monthTicks(domain, 6)} tickFormatter={formatMonth} tick={{ fontSize: 12, fill: CHART_COLOURS.ink }} allowDuplicatedCategory={false} />
          <YAxis type="number" domain={[0, yMax]} ticks={Array.from({ length: yMax / 10 + 1 }, (_, i) => i * 10)} tickFormatter={(v: number) => `${v}%`} width={48} tick={{ fontSize: 12, fill: CHART_COLOURS.ink }} />
          <ReferenceLine y={target.uptake} stroke={TARGET_STYLE.stroke} strokeDasharray={TARGET_STYLE.dash} strokeWidth={TARGET_STYLE.width}
            label={{ value: `Target ${formatPercent(target.uptake, 0)}`, position: 'insideTopLeft', fontSize: 12, fill: CHART_COLOURS.ink }} />
          {current !== null && <ReferenceLine x={current} stroke={NHS_COLOURS.red} strokeDasharray="5 3" strokeWidth={1.5} />}
          {lines.map((line, i) => {
            const style = GROUP_STYLES[i % GROUP_STYLES.length]!;
            return (
              <Line key={line.group} data={line.points as { t: number; uptake: number | null }[]} dataKey="uptake" name={line.label} stroke={style.stroke} strokeDasharray={style.dash}
                strokeWidth={2.25} dot={false} activeDot={false} isAnimationActive={false} />
            );
          })}
        </LineChart>
      </ResponsiveContainer>
      <ul className="legend" aria-label="Groups">
        {lines.map((line, i) => {
          const style = GROUP_STYLES[i % GROUP_STYLES.length]!;
          const shown = (current === null ? undefined : line.points.find((p) => p.t === current)) ?? line.points.at(-1);
          const last = shown?.uptake ?? null;
          return (
            <li key={line.group}>
              <LineSample stroke={style.stroke} dash={style.dash} width={2.25} />
              {line.label}: {last === null ? 'hidden (small numbers)' : formatPercent(last)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
