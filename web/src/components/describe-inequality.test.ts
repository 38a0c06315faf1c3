import { describe, expect, it } from 'vitest';
import { describeRii, describeSii } from './describe-inequality.ts';

describe('inequality in words', () => {
  it('reads a positive SII on a percentage as the least deprived end being higher, in percentage points, with its interval', () => {
    expect(describeSii(6.2, '%', 'higher-better', { lower: 5.14, upper: 7.26 })).toBe(
      'SII 6.2 percentage points (95% CI 5.1 to 7.3): on the line fitted across the five quintiles, the least deprived end is 6.2 points higher than the most deprived end. The most deprived fare worse.',
    );
  });
  it('reads a negative SII as the least deprived being lower, and judges it by polarity', () => {
    expect(describeSii(-12.34, 'per 100,000', 'lower-better', { lower: -15, upper: -9.5 })).toBe(
      'SII -12.3 per 100,000 (95% CI -15.0 to -9.5): on the line fitted across the five quintiles, the least deprived end is 12.3 per 100,000 lower than the most deprived end. The most deprived fare worse.',
    );
  });
  it('makes no judgement where there is no better or worse', () => {
    expect(describeSii(3, '%', 'no-judgement', { lower: 1, upper: 5 })).not.toMatch(/fare/);
  });
  it('says when the SII interval includes 0', () => {
    expect(describeSii(1.2, '%', 'higher-better', { lower: -0.4, upper: 2.8 })).toMatch(/The interval includes 0, so the gap may be down to chance\.$/);
  });
  it('says why there is no interval', () => {
    expect(describeSii(6.2, '%', 'higher-better', null)).toMatch(/^SII 6\.2 percentage points \(no 95% CI: it cannot be simulated when a quintile’s value is 0, or 100% for a percentage\):/);
  });
  it('gives the RII as how many times the fitted most-deprived value the fitted least-deprived value is', () => {
    expect(describeRii(1.2512, { lower: 1.2, upper: 1.31 })).toBe('RII 1.25 (95% CI 1.20 to 1.31): the fitted value for the least deprived end is 1.25 times that for the most deprived end.');
  });
  it('reads an RII below 1 the same way, and says when its interval includes 1', () => {
    expect(describeRii(0.9, { lower: 0.8, upper: 1.02 })).toBe('RII 0.90 (95% CI 0.80 to 1.02): the fitted value for the least deprived end is 0.90 times that for the most deprived end. The interval includes 1 (no difference).');
  });
});
