import { useId, useState, type MouseEvent, type ReactNode } from 'react';
import type { BenchmarkComparison, Polarity } from '@pathfinder/metrics';
import { useElementSize } from '../maps/use-element-size.ts';
import { useNavigate } from '@tanstack/react-router';
import { COMPARISON_STYLE, SUPPRESSED_STYLE } from '../theme/comparison-colours.ts';
import { ComparisonMarker } from './comparison-marker.tsx';
import { spineScale, worstAndBest } from './spine-scale.ts';
import { formatValueWithInterval } from '../format/format-interval.ts';
import { formatWithUnit } from '../format/format-number.ts';
import { CHART_COLOURS, NHS_COLOURS } from '../theme/palette.ts';

/** One indicator of an area profile, as the spine chart draws it. */
export interface SpineRow {
  readonly id: string;
  readonly name: string;
  /** Where the indicator name links to: an address the router built, which it follows in-app. */
  readonly to: string;
  readonly period: string;
  readonly unit: string;
  readonly polarity: Polarity;
  readonly value: number | null;
  readonly lower95: number | null;
  readonly upper95: number | null;
  readonly suppressed: boolean;
  readonly london: number | null;
  readonly england: number | null;
  readonly min: number | null;
  readonly q1: number | null;
  readonly q3: number | null;
  readonly max: number | null;
  /** Compared with England. */
  readonly comparison: BenchmarkComparison;
  readonly trend: string;
}

const INK = CHART_COLOURS.ink;
const MUTED = CHART_COLOURS.muted;
const LINK = NHS_COLOURS.blue;
const FOCUS = CHART_COLOURS.focus;
const RULE = CHART_COLOURS.grid;
const RANGE_FILL = CHART_COLOURS.paleGrey;
const RANGE_STROKE = NHS_COLOURS.grey2;
const MIDDLE_FILL = NHS_COLOURS.grey2;
const FONT = 'Arial, Helvetica, sans-serif';
/** Below this width the columns stack: name, then spine, then the figures in words. */
const WIDE_FROM = 1000;
/** Average Arial glyph width as a share of the font size, to wrap and place text without measuring it. */
const CHAR_WIDTH = 0.56;

const formatValue = (v: number | null, unit: string) => formatWithUnit(v, unit === '%' ? '%' : '');
const unitLabel = (unit: string) => (unit === '%' ? 'percentage' : unit);

/**
 * Fingertips-style spine chart of an area's indicators: per row, the range across the area's peers
 * (light bar worst to best, darker middle half), England as the centre line, London as a diamond and
 * the area as a symbol coloured and shaped by its comparison with England. Each row is scaled on its
 * own so that better is to the right. One SVG (data-export) so the panel's PNG/SVG export takes it
 * whole; the indicator names are links, and each carries the row's figures as its description.
 */
export function SpineChart({ rows, title, description, areaName, peersLabel, showLondon }: {
  rows: readonly SpineRow[];
  title: string;
  description: string;
  areaName: string;
  /** Who the range is across, e.g. "London's boroughs". */
  peersLabel: string;
  /** False on London's own profile, where London is the area. */
  showLondon: boolean;
}) {
  const [ref, { width }] = useElementSize<HTMLDivElement>();
  const ids = useId();
  const [focused, setFocused] = useState<string | null>(null);
  const chartWidth = Math.max(280, Math.floor(width));
  const layout = width >= WIDE_FROM ? wideLayout(chartWidth, showLondon) : narrowLayout(chartWidth, showLondon);
  const keyItems = spineKey(areaName, peersLabel, showLondon);
  const placedKey = flowKey(keyItems, chartWidth);
  let y = layout.headerHeight;
  const placedRows = rows.map((row) => {
    const top = y;
    y += layout.rowHeight(row);
    return { row, top };
  });
  const keyTop = y + 12;
  const height = keyTop + placedKey.height + 4;
  return (
    <div ref={ref} className="spine-chart">
      {width > 0 && (
        // biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset>; role="group" keeps the row links inside reachable, which role="img" would not
        <svg data-export role="group" aria-labelledby={`${ids}-title`} aria-describedby={`${ids}-desc`} width={chartWidth} height={height} viewBox={`0 0 ${chartWidth} ${height}`} fontFamily={FONT}>
          <title id={`${ids}-title`}>{title}</title>
          <desc id={`${ids}-desc`}>{description}</desc>
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> is not focusable; Biome treats SVG elements as interactive */}
          <g aria-hidden="true">{layout.header()}</g>
          {placedRows.map(({ row, top }) => (
            <SpineRowMarks key={row.id} row={row} top={top} layout={layout} showLondon={showLondon} peersLabel={peersLabel} focused={focused === row.id} descId={`${ids}-${row.id}`}
              onFocus={() => setFocused(row.id)} onBlur={() => setFocused((f) => (f === row.id ? null : f))} />
          ))}
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> is not focusable; Biome treats SVG elements as interactive */}
          <g aria-hidden="true" transform={`translate(0 ${keyTop})`}>
            {placedKey.items}
          </g>
        </svg>
      )}
    </div>
  );
}

