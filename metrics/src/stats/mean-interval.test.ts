import { describe, expect, it } from 'vitest';
import { meanInterval } from './mean-interval.ts';

const close = (actual: number | null, expected: number) => {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
};

describe('meanInterval', () => {
  // Hand-checked: mean ∓ t·s/√n with t from R qt (brief) or mpmath 1.3.0 at 30 digits (t-table: 12.706, 2.776, 7.173).
  it.each([
    { case: '2 and 4, 95%: s/√n = 1, so the half-width is qt(0.975, 1)', values: [2, 4], level: 0.95, mean: 3, sd: Math.SQRT2, halfWidth: 12.7062047361747 },
    { case: '1…5, 95%: s/√n = √½, qt(0.975, 4) = 2.7764451051977943', values: [1, 2, 3, 4, 5], level: 0.95, mean: 3, sd: Math.sqrt(2.5), halfWidth: 2.7764451051977943 * Math.SQRT1_2 },
    { case: '1…5, 99.8%: qt(0.999, 4) = 7.1731822197823085', values: [1, 2, 3, 4, 5], level: 0.998, mean: 3, sd: Math.sqrt(2.5), halfWidth: 7.1731822197823085 * Math.SQRT1_2 },
  ])('$case', ({ values, level, mean, sd, halfWidth }) => {
    const ci = meanInterval(values, level);
    expect(ci.count).toBe(values.length);
    close(ci.mean, mean);
    close(ci.standardDeviation, sd);
    close(ci.lower, mean - halfWidth);
    close(ci.upper, mean + halfWidth);
  });

  it('defaults to 95%', () => expect(meanInterval([1, 2, 3, 4, 5])).toEqual(meanInterval([1, 2, 3, 4, 5], 0.95)));
  it('gives null limits and spread for a single value', () => {
    expect(meanInterval([7.5])).toEqual({ count: 1, mean: 7.5, standardDeviation: null, lower: null, upper: null });
  });
  it('gives a zero-width interval for identical values', () => expect(meanInterval([5, 5, 5])).toEqual({ count: 3, mean: 5, standardDeviation: 0, lower: 5, upper: 5 }));
  it('rejects an empty sample', () => expect(() => meanInterval([])).toThrow('values must contain at least one number'));
  it('rejects a missing value, naming its index', () => expect(() => meanInterval([1, Number.NaN, 3])).toThrow('values must be finite numbers (got NaN at index 1)'));
  it('rejects a level given as a percentage', () => expect(() => meanInterval([1, 2], 95)).toThrow('confidence level must be between 0 and 1 (got 95)'));
});
