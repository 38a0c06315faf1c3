import { ATTENTION_RULES, type Indicator } from '@pathfinder/metrics';

interface SignalPoint {
  readonly period: string;
  readonly value: number | null;
  readonly spcPointType: string | null;
}

/** The point a link's period names, or the latest point with a value for "latest" (or a period the trend lacks). */
export function periodIndex(points: readonly SignalPoint[], period: string): number {
  const named = period === 'latest' ? -1 : points.findIndex((p) => p.period === period);
  return named >= 0 ? named : points.findLastIndex((p) => p.value !== null);
}

const isSpecial = (p: SignalPoint) => p.value !== null && p.spcPointType !== null && p.spcPointType !== 'common_cause';

/**
 * The latest stretch of special-cause points at or before `index`: the run of consecutive points
 * SPC marks as special cause that ends nearest the period; null when there is none.
 */
export function latestSpecialStretch(points: readonly SignalPoint[], index: number): { from: string; to: string; count: number } | null {
  let end = index;
  while (end >= 0 && !isSpecial(points[end]!)) end -= 1;
  if (end < 0) return null;
  let start = end;
  while (start > 0 && isSpecial(points[start - 1]!)) start -= 1;
  return { from: points[start]!.period, to: points[end]!.period, count: end - start + 1 };
}

const PERIOD_NOUN: Record<Indicator['frequency'], string> = { weekly: 'week', monthly: 'month', quarterly: 'quarter', annual: 'year' };

/**
 * A signal in words, from its rule's description, e.g. "Significantly worse than London (99.8% confidence)";
 * null for a rule id the catalogue does not know (a hand-edited link).
 */
export function signalDescription(rule: string, context: { indicator: Pick<Indicator, 'frequency'>; benchmark: string | null; target: string | null; note: string | null }): string | null {
  const known = ATTENTION_RULES.find((r) => r.id === rule);
  if (!known) return null;
  const fill: Record<string, string> = {
    benchmark: context.benchmark ?? 'the benchmark',
    target: context.target ?? 'its target',
    period: PERIOD_NOUN[context.indicator.frequency],
    note: context.note ?? 'see the table',
    behindBy: 'some',
  };
  return known.description.replace(/\{(\w+)\}/g, (_, name: string) => fill[name] ?? name);
}