interface Layout {
  readonly headerHeight: number;
  readonly rowHeight: (row: SpineRow) => number;
  readonly header: () => ReactNode;
  readonly row: (row: SpineRow, top: number, focused: boolean) => { name: ReactNode; nameBox: { x: number; y: number; width: number; height: number }; marks: ReactNode };
}

function wideLayout(width: number, showLondon: boolean): Layout {
  const nameWidth = width >= 1150 ? 300 : 260;
  const valueX = nameWidth + 72;
  const londonX = showLondon ? valueX + 72 : valueX;
  const englandX = londonX + 72;
  const trendWidth = 180, comparisonWidth = 170;
  const spine: [number, number] = [englandX + 28, width - trendWidth - comparisonWidth - 20];
  const comparisonX = spine[1] + 20, trendX = comparisonX + comparisonWidth;
  const ROW = 42;
  const head = (x: number, text: string, anchor: 'start' | 'end' | 'middle' = 'start') => <text x={x} y={18} fontSize={12.5} fontWeight={700} fill={INK} textAnchor={anchor}>{text}</text>;
  return {
    headerHeight: 30,
    rowHeight: () => ROW,
    header: () => (
      <>
        {head(0, 'Indicator')}
        {head(valueX, 'Value', 'end')}
        {showLondon && head(londonX, 'London', 'end')}
        {head(englandX, 'England', 'end')}
        {head(spine[0], '◀ Worse', 'start')}
        {head((spine[0] + spine[1]) / 2, 'England', 'middle')}
        {head(spine[1], 'Better ▶', 'end')}
        {head(comparisonX, 'Compared with England')}
        {head(trendX, 'Recent trend')}
        <line x1={0} x2={width} y1={29} y2={29} stroke={INK} strokeWidth={1.5} />
      </>
    ),
    row: (row, top, focused) => {
      const nameWidthPx = Math.min(nameWidth - 8, row.name.length * 13 * CHAR_WIDTH);
      return {
        name: <text x={0} y={top + 18} fontSize={13} fill={focused ? INK : LINK} textDecoration="underline">{row.name}</text>,
        nameBox: { x: -3, y: top + 4, width: nameWidthPx + 6, height: 19 },
        marks: (
          <>
            <text x={0} y={top + 34} fontSize={11.5} fill={MUTED}>{row.period} · {unitLabel(row.unit)}</text>
            <text x={valueX} y={top + 25} fontSize={13} fontWeight={700} fill={INK} textAnchor="end">{row.suppressed ? '*' : formatValue(row.value, row.unit)}</text>
            {showLondon && <text x={londonX} y={top + 25} fontSize={13} fill={INK} textAnchor="end">{formatValue(row.london, row.unit)}</text>}
            <text x={englandX} y={top + 25} fontSize={13} fill={INK} textAnchor="end">{formatValue(row.england, row.unit)}</text>
            <SpineMarks row={row} x0={spine[0]} x1={spine[1]} cy={top + ROW / 2} showLondon={showLondon} />
            <text x={comparisonX} y={top + 25} fontSize={12.5} fill={INK}>{comparisonText(row)}</text>
            <text x={trendX} y={top + 25} fontSize={12.5} fill={INK}>{row.trend}</text>
            <line x1={0} x2={width} y1={top + ROW} y2={top + ROW} stroke={RULE} />
          </>
        ),
      };
    },
  };
}

