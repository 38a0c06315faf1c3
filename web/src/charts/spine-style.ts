// What every part of the spine chart shares: its colours, font metrics and how it writes figures.
import { COMPARISON_STYLE, SUPPRESSED_STYLE } from '../theme/comparison-colours.ts';
import { formatWithUnit } from '../format/format-number.ts';
import { CHART_COLOURS, NHS_COLOURS } from '../theme/palette.ts';
import type { SpineRow } from './spine-chart.tsx';

export const INK = CHART_COLOURS.ink;

export const MUTED = CHART_COLOURS.muted;

export const LINK = NHS_COLOURS.blue;

export const FOCUS = CHART_COLOURS.focus;

export const RULE = CHART_COLOURS.grid;

export const RANGE_FILL = CHART_COLOURS.paleGrey;

export const RANGE_STROKE = NHS_COLOURS.grey2;

export const MIDDLE_FILL = NHS_COLOURS.grey2;

export const FONT = 'Arial, Helvetica, sans-serif';

/** Below this width the columns stack: name, then spine, then the figures in words. */
export const WIDE_FROM = 1000;

/** Average Arial glyph width as a share of the font size, to wrap and place text without measuring it. */
export const CHAR_WIDTH = 0.56;

export const formatValue = (v: number | null, unit: string) => formatWithUnit(v, unit === '%' ? '%' : '');

export const unitLabel = (unit: string) => (unit === '%' ? 'percentage' : unit);

export const comparisonText = (row: SpineRow) => (row.suppressed ? `${SUPPRESSED_STYLE.symbol} Suppressed` : `${COMPARISON_STYLE[row.comparison].symbol} ${COMPARISON_STYLE[row.comparison].label}`);

export function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}
