import { csvLine } from '@pathfinder/metrics';

/** Fingertips export column names for our fields, so analysts' existing scripts read our CSVs. */
const FINGERTIPS_NAMES: Record<string, string> = {
  indicatorId: 'Indicator ID',
  areaCode: 'Area Code',
  areaName: 'Area Name',
  areaType: 'Area Type',
  parentCode: 'Parent Code',
  period: 'Time period',
  value: 'Value',
  lower95: 'Lower CI 95.0 limit',
  upper95: 'Upper CI 95.0 limit',
  lower998: 'Lower CI 99.8 limit',
  upper998: 'Upper CI 99.8 limit',
  numerator: 'Count',
  denominator: 'Denominator',
  valueNote: 'Value note',
  comparison: 'Compared to benchmark',
  recentTrend: 'Recent Trend',
  quintile: 'Quintile',
  rank: 'Rank',
  targetRag: 'Compared to target',
};

const title = (key: string) => FINGERTIPS_NAMES[key] ?? key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());

/** Rows of plain objects as CSV text: one column per key of the first row, in order; nested values as JSON. */
export function toCsv(rows: readonly Record<string, unknown>[], extra: Record<string, string | number | null> = {}): string {
  const keys = [...Object.keys(extra), ...Object.keys(rows[0] ?? {})];
  const cell = (v: unknown) => (v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : (v as string | number | boolean));
  return [csvLine(keys.map(title)), ...rows.map((r) => csvLine(keys.map((k) => cell(k in extra ? extra[k] : r[k]))))].join('');
}
