import { BENCHMARK_COMPARISON_LABELS, type AttentionItem } from '@pathfinder/metrics';
import type { Column } from '../components/data-table.tsx';
import { formatCount } from '../format/format-number.ts';
import { AREA_TYPE_LABELS } from './area-type-labels.ts';
import { SEVERITY_STYLE } from './severity-style.ts';

/** The attention list as a table and CSV: every figure an item shows, its sparkline's values included. */
export const ATTENTION_COLUMNS: readonly Column<AttentionItem>[] = [
  { key: 'area', header: 'Area', value: (i) => i.areaName },
  { key: 'areaType', header: 'Area level', value: (i) => AREA_TYPE_LABELS[i.areaType].one },
  { key: 'indicator', header: 'Indicator', value: (i) => i.indicatorName },
  { key: 'severity', header: 'Severity', value: (i) => SEVERITY_STYLE[i.severity].label },
  { key: 'period', header: 'Period', value: (i) => i.period },
  { key: 'value', header: 'Value', value: (i) => i.value, numeric: true },
  { key: 'unit', header: 'Unit', value: (i) => i.unit },
  { key: 'benchmark', header: 'Benchmark', value: (i) => i.benchmark?.label ?? null },
  { key: 'benchmarkValue', header: 'Benchmark value', value: (i) => i.benchmark?.value ?? null, numeric: true },
  { key: 'comparison', header: 'Compared with benchmark', value: (i) => (i.benchmark ? BENCHMARK_COMPARISON_LABELS[i.benchmark.comparison] : null) },
  { key: 'people', header: 'People affected', value: (i) => i.denominator, numeric: true, render: (i) => formatCount(i.denominator) },
  { key: 'signals', header: 'Signals', value: (i) => i.signals.map((s) => s.text).join('; ') || null },
  { key: 'trend', header: 'Trend (oldest first)', value: (i) => i.sparkline.map((p) => `${p.period}: ${p.value ?? 'no value'}`).join('; ') || null },
  { key: 'summary', header: 'Summary', value: (i) => i.summary },
];
