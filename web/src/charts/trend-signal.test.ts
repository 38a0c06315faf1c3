import { describe, expect, it } from 'vitest';
import { latestSpecialStretch, periodIndex, signalDescription } from './trend-signal.ts';

const p = (period: string, spcPointType: string | null, value: number | null = 1) => ({ period, value, spcPointType });
const POINTS = [p('Q1', 'common_cause'), p('Q2', 'special_cause_concern'), p('Q3', 'special_cause_concern'), p('Q4', 'common_cause'), p('Q5', 'special_cause_concern'), p('Q6', 'special_cause_concern'), p('Q7', 'special_cause_concern'), p('Q8', null, null)];

describe('the signal on the trend', () => {
  it("finds the link's period, or the latest with a value", () => {
    expect(periodIndex(POINTS, 'Q3')).toBe(2);
    expect(periodIndex(POINTS, 'latest')).toBe(6);
    expect(periodIndex(POINTS, 'not a period')).toBe(6);
  });

  it('takes the run of special-cause points ending nearest the period', () => {
    expect(latestSpecialStretch(POINTS, 6)).toEqual({ from: 'Q5', to: 'Q7', count: 3 });
    expect(latestSpecialStretch(POINTS, 3)).toEqual({ from: 'Q2', to: 'Q3', count: 2 });
    expect(latestSpecialStretch(POINTS, 0)).toBeNull();
    expect(latestSpecialStretch([p('Q1', 'common_cause')], 0)).toBeNull();
  });

  it("words a rule as the catalogue does, and knows no made-up rule", () => {
    const context = { indicator: { frequency: 'quarterly' as const }, benchmark: 'London', target: '95%', note: null };
    expect(signalDescription('worse-998', context)).toBe('Significantly worse than London (99.8% confidence)');
    expect(signalDescription('trend-worsening', context)).toBe('Getting worse over the last 5 quarters (recent trend)');
    expect(signalDescription('fails-target-and-worse', context)).toBe('Will consistently miss its target of 95% and is significantly worse than London');
    expect(signalDescription('no-such-rule', context)).toBeNull();
  });
});
