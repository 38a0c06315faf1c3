import { describe, expect, it } from 'vitest';
import { breakdownGroupLabel, breakdownKey, compareBreakdownGroups, parseBreakdownKey } from './breakdown-groups.ts';

describe('breakdown groups', () => {
  it('makes and reads group keys', () => {
    expect(breakdownKey('deprivation', 1)).toBe('deprivation:1');
    expect(parseBreakdownKey('ethnicity:Asian')).toEqual({ dimension: 'ethnicity', value: 'Asian' });
    expect(parseBreakdownKey('age:0:4')).toEqual({ dimension: 'age', value: '0:4' });
    expect(parseBreakdownKey('total')).toBeNull();
  });

  it('labels quintiles, sexes, ethnic groups and unrecorded values in words', () => {
    expect(['deprivation:1', 'deprivation:3', 'deprivation:5', 'sex:F', 'ethnicity:Asian', 'ethnicity:unknown', 'total'].map(breakdownGroupLabel))
      .toEqual(['Most deprived 20%', 'Quintile 3', 'Least deprived 20%', 'Female', 'Asian', 'Not recorded', 'All']);
  });

  it('orders quintiles most to least deprived and ethnic groups as the census does, unknown last', () => {
    expect(['deprivation:unknown', 'deprivation:5', 'deprivation:1', 'deprivation:3'].sort(compareBreakdownGroups)).toEqual(['deprivation:1', 'deprivation:3', 'deprivation:5', 'deprivation:unknown']);
    expect(['ethnicity:unknown', 'ethnicity:Other', 'ethnicity:Gypsy', 'ethnicity:Black', 'ethnicity:White'].sort(compareBreakdownGroups))
      .toEqual(['ethnicity:White', 'ethnicity:Black', 'ethnicity:Other', 'ethnicity:Gypsy', 'ethnicity:unknown']);
  });
});
