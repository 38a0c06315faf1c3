import { formatWithUnit } from '../format/format-number.ts';
import { CHART_COLOURS, NHS_COLOURS } from '../theme/palette.ts';

interface SparkPoint {
  readonly period: string;
  readonly value: number | null;
}

const WIDTH = 120;
const HEIGHT = 32;
const PAD = 3;

/** Where each point is drawn: x evenly spaced, y scaled to the values' range (a flat series sits in the middle); null for a period without a value. */
export function sparklineCoords(points: readonly SparkPoint[], width = WIDTH, height = HEIGHT): ({ x: number; y: number } | null)[] {
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const lo = Math.min(...values), hi = Math.max(...values);
  const x = (i: number) => (points.length === 1 ? width / 2 : PAD + (i * (width - 2 * PAD)) / (points.length - 1));
  const y = (v: number) => (hi === lo ? height / 2 : height - PAD - ((v - lo) * (height - 2 * PAD)) / (hi - lo));
  return points.map((p, i) => (p.value === null ? null : { x: x(i), y: y(p.value) }));
}

/** The line's path: one "M…L…" run per stretch of values, so a period without a value is a gap, never a zero. */
export function sparklinePath(coords: readonly ({ x: number; y: number } | null)[]): string {
  return coords.map((c, i) => (c ? `${i > 0 && coords[i - 1] ? 'L' : 'M'}${c.x.toFixed(1)},${c.y.toFixed(1)}` : '')).join('');
}

/** The series in words, the sparkline's text alternative: "2022/23 Q1 to 2024/25 Q4: from 80.1% to 64.8%, lowest 64.8%, highest 81.0%". */
export function sparklineText(points: readonly SparkPoint[], unit: string): string {
  const withValue = points.filter((p): p is SparkPoint & { value: number } => p.value !== null);
  const first = withValue[0], last = withValue.at(-1);
  if (!first || !last) return 'no values to draw';
  const values = withValue.map((p) => p.value);
  const f = (v: number) => formatWithUnit(v, unit);
  return `${first.period} to ${last.period}: from ${f(first.value)} to ${f(last.value)}, lowest ${f(Math.min(...values))}, highest ${f(Math.max(...values))}`;
}

/** A small trend line with its last value marked: an image whose text alternative states the series. */
export function Sparkline({ points, unit }: { points: readonly SparkPoint[]; unit: string }) {
  const coords = sparklineCoords(points);
  const last = coords.findLast((c) => c !== null);
  return (
    <svg className="sparkline" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Trend ${sparklineText(points, unit)}`}>
      <path d={sparklinePath(coords)} fill="none" stroke={NHS_COLOURS.blue} strokeWidth="1.5" strokeLinejoin="round" />
      {last && <circle cx={last.x} cy={last.y} r="2.5" fill={NHS_COLOURS.blue} stroke={CHART_COLOURS.background} strokeWidth="1" />}
    </svg>
  );
}
