import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { useElementSize } from '../maps/use-element-size.ts';
import { monthTicks } from './time-axis.ts';
import { formatMonth } from '../format/format-date.ts';
import { formatPercent } from '../format/format-number.ts';
import { CHART_COLOURS } from '../theme/palette.ts';
import { CURRENT_STYLE, CURVE_STYLE, TARGET_STYLE, TRAJECTORY_STYLE, type CurveKind, type CurveLine, type KeyDateMark, type TrajectorySegment } from './uptake-curve-styles.ts';
import { UPTAKE_CURVES_HEIGHT } from './chart-sizes.ts';
import { useChartSurface } from '../components/chart-name.ts';

const DRAW_ORDER: readonly CurveKind[] = ['other', 'priority', 'london', 'selected'];
const MARGIN = { top: 44, right: 150, bottom: 8, left: 0 };
/** Below this width the end labels would squeeze the plot; the legend names the lines instead. */
const END_LABEL_MIN_WIDTH = 640;
const LABEL_GAP = 30;

/**
 * Cumulative uptake curves, one line per area (no dots, so a borough chart stays near a thousand
 * points), against the trajectories (straight lines from 0% at each start date to the target on its
 * date) and the target; key dates are numbered vertical lines and the shown interval a red one.
 * London and the selected area carry their names at the end of their lines on wide screens.
 */
export function UptakeCurvesChart({ lines, keyDates, trajectories, target, current, domain }: {
  lines: readonly CurveLine[];
  keyDates: readonly KeyDateMark[];
  trajectories: readonly TrajectorySegment[];
  target: { uptake: number };
  current: number | null;
  domain: readonly [number, number];
}) {
  const top = Math.max(target.uptake, ...lines.flatMap((l) => l.points.map((p) => p.uptake ?? 0)));
  const yMax = Math.min(100, Math.ceil(top / 10) * 10 + (top % 10 === 0 ? 10 : 0));
  const ordered = [...lines].sort((a, b) => DRAW_ORDER.indexOf(a.kind) - DRAW_ORDER.indexOf(b.kind));
  const labelOffsets = endLabelOffsets(lines.filter((l) => l.kind === 'london' || l.kind === 'selected'), yMax);
  const [ref, { width }] = useElementSize<HTMLDivElement>();
  const endLabels = width >= END_LABEL_MIN_WIDTH;
  const chartSurface = useChartSurface();
  return (
    <div ref={ref}>
      <ResponsiveContainer width="100%" height={UPTAKE_CURVES_HEIGHT}>
        <LineChart margin={endLabels ? MARGIN : { ...MARGIN, right: 16 }} {...chartSurface}>
          <CartesianGrid stroke={CHART_COLOURS.grid} vertical={false} />
          <XAxis type="number" dataKey="t" domain={[domain[0], domain[1]]} ticks={monthTicks(domain)} tickFormatter={formatMonth} tick={{ fontSize: 12, fill: CHART_COLOURS.ink }} allowDuplicatedCategory={false} />
          <YAxis type="number" domain={[0, yMax]} ticks={Array.from({ length: yMax / 10 + 1 }, (_, i) => i * 10)} tickFormatter={(v: number) => `${v}%`} width={48} tick={{ fontSize: 12, fill: CHART_COLOURS.ink }} />
          <ReferenceLine y={target.uptake} stroke={TARGET_STYLE.stroke} strokeDasharray={TARGET_STYLE.dash} strokeWidth={TARGET_STYLE.width} ifOverflow="extendDomain"
            label={{ value: `Target ${formatPercent(target.uptake, 0)}`, position: 'insideTopLeft', fontSize: 12, fill: CHART_COLOURS.ink }} />
          {trajectories.map((s) => (
            <ReferenceLine key={s.label} segment={[{ x: s.from, y: 0 }, { x: s.to, y: s.uptake }]} stroke={TRAJECTORY_STYLE.stroke} strokeDasharray={TRAJECTORY_STYLE.dash} strokeWidth={TRAJECTORY_STYLE.width} ifOverflow="hidden" />
          ))}
          {keyDates.map((k, i) => (
            <ReferenceLine key={k.n} x={k.t} stroke={CHART_COLOURS.muted} strokeDasharray="2 2" label={(props: { viewBox?: { x?: number; y?: number } }) => <KeyDateBadge n={k.n} x={props.viewBox?.x ?? 0} y={(props.viewBox?.y ?? 0) - 34 + (i % 2) * 16} />} />
          ))}
          {current !== null && <ReferenceLine x={current} stroke={CURRENT_STYLE.stroke} strokeDasharray={CURRENT_STYLE.dash} strokeWidth={CURRENT_STYLE.width} />}
          {ordered.map((line) => {
            const style = CURVE_STYLE[line.kind];
            const last = line.points.length - 1;
            const labelled = endLabels && (line.kind === 'london' || line.kind === 'selected');
            return (
              <Line key={line.code} data={line.points as { t: number; uptake: number | null }[]} dataKey="uptake" name={line.name} stroke={style.stroke} strokeWidth={style.width}
                dot={false} activeDot={false} isAnimationActive={false} connectNulls={false}
                label={labelled ? (props: { x?: number | string; y?: number | string; index?: number }) => (props.index === last && line.points[last]?.uptake != null
                  ? <EndLabel x={Number(props.x) + 6} y={Number(props.y) + (labelOffsets.get(line.code) ?? 0)} name={line.name} value={line.points[last].uptake} fill={style.stroke} />
                  : <g />) : false} />
            );
          })}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

function EndLabel({ x, y, name, value, fill }: { x: number; y: number; name: string; value: number; fill: string }) {
  return (
    <text x={x} y={y - 2} fontSize={12} fontWeight={700} fill={fill}>
      <tspan x={x}>{name}</tspan>
      <tspan x={x} dy={14}>{formatPercent(value)}</tspan>
    </text>
  );
}

function KeyDateBadge({ n, x, y }: { n: number; x: number; y: number }) {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> is not focusable; Biome treats SVG elements as interactive
    <g aria-hidden="true">
      <circle cx={x} cy={y} r={8} fill={CHART_COLOURS.background} stroke={CHART_COLOURS.muted} />
      <text x={x} y={y + 4} textAnchor="middle" fontSize={11} fontWeight={700} fill={CHART_COLOURS.ink}>{n}</text>
    </g>
  );
}

/** Vertical nudges (px) so the end labels of lines ending close together do not overlap. */
function endLabelOffsets(labelled: readonly CurveLine[], yMax: number): Map<string, number> {
  const pxPerPoint = (UPTAKE_CURVES_HEIGHT - MARGIN.top - MARGIN.bottom - 30) / yMax;
  const ends = labelled.map((l) => ({ code: l.code, y: -(l.points.at(-1)?.uptake ?? 0) * pxPerPoint })).sort((a, b) => a.y - b.y);
  const offsets = new Map<string, number>();
  let previous = -Infinity;
  for (const e of ends) {
    const y = Math.max(e.y, previous + LABEL_GAP);
    offsets.set(e.code, y - e.y);
    previous = y;
  }
  return offsets;
}
