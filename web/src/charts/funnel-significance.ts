import { funnelComparison, type FunnelSignificance, type Polarity } from '@pathfinder/metrics';

const POSITION: Record<FunnelSignificance, string> = {
  'high-99.8': 'Above the upper 99.8% limit',
  'high-95': 'Above the upper 95% limit',
  none: 'Within the 95% limits',
  'low-95': 'Below the lower 95% limit',
  'low-99.8': 'Below the lower 99.8% limit',
};

/** The position in words, with its judgement: "Below the lower 95% limit (worse)". */
export function significanceLabel(s: FunnelSignificance, polarity: Polarity): string {
  if (s === 'none') return POSITION.none;
  const comparison = funnelComparison(s, polarity);
  const judgement = comparison.includes('better') ? 'better' : comparison.includes('worse') ? 'worse' : comparison.includes('higher') ? 'higher' : 'lower';
  return `${POSITION[s]} (${judgement})`;
}
