import { describe, expect, it } from 'vitest';
import { SqlParams } from './sql-params.ts';
import { quoteIdentifier, quoteLiteral } from './sql-query.ts';

describe('SQL quoting and parameters', () => {
  it('quotes a name and a string by doubling their own quote, and refuses a NUL', () => {
    expect(quoteIdentifier('explore "doses"')).toBe('"explore ""doses"""');
    expect(quoteLiteral("/data/it's/doses.parquet")).toBe("'/data/it''s/doses.parquet'");
    expect(() => quoteIdentifier('')).toThrow('invalid SQL identifier: ""');
    expect(() => quoteLiteral('a\0b')).toThrow('invalid SQL string');
  });

  it('numbers the placeholders of a wrapping query after those of the query it wraps', () => {
    const p = new SqlParams(['mmr', 1]);
    expect(p.add('/tmp/x.parquet')).toBe('$3');
    expect(p.list(['a', 'b'])).toBe('$4, $5');
    expect(p.values).toEqual(['mmr', 1, '/tmp/x.parquet', 'a', 'b']);
  });
});
