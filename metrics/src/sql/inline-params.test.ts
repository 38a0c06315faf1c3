import { describe, expect, it } from 'vitest';
import { inlineParams } from './inline-params.ts';

describe('inlineParams', () => {
  it('writes each value as a literal of its kind, $10 apart from $1', () => {
    const params = ['mmr', 1, -2, 0.1, true, null, 'a', 'b', 'c', "o'brien"];
    const text = 'SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10';
    expect(inlineParams({ text, params })).toBe("SELECT 'mmr', 1, (-2), CAST('0.1' AS DOUBLE), TRUE, NULL, 'a', 'b', 'c', 'o''brien'");
  });

  it('keeps a string whole, however it is quoted or commented, so a value cannot become SQL', () => {
    const text = `SELECT * FROM t WHERE name = $1 -- ends the line`;
    expect(inlineParams({ text, params: ["x' OR 1=1 --"] })).toBe(`SELECT * FROM t WHERE name = 'x'' OR 1=1 --' -- ends the line`);
    expect(() => inlineParams({ text: 'SELECT $1', params: ['nul\0'] })).toThrow('invalid SQL string');
  });

  it('leaves placeholders in strings, quoted names and comments alone', () => {
    const text = `SELECT '$1 it''s $2' AS "col $1", $1 /* $2 */ -- $2\n, $2`;
    expect(inlineParams({ text, params: [7, 8] })).toBe(`SELECT '$1 it''s $2' AS "col $1", 7 /* $2 */ -- $2\n, 8`);
  });

  it('returns a text without values as it is (an analyst may have written $1)', () => {
    expect(inlineParams({ text: 'SELECT $1', params: [] })).toBe('SELECT $1');
  });

  it('refuses a placeholder without a value, a value without a placeholder, and numbers SQL cannot write', () => {
    expect(() => inlineParams({ text: 'SELECT $1, $2', params: [1] })).toThrow('placeholder $2 has no value');
    expect(() => inlineParams({ text: 'SELECT $1', params: [1, 2] })).toThrow('1 of 2 values have no placeholder');
    expect(() => inlineParams({ text: 'SELECT $1', params: [Number.NaN] })).toThrow('not a finite number');
    expect(() => inlineParams({ text: 'SELECT $1', params: [Number.POSITIVE_INFINITY] })).toThrow('not a finite number');
  });
});