function narrowLayout(width: number, showLondon: boolean): Layout {
  const nameChars = Math.floor(width / (13 * CHAR_WIDTH));
  const infoChars = Math.floor(width / (12 * CHAR_WIDTH));
  const spine: [number, number] = [10, width - 10];
  const infoLines = (row: SpineRow) => {
    const figures = `Value ${row.suppressed ? 'suppressed' : formatValue(row.value, row.unit)}${showLondon ? ` · London ${formatValue(row.london, row.unit)}` : ''} · England ${formatValue(row.england, row.unit)}`;
    const judged = `${comparisonText(row)} · ${row.trend}`;
    return [...wrapWords(figures, infoChars), ...(judged.length <= infoChars ? [judged] : [comparisonText(row), row.trend])];
  };
  const SPINE_BAND = 30, LINE = 16, INFO_LINE = 15;
  const spineOffset = (row: SpineRow) => 8 + wrapWords(row.name, nameChars).length * LINE + 4;
  const rowHeight = (row: SpineRow) => spineOffset(row) + SPINE_BAND + infoLines(row).length * INFO_LINE + 10;
  return {
    headerHeight: 26,
    rowHeight,
    header: () => (
      <>
        <text x={spine[0]} y={16} fontSize={12.5} fontWeight={700} fill={INK}>◀ Worse</text>
        <text x={(spine[0] + spine[1]) / 2} y={16} fontSize={12.5} fontWeight={700} fill={INK} textAnchor="middle">England</text>
        <text x={spine[1]} y={16} fontSize={12.5} fontWeight={700} fill={INK} textAnchor="end">Better ▶</text>
        <line x1={0} x2={width} y1={25} y2={25} stroke={INK} strokeWidth={1.5} />
      </>
    ),
    row: (row, top, focused) => {
      const names = wrapWords(row.name, nameChars);
      const spineTop = top + spineOffset(row);
      const info = infoLines(row);
      const longest = Math.max(...names.map((n) => n.length));
      return {
        name: <text x={0} y={top + 20} fontSize={13} fill={focused ? INK : LINK} textDecoration="underline"><TextLines lines={names} x={0} lineHeight={LINE} /></text>,
        nameBox: { x: -3, y: top + 6, width: Math.min(width, longest * 13 * CHAR_WIDTH + 6), height: names.length * LINE + 4 },
        marks: (
          <>
            <SpineMarks row={row} x0={spine[0]} x1={spine[1]} cy={spineTop + SPINE_BAND / 2} showLondon={showLondon} />
            <text x={0} y={spineTop + SPINE_BAND + 12} fontSize={12} fill={INK}><TextLines lines={info} x={0} lineHeight={INFO_LINE} /></text>
            <line x1={0} x2={width} y1={top + rowHeight(row)} y2={top + rowHeight(row)} stroke={RULE} />
          </>
        ),
      };
    },
  };
}

function SpineRowMarks({ row, top, layout, showLondon, peersLabel, focused, descId, onFocus, onBlur }: {
  row: SpineRow; top: number; layout: Layout; showLondon: boolean; peersLabel: string; focused: boolean; descId: string; onFocus: () => void; onBlur: () => void;
}) {
  const { name, nameBox, marks } = layout.row(row, top, focused);
  const summary = rowSummary(row, showLondon, peersLabel);
  const navigate = useNavigate();
  const follow = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void navigate({ href: row.to });
  };
  return (
    <g data-indicator={row.id}>
      <desc id={descId}>{summary}</desc>
      {focused && (
        // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <rect> is not focusable; Biome treats SVG elements as interactive
        <rect {...nameBox} fill={FOCUS} stroke={INK} strokeWidth={2} aria-hidden="true" />
      )}
      <a href={row.to} onClick={follow} onFocus={onFocus} onBlur={onBlur} aria-describedby={descId}>
        {name}
      </a>
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> is not focusable; Biome treats SVG elements as interactive */}
      <g aria-hidden="true">
        <title>{summary}</title>
        {marks}
      </g>
    </g>
  );
}

