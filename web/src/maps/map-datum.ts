import type { BenchmarkComparison } from '@pathfinder/metrics';
import { COMPARISON_STYLE, SUPPRESSED_STYLE } from '../theme/comparison-colours.ts';
import { classOf, colourFor, VALUE_CLASS_COUNT } from '../theme/colour-scale.ts';
import { formatValueWithInterval } from '../format/format-interval.ts';

/** What a map shows for one area. */
export interface MapDatum {
  readonly value: number | null;
  readonly lower95: number | null;
  readonly upper95: number | null;
  readonly comparison: BenchmarkComparison;
  readonly suppressed: boolean;
  /** The area's name as the view words it; the start of what a screen reader hears. */
  readonly label: string;
  /** The source's note on the value ("excluded for data quality", a merged area), said after it. */
  readonly note?: string | null;
}

/** What every map drawing (boundaries or tile grid) takes besides its shapes. */
export interface MapDrawingProps {
  data: ReadonlyMap<string, MapDatum>;
  unit: string;
  colourBy: 'value' | 'comparison';
  /** One area, or several (Explore's cross-filter), outlined and pressed. */
  selected?: string | readonly string[] | undefined;
  onSelect?: ((code: string) => void) | undefined;
  /** Class breaks for value colouring, e.g. fixed across the weeks of an animation; default equal breaks of `data`. */
  breaks?: readonly number[] | undefined;
  /** A value as text without its unit (default one decimal). */
  formatValue?: ((value: number) => string) | undefined;
}

/** Whether `code` is the selected area or one of them. */
export const isSelectedIn = (selected: MapDrawingProps['selected'], code: string) => (typeof selected === 'string' ? code === selected : selected?.includes(code) ?? false);

const hexToRgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/** Fill colour of an area: by comparison outcome, or by value class; grey when suppressed or missing. */
export function mapFill(datum: MapDatum | undefined, colourBy: 'value' | 'comparison', breaks: readonly number[]): readonly [number, number, number] {
  if (!datum || datum.suppressed) return hexToRgb(SUPPRESSED_STYLE.fill);
  return colourBy === 'comparison' ? hexToRgb(COMPARISON_STYLE[datum.comparison].fill) : colourFor(datum.value, breaks);
}

/**
 * What an area shows besides its colour, so that colour is never the only cue (WCAG 1.4.1): the
 * comparison's symbol (as in the overview and the bars), or the value class as rising bars
 * (`steps`, 1 to 5), or `*` when suppressed; nothing where there is no value.
 */
export type MapMark = { readonly kind: 'symbol'; readonly text: string } | { readonly kind: 'steps'; readonly count: number } | null;

export function mapMark(datum: MapDatum | undefined, colourBy: 'value' | 'comparison', breaks: readonly number[]): MapMark {
  if (!datum) return null;
  if (datum.suppressed) return { kind: 'symbol', text: SUPPRESSED_STYLE.symbol };
  if (colourBy === 'comparison') return { kind: 'symbol', text: COMPARISON_STYLE[datum.comparison].symbol };
  const k = classOf(datum.value, breaks);
  return k === null ? null : { kind: 'steps', count: Math.min(k, VALUE_CLASS_COUNT - 1) + 1 };
}

/**
 * The sentence a tooltip and a screen reader get for an area. It begins with the text the map
 * shows on the area (WCAG 2.5.3, label in name): an abbreviation comes first when the name does
 * not begin with it.
 */
export function describeArea({ name, shown, datum, unit, colourBy, formatValue }: {
  name: string;
  /** Text drawn on the area, if any. */
  shown: string | null;
  datum: MapDatum | undefined;
  unit: string;
  colourBy: 'value' | 'comparison';
  formatValue: (value: number) => string;
}): string {
  const label = datum?.label ?? name;
  const prefix = shown === null || label.startsWith(shown) ? '' : `${shown}, `;
  if (!datum) return `${prefix}${label}: no data`;
  if (datum.suppressed) return `${prefix}${label}: suppressed (small numbers)`;
  const note = datum.note ? ` (${datum.note})` : '';
  if (datum.value === null) return `${prefix}${label}: no value${note}`;
  const judgement = colourBy === 'value' && datum.comparison === 'not-compared' ? '' : `, ${COMPARISON_STYLE[datum.comparison].label.toLowerCase()}`;
  return `${prefix}${label}: ${formatValueWithInterval(datum.value, datum.lower95, datum.upper95, { unit, format: formatValue })}${judgement}${note}`;
}
