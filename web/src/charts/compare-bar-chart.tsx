import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, LabelList, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BenchmarkComparison } from '@pathfinder/metrics';
import { COMPARISON_STYLE, SERIES_COLOURS, SUPPRESSED_STYLE } from '../theme/comparison-colours.ts';
import { formatValueWithInterval } from '../format/format-interval.ts';
import { formatNumber } from '../format/format-number.ts';
import { CHART_COLOURS } from '../theme/palette.ts';
import { LineSample } from './line-sample.tsx';
import { useChartSurface } from '../components/chart-name.ts';
import { compareBarChartHeight } from './chart-sizes.ts';

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
  // Bars start at zero (a bar's length is its value; a cut axis makes 80% look half of 95%); a rate
  // that can be negative keeps its own floor.
  const domain: [number, number] = unit === '%' ? [0, Math.min(100, Math.ceil(hi + pad))] : [Math.min(0, Math.floor(lo - pad)), Math.ceil(hi + pad)];
  const chartSurface = useChartSurface();
  return (
    <>
      <ResponsiveContainer width="100%" height={compareBarChartHeight(rows.length)}>
        <BarChart data={rows} layout="vertical" margin={{ top: 24, right: 24, bottom: 24, left: 8 }} {...chartSurface}>
          <CartesianGrid horizontal={false} stroke={CHART_COLOURS.grid} />
          <XAxis type="number" domain={domain} tickFormatter={(v: number) => `${Math.round(v * 10) / 10}${unit === '%' ? '%' : ''}`} />
          <YAxis type="category" dataKey="name" width={AREA_LABEL_WIDTH} interval={0} tick={AreaTick} />
          <Tooltip formatter={(_v, _n, item) => {
            const d = item.payload as BarDatum;
            const note = d.note ? ` (${d.note})` : '';
            return d.value === null ? [`no value${note}`, d.name] : [`${formatValueWithInterval(d.value, d.lower95, d.upper95)}${note}`, COMPARISON_STYLE[d.comparison].label];
          }} />
          {/* Lines without labels on the plot, where they collided with each other and the ticks: the legend below names them. */}
          {references.map((r) => (
            <ReferenceLine key={`${r.kind}-${r.label}`} x={r.value} stroke={REFERENCE_STYLE[r.kind].stroke} strokeDasharray={REFERENCE_STYLE[r.kind].dash} strokeWidth={2} />
          ))}
          <Bar dataKey="plotted" isAnimationActive={false} onClick={(d) => onSelect?.((d as unknown as BarDatum).code)} cursor="pointer">
            {rows.map((d) => {
              const style = d.suppressed ? SUPPRESSED_STYLE : COMPARISON_STYLE[d.comparison];
              return <Cell key={d.code} fill={style.fill} stroke={d.code === selected ? CHART_COLOURS.ink : CHART_COLOURS.muted} strokeWidth={d.code === selected ? 3 : 0.5} />;
            })}
            <ErrorBar dataKey="ci" width={4} stroke={CHART_COLOURS.ink} direction="x" />
            {/* The comparison's symbol on each bar, so colour is never the only cue (WCAG 1.4.1). */}
            <LabelList dataKey="plotted" content={(props) => <ComparisonSymbol box={props.viewBox} row={rows[Number(props.index)]} />} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      {references.length > 0 && (
        <ul className="legend" aria-label="Lines on the chart">
          {references.map((r) => (
            <li key={`${r.kind}-${r.label}`}><LineSample stroke={REFERENCE_STYLE[r.kind].stroke} dash={REFERENCE_STYLE[r.kind].dash} width={2} />{r.label}: {formatNumber(r.value)}{unit === '%' ? '%' : ''}</li>
          ))}
          <li><svg className="legend__line" width="32" height="12" aria-hidden="true"><line x1="4" y1="6" x2="28" y2="6" stroke={CHART_COLOURS.ink} /><line x1="4" y1="2" x2="4" y2="10" stroke={CHART_COLOURS.ink} /><line x1="28" y1="2" x2="28" y2="10" stroke={CHART_COLOURS.ink} /></svg>95% confidence interval</li>
        </ul>
      )}
    </>
  );
}

const REFERENCE_STYLE = { comparator: { stroke: SERIES_COLOURS.comparator, dash: undefined }, target: { stroke: SERIES_COLOURS.target, dash: '6 3' } } as const;

// Area names on one line each (recharts wraps a long tick into lines that overlap the next row's).
const AREA_LABEL_WIDTH = 190;
function AreaTick({ x, y, payload }: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
  return <text x={Number(x)} y={Number(y)} dy={4} textAnchor="end" fontSize={12} fill={CHART_COLOURS.ink}>{String(payload?.value ?? '')}</text>;
}

/** A bar's comparison symbol: inside its start, or after a bar too short to hold it. */
function ComparisonSymbol({ box, row }: { box: unknown; row: BarDatum | undefined }) {
  // recharts 3 hands a label its bar's box as `viewBox` (x, y, width, height).
  const { x, y, width, height } = (box ?? {}) as { x?: number; y?: number; width?: number; height?: number };
  if (!row || row.value === null || x === undefined || y === undefined || width === undefined || height === undefined) return null;
  const style = row.suppressed ? SUPPRESSED_STYLE : COMPARISON_STYLE[row.comparison];
  const inside = width >= 22;
  return (
    <text x={inside ? x + 3 : x + width + 3} y={y + height / 2} dy={4} fontSize={10} fill={inside ? style.text : CHART_COLOURS.ink} className="comparison-symbol">{style.symbol}</text>
  );
}
