import { describe, expect, it } from 'vitest';
import { formatConfidenceInterval, formatValueWithInterval } from './format-interval.ts';
import { formatNumber } from './format-number.ts';

describe('formatConfidenceInterval', () => {
  it('writes the limits as a range with "to", one decimal by default', () => {
    expect(formatConfidenceInterval(5.12, 7.34)).toBe('95% CI 5.1 to 7.3');
  });

  it('keeps negative limits readable', () => {
    expect(formatConfidenceInterval(-15, -9.46)).toBe('95% CI -15.0 to -9.5');
  });

  it('formats the limits as asked', () => {
    expect(formatConfidenceInterval(1.2, 1.31, (v) => formatNumber(v, 2))).toBe('95% CI 1.20 to 1.31');
  });
});

describe('formatValueWithInterval', () => {
  it('gives the value, its unit and the interval in brackets', () => {
    expect(formatValueWithInterval(84.23, 83.1, 85.29, { unit: '%' })).toBe('84.2% (95% CI 83.1 to 85.3)');
    expect(formatValueWithInterval(1234.5, 1200, 1270, { unit: 'per 100,000' })).toBe('1,234.5 per 100,000 (95% CI 1,200.0 to 1,270.0)');
  });

  it('leaves the interval out when a limit is unknown', () => {
    expect(formatValueWithInterval(84.23, null, 85.3, { unit: '%' })).toBe('84.2%');
    expect(formatValueWithInterval(12, undefined, undefined)).toBe('12.0');
  });
});
