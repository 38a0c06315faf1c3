import { Area, CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type DotProps } from 'recharts';
import type { TrendPoint } from '../api/api-types.ts';
import { ICB_LINE_DASH, SERIES_COLOURS, SPC_COLOURS } from '../theme/comparison-colours.ts';
import { formatNumber } from '../format/format-number.ts';
import { CHART_COLOURS } from '../theme/palette.ts';
import type { DatedNote } from './notes-by-period.ts';
import { ITS_COLOURS } from '../theme/comparison-colours.ts';
import type { TrendIts } from './its-chart-lines.ts';
import { useChartSurface } from '../components/chart-name.ts';
import { LineSample } from './line-sample.tsx';
import { TREND_CHART_HEIGHT } from './chart-sizes.ts';

/** What a deep link asks the trend to show: the period it opened at, and the stretch of special-cause points it is about. */
export interface TrendHighlight {
  readonly period: string | null;
  readonly stretch: { readonly from: string; readonly to: string; readonly count: number } | null;
}

/**
 * Trend with 95% CI band, comparator line, targets, SPC centre line and process limits, and
 * special-cause points coloured by type. A period without a value is a gap in the line and the band
 * (never a zero), and its tooltip gives the source's note on why. A `highlight` shades the signal's
 * special-cause stretch and marks the period (the callout above the chart says the same in words).
 * `notes` (annotations, by period) are dotted markers at their periods; their text is in the data table.
 * `its` (an interrupted time series) draws the fitted segments solid, the counterfactual dashed and a
 * marker at the intervention, in place of the SPC lines (two models of one series would crowd it).
 * `icb` (the chosen ICB's values by period, on a borough's or practice's trend) is a dash-dot line.
 */
export function TrendChart({ points, unit, comparatorName, targets, highlight = null, notes, its = null, icb = null }: { points: readonly TrendPoint[]; unit: string; comparatorName: string | null; targets: readonly { value: number; label: string }[]; highlight?: TrendHighlight | null; notes?: ReadonlyMap<string, readonly DatedNote[]>; its?: TrendIts | null; icb?: TrendLine | null }) {
  const data = points.map((p) => ({ ...p, band: p.lower95 !== null && p.upper95 !== null ? [p.lower95, p.upper95] : null, ...(its?.lines.get(p.period) ?? NO_ITS), icbValue: icb?.values.get(p.period) ?? null }));
  const itsValues = its ? [...its.lines.values()].flatMap((l) => [l.fittedBefore, l.fittedAfter, l.counterfactual]) : [];
  const all = [...points.flatMap((p) => [p.lower95, p.upper95, p.comparatorValue, ...(its ? [] : [p.spcLower, p.spcUpper])]), ...itsValues, ...data.map((d) => d.icbValue)].filter((v): v is number => v !== null);
  const lo = Math.min(...all, ...targets.map((t) => t.value)), hi = Math.max(...all, ...targets.map((t) => t.value));
  const pad = (hi - lo) * 0.08 || 1;
  const domain: [number, number] = [Math.max(unit === '%' ? 0 : -Infinity, Math.floor(lo - pad)), unit === '%' ? Math.min(100, Math.ceil(hi + pad)) : Math.ceil(hi + pad)];
  const chartSurface = useChartSurface();
  return (
    <>
      <ResponsiveContainer width="100%" height={TREND_CHART_HEIGHT}>
        <ComposedChart data={data} margin={{ top: 16, right: 24, bottom: 8, left: 8 }} {...chartSurface}>
          <CartesianGrid stroke={CHART_COLOURS.grid} vertical={false} />
          <XAxis dataKey="period" tick={{ fontSize: 12 }} minTickGap={16} />
          {/* A percentage's axis stops at 100%: recharts would otherwise widen it to a small practice's SPC limit or CI above 100 (the lines are clipped there). */}
          <YAxis domain={domain} allowDataOverflow={unit === '%'} tickFormatter={(v: number) => `${Math.round(v * 10) / 10}${unit === '%' ? '%' : ''}`} width={56} />
          <Tooltip labelFormatter={(label, items) => periodLabel(String(label), items?.[0]?.payload as TrendPoint | undefined)} formatter={(v, name) => (Array.isArray(v) ? [`${formatNumber(Number(v[0]))} to ${formatNumber(Number(v[1]))}`, name] : [typeof v === 'number' ? formatNumber(v) : String(v), name])} />
          {highlight?.stretch && (
            <ReferenceArea x1={highlight.stretch.from} x2={highlight.stretch.to} fill={SPC_COLOURS.special_cause_concern} fillOpacity={0.12} stroke={SPC_COLOURS.special_cause_concern} strokeOpacity={0.5} ifOverflow="extendDomain" data-testid="signal-stretch" />
          )}
          {highlight?.period && (
            <ReferenceLine x={highlight.period} stroke={CHART_COLOURS.ink} strokeWidth={1.5} label={{ value: highlight.period, position: labelSide(points, highlight.period), fontSize: 12, fill: CHART_COLOURS.ink }} />
          )}
          {[...(notes ?? [])].map(([period, list]) => (
            <ReferenceLine key={`note-${period}`} x={period} stroke={CHART_COLOURS.ink} strokeDasharray="2 3" strokeWidth={1} label={{ value: list.length > 1 ? `${list.length} notes` : 'Note', position: 'insideTop', fontSize: 12, fill: CHART_COLOURS.ink }} />
          ))}
          <Area dataKey="band" name="95% CI" stroke="none" fill={SERIES_COLOURS.ci} fillOpacity={0.6} isAnimationActive={false} connectNulls={false} />
          {targets.map((t) => (
            <ReferenceLine key={t.label} y={t.value} stroke={SERIES_COLOURS.target} strokeDasharray="6 3" strokeWidth={2} label={{ value: t.label, position: 'insideTopRight', fontSize: 12, fill: CHART_COLOURS.ink }} />
          ))}
          {!its && <Line dataKey="spcMean" name="SPC mean" stroke={SERIES_COLOURS.limit} strokeWidth={1.5} dot={false} isAnimationActive={false} />}
          {!its && <Line dataKey="spcUpper" name="Upper process limit" stroke={SERIES_COLOURS.limit} strokeDasharray="3 3" dot={false} isAnimationActive={false} />}
          {!its && <Line dataKey="spcLower" name="Lower process limit" stroke={SERIES_COLOURS.limit} strokeDasharray="3 3" dot={false} isAnimationActive={false} />}
          {its && <ReferenceLine x={its.intervention} stroke={CHART_COLOURS.ink} strokeWidth={2} label={{ value: 'Intervention', position: labelSide(points, its.intervention), fontSize: 12, fill: CHART_COLOURS.ink }} data-testid="its-intervention" />}
          {its && <Line dataKey="counterfactual" name="Counterfactual (no intervention)" stroke={ITS_COLOURS.counterfactual} strokeWidth={2.5} strokeDasharray="8 5" dot={false} connectNulls isAnimationActive={false} className="its-counterfactual" />}
          {its && <Line dataKey="fittedBefore" name="Fitted, before" stroke={ITS_COLOURS.fitted} strokeWidth={2.5} dot={false} connectNulls isAnimationActive={false} className="its-fitted" />}
          {its && <Line dataKey="fittedAfter" name="Fitted, after" stroke={ITS_COLOURS.fitted} strokeWidth={2.5} dot={false} connectNulls isAnimationActive={false} className="its-fitted" />}
          {icb && <Line dataKey="icbValue" name={icb.name} stroke={SERIES_COLOURS.icb} strokeDasharray={ICB_LINE_DASH} strokeWidth={2} dot={false} isAnimationActive={false} />}
          {comparatorName && <Line dataKey="comparatorValue" name={comparatorName} stroke={SERIES_COLOURS.comparator} strokeDasharray="8 4" dot={false} isAnimationActive={false} />}
          <Line dataKey="value" name="Value" stroke={SERIES_COLOURS.value} strokeWidth={2} isAnimationActive={false} dot={(props: unknown) => <SpcDot key={(props as { index: number }).index} {...(props as SpcDotProps)} />} />
        </ComposedChart>
      </ResponsiveContainer>
      <TrendLegend comparatorName={comparatorName} icbName={icb?.name ?? null} spc={!its} targets={targets.length > 0} notes={(notes?.size ?? 0) > 0} />
    </>
  );
}

