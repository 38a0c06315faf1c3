import { CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, useXAxisScale, useYAxisScale, type TooltipContentProps } from 'recharts';
import type { Polarity } from '@pathfinder/metrics';
import type { FunnelData } from '../api/api-types.ts';
import { ComparisonMarker } from './comparison-marker.tsx';
import { FUNNEL_SIGNIFICANCES, funnelComparison, type FunnelSignificance } from '@pathfinder/metrics';
import { significanceLabel } from './funnel-significance.ts';
import { formatCount, formatWithUnit } from '../format/format-number.ts';
import { CHART_COLOURS } from '../theme/palette.ts';
import { useChartSurface } from '../components/chart-name.ts';

export type FunnelPoint = FunnelData['points'][number];
export type FunnelLimit = FunnelData['limits'][number];

const LIMIT_COLOUR = CHART_COLOURS.muted;
const DASH_998 = '6 4';

const markSize = (s: FunnelSignificance) => (s === 'none' ? 4.5 : s.endsWith('99.8') ? 7 : 6);

/**
 * Funnel plot: one mark per area (denominator across, value up), shaped and coloured by where it
 * falls against the 95% (solid) and 99.8% (dashed) control limits around the baseline (the centre).
 * With `onSelect`, a click on a mark selects its area (the page's table offers the same by keyboard);
 * the `selected` area's mark is ringed.
 */
export function FunnelChart({ points, limits, baseline, baselineLabel, polarity, unit, selected, onSelect }: {
  points: readonly FunnelPoint[];
  limits: readonly FunnelLimit[];
  baseline: number | null;
  baselineLabel: string;
  polarity: Polarity;
  unit: string;
  selected?: string | undefined;
  onSelect?: (areaCode: string) => void;
}) {
  const xMax = Math.max(1, Math.ceil(Math.max(...points.map((p) => p.denominator)) * 1.05));
  // The limit table always has 100 rows, so with small practices it runs far past the largest one.
  const shownLimits = limits.filter((l) => l.denominator <= xMax);
  const yDomain = valueDomain(points, shownLimits, unit);
  const suffix = unit === '%' ? '%' : '';
  const sharing = practicesPerMark(points);
  const chartSurface = useChartSurface();
  return (
    <ResponsiveContainer width="100%" height={440}>
      <ScatterChart margin={{ top: 16, right: 24, bottom: 32, left: 16 }} {...chartSurface}>
        <CartesianGrid stroke={CHART_COLOURS.grid} />
        <XAxis type="number" dataKey="denominator" name="Denominator" domain={[0, xMax]} tickFormatter={(v: number) => formatCount(v)}
          label={{ value: 'Denominator (eligible population)', position: 'insideBottom', offset: -20, fill: CHART_COLOURS.ink, fontSize: 13 }} />
        <YAxis type="number" dataKey="value" name="Value" domain={yDomain} tickFormatter={(v: number) => `${v}${suffix}`} width={56}
          label={{ value: `Value (${unit})`, angle: -90, position: 'insideLeft', offset: 0, fill: CHART_COLOURS.ink, fontSize: 13, style: { textAnchor: 'middle' } }} />
        <LimitLines limits={shownLimits} />
        {baseline !== null && (
          <ReferenceLine y={baseline} stroke={CHART_COLOURS.ink} strokeWidth={2} label={{ value: `${baselineLabel} ${formatWithUnit(baseline, suffix)}`, position: 'insideTopRight', fill: CHART_COLOURS.ink, fontSize: 12 }} />
        )}
        <Tooltip cursor={{ strokeDasharray: '3 3' }} content={(props: TooltipContentProps) => <FunnelTooltip {...props} polarity={polarity} unit={unit} sharing={sharing} />} />
        <Scatter data={points as FunnelPoint[]} isAnimationActive={false} name="Practices" cursor={onSelect ? 'pointer' : undefined}
          {...(onSelect ? { onClick: (item: { payload?: FunnelPoint }) => item.payload && onSelect(item.payload.areaCode) } : {})}
          shape={(props: { cx?: number; cy?: number; payload?: FunnelPoint }) => {
            const p = props.payload;
            if (props.cx === undefined || props.cy === undefined || !p) return <g />;
            const size = markSize(p.significance);
            const marker = <ComparisonMarker cx={props.cx} cy={props.cy} comparison={funnelComparison(p.significance, polarity)} size={size} />;
            if (p.areaCode !== selected) return marker;
            return (
              <g data-selected={p.areaCode}>
                <circle cx={props.cx} cy={props.cy} r={size + 6} fill="none" stroke={CHART_COLOURS.ink} strokeWidth={2.5} />
                {marker}
              </g>
            );
          }} />
      </ScatterChart>
    </ResponsiveContainer>
  );
}

