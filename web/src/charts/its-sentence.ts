import type { FREQUENCIES, ItsCoefficient } from '@pathfinder/metrics';
import { formatNumber } from '../format/format-number.ts';

type Frequency = (typeof FREQUENCIES)[number];

const PERIOD_NOUN: Record<Frequency, string> = { weekly: 'week', monthly: 'month', quarterly: 'quarter', annual: 'year' };

/** What one period of a frequency is called ("quarter"). */
export const periodNoun = (frequency: Frequency): string => PERIOD_NOUN[frequency];

/** The unit a change of a value is measured in: a difference of percentages is in percentage points. */
export const changeUnit = (unit: string): string => (unit === '%' ? 'percentage points' : unit);

/** What the sentence calls the measure: coverage for immunisation percentages, otherwise the percentage or the rate. */
export const measureNoun = (indicator: { domain: string; unit: string }): string => (indicator.unit === '%' ? (indicator.domain === 'immunisation' ? 'coverage' : 'the percentage') : 'the rate');

/** A change with its sign ("+0.10", "−1.4", "0.0"), with a true minus sign. */
const signed = (v: number, digits: number): string => {
  const text = formatNumber(Math.abs(v), digits);
  return Number(text.replaceAll(',', '')) === 0 ? text : `${v > 0 ? '+' : '−'}${text}`;
};

const includesZero = (c: ItsCoefficient) => c.lower95 <= 0 && c.upper95 >= 0;

/** The level change: a step up or down with its limits as magnitudes, or a signed change when its CI includes zero. */
function levelPhrase(c: ItsCoefficient, unit: string): string {
  const u = changeUnit(unit);
  if (includesZero(c)) return `changed by ${signed(c.estimate, 1)} ${u} (95% CI ${signed(c.lower95, 1)} to ${signed(c.upper95, 1)}: not distinguishable from no step)`;
  return c.estimate < 0
    ? `stepped down ${formatNumber(-c.estimate, 1)} ${u} (95% CI ${formatNumber(-c.upper95, 1)} to ${formatNumber(-c.lower95, 1)} down)`
    : `stepped up ${formatNumber(c.estimate, 1)} ${u} (95% CI ${formatNumber(c.lower95, 1)} to ${formatNumber(c.upper95, 1)} up)`;
}

/**
 * The interrupted time series in one plain sentence: the step at the intervention and the change of
 * the trend per period, each with its 95% CI and unit, saying so when a CI includes zero.
 * @example itsSentence({ intervention: '2022/23 Q2', measure: 'coverage', unit: '%', frequency: 'quarterly', levelChange, slopeChange })
 * // "From 2022/23 Q2, coverage stepped down 1.4 percentage points (95% CI 0.6 to 2.2 down) and its trend changed by +0.10 percentage points per quarter against the pre-intervention trend (95% CI −0.05 to +0.25: not distinguishable from no change)."
 */
export function itsSentence(f: { intervention: string; measure: string; unit: string; frequency: Frequency; levelChange: ItsCoefficient; slopeChange: ItsCoefficient }): string {
  const s = f.slopeChange;
  const slope = `${signed(s.estimate, 2)} ${changeUnit(f.unit)} per ${periodNoun(f.frequency)}`;
  const slopeCi = `95% CI ${signed(s.lower95, 2)} to ${signed(s.upper95, 2)}${includesZero(s) ? ': not distinguishable from no change' : ''}`;
  return `From ${f.intervention}, ${f.measure} ${levelPhrase(f.levelChange, f.unit)} and its trend changed by ${slope} against the pre-intervention trend (${slopeCi}).`;
}
