import type { BenchmarkComparison, Polarity } from '@pathfinder/metrics';
import type { FunnelData } from '../api/api-types.ts';

export type FunnelSignificance = FunnelData['points'][number]['significance'];

export const FUNNEL_SIGNIFICANCES: readonly FunnelSignificance[] = ['high-99.8', 'high-95', 'none', 'low-95', 'low-99.8'];

const JUDGEMENT: Record<Polarity, Record<FunnelSignificance, BenchmarkComparison>> = {
  'higher-better': { 'high-99.8': 'much-better', 'high-95': 'better', none: 'similar', 'low-95': 'worse', 'low-99.8': 'much-worse' },
  'lower-better': { 'high-99.8': 'much-worse', 'high-95': 'worse', none: 'similar', 'low-95': 'better', 'low-99.8': 'much-better' },
  'no-judgement': { 'high-99.8': 'much-higher', 'high-95': 'higher', none: 'similar', 'low-95': 'lower', 'low-99.8': 'much-lower' },
};

const POSITION: Record<FunnelSignificance, string> = {
  'high-99.8': 'Above the upper 99.8% limit',
  'high-95': 'Above the upper 95% limit',
  none: 'Within the 95% limits',
  'low-95': 'Below the lower 95% limit',
  'low-99.8': 'Below the lower 99.8% limit',
};

/** What a funnel position means for this indicator's polarity, as a comparison outcome (for colour and symbol). */
export const significanceComparison = (s: FunnelSignificance, polarity: Polarity): BenchmarkComparison => JUDGEMENT[polarity][s];

/** The position in words, with its judgement: "Below the lower 95% limit (worse)". */
export function significanceLabel(s: FunnelSignificance, polarity: Polarity): string {
  if (s === 'none') return POSITION.none;
  const comparison = significanceComparison(s, polarity);
  const judgement = comparison.includes('better') ? 'better' : comparison.includes('worse') ? 'worse' : comparison.includes('higher') ? 'higher' : 'lower';
  return `${POSITION[s]} (${judgement})`;
}
