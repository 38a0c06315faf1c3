import { describe, expect, it } from 'vitest';
import { describeRii, describeSii } from './describe-inequality.ts';

describe('inequality in words', () => {
  it('reads a positive SII on a percentage as the least deprived fifth being higher, in percentage points', () => {
    expect(describeSii(6.2, '%', 'higher-better')).toBe('SII 6.2 percentage points: on the fitted line across the five quintiles, the least deprived fifth is 6.2 points higher than the most deprived. The most deprived fare worse.');
  });
  it('reads a negative SII as the least deprived being lower, and judges it by polarity', () => {
    expect(describeSii(-12.34, 'per 100,000', 'lower-better')).toBe('SII -12.3 per 100,000: on the fitted line across the five quintiles, the least deprived fifth is 12.3 per 100,000 lower than the most deprived. The most deprived fare worse.');
  });
  it('makes no judgement where there is no better or worse', () => {
    expect(describeSii(3, '%', 'no-judgement')).not.toMatch(/fare/);
  });
  it('gives the RII as a share of the average', () => {
    expect(describeRii(0.1435, 'London')).toBe('RII 0.14: that gap is 14% of London’s average.');
  });
});
