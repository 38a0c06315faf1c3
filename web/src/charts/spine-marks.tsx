// The marks of one spine row (peer range, middle half, England, London, the area) and wrapped SVG text.
import { CHART_COLOURS } from '../theme/palette.ts';
import { ComparisonMarker } from './comparison-marker.tsx';
import type { SpineRow } from './spine-chart.tsx';
import { spineScale } from './spine-scale.ts';
import { INK, MIDDLE_FILL, RANGE_FILL, RANGE_STROKE } from './spine-style.ts';

/** The bars, the England line, the London diamond and the area's symbol for one row between x0 and x1. */
export function SpineMarks({ row, x0, x1, cy, showLondon }: { row: SpineRow; x0: number; x1: number; cy: number; showLondon: boolean }) {
  const scale = spineScale(row);
  const x = (v: number) => x0 + scale(v) * (x1 - x0);
  const span = (a: number | null, b: number | null) => (a === null || b === null ? null : [Math.min(x(a), x(b)), Math.abs(x(a) - x(b))] as const);
  const range = span(row.min, row.max);
  const middle = span(row.q1, row.q3);
  return (
    <g>
      {range && <rect x={range[0]} y={cy - 7} width={Math.max(1, range[1])} height={14} fill={RANGE_FILL} stroke={RANGE_STROKE} />}
      {middle && <rect x={middle[0]} y={cy - 7} width={Math.max(1, middle[1])} height={14} fill={MIDDLE_FILL} />}
      {row.england !== null && <line x1={x(row.england)} x2={x(row.england)} y1={cy - 12} y2={cy + 12} stroke={INK} strokeWidth={2} />}
      {showLondon && row.london !== null && <LondonDiamond cx={x(row.london)} cy={cy} />}
      {!row.suppressed && row.value !== null && <ComparisonMarker cx={x(row.value)} cy={cy} comparison={row.comparison} />}
    </g>
  );
}

export function LondonDiamond({ cx, cy }: { cx: number; cy: number }) {
  return <path d={`M${cx},${cy - 6} L${cx + 6},${cy} L${cx},${cy + 6} L${cx - 6},${cy} Z`} fill={CHART_COLOURS.background} stroke={INK} strokeWidth={1.5} />;
}

export function TextLines({ lines, x, lineHeight }: { lines: readonly string[]; x: number; lineHeight: number }) {
  return lines.map((line, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: a wrapped line is known by its position alone, its text can repeat
    <tspan key={i} x={x} dy={i === 0 ? 0 : lineHeight}>{line}</tspan>
  ));
}
