import { describe, expect, it } from 'vitest';
import { spineScale, worstAndBest } from './spine-scale.ts';

const base = { polarity: 'higher-better' as const, value: 80, london: 82, england: 85, min: 60, max: 95 };

describe('spine scale', () => {
  it('puts England at the centre', () => {
    expect(spineScale(base)(85)).toBe(0.5);
  });
  it('keeps the farthest mark just inside the edge, on the side of its direction', () => {
    const x = spineScale(base);
    expect(x(60)).toBeGreaterThan(0);
    expect(x(60)).toBeLessThan(0.05);
    expect(x(95)).toBeGreaterThan(0.5);
  });
  it('puts better to the right for a lower-better indicator by mirroring it', () => {
    const x = spineScale({ ...base, polarity: 'lower-better' });
    expect(x(60)).toBeGreaterThan(0.95);
    expect(x(95)).toBeLessThan(0.5);
  });
  it('keeps higher to the right for a no-judgement indicator', () => {
    const x = spineScale({ ...base, polarity: 'no-judgement' });
    expect(x(95)).toBeGreaterThan(x(60));
  });
  it('fits an area value outside the range of its peers', () => {
    const x = spineScale({ ...base, value: 40 });
    expect(x(40)).toBeGreaterThan(0);
    expect(x(40)).toBeLessThan(0.05);
  });
  it('centres on the middle of the range when there is no England value', () => {
    expect(spineScale({ ...base, england: null })(77.5)).toBe(0.5);
  });
  it('draws everything at the centre when all values are equal', () => {
    expect(spineScale({ ...base, value: 5, london: 5, england: 5, min: 5, max: 5 })(5)).toBe(0.5);
  });
});

describe('worst and best', () => {
  it('reads the minimum as worst when higher is better, and as best when lower is better', () => {
    expect(worstAndBest({ polarity: 'higher-better', min: 1, max: 9 })).toEqual({ worst: 1, best: 9 });
    expect(worstAndBest({ polarity: 'lower-better', min: 1, max: 9 })).toEqual({ worst: 9, best: 1 });
  });
});
