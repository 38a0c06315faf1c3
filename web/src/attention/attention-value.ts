import { BENCHMARK_COMPARISON_LABELS, type AttentionItem } from '@pathfinder/metrics';
import { formatWithUnit } from '../format/format-number.ts';

/** The value against the benchmark in words: "64.8% against London 82.0%, worse (99.8%)". */
export function valueAgainstBenchmark(item: Pick<AttentionItem, 'value' | 'unit' | 'benchmark'>): string {
  const value = formatWithUnit(item.value, item.unit);
  if (!item.benchmark) return value;
  return `${value} against ${item.benchmark.label} ${formatWithUnit(item.benchmark.value, item.unit)}, ${BENCHMARK_COMPARISON_LABELS[item.benchmark.comparison].toLowerCase()}`;
}
