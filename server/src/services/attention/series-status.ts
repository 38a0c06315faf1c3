import {
  attentionLink, attentionStatus, indicatorValue, MISSING_VALUE, recentTrend, spcAssurance, spcStatus, spcVariation, spcXmr,
  type AreaType, type AttentionItem, type AttentionStatus, type Indicator, type IndicatorValue, type SpcImprovement, type SpcResult, type StatusInputs,
} from '@pathfinder/metrics';
import { compare, rag, targetsFor } from '../judgements.ts';

/** One period of an area's total-breakdown counts, as the caller's source table gives them. */
export interface SeriesPoint {
  readonly period: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** Disclosure control hid a count: the period has no value. */
  readonly suppressed: boolean;
  readonly valueNote: string | null;
}

export interface SeriesStatusArgs {
  readonly indicator: Indicator;
  readonly area: { readonly code: string; readonly name: string; readonly type: AreaType };
  /** The area's series, oldest first. */
  readonly series: readonly SeriesPoint[];
  /** What the area is compared with (London, or England for London), from the same source table; null for nothing. */
  readonly benchmark: { readonly label: string; readonly series: readonly SeriesPoint[] } | null;
  /** Index in `series` of the period the status is at; default the latest. Earlier periods give the status as it stood then. */
  readonly end?: number;
}

export interface SeriesStatus {
  readonly inputs: StatusInputs;
  readonly status: AttentionStatus;
  /** The attention item, its link naming no release. */
  readonly item: AttentionItem;
}

const IMPROVEMENT: Record<Indicator['polarity'], SpcImprovement> = { 'higher-better': 'increase', 'lower-better': 'decrease', 'no-judgement': 'neutral' };
const SPARKLINE_PERIODS = 12;

/** A period's value and limits as `valueRows` computes them: none where disclosure control hid a count. */
const pointValue = (indicator: Indicator, p: SeriesPoint): IndicatorValue => (p.suppressed ? MISSING_VALUE : indicatorValue(indicator, p.numerator, p.denominator));

/**
 * The attention status of one area × indicator at a period of its series, from the statistics the
 * trend answer shows for the same series (`indicatorTrend`): values and CIs, the XmR chart of the
 * measured values with the indicator's improvement direction, the chart a period earlier (is the
 * special cause new?), the Fingertips recent trend, the 95%/99.8% comparison with the benchmark's
 * value at that period, the target in force and its RAG, assurance, and the period's value note.
 * Pure: the status table and the recall evaluation compute statuses through it.
 * @returns null when the series has no period at `end`
 */
export function seriesStatus(args: SeriesStatusArgs): SeriesStatus | null {
  const { indicator, area } = args;
  const end = args.end ?? args.series.length - 1;
  if (end < 0 || end >= args.series.length) return null;
  const series = args.series.slice(0, end + 1);
  const latest = series[end]!;
  const values = series.map((p) => pointValue(indicator, p));
  const own = values[end]!;
  const improvement = IMPROVEMENT[indicator.polarity];

  // A chart reads its latest point: without a value at the period, the chart would speak of an earlier one.
  const measured = values.map((v) => v.value).filter((v): v is number => v !== null);
  const chart = (points: readonly number[]): SpcResult | null => (points.length >= 2 ? spcXmr(points, { improvement }) : null);
  const current = own.value === null ? null : chart(measured);
  // The chart a period earlier only tells whether a special cause is new: common cause needs none (half the charts of a release).
  const spc = current ? spcStatus(current, spcVariation(current) === 'common-cause' ? null : chart(measured.slice(0, -1))) : null;

  const trend = recentTrend(series.map((p) => (p.suppressed ? { numerator: null, denominator: null } : { numerator: p.numerator, denominator: p.denominator })), indicator.polarity);
  const targets = targetsFor(indicator, latest.period);
  const target = stricterTarget(indicator, targets);
  const benchmarkPoint = args.benchmark?.series.find((p) => p.period === latest.period);
  const benchmarkValue = benchmarkPoint ? pointValue(indicator, benchmarkPoint).value : null;

  const inputs: StatusInputs = {
    indicator: { id: indicator.id, shortName: indicator.shortName, unit: indicator.unit, polarity: indicator.polarity, frequency: indicator.frequency },
    area: { code: area.code, name: area.name, type: area.type },
    period: latest.period,
    value: own.value,
    denominator: latest.suppressed ? null : latest.denominator,
    benchmark: args.benchmark ? { label: args.benchmark.label, value: benchmarkValue, comparison: compare(indicator, own, benchmarkValue) } : null,
    recentTrend: trend.label,
    spc,
    assurance: current && target !== null ? spcAssurance(current, target, improvement) : null,
    target,
    targetRag: target === null ? null : rag(indicator, own.value, targets),
    valueNote: latest.valueNote,
    campaign: null,
  };
  const status = attentionStatus(inputs);
  const item: AttentionItem = {
    areaCode: area.code,
    areaName: area.name,
    areaType: area.type,
    indicatorId: indicator.id,
    kind: 'indicator',
    indicatorName: indicator.shortName,
    domain: indicator.domain,
    period: latest.period,
    severity: status.severity,
    signals: status.signals.map((s) => ({ ...s })),
    summary: status.summary,
    value: own.value,
    unit: indicator.unit,
    denominator: inputs.denominator,
    benchmark: inputs.benchmark ? { ...inputs.benchmark } : null,
    variation: spc?.variation ?? null,
    assurance: inputs.assurance,
    recentTrend: trend.label,
    sparkline: series.slice(-SPARKLINE_PERIODS).map((p, i, last) => ({ period: p.period, value: values[series.length - last.length + i]!.value })),
    link: attentionLink({ kind: 'indicator', indicatorId: indicator.id, areaCode: area.code, areaType: area.type, period: latest.period, signal: status.signals[0]?.rule ?? null, release: null }),
  };
  return { inputs, status, item };
}

/** The target in force that is harder to meet (the higher for higher-better), as `StatusInputs.target` asks; null for none. */
function stricterTarget(indicator: Indicator, targets: readonly number[]): number | null {
  if (targets.length === 0 || indicator.polarity === 'no-judgement') return null;
  return indicator.polarity === 'lower-better' ? Math.min(...targets) : Math.max(...targets);
}
