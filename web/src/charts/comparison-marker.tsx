import type { BenchmarkComparison } from '@pathfinder/metrics';
import { COMPARISON_STYLE } from '../theme/comparison-colours.ts';
import { CHART_COLOURS } from '../theme/palette.ts';

const UP = new Set<BenchmarkComparison>(['much-better', 'better', 'much-higher', 'higher']);
const DOWN = new Set<BenchmarkComparison>(['much-worse', 'worse', 'much-lower', 'lower']);

/** The shape that carries a comparison besides its colour: ▲ better or higher, ▼ worse or lower, ● similar, ■ not compared. */
const markerShape = (c: BenchmarkComparison): 'up' | 'down' | 'circle' | 'square' => (UP.has(c) ? 'up' : DOWN.has(c) ? 'down' : c === 'similar' ? 'circle' : 'square');

/** One SVG mark in the comparison's colour and shape, outlined so it shows on any background. */
export function ComparisonMarker({ cx, cy, comparison, size = 7 }: { cx: number; cy: number; comparison: BenchmarkComparison; size?: number }) {
  const style = COMPARISON_STYLE[comparison];
  const common = { fill: style.fill, stroke: CHART_COLOURS.ink, strokeWidth: 1.25, 'data-comparison': comparison };
  switch (markerShape(comparison)) {
    case 'up':
      return <path d={`M${cx},${cy - size} L${cx + size},${cy + size * 0.8} L${cx - size},${cy + size * 0.8} Z`} {...common} />;
    case 'down':
      return <path d={`M${cx},${cy + size} L${cx + size},${cy - size * 0.8} L${cx - size},${cy - size * 0.8} Z`} {...common} />;
    case 'circle':
      return <circle cx={cx} cy={cy} r={size * 0.8} {...common} />;
    case 'square':
      return <rect x={cx - size * 0.7} y={cy - size * 0.7} width={size * 1.4} height={size * 1.4} {...common} />;
  }
}
