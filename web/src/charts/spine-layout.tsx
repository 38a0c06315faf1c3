// Where each part of a spine row goes: columns side by side on wide screens, stacked on narrow ones.
import type { ReactNode } from 'react';
import type { SpineRow } from './spine-chart.tsx';
import { SpineMarks, TextLines } from './spine-marks.tsx';
import { CHAR_WIDTH, comparisonText, formatValue, INK, LINK, MUTED, RULE, unitLabel, wrapWords } from './spine-style.ts';

export interface Layout {
  readonly headerHeight: number;
  readonly rowHeight: (row: SpineRow) => number;
  readonly header: () => ReactNode;
  readonly row: (row: SpineRow, top: number, focused: boolean) => { name: ReactNode; nameBox: { x: number; y: number; width: number; height: number }; marks: ReactNode };
}

export function wideLayout(width: number, showLondon: boolean, comparatorName: string): Layout {
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
        {head(comparisonX, `Compared with ${comparatorName}`)}
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

export function narrowLayout(width: number, showLondon: boolean, comparatorName: string): Layout {
  const nameChars = Math.floor(width / (13 * CHAR_WIDTH));
  const infoChars = Math.floor(width / (12 * CHAR_WIDTH));
  const spine: [number, number] = [10, width - 10];
  const infoLines = (row: SpineRow) => {
    const figures = `Value ${row.suppressed ? 'suppressed' : formatValue(row.value, row.unit)}${showLondon ? ` · London ${formatValue(row.london, row.unit)}` : ''} · England ${formatValue(row.england, row.unit)}`;
    const compared = `${comparisonText(row)} vs ${comparatorName}`;
    const judged = `${compared} · ${row.trend}`;
    return [...wrapWords(figures, infoChars), ...(judged.length <= infoChars ? [judged] : [compared, row.trend])];
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
