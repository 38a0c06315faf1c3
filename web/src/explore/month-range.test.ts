import { describe, expect, it } from 'vitest';
import { monthsBetween } from './month-range.ts';

describe('monthsBetween', () => {
  it('lists the months of two dates across a year end', () => {
    expect(monthsBetween('2023-11-27', '2024-02-05')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
  });
  it('gives one month when both dates fall in it', () => {
    expect(monthsBetween('2024-03-04', '2024-03-25')).toEqual(['2024-03']);
  });
});
