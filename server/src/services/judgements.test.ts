import { INDICATORS, MISSING_VALUE, indicatorValue } from '@pathfinder/metrics';
import { describe, expect, it } from 'vitest';
import { compare } from './judgements.ts';

const mmr = INDICATORS.find((i) => i.id === 'imm-mmr1-24m')!;

describe('compare (a values cell against its benchmark)', () => {
  it('is "not compared" only when there is nothing to compare: no value or no benchmark', () => {
    expect(compare(mmr, MISSING_VALUE, 90)).toBe('not-compared');
    expect(compare(mmr, indicatorValue(mmr, 45, 50), null)).toBe('not-compared');
  });

  it('fails on limits the wrong way round instead of posing as "not compared"', () => {
    const broken = { value: 80, lower95: 85, upper95: 75, lower998: 70, upper998: 90 };
    expect(() => compare(mmr, broken, 90)).toThrow(RangeError);
  });

  it('compares a value of 100% (x = n), whose limits once fell outside each other and left the cell "not compared"', () => {
    expect(compare(mmr, indicatorValue(mmr, 400, 400), 90)).toBe('much-better');
  });
});
