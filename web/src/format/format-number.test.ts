import { describe, expect, it } from 'vitest';
import { formatCount, formatMegabytes, formatNumber, formatPercent, formatWithUnit, unitSuffix } from './format-number.ts';

describe('formatNumber', () => {
  it.each([
    { value: 84.25, digits: 1, text: '84.3' },
    { value: 12345.678, digits: 1, text: '12,345.7' },
    { value: 1.2512, digits: 2, text: '1.25' },
    { value: 0.9, digits: 2, text: '0.90' },
    { value: -12.34, digits: 1, text: '-12.3' },
    { value: 1234567, digits: 0, text: '1,234,567' },
    { value: 77, digits: 1, text: '77.0' },
  ])('$value to $digits decimals reads $text', ({ value, digits, text }) => {
    expect(formatNumber(value, digits)).toBe(text);
  });

  it('uses one decimal unless told otherwise', () => {
    expect(formatNumber(6.25)).toBe('6.3');
  });

  it.each([null, undefined, Number.NaN, Number.POSITIVE_INFINITY])('shows %s as a dash', (value) => {
    expect(formatNumber(value)).toBe('–');
  });
});

describe('counts, units and percentages', () => {
  it('rounds counts to whole numbers with thousands separators', () => {
    expect(formatCount(12344.5)).toBe('12,345');
    expect(formatCount(null)).toBe('–');
  });

  it('sticks % to the number and spaces other units', () => {
    expect(unitSuffix('%')).toBe('%');
    expect(unitSuffix('per 100,000')).toBe(' per 100,000');
    expect(unitSuffix('')).toBe('');
    expect(formatWithUnit(1234.56, 'per 100,000')).toBe('1,234.6 per 100,000');
    expect(formatPercent(84.21)).toBe('84.2%');
    expect(formatPercent(null)).toBe('–');
  });

  it('shows bytes as mebibytes with one decimal', () => {
    expect(formatMegabytes(1_572_864)).toBe('1.5');
  });
});
