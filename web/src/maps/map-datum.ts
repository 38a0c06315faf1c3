import type { BenchmarkComparison } from '@pathfinder/metrics';
import { COMPARISON_STYLE, SUPPRESSED_STYLE } from '../theme/comparison-colours.ts';
import { colourFor } from '../theme/colour-scale.ts';

/** What a map shows for one borough (at ICB level, the ICB's figures on each of its boroughs). */
export interface MapDatum {
  readonly value: number | null;
  readonly lower95: number | null;
  readonly upper95: number | null;
  readonly comparison: BenchmarkComparison;
  readonly suppressed: boolean;
  readonly label: string;
}

const hexToRgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/** Fill colour of an area: by comparison outcome, or by value class; grey when suppressed or missing. */
export function mapFill(datum: MapDatum | undefined, colourBy: 'value' | 'comparison', breaks: readonly number[]): readonly [number, number, number] {
  if (!datum || datum.suppressed) return hexToRgb(SUPPRESSED_STYLE.fill);
  return colourBy === 'comparison' ? hexToRgb(COMPARISON_STYLE[datum.comparison].fill) : colourFor(datum.value, breaks);
}

/** The sentence a tooltip and a screen reader get for an area. */
export function describeArea(name: string, datum: MapDatum | undefined, unit: string): string {
  if (!datum) return `${name}: no data`;
  if (datum.suppressed) return `${name}: suppressed (small numbers)`;
  if (datum.value === null) return `${name}: no value`;
  const u = unit === '%' ? '%' : ` ${unit}`;
  return `${datum.label}: ${datum.value.toFixed(1)}${u} (95% CI ${datum.lower95?.toFixed(1)}–${datum.upper95?.toFixed(1)}), ${COMPARISON_STYLE[datum.comparison].label.toLowerCase()}`;
}
