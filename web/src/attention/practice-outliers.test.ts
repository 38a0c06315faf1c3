import { describe, expect, it } from 'vitest';
import { practiceOutliers } from './practice-outliers.ts';

const point = (code: string, significance: 'high-99.8' | 'high-95' | 'none' | 'low-95' | 'low-99.8', value: number, denominator = 100) => ({ areaCode: code, significance, value, denominator });

describe('practiceOutliers', () => {
  it('keeps only practices outside the 99.8% limits, either side, furthest from the average first', () => {
    const points = [point('A', 'none', 80), point('B', 'low-95', 70), point('C', 'low-99.8', 50), point('D', 'high-99.8', 95), point('E', 'high-95', 90)];
    expect(practiceOutliers(points, 80).map((p) => p.areaCode)).toEqual(['C', 'D']);
  });

  it('ranks equally distant practices by size, and keeps every outlier without an average', () => {
    const points = [point('S', 'low-99.8', 60, 50), point('L', 'high-99.8', 100, 900)];
    expect(practiceOutliers(points, 80).map((p) => p.areaCode)).toEqual(['L', 'S']);
    expect(practiceOutliers(points, null)).toHaveLength(2);
  });
});
