import type { TrendData } from '../api/api-types.ts';
import { SPC_COLOURS } from '../theme/comparison-colours.ts';
import { CHART_COLOURS } from '../theme/palette.ts';

export const VARIATION_TEXT: Record<string, { label: string; colour: string; letter: string }> = {
  'common-cause': { label: 'Common cause variation: no significant change', colour: SPC_COLOURS.common_cause, letter: '~' },
  improvement: { label: 'Special cause variation: improvement', colour: SPC_COLOURS.special_cause_improvement, letter: '↑' },
  concern: { label: 'Special cause variation: concern', colour: SPC_COLOURS.special_cause_concern, letter: '!' },
  'neutral-high': { label: 'Special cause variation: higher (no judgement)', colour: SPC_COLOURS.special_cause_neutral_high, letter: 'H' },
  'neutral-low': { label: 'Special cause variation: lower (no judgement)', colour: SPC_COLOURS.special_cause_neutral_low, letter: 'L' },
};
export const ASSURANCE_TEXT: Record<string, { label: string; colour: string; letter: string }> = {
  pass: { label: 'Assurance: the process will consistently meet the target', colour: SPC_COLOURS.special_cause_improvement, letter: 'P' },
  fail: { label: 'Assurance: the process will consistently fail the target', colour: SPC_COLOURS.special_cause_concern, letter: 'F' },
  inconsistent: { label: 'Assurance: the process may or may not meet the target', colour: SPC_COLOURS.common_cause, letter: '?' },
};
const TREND_TEXT: Record<string, string> = {
  increasing: 'Recent trend: increasing', decreasing: 'Recent trend: decreasing',
  'increasing-getting-better': 'Recent trend: increasing and getting better', 'increasing-getting-worse': 'Recent trend: increasing and getting worse',
  'decreasing-getting-better': 'Recent trend: decreasing and getting better', 'decreasing-getting-worse': 'Recent trend: decreasing and getting worse',
  'no-significant-change': 'Recent trend: no significant change', 'cannot-be-calculated': 'Recent trend: cannot be calculated',
};

/** A Making Data Count icon: decorative, always shown beside its label. */
export function SpcIcon({ colour, letter }: { colour: string; letter: string }) {
  return (
    <svg width="28" height="28" viewBox="0 0 28 28" aria-hidden="true" className="spc-icon">
      <circle cx="14" cy="14" r="12" fill={CHART_COLOURS.background} stroke={colour} strokeWidth="3" />
      {/* The up arrow is drawn, not typed: not every font has the glyph. */}
      {letter === '↑' ? <path d="M14 6.5 20 13.5h-4v7h-4v-7H8z" fill={colour} /> : <text x="14" y="19" textAnchor="middle" fontSize="14" fontWeight="700" fill={colour}>{letter}</text>}
    </svg>
  );
}

/** Making Data Count variation and assurance icons, with their meaning in words, and the Fingertips recent-trend marker. */
export function SpcSummary({ trend }: { trend: TrendData }) {
  const variation = trend.spc.variation ? VARIATION_TEXT[trend.spc.variation] : null;
  const assurance = trend.spc.assurance ? ASSURANCE_TEXT[trend.spc.assurance] : null;
  const latestSpecial = [...trend.points].reverse().find((p) => p.spcPointType && p.spcPointType !== 'common_cause');
  return (
    <ul className="spc-summary" aria-label="Statistical process control summary">
      {variation && <li data-testid="spc-variation"><SpcIcon {...variation} /> {variation.label}</li>}
      {assurance && <li data-testid="spc-assurance"><SpcIcon {...assurance} /> {assurance.label}</li>}
      <li data-testid="recent-trend">{TREND_TEXT[trend.recentTrend.label] ?? trend.recentTrend.label}</li>
      {latestSpecial && <li>Latest special cause: {latestSpecial.period} ({latestSpecial.spcRule?.replaceAll('-', ' ')})</li>}
    </ul>
  );
}
