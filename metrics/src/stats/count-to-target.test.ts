import { describe, expect, it } from 'vitest';
import { countToTarget } from './count-to-target.ts';

describe('countToTarget', () => {
  it.each([
    { case: '15 of 21 for 95% (20 needed)', count: 15, of: 21, target: 95, expected: 5 },
    { case: '19 of 20 for 95% (exactly 19 needed)', count: 19, of: 20, target: 95, expected: 0 },
    { case: '80 of 101 for 95% (95.95 rounds up to 96)', count: 80, of: 101, target: 95, expected: 16 },
    { case: 'past the target', count: 100, of: 100, target: 95, expected: 0 },
    { case: 'none counted, 60 eligible, 90%', count: 0, of: 60, target: 90, expected: 54 },
    { case: 'nobody eligible', count: 0, of: 0, target: 95, expected: 0 },
  ])('$case', ({ count, of, target, expected }) => expect(countToTarget(count, of, target)).toBe(expected));
  it('gives null for an unknown (hidden) count', () => {
    expect(countToTarget(null, 20, 95)).toBeNull();
    expect(countToTarget(5, null, 95)).toBeNull();
  });
  it('rejects a target outside 0–100 and a count above the eligible', () => {
    expect(() => countToTarget(1, 2, 950)).toThrow('target must be a percentage in 0–100 (got 950)');
    expect(() => countToTarget(7, 5, 95)).toThrow('count must be in 0–5 (got 7)');
  });
});