/** The bars, the England line, the London diamond and the area's symbol for one row between x0 and x1. */
function SpineMarks({ row, x0, x1, cy, showLondon }: { row: SpineRow; x0: number; x1: number; cy: number; showLondon: boolean }) {
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

function LondonDiamond({ cx, cy }: { cx: number; cy: number }) {
  return <path d={`M${cx},${cy - 6} L${cx + 6},${cy} L${cx},${cy + 6} L${cx - 6},${cy} Z`} fill={CHART_COLOURS.background} stroke={INK} strokeWidth={1.5} />;
}

const comparisonText = (row: SpineRow) => (row.suppressed ? `${SUPPRESSED_STYLE.symbol} Suppressed` : `${COMPARISON_STYLE[row.comparison].symbol} ${COMPARISON_STYLE[row.comparison].label}`);

function rowSummary(row: SpineRow, showLondon: boolean, peersLabel: string): string {
  const v = (n: number | null) => formatValue(n, row.unit);
  const { worst, best } = worstAndBest(row);
  const ends = row.polarity === 'no-judgement' ? `lowest ${v(worst)}, highest ${v(best)}` : `worst ${v(worst)}, best ${v(best)}`;
  const value = row.suppressed ? 'suppressed (small numbers)' : row.value === null ? 'no value' : formatValueWithInterval(row.value, row.lower95, row.upper95, { unit: row.unit === '%' ? '%' : '' });
  const compared = row.suppressed ? '' : ` ${COMPARISON_STYLE[row.comparison].label} compared with England.`;
  return `${row.period}: ${value}.${compared} England ${v(row.england)}.${showLondon ? ` London ${v(row.london)}.` : ''} Across ${peersLabel}: ${ends}. Recent trend: ${row.trend.replace(/^[↑↓→] /, '').toLowerCase()}.`;
}

interface KeyItem { readonly label: string; readonly iconWidth: number; readonly icon: (x: number, cy: number) => ReactNode }

function spineKey(areaName: string, peersLabel: string, showLondon: boolean): KeyItem[] {
  return [
    { label: `Range across ${peersLabel}, worst to best`, iconWidth: 28, icon: (x, cy) => <rect x={x} y={cy - 6} width={26} height={12} fill={RANGE_FILL} stroke={RANGE_STROKE} /> },
    { label: 'Middle half (25th to 75th percentile)', iconWidth: 28, icon: (x, cy) => <rect x={x} y={cy - 6} width={26} height={12} fill={MIDDLE_FILL} /> },
    { label: 'England', iconWidth: 10, icon: (x, cy) => <line x1={x + 4} x2={x + 4} y1={cy - 9} y2={cy + 9} stroke={INK} strokeWidth={2} /> },
    ...(showLondon ? [{ label: 'London', iconWidth: 14, icon: (x: number, cy: number) => <LondonDiamond cx={x + 7} cy={cy} /> }] : []),
    {
      label: `${areaName}: ▲ better, ● similar, ▼ worse than England`,
      iconWidth: 50,
      icon: (x, cy) => (
        <>
          <ComparisonMarker cx={x + 7} cy={cy} comparison="better" size={6} />
          <ComparisonMarker cx={x + 24} cy={cy} comparison="similar" size={6} />
          <ComparisonMarker cx={x + 41} cy={cy} comparison="worse" size={6} />
        </>
      ),
    },
  ];
}

/** Lays key items left to right, wrapping to a new line when the next would not fit, and wrapping a label longer than the width. */
function flowKey(items: readonly KeyItem[], width: number): { items: ReactNode; height: number } {
  const LINE = 22, GAP = 20, FONT_SIZE = 12, TEXT_LINE = 15;
  let x = 0, top = 0, lineHeight = LINE;
  const placed = items.map((item) => {
    const labelRoom = width - item.iconWidth - 6;
    const labelLines = wrapWords(item.label, Math.floor(labelRoom / (FONT_SIZE * CHAR_WIDTH)));
    const itemWidth = item.iconWidth + 6 + Math.max(...labelLines.map((l) => l.length)) * FONT_SIZE * CHAR_WIDTH;
    const itemHeight = LINE + (labelLines.length - 1) * TEXT_LINE;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      top += lineHeight;
      lineHeight = LINE;
    }
    lineHeight = Math.max(lineHeight, itemHeight);
    const cy = top + 10;
    const node = (
      <g key={item.label}>
        {item.icon(x, cy)}
        <text x={x + item.iconWidth + 6} y={cy + 4} fontSize={FONT_SIZE} fill={INK}>
          <TextLines lines={labelLines} x={x + item.iconWidth + 6} lineHeight={TEXT_LINE} />
        </text>
      </g>
    );
    x += itemWidth + GAP;
    return node;
  });
  return { items: placed, height: top + lineHeight };
}

function TextLines({ lines, x, lineHeight }: { lines: readonly string[]; x: number; lineHeight: number }) {
  return lines.map((line, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: a wrapped line is known by its position alone, its text can repeat
    <tspan key={i} x={x} dy={i === 0 ? 0 : lineHeight}>{line}</tspan>
  ));
}

function wrapWords(text: string, maxChars: number): string[] {
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
