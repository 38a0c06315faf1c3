import { compareWithBenchmark, parsePeriod, quintiles, targetRag, type BenchmarkComparison, type Indicator, type Quintile, type Rag, type IndicatorValue } from '@pathfinder/metrics';

/**
 * Comparison of a value with a benchmark at 95% and 99.8%, by the indicator's polarity. A missing
 * value or benchmark is "not compared"; a RangeError (limits the wrong way round, a value that is not
 * finite) is a bug upstream and fails the answer rather than pose as "not compared".
 */
export function compare(indicator: Indicator, row: IndicatorValue, benchmark: number | null): BenchmarkComparison {
  return compareWithBenchmark(row, benchmark, indicator.polarity, { levels: 2 });
}

/** Target values that apply to a period: those without dates, or whose window contains the period's end. */
export function targetsFor(indicator: Indicator, period: string | null): number[] {
  const end = period ? parsePeriod(period).end : null;
  return indicator.targets.filter((t) => (!t.from || (end !== null && end >= t.from)) && (!t.until || (end !== null && end <= t.until))).map((t) => t.value);
}

/** Red/amber/green against the period's targets (two targets give three bands); null without a value or target. */
export function rag(indicator: Indicator, value: number | null, targets: readonly number[]): Rag | null {
  return targetRag(value, targets.slice(0, 2), indicator.polarity);
}

/** Quintile of each value among its peers (1 = lowest) and rank (1 = best; highest first when no judgement). */
export function quintilesAndRanks(indicator: Indicator, values: readonly (number | null)[]): { quintile: Quintile | null; rank: number | null }[] {
  const q = quintiles(values);
  const present = values.filter((v): v is number => v !== null);
  const better = (a: number, b: number) => (indicator.polarity === 'lower-better' ? a < b : a > b);
  return values.map((v, i) => ({ quintile: q[i] ?? null, rank: v === null ? null : 1 + present.filter((o) => better(o, v)).length }));
}
