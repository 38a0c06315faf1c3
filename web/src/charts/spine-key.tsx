// The spine chart's key, laid out left to right and wrapped to the chart's width.
import type { ReactNode } from 'react';
import { ComparisonMarker } from './comparison-marker.tsx';
import { LondonDiamond, TextLines } from './spine-marks.tsx';
import { CHAR_WIDTH, INK, MIDDLE_FILL, RANGE_FILL, RANGE_STROKE, wrapWords } from './spine-style.ts';

export interface KeyItem { readonly label: string; readonly iconWidth: number; readonly icon: (x: number, cy: number) => ReactNode }

export function spineKey(areaName: string, peersLabel: string, showLondon: boolean, comparatorName: string): KeyItem[] {
  return [
    { label: `Range across ${peersLabel}, worst to best`, iconWidth: 28, icon: (x, cy) => <rect x={x} y={cy - 6} width={26} height={12} fill={RANGE_FILL} stroke={RANGE_STROKE} /> },
    { label: 'Middle half (25th to 75th percentile)', iconWidth: 28, icon: (x, cy) => <rect x={x} y={cy - 6} width={26} height={12} fill={MIDDLE_FILL} /> },
    { label: 'England', iconWidth: 10, icon: (x, cy) => <line x1={x + 4} x2={x + 4} y1={cy - 9} y2={cy + 9} stroke={INK} strokeWidth={2} /> },
    ...(showLondon ? [{ label: 'London', iconWidth: 14, icon: (x: number, cy: number) => <LondonDiamond cx={x + 7} cy={cy} /> }] : []),
    {
      label: `${areaName}: ▲ better, ● similar, ▼ worse than ${comparatorName}`,
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
export function flowKey(items: readonly KeyItem[], width: number): { items: ReactNode; height: number } {
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
