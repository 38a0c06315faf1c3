import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './csv-line.ts';

describe('csvLine', () => {
  it('quotes fields with commas, quotes or line breaks and doubles inner quotes (RFC 4180)', () => {
    expect(csvLine(['North East London', 'Barking, Havering and Redbridge', 'the "Rug"', 'a\nb', 'c\rd'])).toBe('North East London,"Barking, Havering and Redbridge","the ""Rug""","a\nb","c\rd"\n');
  });

  it('writes nothing for missing values and non-finite numbers, and numbers and flags as text', () => {
    expect(csvLine([null, undefined, Number.NaN, Number.POSITIVE_INFINITY, 82.4, 0, true, false])).toBe(',,,,82.4,0,true,false\n');
    expect(csvField('')).toBe('');
  });
});