/** The four control limits as lines through the limit table, labelled at their right-hand end. */
function LimitLines({ limits }: { limits: readonly FunnelLimit[] }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  if (!x || !y || limits.length === 0) return null;
  const line = (key: 'lower95' | 'upper95' | 'lower998' | 'upper998') =>
    limits.flatMap((l) => {
      const px = x(l.denominator), py = y(l[key]);
      return px === undefined || py === undefined ? [] : [`${px},${py}`];
    }).map((p, i) => `${i === 0 ? 'M' : 'L'}${p}`).join(' ');
  const last = limits[limits.length - 1]!;
  const label = (key: 'upper95' | 'upper998', text: string, dy: number) => {
    const px = x(last.denominator), py = y(last[key]);
    return px === undefined || py === undefined ? null : <text x={px - 4} y={py + dy} textAnchor="end" fontSize={11} fill={LIMIT_COLOUR}>{text}</text>;
  };
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> is not focusable; Biome treats SVG elements as interactive
    <g aria-hidden="true" data-funnel-limits="">
      <path d={line('upper998')} fill="none" stroke={LIMIT_COLOUR} strokeWidth={1.5} strokeDasharray={DASH_998} />
      <path d={line('lower998')} fill="none" stroke={LIMIT_COLOUR} strokeWidth={1.5} strokeDasharray={DASH_998} />
      <path d={line('upper95')} fill="none" stroke={LIMIT_COLOUR} strokeWidth={1.5} />
      <path d={line('lower95')} fill="none" stroke={LIMIT_COLOUR} strokeWidth={1.5} />
      {label('upper998', '99.8%', -4)}
      {label('upper95', '95%', 12)}
    </g>
  );
}

const markKey = (p: FunnelPoint) => `${p.denominator}|${p.value}`;

/** How many areas share each mark: small practices often have identical counts, so their marks coincide. */
function practicesPerMark(points: readonly FunnelPoint[]): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const p of points) counts.set(markKey(p), (counts.get(markKey(p)) ?? 0) + 1);
  return counts;
}

function FunnelTooltip({ active, payload, polarity, unit, sharing }: TooltipContentProps & { polarity: Polarity; unit: string; sharing: ReadonlyMap<string, number> }) {
  const point = active ? (payload?.[0]?.payload as FunnelPoint | undefined) : undefined;
  if (!point) return null;
  const others = (sharing.get(markKey(point)) ?? 1) - 1;
  return (
    <div className="chart-tooltip">
      <strong>{point.areaName}</strong> ({point.areaCode})
      <br />
      {formatWithUnit(point.value, unit)}: {formatCount(point.numerator)} of {formatCount(point.denominator)}
      <br />
      {significanceLabel(point.significance, polarity)}
      {others > 0 && <><br />{others === 1 ? '1 other practice has' : `${formatCount(others)} other practices have`} the same figures.</>}
    </div>
  );
}

/** Key to the marks and lines: shape, colour and words together; `centre` names the centre line. */
export function FunnelKey({ polarity, centre }: { polarity: Polarity; centre: string }) {
  return (
    <ul className="legend" aria-label="Key to the funnel plot">
      {FUNNEL_SIGNIFICANCES.map((s) => (
        <li key={s}>
          <svg width={18} height={18} viewBox="0 0 18 18" className="legend__icon" aria-hidden="true">
            <ComparisonMarker cx={9} cy={9} comparison={funnelComparison(s, polarity)} size={markSize(s)} />
          </svg>
          {significanceLabel(s, polarity)}
        </li>
      ))}
      <li>
        <svg width={28} height={18} className="legend__icon" aria-hidden="true"><line x1={0} x2={28} y1={9} y2={9} stroke={LIMIT_COLOUR} strokeWidth={1.5} /></svg>
        95% limits
      </li>
      <li>
        <svg width={28} height={18} className="legend__icon" aria-hidden="true"><line x1={0} x2={28} y1={9} y2={9} stroke={LIMIT_COLOUR} strokeWidth={1.5} strokeDasharray={DASH_998} /></svg>
        99.8% limits
      </li>
      <li>
        <svg width={28} height={18} className="legend__icon" aria-hidden="true"><line x1={0} x2={28} y1={9} y2={9} stroke={CHART_COLOURS.ink} strokeWidth={2} /></svg>
        Centre: {centre}
      </li>
    </ul>
  );
}

function valueDomain(points: readonly FunnelPoint[], limits: readonly FunnelLimit[], unit: string): [number, number] {
  const values = points.map((p) => p.value);
  const smallest = Math.min(...points.map((p) => p.denominator));
  const shown = limits.filter((l) => l.denominator >= smallest).flatMap((l) => [l.lower998, l.upper998]);
  const lo = Math.min(...values, ...shown), hi = Math.max(...values, ...shown);
  const pad = (hi - lo) * 0.05 || 1;
  const floor = Math.floor((lo - pad) / 5) * 5, ceil = Math.ceil((hi + pad) / 5) * 5;
  return unit === '%' ? [Math.max(0, floor), Math.min(100, ceil)] : [Math.max(0, floor), ceil];
}
