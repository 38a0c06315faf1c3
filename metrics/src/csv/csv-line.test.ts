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

  // OWASP, CSV injection: cells starting with = + - @ tab or carriage return are prefixed with a single quote.
  it.each([
    ['=1+2', "'=1+2"],
    ['+1+cmd|\' /C calc\'!A0', "'+1+cmd|' /C calc'!A0"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+2', "'\t=1+2"],
    ['\r=1+2', `"'\r=1+2"`],
    ['=HYPERLINK("http://x.example","y")', `"'=HYPERLINK(""http://x.example"",""y"")"`],
    ['-', "'-"],
  ])('neutralises the formula text %j', (text, field) => expect(csvField(text)).toBe(field));

  it.each([['-1.5'], ['+44'], ['-0'], ['-.5'], ['-2e-3'], ['North-East'], ['a=b'], ['E09000001']])('leaves %j as it is: a number to a spreadsheet, or text that starts safely', (text) => {
    expect(csvField(text)).toBe(text);
  });

  it('never prefixes numbers the server writes, negative ones included', () => {
    expect(csvLine([-1.5, -0.25, 3])).toBe('-1.5,-0.25,3\n');
  });
});
