import { useId, useState, type MouseEvent, } from 'react';
import type { BenchmarkComparison, Polarity } from '@pathfinder/metrics';
import { useElementSize } from '../maps/use-element-size.ts';
import { useNavigate } from '@tanstack/react-router';
import { COMPARISON_STYLE, } from '../theme/comparison-colours.ts';
import { worstAndBest } from './spine-scale.ts';
import { formatValueWithInterval } from '../format/format-interval.ts';
import { flowKey, spineKey } from './spine-key.tsx';
import { narrowLayout, wideLayout, type Layout } from './spine-layout.tsx';
import { FOCUS, FONT, formatValue, INK, WIDE_FROM } from './spine-style.ts';

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
  /** Compared with the chart's comparator. */
  readonly comparison: BenchmarkComparison;
  readonly trend: string;
}

/**
 * Fingertips-style spine chart of an area's indicators: per row, the range across the area's peers
 * (light bar worst to best, darker middle half), England as the centre line, London as a diamond and
 * the area as a symbol coloured and shaped by its comparison with the comparator (England, London or its ICB). Each row is scaled on its
 * own so that better is to the right. One SVG (data-export) so the panel's PNG/SVG export takes it
 * whole; the indicator names are links, and each carries the row's figures as its description.
 */
export function SpineChart({ rows, title, description, areaName, peersLabel, showLondon, comparatorName }: {
  rows: readonly SpineRow[];
  title: string;
  description: string;
  areaName: string;
  /** Who the range is across, e.g. "London's boroughs". */
  peersLabel: string;
  /** False on London's own profile, where London is the area. */
  showLondon: boolean;
  /** What each row's comparison is against. */
  comparatorName: string;
}) {
  const [ref, { width }] = useElementSize<HTMLDivElement>();
  const ids = useId();
  const [focused, setFocused] = useState<string | null>(null);
  const chartWidth = Math.max(280, Math.floor(width));
  const layout = width >= WIDE_FROM ? wideLayout(chartWidth, showLondon, comparatorName) : narrowLayout(chartWidth, showLondon, comparatorName);
  const keyItems = spineKey(areaName, peersLabel, showLondon, comparatorName);
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
            <SpineRowMarks key={row.id} row={row} top={top} layout={layout} showLondon={showLondon} peersLabel={peersLabel} comparatorName={comparatorName} focused={focused === row.id} descId={`${ids}-${row.id}`}
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

const TARGET_PX = 24;

function SpineRowMarks({ row, top, layout, showLondon, peersLabel, comparatorName, focused, descId, onFocus, onBlur }: {
  row: SpineRow; top: number; layout: Layout; showLondon: boolean; peersLabel: string; comparatorName: string; focused: boolean; descId: string; onFocus: () => void; onBlur: () => void;
}) {
  const { name, nameBox, marks } = layout.row(row, top, focused);
  const summary = rowSummary(row, showLondon, peersLabel, comparatorName);
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
        {/* The link's target is at least 24 px tall (WCAG 2.2 2.5.8), however small its text. */}
        <rect x={nameBox.x} y={nameBox.y + Math.min(0, nameBox.height - TARGET_PX) / 2} width={nameBox.width} height={Math.max(TARGET_PX, nameBox.height)} fill="transparent" />
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

function rowSummary(row: SpineRow, showLondon: boolean, peersLabel: string, comparatorName: string): string {
  const v = (n: number | null) => formatValue(n, row.unit);
  const { worst, best } = worstAndBest(row);
  const ends = row.polarity === 'no-judgement' ? `lowest ${v(worst)}, highest ${v(best)}` : `worst ${v(worst)}, best ${v(best)}`;
  const value = row.suppressed ? 'suppressed (small numbers)' : row.value === null ? 'no value' : formatValueWithInterval(row.value, row.lower95, row.upper95, { unit: row.unit === '%' ? '%' : '' });
  const compared = row.suppressed ? '' : ` ${COMPARISON_STYLE[row.comparison].label} compared with ${comparatorName}.`;
  return `${row.period}: ${value}.${compared} England ${v(row.england)}.${showLondon ? ` London ${v(row.london)}.` : ''} Across ${peersLabel}: ${ends}. Recent trend: ${row.trend.replace(/^[↑↓→] /, '').toLowerCase()}.`;
}