/** Every line style on the trend in words (the interrupted time series has its own legend beside its summary). */
function TrendLegend({ comparatorName, icbName, spc, targets, notes }: { comparatorName: string | null; icbName: string | null; spc: boolean; targets: boolean; notes: boolean }) {
  return (
    <ul className="legend" aria-label="Lines on the chart">
      <li><LineSample stroke={SERIES_COLOURS.value} width={2} />Value (dots coloured by SPC variation)</li>
      <li><svg className="legend__line" width="32" height="12" aria-hidden="true"><rect x="1" y="2" width="30" height="8" fill={SERIES_COLOURS.ci} fillOpacity={0.6} /></svg>95% confidence interval</li>
      {comparatorName && <li><LineSample stroke={SERIES_COLOURS.comparator} dash="8 4" width={1.5} />{comparatorName}</li>}
      {icbName && <li><LineSample stroke={SERIES_COLOURS.icb} dash={ICB_LINE_DASH} width={2} />{icbName}</li>}
      {spc && <li><LineSample stroke={SERIES_COLOURS.limit} width={1.5} />SPC mean</li>}
      {spc && <li><LineSample stroke={SERIES_COLOURS.limit} dash="3 3" width={1} />SPC process limits</li>}
      {targets && <li><LineSample stroke={SERIES_COLOURS.target} dash="6 3" width={2} />Target</li>}
      {notes && <li><LineSample stroke={CHART_COLOURS.ink} dash="2 3" width={1} />Note (vertical line)</li>}
    </ul>
  );
}

const NO_ITS = { fittedBefore: null, fittedAfter: null, counterfactual: null };

/** Another area's values on the trend, by period: the chosen ICB beside a borough or practice. */
export interface TrendLine {
  readonly name: string;
  readonly values: ReadonlyMap<string, number | null>;
}

/** The marked period's label sits at the foot of its line (clear of the target labels at the top), on the side with room. */
const labelSide = (points: readonly TrendPoint[], period: string) => (points.findIndex((p) => p.period === period) > points.length / 2 ? 'insideBottomRight' : 'insideBottomLeft');

/** A period in the tooltip, with the source's note on its value or "no value" when it has none. */
function periodLabel(period: string, point: TrendPoint | undefined): string {
  if (!point) return period;
  const note = point.valueNote ?? (point.value === null ? 'no value' : null);
  return note ? `${period}: ${note}` : period;
}

type SpcDotProps = Pick<DotProps, 'cx' | 'cy'> & { payload?: TrendPoint };

function SpcDot({ cx, cy, payload }: SpcDotProps) {
  if (cx === undefined || cy === undefined || !payload || payload.value === null) return null;
  const type = payload.spcPointType ?? 'common_cause';
  const special = type !== 'common_cause';
  return <circle cx={cx} cy={cy} r={special ? 5.5 : 3.5} fill={SPC_COLOURS[type]} stroke={CHART_COLOURS.background} strokeWidth={1} data-spc={type} />;
}
