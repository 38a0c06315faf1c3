import { describe, expect, it } from 'vitest';
import { fyQuarterLabel, fyQuarterStart, parseFyQuarter } from './fy-quarter.ts';

describe('financial-year quarters', () => {
  it.each([
    { label: '2023/24 Q1', start: '2023-04-01' },
    { label: '2023/24 Q3', start: '2023-10-01' },
    { label: '2023/24 Q4', start: '2024-01-01' },
    { label: '1999/00 Q2', start: '1999-07-01' },
  ])('$label starts on $start and round-trips', ({ label, start }) => {
    const q = parseFyQuarter(label);
    expect(fyQuarterStart(q)).toBe(start);
    expect(fyQuarterLabel(q)).toBe(label);
  });
  it.each(['2023/25 Q1', '2023/24 Q5', '2023-24 Q1', ''])('rejects %j', (bad) => expect(() => parseFyQuarter(bad)).toThrow(/financial-year quarter/));
});
