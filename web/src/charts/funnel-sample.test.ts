import { describe, expect, it } from 'vitest';
import { sampleFunnelPoints } from './funnel-sample.ts';

const point = (i: number, significance = 'none') => ({ areaCode: `P${String(i).padStart(5, '0')}`, significance });

describe('funnel sample', () => {
  it('keeps every point when there are no more than the limit', () => {
    const points = Array.from({ length: 250 }, (_, i) => point(i));
    expect(sampleFunnelPoints(points, 1000)).toEqual({ shown: points, sampled: false });
  });
  it('keeps every outlier and fills the rest evenly up to the limit', () => {
    const points = Array.from({ length: 3000 }, (_, i) => point(i, i % 100 === 0 ? 'low-95' : 'none'));
    const { shown, sampled } = sampleFunnelPoints(points, 1000);
    expect(sampled).toBe(true);
    expect(shown).toHaveLength(1000);
    expect(shown.filter((p) => p.significance !== 'none')).toHaveLength(30);
    expect(new Set(shown.map((p) => p.areaCode)).size).toBe(1000);
  });
  it('gives the same sample whatever order the points arrive in', () => {
    const points = Array.from({ length: 1500 }, (_, i) => point(i, i % 7 === 0 ? 'high-95' : 'none'));
    const codes = (ps: typeof points) => sampleFunnelPoints(ps, 1000).shown.map((p) => p.areaCode).sort();
    expect(codes([...points].reverse())).toEqual(codes(points));
  });
  it('spaces the outliers themselves when they alone exceed the limit', () => {
    const points = Array.from({ length: 1200 }, (_, i) => point(i, 'high-99.8'));
    expect(sampleFunnelPoints(points, 1000).shown).toHaveLength(1000);
  });
});
