import { BENCHMARK_COMPARISON_LABELS, type BenchmarkComparison } from '@pathfinder/metrics';
import { CHART_COLOURS, NHS_COLOURS } from './palette.ts';

/**
 * Colours for comparison outcomes: a blue/orange scheme that stays distinct with red–green colour
 * blindness (Fingertips' "quintiles"-safe alternative), purple for no-judgement higher/lower, white
 * for not compared. Every use also shows the label or a symbol, so colour is never the only cue.
 */
const COMPARISON_COLOURS: Record<BenchmarkComparison, { fill: string; text: string; symbol: string }> = {
  'much-better': { fill: '#084594', text: '#ffffff', symbol: '▲▲' },
  better: { fill: '#4292c6', text: '#000000', symbol: '▲' },
  similar: { fill: '#ffd966', text: '#000000', symbol: '●' },
  worse: { fill: '#f28e2b', text: '#000000', symbol: '▼' },
  'much-worse': { fill: '#a63603', text: '#ffffff', symbol: '▼▼' },
  // Outline triangles: "higher" must not read as "better" where the colours merge (deuteranopia).
  'much-higher': { fill: '#3f007d', text: '#ffffff', symbol: '△△' },
  higher: { fill: '#807dba', text: '#000000', symbol: '△' },
  lower: { fill: '#bcbddc', text: '#000000', symbol: '▽' },
  'much-lower': { fill: '#dadaeb', text: '#000000', symbol: '▽▽' },
  'not-compared': { fill: '#ffffff', text: '#212b32', symbol: '–' },
};

/** Each comparison's colours and symbol, with its label from the one vocabulary in metrics. */
export const COMPARISON_STYLE = Object.fromEntries(
  Object.entries(COMPARISON_COLOURS).map(([comparison, style]) => [comparison, { ...style, label: BENCHMARK_COMPARISON_LABELS[comparison as BenchmarkComparison] }]),
) as Record<BenchmarkComparison, { fill: string; text: string; label: string; symbol: string }>;

export const SUPPRESSED_STYLE = { fill: '#d8dde0', text: '#212b32', label: 'Suppressed (small numbers)', symbol: '*' };

/** Colours for SPC point types (Making Data Count: orange concern, blue improvement, purple neutral, grey common cause). */
export const SPC_COLOURS = {
  common_cause: '#768692',
  special_cause_improvement: '#00a3ff',
  special_cause_concern: '#e46c0a',
  special_cause_neutral_high: '#7030a0',
  special_cause_neutral_low: '#7030a0',
} as const;

export const SERIES_COLOURS = { value: NHS_COLOURS.blue, ci: CHART_COLOURS.paleBlue, comparator: NHS_COLOURS.black, target: NHS_COLOURS.green, limit: NHS_COLOURS.grey2, icb: CHART_COLOURS.purple } as const;

/** The dash of the chosen ICB's line on an area's trend: dash-dot, unlike every other line there, so the legend tells it apart without colour. */
export const ICB_LINE_DASH = '10 3 2 3';

/**
 * An interrupted time series on a trend: the fitted segments (solid) and the counterfactual (dashed).
 * Both stand out from the blue value line and reach 3:1 against white (WCAG 1.4.11); the dash, not the
 * colour, tells them apart.
 */
export const ITS_COLOURS = { fitted: CHART_COLOURS.darkOrange, counterfactual: CHART_COLOURS.purple } as const;
