import { describe, expect, it } from 'vitest';
import { changeUnit, itsSentence, measureNoun } from './its-sentence.ts';

const coefficient = (estimate: number, lower95: number, upper95: number) => ({ estimate, standardError: (upper95 - lower95) / 3.92, lower95, upper95 });
const base = { intervention: '2022/23 Q2', measure: 'coverage', unit: '%', frequency: 'quarterly' } as const;

describe('itsSentence', () => {
  it('gives a step down with its limits as magnitudes, and a slope change whose CI includes zero as not distinguishable from none', () => {
    expect(itsSentence({ ...base, levelChange: coefficient(-1.4, -2.2, -0.6), slopeChange: coefficient(0.1, -0.05, 0.25) })).toBe(
      'From 2022/23 Q2, coverage stepped down 1.4 percentage points (95% CI 0.6 to 2.2 down) and its trend changed by +0.10 percentage points per quarter against the pre-intervention trend (95% CI −0.05 to +0.25: not distinguishable from no change).',
    );
  });

  it('gives a step up, and a slope change whose CI excludes zero without the caveat', () => {
    expect(itsSentence({ ...base, levelChange: coefficient(2.04, 0.96, 3.12), slopeChange: coefficient(-0.3, -0.5, -0.1) })).toBe(
      'From 2022/23 Q2, coverage stepped up 2.0 percentage points (95% CI 1.0 to 3.1 up) and its trend changed by −0.30 percentage points per quarter against the pre-intervention trend (95% CI −0.50 to −0.10).',
    );
  });

  it('says a step whose CI includes zero is not distinguishable from none, in the rate’s own unit and period', () => {
    expect(itsSentence({ intervention: '2023-11', measure: 'the rate', unit: 'per 1,000', frequency: 'monthly', levelChange: coefficient(-0.32, -1.1, 0.46), slopeChange: coefficient(0, -0.004, 0.004) })).toBe(
      'From 2023-11, the rate changed by −0.3 per 1,000 (95% CI −1.1 to +0.5: not distinguishable from no step) and its trend changed by 0.00 per 1,000 per month against the pre-intervention trend (95% CI 0.00 to 0.00: not distinguishable from no change).',
    );
  });

  it('names the measure and the unit of a change', () => {
    expect(measureNoun({ domain: 'immunisation', unit: '%' })).toBe('coverage');
    expect(measureNoun({ domain: 'asthma', unit: '%' })).toBe('the percentage');
    expect(measureNoun({ domain: 'hypertension', unit: 'per 100,000' })).toBe('the rate');
    expect(changeUnit('%')).toBe('percentage points');
    expect(changeUnit('per 100,000')).toBe('per 100,000');
  });
});
