import { describe, expect, it } from 'vitest';
import { formatDate, formatMonth } from './format-date.ts';

describe('dates', () => {
  it('writes an ISO date in full, on its UTC calendar day', () => {
    expect(formatDate('2025-03-31')).toBe('31 March 2025');
    expect(formatDate('2022-10-01')).toBe('1 October 2022');
  });

  it('writes the same short month from a time or from an ISO month', () => {
    expect(formatMonth(Date.UTC(2023, 0, 31, 23, 30))).toBe('Jan 2023');
    expect(formatMonth('2023-01')).toBe('Jan 2023');
    expect(formatMonth('2022-10')).toBe(formatMonth(Date.UTC(2022, 9, 1)));
  });
});
